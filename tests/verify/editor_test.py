#!/usr/bin/env python3
"""Verification in the editor (issue 15) through the real server process over pipes and real TLS:
a local HTTPS stand-in of the Pulumi API's GET /api/user (tls_ca.py: a CA made at run time, trusted
through SSL_CERT_FILE). With `verify` off (the default) nothing is sent; with it on, the tokens of a
document are asked about when it is opened and saved (never on a keystroke), the answer ends the
diagnostic's message, is in data.verification and the hover, and the "Check whether this token is
live" action asks about one token and shows the answer. No full token in anything the server writes.

Usage: editor_test.py BINARY. Tokens are built at run time; the repository holds none."""

from __future__ import annotations

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scan"))
sys.path.insert(0, str(HERE.parent / "transcripts"))
from harness import TOKENS, case, finish, token  # noqa: E402
from lsp_harness import Re, Session, matches  # noqa: E402
from tls_ca import TestCA  # noqa: E402

BINARY = os.path.abspath(sys.argv[1])
TLS = TestCA("editor-test CA")

LIVE, DEAD = token("editor-live"), token("editor-dead")


class Api:
    def __init__(self):
        self.lock = threading.Lock()
        self.asked: dict[str, int] = {}

    def count(self, t: str) -> int:
        with self.lock:
            return self.asked.get(t, 0)


API = Api()


class Handler(BaseHTTPRequestHandler):
    """GET /api/user as the Pulumi Cloud answers it (the Pulumi CLI's serviceUser shape)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        auth = self.headers.get("Authorization", "")
        t = auth[len("token "):] if auth.startswith("token ") else ""
        with API.lock:
            API.asked[t] = API.asked.get(t, 0) + 1
        ok = self.path == "/api/user" and t == LIVE and self.headers.get("Accept") == "application/vnd.pulumi+8"
        status, body = (200, {"githubLogin": "alice", "name": "Alice"}) if ok else (401, {"code": 401})
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


URL = f"https://127.0.0.1:{TLS.serve(Handler).server_address[1]}"
for k in ("HTTPS_PROXY", "https_proxy", "SSL_CERT_DIR"):
    os.environ.pop(k, None)
os.environ.update({"SSL_CERT_FILE": TLS.ca_file, "PULUMI_BACKEND_URL": URL})

TEXT = f'const a = "{LIVE}";\nconst b = "{DEAD}";\n'


def start(d: Path, options: dict) -> tuple[Session, str]:
    s = Session(BINARY)
    s.call("initialize", {"processId": None, "rootUri": None, "capabilities": {},
                          "initializationOptions": {"workspaceDiagnostics": "off", "historyCheck": False, **options}},
           result={"capabilities": {"executeCommandProvider": {"commands": ["pulumi-token-lsp.rotateToken", "pulumi-token-lsp.checkToken"]}}})
    s.notify("initialized", {})
    uri = (d / "index.ts").as_uri()
    s.open(uri, TEXT, language="typescript")
    return s, uri


def publication(s: Session, uri: str) -> dict:
    msg = s.recv()
    assert msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri, msg
    return msg["params"]


def no_full_token(s: Session):
    """Nothing the server wrote (its messages, its log) holds a full token; what the test sent does."""
    text = (bytes(s.stdout_bytes) + bytes(s.stderr_bytes)).decode("utf-8", "replace")
    assert len(s.stdout_bytes) > 1000
    for t in TOKENS:
        assert t not in text, "a full token was written"


@case
def _(d):
    """verify off (the default): diagnostics as always, nothing asked of the API, no check action"""
    before = API.count(LIVE) + API.count(DEAD)
    s, uri = start(d, {})
    p = publication(s, uri)
    assert len(p["diagnostics"]) == 2 and all("verification" not in x["data"] for x in p["diagnostics"])
    got = s.call("textDocument/codeAction", {"textDocument": {"uri": uri},
                                             "range": {"start": {"line": 0, "character": 12},
                                                       "end": {"line": 0, "character": 12}},
                                             "context": {"diagnostics": []}})
    titles = [a["title"] for a in got["result"]]
    assert not any("live" in t for t in titles), titles
    s.call("workspace/executeCommand", {"command": "pulumi-token-lsp.checkToken",
                                        "arguments": [{"uri": uri, "offset": 11}]}, error={"code": -32600})
    s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    s.shutdown_and_exit(0)
    assert API.count(LIVE) + API.count(DEAD) == before, "a request went out with verify off"
    no_full_token(s)


@case
def _(d):
    """verify on: asked on open (once per token), the answers in the message, data and hover;
    a keystroke and a save ask nothing more; the check action asks and shows the answer"""
    s, uri = start(d, {"verify": "on"})
    first = publication(s, uri)
    answered = {}
    while len(answered) < 2:  # each answer publishes the document again
        p = publication(s, uri)
        answered = {x["range"]["start"]["line"]: x for x in p["diagnostics"] if "verification" in x["data"]}
    live, dead = answered[0], answered[1]
    assert matches({"message": Re(r"The Pulumi API accepts it \(personal token of alice\)\.$"),
                    "data": {"verification": {"status": "live", "owner": "alice", "kind": "personal"}},
                    "severity": 1}, live), live
    assert matches({"message": Re(r"The Pulumi API rejects it \(revoked or expired\)"),
                    "data": {"verification": {"status": "not-live"}}}, dead), dead
    assert all("verification" not in x["data"] for x in first["diagnostics"])
    assert API.count(LIVE) == 1 and API.count(DEAD) == 1, API.asked

    hover = s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 14}})
    assert "**Live** (asked of the Pulumi API)" in hover["result"]["contents"]["value"]

    # A keystroke (a comment added at the end) and a save: the answers are kept, nothing is asked.
    s.change(uri, 2, [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
                       "text": "// x\n"}])
    p = publication(s, uri)
    assert sum("verification" in x["data"] for x in p["diagnostics"]) == 2
    s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    s.probe()
    assert API.count(LIVE) == 1 and API.count(DEAD) == 1, API.asked

    got = s.call("textDocument/codeAction", {"textDocument": {"uri": uri},
                                             "range": {"start": {"line": 0, "character": 12},
                                                       "end": {"line": 0, "character": 12}},
                                             "context": {"diagnostics": []}})
    check = [a for a in got["result"] if a["title"].startswith("Check whether this token is live")]
    # The actions carry the diagnostic as published, the answer included.
    assert got["result"][0]["diagnostics"][0]["data"]["verification"]["status"] == "live"
    assert len(check) == 1, [a["title"] for a in got["result"]]
    command = check[0]["command"]
    assert command["command"] == "pulumi-token-lsp.checkToken" and command["arguments"] == [{"uri": uri, "offset": 11}]
    # The answer is known: it is shown at once, before the reply.
    s.request("workspace/executeCommand", {"command": command["command"], "arguments": command["arguments"]})
    s.expect({"method": "window/showMessage",
              "params": {"type": 2, "message": Re(rf"{LIVE[:8]}\u2026: The Pulumi API accepts it \(personal token")}})
    s.expect({"result": None})
    s.shutdown_and_exit(0)
    no_full_token(s)


finish("editor_test")
