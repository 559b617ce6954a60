"""Workspace diagnostics through the real server process: the files of a workspace folder that
are never opened get diagnostics, pushed to clients without pull support, pulled through
workspace/diagnostic (with progress and partial results) by those with it; git's ignore rules
apply as they do for `scan`; a file changed on disk is followed through didChangeWatchedFiles.
"""

from __future__ import annotations

import pathlib
import subprocess
import tempfile

from lsp_harness import Absent, Re, Session, case, matches, token


class Tree:
    """A throwaway git work tree (`git init`, so .gitignore applies as git reads it)."""

    def __init__(self, files: dict[str, str]):
        self._tmp = tempfile.TemporaryDirectory(prefix="ptl-workspace-")
        self.root = pathlib.Path(self._tmp.name) / "ws"
        self.root.mkdir()
        subprocess.run(["git", "init", "-q", str(self.root)], check=True)
        for relative, text in files.items():
            self.write(relative, text)

    def write(self, relative: str, text: str) -> None:
        p = self.root / relative
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)

    def uri(self, relative: str = "") -> str:
        return (self.root / relative).as_uri() if relative else self.root.as_uri()

    def close(self) -> None:
        self._tmp.cleanup()


def start(binary: str, tree: Tree, caps: dict) -> Session:
    s = Session(binary)
    s.call("initialize", {"processId": None, "rootUri": tree.uri(), "capabilities": caps,
                          "workspaceFolders": [{"uri": tree.uri(), "name": "ws"}],
                          "clientInfo": {"name": "transcripts"}},
           result={"capabilities": {"workspace": {"workspaceFolders": {"supported": True}}}})
    s.notify("initialized", {})
    return s


def diagnostic(line: int, character: int, severity: int = 1) -> dict:
    return {"range": {"start": {"line": line, "character": character},
                      "end": {"line": line, "character": character + 44}},
            "severity": severity, "source": "pulumi-token-lsp", "code": "pulumi-access-token",
            "message": Re("pul-[0-9a-f]{4}\u2026")}


@case("a push client gets diagnostics for the workspace's files with tokens without opening them; "
      ".gitignore'd files are left out; a file changed on disk is followed")
def _(binary):
    a, b = token("workspace-a"), token("workspace-b")
    tree = Tree({".gitignore": "build/\n", "src/app.ts": f'// app\nconst t = "{a}";\n',
                 "src/clean.ts": "export {};\n", "build/out.js": f'var t = "{a}";\n',
                 "docs/notes.md": f"token: {b}\n"})
    try:
        s = start(binary, tree, {})
        # Files go in path order: docs/ before src/. No version: these files are not open.
        s.expect({"method": "textDocument/publishDiagnostics",
                  "params": {"uri": tree.uri("docs/notes.md"), "version": Absent(), "diagnostics": [diagnostic(0, 7)]}})
        s.expect({"method": "textDocument/publishDiagnostics",
                  "params": {"uri": tree.uri("src/app.ts"), "diagnostics": [diagnostic(1, 11)]}})
        # The token leaves docs/notes.md on disk: the watcher's event clears it.
        tree.write("docs/notes.md", "token: read it from the environment\n")
        s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": tree.uri("docs/notes.md"), "type": 2}]})
        s.expect({"method": "textDocument/publishDiagnostics",
                  "params": {"uri": tree.uri("docs/notes.md"), "diagnostics": []}})
        s.probe()  # nothing else was published in between (build/out.js is ignored)
        s.shutdown_and_exit(0)
    finally:
        tree.close()


@case("a pull client gets workspace/diagnostic reports (streamed as partial results while the scan runs) "
      "under a cancellable progress, then a long poll answered when a file changes")
def _(binary):
    a = token("workspace-pull")
    files = {f"pkg/f{i:04}.go": "package pkg\n" for i in range(2000)}  # a scan of many batches
    files.update({"main.go": f'package main\n\nconst t = "{a}"\n', "README.md": "nothing\n"})
    tree = Tree(files)
    try:
        s = start(binary, tree, {"textDocument": {"diagnostic": {}}, "window": {"workDoneProgress": True},
                                 "workspace": {"diagnostics": {"refreshSupport": True}}})
        pull = s.request("workspace/diagnostic", {"previousResultIds": [], "partialResultToken": "p-1"})
        create = s.expect({"method": "window/workDoneProgress/create", "params": {"token": Re(".")}})
        progress = create["params"]["token"]
        s.send({"jsonrpc": "2.0", "id": create["id"], "result": None})
        reports, kinds, final, cancellable = [], [], None, None
        while final is None or not kinds or kinds[-1] != "end":
            msg = s.recv()
            if msg.get("method") == "$/progress" and msg["params"]["token"] == "p-1":
                reports += msg["params"]["value"]["items"]
            elif msg.get("method") == "$/progress" and msg["params"]["token"] == progress:
                value = msg["params"]["value"]
                kinds.append(value["kind"])
                if value["kind"] == "begin":
                    cancellable = value.get("cancellable")
                if value["kind"] == "end" and "2002 of 2002 files" not in value["message"]:
                    s.fail_with(f"the progress ends with {value['message']!r}")
            elif msg.get("id") == pull and "result" in msg:
                final = msg["result"]["items"]
                if reports and final:
                    s.fail_with("after partial results the final response must hold no items")
                reports += final
            else:
                s.fail_with(f"unexpected message {msg}")
        # Either the create was answered while the scan ran (cancellable, with reports), or the
        # scan was over first, and the answer begins and ends the progress at once.
        if kinds == ["begin", "end"]:
            if cancellable is not False:
                s.fail_with("a progress begun after its scan ended says it can be cancelled")
        elif kinds[0] != "begin" or "report" not in kinds or cancellable is not True:
            s.fail_with(f"progress went {kinds} (cancellable: {cancellable})")
        if len(reports) != 1 or reports[0]["uri"] != tree.uri("main.go") or reports[0]["kind"] != "full":
            s.fail_with(f"reports: {reports}")
        if [d["range"]["start"] for d in reports[0]["items"]] != [{"line": 2, "character": 11}]:
            s.fail_with("wrong diagnostics for main.go")
        result_id = reports[0]["resultId"]

        # Nothing changed: the next pull waits until something does.
        again = s.request("workspace/diagnostic", {"previousResultIds": [{"uri": tree.uri("main.go"), "value": result_id}]})
        b = token("workspace-pull-2")
        tree.write("README.md", f"PULUMI_ACCESS_TOKEN={b}\n")
        s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": tree.uri("README.md"), "type": 2}]})
        s.expect({"id": again, "result": {"items": [{"kind": "full", "uri": tree.uri("README.md"),
                                                     "items": [diagnostic(0, 20)]}]}})
        s.shutdown_and_exit(0)
    finally:
        tree.close()


@case("a workspace file that is never opened says its token is already committed, naming the commit; "
      "an uncommitted one does not")
def _(binary):
    old, new = token("workspace-committed"), token("workspace-fresh")
    tree = Tree({"infra/old.ts": f'const t = "{old}";\n'})
    env = {"GIT_AUTHOR_NAME": "Ann", "GIT_AUTHOR_EMAIL": "ann@example.com", "GIT_COMMITTER_NAME": "Ann",
           "GIT_COMMITTER_EMAIL": "ann@example.com", "GIT_AUTHOR_DATE": "2026-03-01T12:00:00+00:00",
           "GIT_COMMITTER_DATE": "2026-03-01T12:00:00+00:00", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tree.root)}
    subprocess.run(["git", "-C", str(tree.root), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(tree.root), "commit", "-q", "-m", "one"], check=True, env=env)
    commit = subprocess.run(["git", "-C", str(tree.root), "rev-parse", "HEAD"], check=True, env=env,
                            capture_output=True, text=True).stdout.strip()
    tree.write("infra/new.ts", f'const t = "{new}";\n')
    try:
        s = start(binary, tree, {})
        # The scan and the history are read side by side: the committed note comes with the first
        # publication of infra/old.ts or with the one after the history arrives.
        latest: dict[str, dict] = {}
        for _ in range(4):
            msg = s.recv()
            if msg.get("method") != "textDocument/publishDiagnostics":
                s.fail_with(f"expected only publications, got {msg.get('method') or msg}")
            latest[msg["params"]["uri"]] = msg
            olds = latest.get(tree.uri("infra/old.ts"), {}).get("params", {}).get("diagnostics", [])
            if olds and "committed" in olds[0].get("data", {}) and tree.uri("infra/new.ts") in latest:
                break
        else:
            s.fail_with("infra/old.ts was never published with its commit")
        if not matches_committed(latest[tree.uri("infra/old.ts")], commit):
            s.fail_with("infra/old.ts: the committed note does not name the commit")
        fresh = latest[tree.uri("infra/new.ts")]["params"]["diagnostics"]
        if len(fresh) != 1 or "committed" in fresh[0].get("data", {}) or "already committed" in fresh[0]["message"]:
            s.fail_with("infra/new.ts is not committed but says so")
        if old in str(latest) or new in str(latest):
            s.fail_with("a full token was published")
        s.shutdown_and_exit(0)
    finally:
        tree.close()


def matches_committed(published: dict, commit: str) -> bool:
    """The publication holds one diagnostic whose message and data name `commit`, not pushed."""
    return matches({"params": {"diagnostics": [{
        "range": {"start": {"line": 0, "character": 11}, "end": {"line": 0, "character": 55}},
        "message": Re(rf"already committed in {commit[:12]} on 2026-03-01, not pushed: removing it from the file"),
        "data": {"committed": {"commit": commit, "path": "infra/old.ts", "line": 1, "pushed": False}}}]}},
        published)
