"""Lifecycle and transport: initialize to exit, exit codes, signals, files, TCP, flags."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile

from lsp_harness import ABSENT, Re, Session, case, check_no_tokens, frame, run_command, token


@case("a session from initialize through a diagnosed edit to shutdown and exit ends with exit code 0")
def _(binary):
    s = Session(binary)
    reply = s.initialize()
    caps = reply["result"]["capabilities"]
    if caps.get("positionEncoding") != "utf-16" or caps.get("textDocumentSync", {}).get("change") != 2:
        s.fail_with(f"unexpected capabilities: {caps}")
    t = token("lifecycle")
    uri = "file:///work/Pulumi.dev.yaml"
    s.open(uri, f"config:\n  token: {t}\n")
    s.expect_diagnostics(uri, 1, [(1, 9, 1, 53)])
    s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 20}},
           result={"contents": {"kind": "markdown", "value": Re(t[:8])},
                   "range": {"start": {"line": 1, "character": 9}, "end": {"line": 1, "character": 53}}})
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": []}})
    s.shutdown_and_exit(0)


@case("exit without shutdown ends with exit code 1")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.notify("exit")
    s.finish(1)


@case("end of input without exit ends with exit code 1, also after shutdown")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.close_input()
    s.finish(1)
    s = Session(binary)
    s.initialize()
    s.call("shutdown", None, result=None)
    s.close_input()
    s.finish(1)


@case("exit before initialize ends with exit code 1 and no output")
def _(binary):
    s = Session(binary)
    s.notify("exit")
    s.finish(1)
    if s.stdout_bytes:
        s.fail_with("wrote to stdout")


@case("stdin closed in the middle of a message ends the server with code 1 and a log line")
def _(binary):
    s = Session(binary)
    s.initialize()
    body = frame({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
    s.write(body[: len(body) - 5])
    s.close_input()
    s.finish(1)
    if b"middle of a message" not in s.stderr_bytes:
        s.fail_with("no log line about the cut message")


@case("SIGTERM stops a serving server with exit code 1 and a clean stdout")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.open("file:///a.txt", "hello\n")
    s.expect_diagnostics("file:///a.txt", 1, [])
    s.proc.send_signal(signal.SIGTERM)
    s.finish(1)


@case("a client that closes the server's stdout (SIGPIPE) makes it exit with code 1, not die of the signal")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.proc.stdout.close()
    s.open("file:///a.txt", "x\n")
    s.request("shutdown")
    s.notify("exit")
    rc = s.wait()
    # It wrote a reply into a closed pipe: the write fails with EPIPE, which it logs.
    if rc < 0:
        s.fail_with(f"server died of signal {-rc}")
    if rc not in (0, 1):
        s.fail_with(f"exit code {rc}")


def _session_bytes(uri: str, text: str) -> bytes:
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "text", "version": 3, "text": text}}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    return b"".join(frame(m) for m in msgs)


@case("a regular file on stdin (pulumi-token-lsp < file) is served to the end with exit code 0")
def _(binary):
    t = token("regular-file")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "session.bin")
        with open(path, "wb") as f:
            f.write(_session_bytes("file:///f.py", f"x = '{t}'\n"))
        with open(path, "rb") as f:
            s = Session(binary, stdin=f)
            s.expect({"id": 1, "result": {"capabilities": {"positionEncoding": "utf-16"}}})
            s.expect({"id": 2, "result": None})
            s.expect_diagnostics("file:///f.py", 3, [(0, 5, 0, 49)])
            s.finish(0)


@case("a regular file on stdout is written with blocking writes and holds only framed messages")
def _(binary):
    from lsp_harness import StrictReader

    t = token("regular-stdout")
    with tempfile.TemporaryDirectory() as d:
        out_path = os.path.join(d, "out.bin")
        with open(out_path, "wb") as out:
            p = subprocess.run([binary], input=_session_bytes("file:///g.py", f"{t}\n"), stdout=out,
                               stderr=subprocess.PIPE, timeout=60)
        data = open(out_path, "rb").read()
    r = StrictReader()
    msgs = r.feed(data)
    r.finish()
    from lsp_harness import CaseFailure

    if r.errors or p.returncode != 0:
        raise CaseFailure(f"exit {p.returncode}, stream errors {r.errors}")
    kinds = [m.get("id", m.get("method")) for m in msgs]
    if kinds != [1, 2, "textDocument/publishDiagnostics"]:
        raise CaseFailure(f"messages {kinds}")
    check_no_tokens({"stdout": data, "stderr": p.stderr})


@case("--port serves one TCP client from initialize to exit with exit code 0")
def _(binary):
    s = Session(binary, args=["--port", "0"], tcp=True)
    s.initialize()
    t = token("tcp")
    s.open("file:///tcp.txt", f"a {t}")
    s.expect_diagnostics("file:///tcp.txt", 1, [(0, 2, 0, 46)])
    s.shutdown_and_exit(0)
    if s.tcp_stdout:
        s.fail_with("TCP mode wrote to stdout")


@case("--version and --help print to stdout and exit 0; an unknown flag exits 2")
def _(binary):
    from lsp_harness import CaseFailure

    v = run_command([binary, "--version"])
    if v.returncode != 0 or not v.stdout.startswith(b"pulumi-token-lsp "):
        raise CaseFailure(f"--version: {v.returncode} {v.stdout!r}")
    h = run_command([binary, "--help"])
    if h.returncode != 0 or b"Usage" not in h.stdout or b"--port" not in h.stdout:
        raise CaseFailure(f"--help: {h.returncode} {h.stdout[:200]!r}")
    bad = run_command([binary, "--no-such-flag"])
    if bad.returncode != 2 or bad.stdout:
        raise CaseFailure(f"unknown flag: {bad.returncode} {bad.stdout!r}")


@case("--stdio and --clientProcessId (both forms) are accepted and ignored")
def _(binary):
    s = Session(binary, args=["--stdio", "--clientProcessId=1234", "--clientProcessId", "99"])
    s.initialize()
    s.shutdown_and_exit(0)


@case("initializationOptions and unknown settings do not stop the session")
def _(binary):
    s = Session(binary)
    s.initialize(init_options={"pulumiTokenLsp": {"envVar": 5, "noSuchSetting": True}})
    s.probe()
    s.shutdown_and_exit(0)


@case("a pull-diagnostics client gets reports with resultId, then unchanged, and no pushes")
def _(binary):
    s = Session(binary)
    s.initialize(extra_caps={"textDocument": {"diagnostic": {"dynamicRegistration": False}}})
    t = token("pull")
    uri = "file:///pull.txt"
    s.open(uri, f"{t}\n")
    r = s.call("textDocument/diagnostic", {"textDocument": {"uri": uri}},
               result={"kind": "full", "resultId": Re("."), "items": [
                   {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 44}}}]})
    rid = r["result"]["resultId"]
    s.call("textDocument/diagnostic", {"textDocument": {"uri": uri}, "previousResultId": rid},
           result={"kind": "unchanged", "resultId": rid, "items": ABSENT})
    s.change(uri, 2, [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
                       "text": ""}])
    s.call("textDocument/diagnostic", {"textDocument": {"uri": uri}, "previousResultId": rid},
           result={"kind": "full", "items": []})
    s.shutdown_and_exit(0)
