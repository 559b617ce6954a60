#!/usr/bin/env python3
"""The guided rotation from the editor (issue 15), end to end: the real server process over pipes,
driven as an editor drives it, against the HTTPS stand-ins of the Pulumi token API and of Vault,
AWS Secrets Manager and Conjur (rotation_standins.py, standins.py; real TLS with a test CA).

The client opens the leaked file, takes the rotate action that the code actions offer for the
token, runs its command, and answers each window/showMessageRequest as a user would; it applies
the workspace/applyEdit to its copy of the text and sends the didChange an editor sends. Asserts,
for each store: the questions come in the order of the flow (store, create, store, fix, delete),
the store holds the new token, the leaked one is deleted, the editor's text reads the token from
the store and parses (the real parsers of tests/remediation/check_parsers.mjs), the diagnostics
of the fixed text are empty. An organization and a team token are replaced through their own
lists. Then the ways it stops: "Cancel" at the delete question, a store that fails the write (the
new token is deleted again, no edit is sent), a token the user typed over before the fix (no edit
is sent, the new token stays stored), dismissing the first question, a second rotation while one
runs, and shutdown while a question waits. Nothing the server writes holds a full token or a
store credential.

Usage: editor_rotation_test.py BINARY. Tokens are built at run time; the repository holds none.
Needs node and tests/remediation's npm packages (npm ci there) for the parser check."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "scan"))
sys.path.insert(0, str(HERE.parent / "transcripts"))
from harness import finish  # noqa: E402
from lsp_harness import Session  # noqa: E402
from rotation_standins import (API, API_URL, FIX_MARKS, ORG_TOKENS, SOURCES, STORES, TEAM_TOKENS, Stores,  # noqa: E402
                               assert_clean, leaked_file, parses, rotation_env, with_stores)

BINARY = os.path.abspath(sys.argv[1])
ROTATE = "pulumi-token-lsp.rotateToken"
STORE_CHOICES = {"vault": "HashiCorp Vault", "aws": "AWS Secrets Manager", "conjur": "CyberArk Conjur"}
LANGUAGES = {"ts": "typescript", "py": "python"}


class Editor:
    """One server process and the client's side of it: the open document's text as the client
    holds it, the questions asked, the messages shown, the latest diagnostics."""

    def __init__(self, root: Path, stores: Stores, store: str, ext: str = "ts"):
        self.file = leaked_file(root, ext)
        self.uri = self.file.as_uri()
        self.text = self.file.read_text()
        self.version = 1
        self.questions: list[dict] = []  # window/showMessageRequest params
        self.shown: list[dict] = []  # window/showMessage params
        self.edits = 0
        self.documents: list[str] = []  # window/showDocument uris
        self.diagnostics: list | None = None
        self.s = Session(BINARY, env=rotation_env(root, stores, store))
        self.s.call("initialize", {
            "processId": None, "rootUri": None,
            "capabilities": {"workspace": {"applyEdit": True, "workspaceEdit": {"documentChanges": True}},
                             "window": {"showDocument": {"support": True}}},
            "initializationOptions": {"workspaceDiagnostics": "off", "historyCheck": False,
                                      "verifyBackend": API_URL, "verifyTimeout": 5}})
        self.s.notify("initialized", {})
        self.s.open(self.uri, self.text, language=LANGUAGES[ext])
        msg = self.s.recv()
        assert msg.get("method") == "textDocument/publishDiagnostics", msg
        self.diagnostics = msg["params"]["diagnostics"]
        assert len(self.diagnostics) == 1, self.diagnostics

    def rotate_action(self) -> dict:
        """The command of the rotate action the code actions offer at the token."""
        at = self.diagnostics[0]["range"]["start"]
        got = self.s.call("textDocument/codeAction", {"textDocument": {"uri": self.uri},
                                                      "range": {"start": at, "end": at},
                                                      "context": {"diagnostics": self.diagnostics}})
        commands = [a["command"] for a in got["result"] if a.get("command", {}).get("command") == ROTATE]
        assert len(commands) == 1, [a["title"] for a in got["result"]]
        return commands[0]

    def start(self) -> None:
        command = self.rotate_action()
        self.s.request("workspace/executeCommand", {"command": ROTATE, "arguments": command["arguments"]})

    def run(self, answer) -> dict:
        """Serves the flow until its last message: answer(question params) is the title clicked (None:
        the question dismissed). Returns that last window/showMessage's params."""
        while True:
            msg = self.s.recv()
            method = msg.get("method")
            if method is None:
                assert msg.get("result", "no result") is None, ("executeCommand answered", msg)
            elif method == "window/showMessageRequest":
                self.questions.append(msg["params"])
                title = answer(msg["params"])
                self.s.send({"jsonrpc": "2.0", "id": msg["id"], "result": None if title is None else {"title": title}})
            elif method == "window/showMessage":
                self.shown.append(msg["params"])
                if not msg["params"]["message"].startswith("Rotation ("):  # the steps' reports say that
                    return msg["params"]
            elif method == "workspace/applyEdit":
                self.apply(msg["params"]["edit"])
                self.s.send({"jsonrpc": "2.0", "id": msg["id"], "result": {"applied": True}})
            elif method == "window/showDocument":
                self.documents.append(msg["params"]["uri"])
                self.s.send({"jsonrpc": "2.0", "id": msg["id"], "result": {"success": True}})
            elif method == "textDocument/publishDiagnostics":
                self.diagnostics = msg["params"]["diagnostics"]
            else:
                raise AssertionError(f"unexpected message {msg}")

    def apply(self, edit: dict) -> None:
        """Applies the edit as an editor does (documentChanges at this document's version), then
        tells the server the new text."""
        changes = edit["documentChanges"]
        assert len(changes) == 1 and changes[0]["textDocument"] == {"uri": self.uri, "version": self.version}, changes
        lines = self.text.split("\n")

        def offset(p):  # the texts are ASCII: UTF-16 code units are characters
            return sum(len(x) + 1 for x in lines[:p["line"]]) + p["character"]
        for e in sorted(changes[0]["edits"], key=lambda e: offset(e["range"]["start"]), reverse=True):
            self.text = self.text[:offset(e["range"]["start"])] + e["newText"] + self.text[offset(e["range"]["end"]):]
        self.edits += 1
        self.version += 1
        self.s.change(self.uri, self.version, [{"text": self.text}])

    def type_before_token(self) -> None:
        """The user types on the token's line, before it: the token moves."""
        at = self.diagnostics[0]["range"]["start"]
        self.version += 1
        lines = self.text.split("\n")
        lines[at["line"]] = "/* moved */ " + lines[at["line"]]
        self.text = "\n".join(lines)
        self.s.change(self.uri, self.version, [{"range": {"start": {"line": at["line"], "character": 0},
                                                          "end": {"line": at["line"], "character": 0}},
                                                "text": "/* moved */ "}])

    def close(self) -> None:
        self.s.shutdown_and_exit(0)
        self.check_clean()

    def check_clean(self) -> None:
        assert_clean(bytes(self.s.stdout_bytes).decode("utf-8", "replace"),
                     bytes(self.s.stderr_bytes).decode("utf-8", "replace"))


def accept(store: str):
    """A user who picks `store` and then clicks each question's first button (its yes)."""
    def answer(q):
        titles = [a["title"] for a in q["actions"]]
        if not q["message"].startswith("Rotate the Pulumi access token"):
            return titles[0]
        return next(t for t in titles if t.startswith(STORE_CHOICES[store]))
    return answer


def kinds(questions: list[dict]) -> list[str]:
    """Each question's yes button, the store question as "store?"."""
    return ["store?" if q["message"].startswith("Rotate the Pulumi") else q["actions"][0]["title"] for q in questions]


@with_stores
def _(d: Path, stores: Stores):
    """a full rotation from the editor for each store: asked in order, stored, the edit applied and parsed, the leaked token deleted"""
    fixed = []
    for store, ext in STORES.items():
        API.reset()
        e = Editor(d / store, stores, store, ext)
        e.start()
        last = e.run(accept(store))
        assert last["message"].startswith("Rotated."), (store, last)
        assert last["type"] == 3, (store, last)
        assert kinds(e.questions) == ["store?", "Create", "Store", "Apply", "Delete"], (store, kinds(e.questions))
        assert e.questions[0]["message"].count(API.leaked[:8] + "\u2026") == 1, e.questions[0]
        assert [a["title"] for a in e.questions[0]["actions"]][0].startswith("HashiCorp Vault (secret/pulumi, field api_key)")
        for step in ("check", "create", "store", "fix", "revoke"):
            assert any(m["message"].startswith(f"Rotation ({step}):") for m in e.shown), (store, step, e.shown)
        assert e.edits == 1, store
        assert len(API.created) == 1 and stores.value(store) == API.created[0], (store, "the store does not hold the new token")
        assert not API.live(API.leaked) and API.live(API.created[0]), store
        assert API.leaked not in e.text and "pul-" not in e.text, (store, e.text)
        for mark in FIX_MARKS[store]:
            assert mark in e.text, (store, mark, e.text)
        e.s.probe()  # the didChange is handled: its diagnostics came before the probe's answer
        while not e.s.messages.empty():
            msg = e.s.recv()
            assert msg.get("method") == "textDocument/publishDiagnostics", msg
            e.diagnostics = msg["params"]["diagnostics"]
        assert e.diagnostics == [], (store, e.diagnostics)
        assert e.file.read_text() == SOURCES[ext][0].replace("{token}", API.leaked), "the server wrote the file itself"
        assert not API.problems, (store, API.problems)
        e.close()
        out = d / store / f"fixed.{ext}"
        out.write_text(e.text)
        fixed.append((out, SOURCES[ext][1]))
    parses(fixed)


@with_stores
def _(d: Path, stores: Stores):
    """an organization token and a team token: replaced by a token of the same kind with a new name, the leaked one deleted from its own list"""
    for scope, name, whose in ((ORG_TOKENS, "ci", "organization token of acme"),
                               (TEAM_TOKENS, "deploy", "team token of platform in acme")):
        API.reset()
        API.make_leaked(scope, name)
        e = Editor(d / name, stores, "vault")
        e.start()
        last = e.run(accept("vault"))
        assert last["message"].startswith("Rotated."), (scope, last)
        create = next(q for q in e.questions if q["actions"][0]["title"] == "Create")
        assert f"Create a new {whose} described" in create["message"], create
        assert len(API.created) == 1 and API.scope_of(API.created[0]) == scope, (scope, API.requests)
        assert stores.value("vault") == API.created[0]
        assert not API.live(API.leaked) and ("DELETE", f"{scope}/t-leaked") in API.requests, API.requests
        assert not API.problems, API.problems
        e.close()


@with_stores
def _(d: Path, stores: Stores):
    """"Cancel" at the delete question: stored and fixed, the leaked token still live and said so"""
    e = Editor(d, stores, "vault")
    e.start()
    yes = accept("vault")
    last = e.run(lambda q: "Cancel" if q["actions"][0]["title"] == "Delete" else yes(q))
    assert last["type"] == 2 and "still live" in last["message"], last
    assert e.edits == 1 and stores.value("vault") == API.created[0]
    assert API.live(API.leaked) and ("DELETE", "/api/user/tokens/t-leaked") not in API.requests
    e.close()


@with_stores
def _(d: Path, stores: Stores):
    """a store that fails the write: no edit is sent, the new token is deleted again, the leaked one stays live"""
    stores.vault.fail(2, status=500, body=b'{"errors":["internal error"]}')  # the read before it is the first
    e = Editor(d, stores, "vault")
    e.start()
    last = e.run(accept("vault"))
    assert last["type"] == 2 and "HTTP 500" in last["message"] and "deleted again" in last["message"], last
    assert kinds(e.questions) == ["store?", "Create", "Store", "Delete"], kinds(e.questions)
    assert "could not be stored" in e.questions[-1]["message"], e.questions[-1]
    assert e.edits == 0 and stores.value("vault") is None
    assert len(API.created) == 1 and not API.live(API.created[0]) and API.live(API.leaked)
    e.close()


@with_stores
def _(d: Path, stores: Stores):
    """the user types over the token's place before the fix: no edit is sent, the new token stays stored, the leaked one live"""
    e = Editor(d, stores, "vault")
    e.start()
    yes = accept("vault")

    def answer(q):
        if q["actions"][0]["title"] == "Apply":
            e.type_before_token()
        return yes(q)
    last = e.run(answer)
    assert last["type"] == 2 and last["message"].startswith("The code fix could not be applied."), last
    assert "still live" in last["message"], last
    assert e.edits == 0 and stores.value("vault") == API.created[0] and API.live(API.leaked)
    assert API.leaked in e.text
    e.close()


@with_stores
def _(d: Path, stores: Stores):
    """the first question dismissed: nothing is asked of any API and nothing changes"""
    e = Editor(d, stores, "vault")
    e.start()
    last = e.run(lambda q: None)
    assert last["message"] == "Rotation cancelled: nothing was changed.", last
    assert len(e.questions) == 1 and API.requests == [] and stores.requests() == 0 and e.edits == 0
    e.close()


@with_stores
def _(d: Path, stores: Stores):
    """a second rotation while one waits is refused; shutdown while a question waits ends the process cleanly"""
    e = Editor(d, stores, "vault")
    e.start()
    pending = None
    while pending is None:
        msg = e.s.recv()
        if msg.get("method") == "window/showMessageRequest":
            pending = msg
        else:
            assert "result" in msg and msg["result"] is None, msg
    again = e.rotate_action()
    e.s.call("workspace/executeCommand", {"command": ROTATE, "arguments": again["arguments"]},
             error={"code": -32600, "message": "a rotation is already running"})
    e.s.call("shutdown", None, result=None)
    e.s.notify("exit")
    e.s.finish(0, extra_messages_ok=True)  # the flow's last message may come before the exit
    e.check_clean()
    assert API.requests == [] and stores.requests() == 0


finish("editor_rotation")
