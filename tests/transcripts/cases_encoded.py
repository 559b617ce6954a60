"""Encoded tokens (issue 14): a token hidden in base64 is diagnosed over its encoded text, the
message and hover name the encoding and show only the masked preview, and the Kubernetes Secret
code action's edit leaves valid YAML (checked with the `yaml` npm package) without the token."""

from __future__ import annotations

import base64
import json
import os
import subprocess

from lsp_harness import CaseFailure, Re, Session, case, token

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_yaml(text: str) -> list:
    """The documents of `text` parsed by a real YAML parser (parse_yaml.mjs); fails on errors."""
    p = subprocess.run(["node", os.path.join(HERE, "parse_yaml.mjs")], input=text.encode(), capture_output=True,
                       timeout=60)
    if p.returncode != 0:
        raise CaseFailure(f"parse_yaml.mjs exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    return json.loads(p.stdout)


def apply_edits(text: str, edits: list) -> str:
    """LSP TextEdits applied to an ASCII text (so UTF-16 columns are byte columns)."""
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)

    def offset(p):
        return starts[p["line"]] + p["character"]

    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        text = text[:offset(e["range"]["start"])] + e["newText"] + text[offset(e["range"]["end"]):]
    return text


@case("a base64 token in a Kubernetes Secret: one diagnostic over the encoded text, masked, and a fix that leaves valid YAML")
def _(binary):
    tok = token("encoded-secret")
    value = base64.b64encode(tok.encode()).decode()
    text = ("apiVersion: v1\nkind: Secret\nmetadata:\n  name: pulumi-credentials\ntype: Opaque\ndata:\n"
            f"  token: {value}\n  url: aHR0cHM6Ly9hcGkucHVsdW1pLmNvbQ==\n")
    uri = "file:///k8s/secret.yaml"
    s = Session(binary)
    s.initialize()
    s.open(uri, text, language="yaml")
    col = len("  token: ")
    d = s.expect_diagnostics(uri, 1, [(6, col, 6, col + len(value))])
    diag = d["params"]["diagnostics"][0]
    if "encoded as base64" not in diag["message"] or tok[:8] + "\u2026" not in diag["message"]:
        raise CaseFailure(f"the message should name base64 and show the masked token: {diag['message']}")
    if diag["data"].get("encoding") != "base64":
        raise CaseFailure(f"data.encoding: {diag['data']}")
    s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 6, "character": col + 10}},
           result={"contents": {"value": Re("encoded as base64")},
                   "range": {"start": {"line": 6, "character": col}, "end": {"line": 6, "character": col + len(value)}}})
    reply = s.call("textDocument/codeAction",
                   {"textDocument": {"uri": uri},
                    "range": {"start": {"line": 6, "character": col + 3}, "end": {"line": 6, "character": col + 3}},
                    "context": {"diagnostics": [diag]}})
    actions = reply["result"]
    titles = [a["title"] for a in actions]
    secret = [a for a in actions if a["title"].startswith("Take token out of this Secret")]
    if len(secret) != 1 or not any(a.get("command", {}).get("command") == "pulumi-token-lsp.rotateToken"
                                   for a in actions):
        raise CaseFailure(f"expected the Secret action and the rotate command, got {titles}")
    if len(actions) != 2:
        raise CaseFailure(f"an encoded token gets no rewrite fix: {titles}")
    fixed = apply_edits(text, secret[0]["edit"]["changes"][uri])
    if value in fixed or tok in fixed:
        raise CaseFailure("the fixed manifest still holds the token or its encoded value")
    docs = parse_yaml(fixed)
    if len(docs) != 1 or docs[0]["kind"] != "Secret" or docs[0]["data"] != {"url": "aHR0cHM6Ly9hcGkucHVsdW1pLmNvbQ=="}:
        raise CaseFailure(f"the fixed manifest parses to {docs}")
    if "kubectl create secret generic pulumi-credentials --from-env-file=" not in fixed:
        raise CaseFailure("the fixed manifest does not say how to create the Secret")
    # The edit applied in the editor: the diagnostic goes.
    s.change(uri, 2, [{"text": fixed}])
    s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "version": 2, "diagnostics": []}})
    s.shutdown_and_exit(0)
    if value.encode() in s.stdout_bytes or value.encode() in s.stderr_bytes:
        raise CaseFailure("the server wrote the encoded value")
