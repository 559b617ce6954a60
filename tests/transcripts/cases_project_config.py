"""The project config file (.pulumi-token-lsp.json) in the workspace: ignored paths, allowlisted
fingerprints, the file's severity under the client's own, re-reading on save, a bad file.

Fingerprints are computed here as the README defines them (SHA-256 of the rule, the path from
the config's directory and the token's SHA-256), independently of the server's code.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import tempfile

from lsp_harness import Re, Session, case, token

CONFIG = ".pulumi-token-lsp.json"


def fingerprint(path: str, tok: str) -> str:
    inner = hashlib.sha256(tok.encode()).hexdigest()
    return hashlib.sha256(f"pulumi-access-token\n{path}\n{inner}".encode()).hexdigest()


class Repo:
    """A throwaway git work tree (a .git directory is what marks one) with a config file."""

    def __init__(self, config):
        self._tmp = tempfile.TemporaryDirectory(prefix="ptl-config-")
        self.root = pathlib.Path(self._tmp.name) / "repo"
        (self.root / ".git").mkdir(parents=True)
        self.write_config(config)

    def write_config(self, config) -> None:
        text = config if isinstance(config, str) else json.dumps(config)
        (self.root / CONFIG).write_text(text)

    def uri(self, relative: str = "") -> str:
        return (self.root / relative).as_uri() if relative else self.root.as_uri()

    def close(self) -> None:
        self._tmp.cleanup()


def start(binary: str, repo: Repo, init_options=None) -> Session:
    s = Session(binary)
    params = {"processId": None, "rootUri": repo.uri(), "capabilities": {},
              "workspaceFolders": [{"uri": repo.uri(), "name": "repo"}], "clientInfo": {"name": "transcripts"}}
    # These cases follow open documents message by message; the workspace's own results (the
    # files on disk, published as a background scan finishes) are cases_workspace.py's subject.
    params["initializationOptions"] = {"workspaceDiagnostics": "off", **(init_options or {})}
    s.call("initialize", params, result={"capabilities": {"textDocumentSync": {"save": {"includeText": False}}}})
    s.notify("initialized", {})
    return s


def expect_severities(s: Session, uri: str, severities: list, what: str) -> None:
    s.expect({"method": "textDocument/publishDiagnostics",
              "params": {"uri": uri, "diagnostics": [{"severity": v} for v in severities]}}, what)


@case("an allowlisted token and a file under an ignored path get no diagnostic while another token does")
def _(binary):
    allowed, other = token("config-allowed"), token("config-other")
    repo = Repo({"ignore": ["generated/**", "*.snap"],
                 "allowlist": [{"fingerprint": fingerprint("src/index.ts", allowed), "reason": "test fixture"}]})
    try:
        s = start(binary, repo)
        uri = repo.uri("src/index.ts")
        s.open(uri, f'const a = "{allowed}";\nconst b = "{other}";\n', language="typescript")
        s.expect_diagnostics(uri, 1, [(1, 11, 1, 55)], "only the token that is not allowlisted")
        for ignored in ("generated/client.ts", "src/__snapshots__/index.test.ts.snap"):
            s.open(repo.uri(ignored), f'const b = "{other}";\n', language="typescript")
            s.expect_diagnostics(repo.uri(ignored), 1, [], f"{ignored} is ignored")
        # The allowlist names the token in its file: elsewhere it is reported.
        s.open(repo.uri("src/other.ts"), f'const a = "{allowed}";\n', language="typescript")
        s.expect_diagnostics(repo.uri("src/other.ts"), 1, [(0, 11, 0, 55)], "the allowlisted token in another file")
        s.shutdown_and_exit(0)
        if b"ignore patterns, 1 allowlisted findings" not in s.stderr_bytes:
            s.fail_with("the log does not say which project config applies")
    finally:
        repo.close()


@case("the file's severity applies until the client sets its own, and saving the file applies its new content")
def _(binary):
    tok = token("config-severity")
    repo = Repo({"severity": "warning"})
    try:
        s = start(binary, repo)
        uri = repo.uri("Pulumi.dev.yaml")
        s.open(uri, f"config:\n  token: {tok}\n")
        expect_severities(s, uri, [2], "the file's severity")
        repo.write_config({"severity": "information"})
        s.notify("textDocument/didSave", {"textDocument": {"uri": repo.uri(CONFIG)}})
        expect_severities(s, uri, [3], "the saved file's severity")
        s.notify("workspace/didChangeConfiguration", {"settings": {"pulumiTokenLsp": {"severity": "hint"}}})
        expect_severities(s, uri, [4], "the client's severity over the file's")
        s.shutdown_and_exit(0)
    finally:
        repo.close()


@case("a config file with problems is logged and shown once, the rest of it applies, and the server keeps serving")
def _(binary):
    tok = token("config-bad")
    repo = Repo('{"ignore": ["generated/**", 7], "severity": "loud", "allowlist": [{"fingerprint": "%s"}]}' % tok)
    try:
        s = start(binary, repo)
        s.expect({"method": "window/showMessage",
                  "params": {"type": 2, "message": Re(r"\.pulumi-token-lsp\.json: allowlist\[0\]\.fingerprint: "
                                                      r"expected 64 lowercase hex digits.* \(and 3 more")}})
        s.open(repo.uri("generated/a.ts"), tok)
        s.expect_diagnostics(repo.uri("generated/a.ts"), 1, [], "the valid ignore pattern applies")
        s.open(repo.uri("a.ts"), tok)
        s.expect_diagnostics(repo.uri("a.ts"), 1, [(0, 0, 0, 44)], "the default severity, the file's being invalid")
        # Saved again unchanged: republished, not shown again.
        s.notify("textDocument/didSave", {"textDocument": {"uri": repo.uri(CONFIG)}})
        for _ in range(2):
            s.expect({"method": "textDocument/publishDiagnostics"})
        s.probe()
        s.shutdown_and_exit(0)
        log = s.stderr_bytes.decode(errors="replace")
        for expected in ("ignore[1]: expected a string", 'severity: expected "error"',
                         "allowlist[0].reason: missing", "this looks like a token itself"):
            if expected not in log:
                s.fail_with(f"the log does not say {expected!r}:\n{log[-2000:]}")
    finally:
        repo.close()


@case("a config file that is not JSON is reported with its line and column and nothing of it applies")
def _(binary):
    tok = token("config-not-json")
    repo = Repo('{\n  "ignore": ["*.txt"],\n  oops\n}\n')
    try:
        s = start(binary, repo)
        s.expect({"method": "window/showMessage",
                  "params": {"type": 2, "message": Re(r"not valid JSON at line 3, column \d+")}})
        s.open(repo.uri("a.txt"), tok)
        s.expect_diagnostics(repo.uri("a.txt"), 1, [(0, 0, 0, 44)])
        s.shutdown_and_exit(0)
    finally:
        repo.close()


@case("a workspace whose root is not a work tree reads the config in the root folder itself")
def _(binary):
    tok = token("config-plain-dir")
    with tempfile.TemporaryDirectory(prefix="ptl-config-plain-") as tmp:
        root = pathlib.Path(tmp)
        (root / CONFIG).write_text(json.dumps({"ignore": ["/vendor/"]}))
        s = Session(binary)
        s.call("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}},
               result={"capabilities": {"positionEncoding": "utf-16"}})
        s.notify("initialized", {})
        s.open((root / "vendor" / "x.txt").as_uri(), tok)
        s.expect_diagnostics((root / "vendor" / "x.txt").as_uri(), 1, [])
        s.open((root / "src" / "vendor.txt").as_uri(), tok)
        s.expect_diagnostics((root / "src" / "vendor.txt").as_uri(), 1, [(0, 0, 0, 44)])
        s.shutdown_and_exit(0)
