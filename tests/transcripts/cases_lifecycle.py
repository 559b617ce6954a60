"""Lifecycle and transport: initialize to exit, exit codes, signals, files, TCP, flags."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import threading

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


@case("SIGTERM stops the blocking loop (stdout a regular file) with exit code 1; the file holds whole messages")
def _(binary):
    from lsp_harness import StrictReader

    with tempfile.TemporaryDirectory() as d:
        out_path = os.path.join(d, "out.bin")
        with open(out_path, "wb") as out:
            s = Session(binary, stdout=out)
            s.request("initialize", {"capabilities": {}})
            for _ in range(500):  # the reply is written before the server blocks in read() again
                if os.path.getsize(out_path) > 0:
                    break
                threading.Event().wait(0.01)
            threading.Event().wait(0.1)
            s.proc.send_signal(signal.SIGTERM)
            rc = s.wait()
        data = open(out_path, "rb").read()
    r = StrictReader()
    msgs = r.feed(data)
    r.finish()
    if rc != 1:
        s.fail_with(f"exit code {rc} (negative: killed by the signal), expected 1")
    if r.errors or [m.get("id") for m in msgs] != [1]:
        s.fail_with(f"stdout file: {r.errors} {msgs}")
    if b"terminated by signal 15" not in s.stderr_bytes:
        s.fail_with("no log line for the signal")


@case("a client that stops reading stdout: queued diagnostics are replaced, not piled up; the newest arrive")
def _(binary):
    s = Session(binary, read_stdout=False, log="info")
    s.request("initialize", {"capabilities": {}})
    s.notify("initialized", {})
    t = token("slow-reader")
    uris = [f"file:///slow/{i}.txt" for i in range(3)]
    body = "".join(f"k{j} = {t}\n" for j in range(100))  # about 40 KB of diagnostics per publish
    for uri in uris:
        s.open(uri, body)
    rss = []
    rounds = 600
    for v in range(2, rounds + 2):
        for uri in uris:  # one keystroke at the top of each document: every publish differs
            s.change(uri, v, [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                               "text": "x"}])
        threading.Event().wait(0.001)  # separate reads, so edits are not coalesced into one publish
        if v in (150, rounds + 1):
            s.request("textDocument/hover", {"textDocument": {"uri": uris[0]},
                                               "position": {"line": 0, "character": 0}})
            threading.Event().wait(0.3)
            with open(f"/proc/{s.proc.pid}/status") as f:
                rss.append(next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")))
    # About 1,800 publishes of 40 KB (72 MB) were made while the pipe (1 MiB) was full.
    s.start_reading()
    got = {}
    publishes = 0
    replies = []
    while len(replies) < 3:
        m = s.recv()
        if m.get("method") == "textDocument/publishDiagnostics":
            publishes += 1
            got[m["params"]["uri"]] = m["params"]["version"]
        elif "id" in m:
            replies.append(m["id"])
    if replies != [1, 2, 3]:
        s.fail_with(f"replies out of order or missing: {replies}")
    if any(got.get(uri) != rounds + 1 for uri in uris):
        s.fail_with(f"last published versions {got}, expected {rounds + 1} for every document")
    if publishes > 100:
        s.fail_with(f"{publishes} diagnostics messages were kept for a client that did not read")
    # ASan keeps freed memory in quarantine, so resident memory says nothing there.
    if "ASAN_OPTIONS" not in os.environ and rss[1] - rss[0] > 24 * 1024:
        s.fail_with(f"resident memory grew from {rss[0]} kB to {rss[1]} kB while the client did not read")
    s.transcript.append(f"    {publishes} publishes reached the client; VmRSS {rss} kB")
    s.shutdown_and_exit(0)


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
