"""Tokens already in git history (issue 14): the real server reads the workspace repository's
history off its request thread, marks a committed token's diagnostic with the commit, reads the
history again when a commit is reported through the watched .git/logs/HEAD, and logs an
unreadable object once while it keeps serving.

Repositories are made with the git command at run time, tokens with token().
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import tempfile

from lsp_harness import ABSENT, Re, Session, case, token


class Repo:
    """A throwaway git repository; commits carry fixed dates, the user's git config stays out."""

    def __init__(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="ptl-history-")
        self.root = pathlib.Path(self._tmp.name) / "repo"
        self.root.mkdir()
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2026-03-01T12:00:00+00:00") -> str:
        env = {**os.environ, "HOME": self._tmp.name, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Ann",
               "GIT_AUTHOR_EMAIL": "ann@example.com", "GIT_COMMITTER_NAME": "Ann",
               "GIT_COMMITTER_EMAIL": "ann@example.com", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        return subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True,
                              check=True).stdout.strip()

    def write(self, relative: str, text: str) -> None:
        (self.root / relative).write_text(text)

    def commit(self, message: str, date: str = "2026-03-01T12:00:00+00:00") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, date=date)
        return self.git("rev-parse", "HEAD")

    def uri(self, relative: str = "") -> str:
        return (self.root / relative).as_uri() if relative else self.root.as_uri()

    def close(self) -> None:
        self._tmp.cleanup()


def initialize(s: Session, repo: Repo) -> None:
    """initialize with the repository as the workspace folder and dynamic file watching; open
    documents only (cases_workspace.py covers the files that are not open)."""
    s.call("initialize", {"processId": None, "rootUri": repo.uri(), "clientInfo": {"name": "transcripts"},
                          "workspaceFolders": [{"uri": repo.uri(), "name": "repo"}],
                          "initializationOptions": {"workspaceDiagnostics": "off"},
                          "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}},
           result={"capabilities": {"positionEncoding": Re(".")}})


def initialized(s: Session) -> None:
    """Sends `initialized`; the server registers its git watchers, and gets its answer."""
    s.notify("initialized", {})
    reg = s.expect({"method": "client/registerCapability", "params": {"registrations": [
        {"id": "pulumi-token-lsp-git-history", "method": "workspace/didChangeWatchedFiles",
         "registerOptions": {"watchers": [{"globPattern": "**/.git/logs/HEAD"},
                                          {"globPattern": "**/.git/refs/remotes/**"}]}}]}},
        "the git history watchers")
    s.send({"jsonrpc": "2.0", "id": reg["id"], "result": None})


def committed(commit: str, date: str, path: str, line: int) -> dict:
    return {"severity": 1, "message": Re(rf"already committed in {commit[:12]} on {date}, not pushed: removing it from "
                                         r"the file does not take it out of the git history; rotate it"),
            "relatedInformation": [{"message": Re(rf"committed in {commit[:12]}")}],
            "data": {"committed": {"commit": commit, "path": path, "line": line, "pushed": False, "pushedTo": []}}}


NOT_COMMITTED = {"severity": 1, "message": Re(r"^Hard-coded Pulumi access token pul-[0-9a-f]{4}\u2026: anyone"),
                 "relatedInformation": ABSENT, "data": {"committed": ABSENT}}


@case("a committed token's diagnostic names its commit once the history arrives; a commit made meanwhile marks the new one")
def _(binary):
    old, new = token("history-old"), token("history-new")
    repo = Repo()
    try:
        repo.write("b.ts", f'// b\nconst b = "{old}";\n')
        first = repo.commit("one")
        s = Session(binary)
        initialize(s, repo)
        uri = repo.uri("a.ts")
        text = f'const a = "{old}";\nconst n = "{new}";\n'
        # Opened before `initialized`, so it is published before the history is read.
        s.open(uri, text, language="typescript")
        s.expect({"method": "textDocument/publishDiagnostics",
                  "params": {"uri": uri, "diagnostics": [NOT_COMMITTED, NOT_COMMITTED]}}, "before the history")
        initialized(s)
        s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": [
            {**committed(first, "2026-03-01", "b.ts", 2),
             "relatedInformation": [{"location": {"uri": repo.uri("b.ts"),
                                                  "range": {"start": {"line": 1, "character": 0}}}}]},
            NOT_COMMITTED]}}, "the history arrived: the old token is committed, the new one is not")
        s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 14}},
               result={"contents": {"value": Re(rf"(?s)Already in git history.*{first[:12]}.*not enough")}})
        # The user commits the new token; the editor reports .git/logs/HEAD changed.
        repo.write("a.ts", text)
        second = repo.commit("two", date="2026-03-02T12:00:00+00:00")
        s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": repo.uri(".git/logs/HEAD"), "type": 2}]})
        s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": [
            committed(first, "2026-03-01", "b.ts", 2),
            {**committed(second, "2026-03-02", "a.ts", 2),
             # The work tree's a.ts is the document itself: the place is the finding.
             "relatedInformation": [{"location": {"uri": uri, "range": {"start": {"line": 1, "character": 11}}}}]}]}},
            "after the commit: both tokens are committed")
        s.shutdown_and_exit(0)
        log = s.stderr_bytes.decode(errors="replace")
        if log.count("distinct tokens, read in") != 2:
            s.fail_with("the log does not say twice how much history was read:\n" + log[-2000:])
    finally:
        repo.close()


@case("an unreadable object in the history is logged once, the rest of the history applies, and the server keeps serving")
def _(binary):
    good, bad = token("history-good"), token("history-bad")
    repo = Repo()
    try:
        repo.write("good.ts", f'const g = "{good}";\n')
        repo.write("bad.ts", f'const b = "{bad}";\n')
        repo.commit("one")
        blob = repo.git("rev-parse", "HEAD:bad.ts")
        obj = repo.root / ".git" / "objects" / blob[:2] / blob[2:]
        obj.chmod(0o644)
        obj.write_bytes(b"not a zlib stream")
        s = Session(binary)
        initialize(s, repo)
        uri = repo.uri("x.ts")
        s.open(uri, f'const g = "{good}";\n', language="typescript")
        s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": [NOT_COMMITTED]}})
        initialized(s)
        pattern = {"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": [
            {"data": {"committed": {"path": "good.ts"}}}]}}
        s.expect(pattern, "what could be read applies")
        # Read again (a commit reported): the same failure is not logged again.
        s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": repo.uri(".git/logs/HEAD"), "type": 2}]})
        s.expect(pattern, "read again")
        s.probe()
        s.shutdown_and_exit(0)
        log = s.stderr_bytes.decode(errors="replace")
        if log.count(blob[:12]) != 1 or "history check" not in log:
            s.fail_with(f"the unreadable blob is logged {log.count(blob[:12])} times, expected once:\n" + log[-2000:])
    finally:
        repo.close()
