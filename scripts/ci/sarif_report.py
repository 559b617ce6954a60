#!/usr/bin/env python3
"""Prints the results of a `pulumi-token-lsp scan --format sarif` report for a CI log, and writes
the CI systems' own forms of them.

Usage: sarif_report.py REPORT [--github-annotations] [--codequality FILE]
  (always)              one line per result: path:line:col: level: message (the masked preview,
                        never a token: the report holds none), then a count
  --github-annotations  also a GitHub Actions `::error` workflow command per result, so findings
                        show on the pull request's files even where code scanning is not enabled
  --codequality FILE    write a GitLab Code Quality report (JSON array) to FILE, for
                        `artifacts: reports: codequality` (the merge request widget)
Exit 0, or 2 when the report cannot be read. Python 3 standard library only."""

from __future__ import annotations

import json
import sys
from urllib.parse import unquote

SEVERITY = {"error": "critical", "warning": "major", "note": "info", "none": "info"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def findings(sarif: dict):
    """Yields (path, line, column, end line, end column, level, rule, message, fingerprint)."""
    for run in sarif.get("runs", []):
        for r in run.get("results", []):
            loc = (r.get("locations") or [{}])[0].get("physicalLocation", {})
            region = loc.get("region", {})
            line, col = region.get("startLine", 1), region.get("startColumn", 1)
            fps = r.get("partialFingerprints", {})
            yield (unquote(loc.get("artifactLocation", {}).get("uri", "?")), line, col,
                   region.get("endLine", line), region.get("endColumn", col),
                   r.get("level", "warning"), r.get("ruleId", "?"),
                   r.get("message", {}).get("text", ""),
                   next((v for k, v in sorted(fps.items()) if k.startswith("pulumiTokenLsp")), ""))


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("--"):
        print(__doc__, file=sys.stderr)
        return 2
    report, options = argv[0], argv[1:]
    annotations = "--github-annotations" in options
    codequality = options[options.index("--codequality") + 1] if "--codequality" in options else None
    try:
        with open(report, encoding="utf-8") as f:
            sarif = json.load(f)
    except (OSError, ValueError) as e:
        print(f"sarif_report: {report}: {e}", file=sys.stderr)
        return 2
    rows = list(findings(sarif))
    quality = []
    for path, line, col, end_line, end_col, level, rule, message, fingerprint in rows:
        print(f"{path}:{line}:{col}: {level}: {message}")
        if annotations:
            command = "error" if level == "error" else "warning" if level == "warning" else "notice"
            props = ",".join(f"{k}={escape_property(str(v))}" for k, v in (
                ("file", path), ("line", line), ("col", col), ("endLine", end_line),
                ("endColumn", end_col), ("title", f"pulumi-token-lsp: {rule}")))
            print(f"::{command} {props}::{escape_data(message)}")
        quality.append({
            "type": "issue", "check_name": rule, "description": message, "categories": ["Security"],
            "severity": SEVERITY.get(level, "info"), "fingerprint": fingerprint or f"{path}:{line}:{col}",
            "location": {"path": path, "lines": {"begin": line, "end": end_line}},
        })
    print(f"pulumi-token-lsp: {len(rows)} finding(s) in {report}")
    if codequality:
        with open(codequality, "w", encoding="utf-8") as f:
            json.dump(quality, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
