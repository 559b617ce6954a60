#!/usr/bin/env python3
"""`pulumi-token-lsp scan` through the real binary (issue 13): sources, skipping, formats, exit
codes, fingerprints, the editor's positions, and no full token in anything it writes.

Usage: scan_test.py BINARY. Tokens are built at run time; the repository holds none."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BINARY = os.path.abspath(sys.argv[1])
TOKENS: list[str] = []
results = {"passed": 0, "failed": 0}


def token(seed: str) -> str:
    t = "pul-" + hashlib.sha1(seed.encode()).hexdigest()
    TOKENS.append(t)
    return t


def run(args, cwd, stdin: bytes | None = None):
    p = subprocess.run([BINARY, *args], cwd=cwd, input=stdin, capture_output=True, timeout=60)
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    for t in TOKENS:  # never a full token, in any stream
        assert t not in out and t not in err, "a full token was written"
    return p.returncode, out, err


def case(fn):
    with tempfile.TemporaryDirectory() as d:
        try:
            fn(Path(d))
            results["passed"] += 1
            print(f"ok   {fn.__doc__}")
        except AssertionError as e:
            results["failed"] += 1
            print(f"FAIL {fn.__doc__}: {e}")
    return fn


def write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@case
def _(d):
    """a tree: each token as path:line:col with a masked preview; .git, binaries and large files skipped and listed; exit 1"""
    a, b = token("a"), token("b")
    write(d / "src/index.ts", f'import * as x from "y";\nconst t = "{a}";\n')
    write(d / "src/.git/config", f"[remote]\n token = {b}\n")
    write(d / "img.bin", b"\x89PNG\0\0" + b.encode())
    write(d / "big.txt", "x" * 2048 + b)
    code, out, err = run(["scan", "--max-file-size", "1024", "."], d)
    assert code == 1, f"exit {code}, stderr {err!r}"
    lines = out.splitlines()
    assert lines[0].startswith(f"src/index.ts:2:12: error: Pulumi access token {a[:8]}…"), lines[0]
    assert "big.txt: skipped: larger than 1024 bytes" in lines, out
    assert "img.bin: skipped: binary" in lines, out
    assert ".git" not in out, out
    assert lines[-1].startswith("1 token(s), 0 placeholder(s) in 1 file(s)"), lines[-1]


@case
def _(d):
    """json: path, line, column, end, rule, severity, preview, fingerprint; placeholders are hints"""
    a = token("json")
    write(d / "Pulumi.dev.yaml", f"config:\n  svc:token: {a}\n  example: pul-{'0' * 40}\n")
    code, out, _ = run(["scan", "--format", "json", "Pulumi.dev.yaml"], d)
    assert code == 1, code
    doc = json.loads(out)
    f, p = doc["findings"]
    assert (f["path"], f["line"], f["column"], f["endLine"], f["endColumn"]) == ("Pulumi.dev.yaml", 2, 14, 2, 58), f
    assert f["rule"] == "pulumi-access-token" and f["severity"] == "error" and f["preview"] == a[:8] + "…", f
    assert len(f["fingerprint"]) == 64, f
    assert p["severity"] == "hint", p
    assert doc["stats"] == {"files": 1, "bytes": len(Path(d / "Pulumi.dev.yaml").read_bytes()), "findings": 1,
                            "placeholders": 1, "baselined": 0, "ignored": 0, "commits": 0}, doc["stats"]
    code, out, _ = run(["scan", "--format", "json", "--placeholders=off", "Pulumi.dev.yaml"], d)
    assert len(json.loads(out)["findings"]) == 1


@case
def _(d):
    """fingerprints: the same when the token moves to another line, different for another path or token"""
    a, b = token("fp-a"), token("fp-b")
    write(d / "x.env", f"T={a}\n")
    fp = lambda: [f["fingerprint"] for f in json.loads(run(["scan", "--format", "json", "."], d)[1])["findings"]]
    first = fp()
    write(d / "x.env", f"# a comment\n\nT={a}\n")
    assert fp() == first, "moving the token changed its fingerprint"
    write(d / "x.env", f"T={b}\n")
    assert fp() != first, "a new token on the old line kept the fingerprint"
    (d / "x.env").rename(d / "y.env")
    write(d / "y.env", f"T={a}\n")
    assert fp() != first, "another path kept the fingerprint"


@case
def _(d):
    """the editor's columns: code points after emoji, CJK and invalid UTF-8, lines ending in CRLF or a lone CR"""
    a = token("positions")
    text = b"\xf0\x9f\x9a\x80 \xe9\x83\xa8\r\n\xff\xfe x\rmid \xc3\xa9 " + a.encode() + b"\n"
    write(d / "notes.txt", text)
    code, out, _ = run(["scan", "notes.txt"], d)
    assert code == 1
    scan_pos = out.splitlines()[0].split(": ")[0]
    code, check_out, _ = run(["--check", "notes.txt"], d)
    check_pos = check_out.splitlines()[0].split(": ")[0]
    assert scan_pos == check_pos == "notes.txt:3:7", (scan_pos, check_pos)


@case
def _(d):
    """standard input, reported under --stdin-name; ignore markers are honoured as in the editor"""
    a, b = token("stdin-a"), token("stdin-b")
    data = f"deploy:\n  token: {a}\n  other: {b} # gitleaks:allow\n".encode()
    code, out, _ = run(["scan", "--stdin-name", "ci/deploy.yml", "-"], d, stdin=data)
    assert code == 1, code
    lines = out.splitlines()
    assert lines[0].startswith("ci/deploy.yml:2:10: error:"), lines
    assert lines[1].startswith("1 token(s)"), lines


@case
def _(d):
    """exit codes: 0 without tokens, 0 with --exit-zero, 2 for a missing path with the other findings still reported"""
    write(d / "clean.py", "x = 1\n")
    assert run(["scan", "."], d)[0] == 0
    a = token("exit")
    write(d / "leak.py", f"t = '{a}'\n")
    assert run(["scan", "--exit-zero", "."], d)[0] == 0
    code, out, err = run(["scan", "leak.py", "missing-dir"], d)
    assert code == 2, code
    assert "missing-dir: no such file or directory" in err, err
    assert out.startswith("leak.py:1:6: error:"), out


@case
def _(d):
    """--output writes the report to a file; usage errors exit 2 with a message"""
    a = token("output")
    write(d / "a.sh", f"export PULUMI_ACCESS_TOKEN={a}\n")
    code, out, _ = run(["scan", "--format", "json", "--output", "report.json", "a.sh"], d)
    assert code == 1 and out == "", (code, out)
    assert json.loads((d / "report.json").read_text())["stats"]["findings"] == 1
    for bad in (["scan", "--format", "xml"], ["scan", "--bogus"], ["scan", "--threads", "0"], ["scan", "-", "a.sh"]):
        code, _, err = run(bad, d)
        assert code == 2 and "Try pulumi-token-lsp scan --help" in err, (bad, code, err)


@case
def _(d):
    """symlinks: one inside the tree is scanned, one out of the tree is skipped and listed, a directory link is not followed"""
    a, b = token("inside"), token("outside")
    outside = Path(tempfile.mkdtemp())
    try:
        write(outside / "secret.txt", b + "\n")
        write(d / "tree/real.txt", a + "\n")
        os.symlink(d / "tree/real.txt", d / "tree/link.txt")
        os.symlink(outside / "secret.txt", d / "tree/escape.txt")
        os.symlink(outside, d / "tree/dirlink")
        code, out, _ = run(["scan", "tree"], d)
        assert code == 1, code
        assert "tree/escape.txt: skipped: symlink out of the tree" in out, out
        assert out.count(": error:") == 2, out  # real.txt and link.txt; nothing from outside
        assert "tree/dirlink: skipped: symlink out of the tree" in out, out
    finally:
        for p in sorted(outside.rglob("*"), reverse=True):
            p.unlink()
        outside.rmdir()


@case
def _(d):
    """many files on several threads: the same report, in the same order, as on one thread"""
    for i in range(200):
        write(d / f"pkg{i % 7}/f{i}.go", f'package p\nvar t = "{token(f"many-{i}")}"\n' if i % 3 == 0 else "package p\n")
    one = run(["scan", "--threads", "1", "--format", "json", "."], d)[1]
    many = run(["scan", "--threads", "8", "--format", "json", "."], d)[1]
    assert one == many
    assert json.loads(one)["stats"]["findings"] == 67


@case
def _(d):
    """baselines: --write-baseline records today's tokens by fingerprint; --baseline fails only on new ones, wherever the old move"""
    a, b = token("baseline-old"), token("baseline-new")
    write(d / "app/config.ts", f'export const t = "{a}";\n')
    code, out, err = run(["scan", "--write-baseline", "baseline.json", "app"], d)
    assert code == 0, (code, err)
    saved = json.loads((d / "baseline.json").read_text())
    assert saved["version"] == 1 and len(saved["fingerprints"]) == 1, saved
    assert a not in (d / "baseline.json").read_text()
    code, out, _ = run(["scan", "--baseline", "baseline.json", "app"], d)
    assert code == 0 and "; 1 in the baseline" in out, (code, out)
    write(d / "app/config.ts", f'// moved down\n\nexport const t = "{a}";\nexport const u = "{b}";\n')
    code, out, _ = run(["scan", "--baseline", "baseline.json", "--format", "json", "app"], d)
    doc = json.loads(out)
    assert code == 1 and doc["stats"]["baselined"] == 1, (code, doc["stats"])
    assert [f["line"] for f in doc["findings"]] == [4], doc["findings"]
    write(d / "broken.json", "[1, 2]")
    code, _, err = run(["scan", "--baseline", "broken.json", "app"], d)
    assert code == 2 and "not a baseline file" in err, (code, err)


@case
def _(d):
    """sarif: valid SARIF 2.1.0 within GitHub's limits, GitHub's own line hashes (CRLF, tabs, emoji, long and repeated lines), no token; a broken report is refused"""
    a, b = token("sarif-a"), token("sarif-b")
    # Lines 1 and 3 are the same and longer than the hash's 100-character window: the same hash,
    # told apart by its count.
    same = f'\tconst a = "{a}"; // ' + "z" * 100 + "\r\n"
    write(d / "src/app.ts", same + "x" * 300 + f' "{b}"\r\n' + same)
    write(d / "docs/read me.md", f"\U0001F680 token {b}\n")
    code, _, err = run(["scan", "--format", "sarif", "--output", "report.sarif", "src", "docs"], d)
    assert code == 1, (code, err)
    validator = Path(__file__).with_name("validate_sarif.mjs")
    v = subprocess.run(["node", str(validator), str(d / "report.sarif"), str(d)], capture_output=True, text=True)
    assert v.returncode == 0, v.stdout + v.stderr
    sarif = json.loads((d / "report.sarif").read_text())
    results_ = sarif["runs"][0]["results"]
    assert len(results_) == 4, len(results_)
    assert results_[0]["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")
    assert results_[3]["partialFingerprints"]["primaryLocationLineHash"].endswith(":2"), "a repeated line counts up"
    assert results_[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/read%20me.md"
    # The validator itself refuses a report GitHub would refuse, and a wrong line hash.
    broken = dict(sarif)
    del broken["version"]
    write(d / "broken.sarif", json.dumps(broken))
    v = subprocess.run(["node", str(validator), str(d / "broken.sarif"), str(d)], capture_output=True, text=True)
    assert v.returncode == 1 and "schema" in v.stdout, v.stdout
    results_[1]["partialFingerprints"]["primaryLocationLineHash"] = "0:1"
    write(d / "wrong.sarif", json.dumps(sarif))
    v = subprocess.run(["node", str(validator), str(d / "wrong.sarif"), str(d)], capture_output=True, text=True)
    assert v.returncode == 1 and "FAIL primaryLocationLineHash" in v.stdout, v.stdout


@case
def _(d):
    """git's ignore rules: .gitignore at every level and .git/info/exclude leave paths out (counted); --no-ignore and explicit paths read them"""
    subprocess.run(["git", "init", "-q", str(d)], check=True)
    write(d / ".gitignore", "node_modules/\n*.log\n")
    write(d / "app/.gitignore", "local.env\n")
    write(d / ".git/info/exclude", "scratch.txt\n")
    kept = token("git-kept")
    write(d / "app/main.py", f't = "{kept}"\n')
    for i, rel in enumerate(["node_modules/pkg/index.js", "build.log", "app/local.env", "scratch.txt"]):
        write(d / rel, f"{token(f'git-ignored-{i}')}\n")
    code, out, _ = run(["scan", "--format", "json", "."], d)
    doc = json.loads(out)
    assert code == 1 and [f["path"] for f in doc["findings"]] == ["app/main.py"], doc["findings"]
    assert doc["stats"]["ignored"] == 4, doc["stats"]
    code, out, _ = run(["scan", "--format", "json", "--no-ignore", "."], d)
    assert len(json.loads(out)["findings"]) == 5, out
    code, out, _ = run(["scan", "--format", "json", "build.log"], d)
    assert [f["path"] for f in json.loads(out)["findings"]] == ["build.log"], out
    # An ignored directory named as the root is read whole (generated code, a vendored tree).
    code, out, _ = run(["scan", "--format", "json", "node_modules"], d)
    assert [f["path"] for f in json.loads(out)["findings"]] == ["node_modules/pkg/index.js"], out
    # A subdirectory of the work tree follows the same rules.
    code, out, _ = run(["scan", "--format", "json", "app"], d)
    assert [f["path"] for f in json.loads(out)["findings"]] == ["app/main.py"], out


print(f"scan: {results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
