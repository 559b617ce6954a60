"""Drives the real pulumi-token-lsp binary through pipes (or TCP) and checks what it writes.

A case is a function of a Session. A Session starts the binary, writes framed JSON-RPC
messages (or raw bytes) to its stdin, and reads its stdout with a strict parser: every byte of
stdout must belong to a `Content-Length: N\\r\\n\\r\\n` + N-byte UTF-8 JSON-RPC 2.0 object, or
the case fails. `expect()` compares the next message with a pattern (dicts match on the keys
they name, lists match element by element, `Re` matches strings) and, on a mismatch, fails
with a unified diff of the expected and actual transcript, like clangd's lit tests.

Secret hygiene: tokens are made by `token()` at run time and remembered; when a session ends,
every byte the server wrote to stdout and stderr is searched for each of them.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import queue
import re
import socket
import subprocess
import threading

# A hang guard for reads, not a timing assertion: a correct server answers in milliseconds.
READ_TIMEOUT = float(os.environ.get("PTL_TRANSCRIPT_TIMEOUT", "60"))

_TOKENS: set[str] = set()
_TOKENS_LOCK = threading.Lock()

# The registered cases: (sentence naming the behaviour, function of the binary path).
CASES: list = []


def case(name: str):
    """Registers a transcript case under a sentence that states what it shows."""

    def register(fn):
        CASES.append((name, fn))
        return fn

    return register


def token(seed: str) -> str:
    """A token-shaped string built at run time ("pul-" + 40 lowercase hex), remembered for the
    secret-hygiene check."""
    t = "pul-" + hashlib.sha1(seed.encode()).hexdigest()
    with _TOKENS_LOCK:
        _TOKENS.add(t)
    return t


def all_tokens() -> set[str]:
    with _TOKENS_LOCK:
        return set(_TOKENS)


_TOKEN_RE = re.compile(r"pul-([0-9a-f]{4})[0-9a-f]{36}")


def mask(text: str) -> str:
    """Failure output shows tokens masked like the server does (pul-1a2b…), never whole."""
    return _TOKEN_RE.sub(lambda m: "pul-" + m.group(1) + "\u2026", text)


class CaseFailure(Exception):
    def __init__(self, message: str):
        super().__init__(mask(message))


class Re:
    """Matches a string by re.search."""

    def __init__(self, pattern: str):
        self.pattern = pattern

    def __repr__(self) -> str:
        return f"Re({self.pattern!r})"


class Absent:
    """Matches a member that is not there."""

    def __repr__(self) -> str:
        return "<absent>"


ABSENT = Absent()
_MISSING = object()


def _project(expected, actual):
    """Returns `actual` reduced to the shape of `expected`, so that equal shapes print equal."""
    if isinstance(expected, Re):
        if isinstance(actual, str) and re.search(expected.pattern, actual):
            return expected
        return actual
    if isinstance(expected, Absent):
        return expected if actual is _MISSING else actual
    if actual is _MISSING:
        return "<missing>"
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {k: _project(v, actual.get(k, _MISSING)) for k, v in expected.items()}
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [_project(e, a) for e, a in zip(expected, actual)]
    return actual


def _render(value) -> list[str]:
    def default(o):
        return repr(o)

    return json.dumps(value, indent=1, sort_keys=True, default=default, ensure_ascii=False).splitlines()


def matches(expected, actual) -> bool:
    return _render(_project(expected, actual)) == _render(expected)


def edit(l0, c0, l1, c1, text) -> dict:
    """One TextDocumentContentChangeEvent with a range."""
    return {"range": {"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}}, "text": text}


def frame(body) -> bytes:
    if not isinstance(body, (bytes, bytearray)):
        body = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + bytes(body)


class StrictReader:
    """Parses a byte stream as LSP messages, refusing anything else."""

    HEADER = re.compile(rb"^(Content-Length: (\d+)|Content-Type: [^\r\n]*)$")

    def __init__(self):
        self.buf = bytearray()
        self.errors: list[str] = []

    def feed(self, data: bytes) -> list[dict]:
        self.buf += data
        out = []
        while not self.errors:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buf) > 8192:
                    self.errors.append("stdout: header block longer than 8192 bytes")
                break
            length = None
            for line in bytes(self.buf[:end]).split(b"\r\n"):
                m = self.HEADER.match(line)
                if not m:
                    self.errors.append(f"stdout: not an LSP header line: {line[:80]!r}")
                    return out
                if m.group(2) is not None:
                    length = int(m.group(2))
            if length is None:
                self.errors.append("stdout: header block without Content-Length")
                return out
            if len(self.buf) < end + 4 + length:
                break
            body = bytes(self.buf[end + 4 : end + 4 + length])
            del self.buf[: end + 4 + length]
            try:
                msg = json.loads(body.decode("utf-8", errors="strict"))
            except (UnicodeDecodeError, ValueError) as e:
                self.errors.append(f"stdout: body is not UTF-8 JSON ({e}): {body[:120]!r}")
                return out
            if not isinstance(msg, dict) or msg.get("jsonrpc") != "2.0":
                self.errors.append(f"stdout: not a JSON-RPC 2.0 object: {body[:120]!r}")
                return out
            out.append(msg)
        return out

    def finish(self) -> None:
        if self.buf and not self.errors:
            self.errors.append(f"stdout: {len(self.buf)} bytes after the last message: {bytes(self.buf[:80])!r}")


class Session:
    """One run of the binary. Use as a context manager or call close()."""

    def __init__(self, binary: str, args=(), stdin=subprocess.PIPE, tcp: bool = False, log: str = "debug",
                 stdout=subprocess.PIPE, read_stdout: bool = True, env: dict | None = None):
        self.binary = binary
        argv = [binary] + ([f"--log={log}"] if log else []) + list(args)
        self.transcript: list[str] = []
        self.reader = StrictReader()
        self.messages: "queue.Queue[dict]" = queue.Queue()
        self.stdout_bytes = bytearray()
        self.stderr_bytes = bytearray()
        self.returncode = None
        self.sock = None
        self._eof = threading.Event()
        self._lock = threading.Lock()
        self.proc = subprocess.Popen(
            argv, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, bufsize=0, env=env
        )
        self._stderr_thread = threading.Thread(target=self._pump_stderr, daemon=True)
        self._stderr_thread.start()
        self.tcp_stdout = b""
        if tcp:
            port = self._wait_for_port()
            self.sock = socket.create_connection(("127.0.0.1", port))
            self._out = self.sock.makefile("rb", buffering=0)
        else:
            self._out = self.proc.stdout
        self._stdout_thread = threading.Thread(target=self._pump_stdout, daemon=True)
        if read_stdout and self._out is not None:
            self._stdout_thread.start()
        self.next_id = 1

    def start_reading(self) -> None:
        """For a Session made with read_stdout=False: a client that stops reading, then resumes."""
        self._stdout_thread.start()

    # -- plumbing ---------------------------------------------------------------------------
    def _wait_for_port(self) -> int:
        pattern = re.compile(rb"listening on 127\.0\.0\.1:(\d+)")
        while True:
            with self._lock:
                m = pattern.search(bytes(self.stderr_bytes))
            if m:
                return int(m.group(1))
            if self.proc.poll() is not None:
                raise CaseFailure("server exited before listening: " + self.stderr_bytes.decode(errors="replace"))
            threading.Event().wait(0.01)

    def _pump_stderr(self):
        while True:
            data = self.proc.stderr.read(65536)
            if not data:
                return
            with self._lock:
                self.stderr_bytes += data

    def _pump_stdout(self):
        while True:
            try:
                data = self._out.read(1 << 20)
            except (OSError, ValueError):  # ValueError: a case closed the pipe on purpose
                data = b""
            if not data:
                self.reader.finish()
                self._eof.set()
                return
            self.stdout_bytes += data
            for m in self.reader.feed(data):
                self.messages.put(m)

    def write(self, data: bytes) -> None:
        """Writes raw bytes in one write (so they reach the server together)."""
        self.transcript.append(f"--> {len(data)} raw bytes: {data[:160]!r}" if len(data) > 400 or not data.startswith(b"Content-Length") else f"--> {data.decode(errors='replace')}")
        try:
            if self.sock is not None:
                self.sock.sendall(data)
            else:
                self.proc.stdin.write(data)
        except BrokenPipeError:
            self.transcript.append("    (server closed its input)")

    def send(self, msg) -> None:
        body = frame(msg)
        if len(body) > 2000:
            self.transcript.append(f"--> {len(body)} bytes: {body[:300].decode(errors='replace')} ...")
            try:
                if self.sock is not None:
                    self.sock.sendall(body)
                else:
                    self.proc.stdin.write(body)
            except BrokenPipeError:
                self.transcript.append("    (server closed its input)")
        else:
            self.write(body)

    def close_input(self) -> None:
        if self.sock is not None:
            self.sock.shutdown(socket.SHUT_WR)
        else:
            self.proc.stdin.close()

    def recv(self) -> dict:
        try:
            msg = self.messages.get(timeout=READ_TIMEOUT)
        except queue.Empty:
            self.fail_with(f"no message from the server within {READ_TIMEOUT} s (reader: {self.reader.errors})")
        text = json.dumps(msg, ensure_ascii=False)
        self.transcript.append("<-- " + (text if len(text) < 600 else text[:600] + " ..."))
        return msg

    def fail_with(self, why: str):
        raise CaseFailure(why + "\n  transcript so far:\n    " + "\n    ".join(self.transcript[-30:]))

    # -- requests ---------------------------------------------------------------------------
    def request(self, method: str, params=None, id=None) -> object:
        if id is None:
            id = self.next_id
            self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return id

    def notify(self, method: str, params=None) -> None:
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def expect(self, pattern, what: str = "") -> dict:
        """The next message must match `pattern`; fails with a transcript diff otherwise."""
        msg = self.recv()
        if not matches(pattern, msg):
            diff = difflib.unified_diff(
                _render(pattern), _render(_project(pattern, msg)), "expected", "actual", lineterm=""
            )
            self.fail_with(f"mismatch{(' in ' + what) if what else ''}:\n" + "\n".join(diff))
        return msg

    def call(self, method: str, params=None, **expected) -> dict:
        """Sends a request and expects its reply (`result=...` or `error=...` patterns)."""
        id = self.request(method, params)
        pattern = {"jsonrpc": "2.0", "id": id}
        pattern.update(expected)
        return self.expect(pattern, method)

    def initialize(self, encodings=None, extra_caps=None, init_options=None) -> dict:
        caps: dict = {}
        if encodings is not None:
            caps["general"] = {"positionEncodings": encodings}
        if extra_caps:
            caps.update(extra_caps)
        params = {"processId": None, "rootUri": None, "capabilities": caps,
                  "clientInfo": {"name": "transcripts"}}
        if init_options is not None:
            params["initializationOptions"] = init_options
        reply = self.call("initialize", params, result={"capabilities": {"positionEncoding": Re(".")}})
        self.notify("initialized", {})
        return reply

    def probe(self) -> None:
        """A good request after a bad input: the server must still answer it correctly."""
        self.call("textDocument/hover",
                  {"textDocument": {"uri": "file:///probe/never-opened.txt"}, "position": {"line": 0, "character": 0}},
                  result=None)

    def open(self, uri: str, text: str, version: int = 1, language: str = "plaintext") -> None:
        self.notify("textDocument/didOpen",
                    {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}})

    def change(self, uri: str, version: int, changes: list) -> None:
        self.notify("textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes})

    def expect_diagnostics(self, uri: str, version, ranges: list, what: str = "") -> dict:
        """The next message publishes diagnostics for `uri` at `version` with exactly these
        ranges ((line, start_char, end_line, end_char) tuples), in order."""
        pattern = {"method": "textDocument/publishDiagnostics",
                   "params": {"uri": uri, "diagnostics": [
                       {"range": {"start": {"line": a, "character": b}, "end": {"line": c, "character": d}},
                        "severity": 1, "source": "pulumi-token-lsp", "code": "pulumi-access-token"}
                       for (a, b, c, d) in ranges]}}
        if version is not None:
            pattern["params"]["version"] = version
        return self.expect(pattern, what or f"diagnostics of {uri} v{version}")

    def shutdown_and_exit(self, code: int = 0) -> None:
        self.call("shutdown", None, result=None)
        self.notify("exit")
        self.finish(code)

    # -- ending -----------------------------------------------------------------------------
    def wait(self) -> int:
        try:
            self.returncode = self.proc.wait(timeout=READ_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            self.fail_with("server did not exit")
        if self._stdout_thread.ident is not None:
            self._stdout_thread.join(READ_TIMEOUT)
        self._stderr_thread.join(READ_TIMEOUT)
        if self.sock is not None:
            self.tcp_stdout = self.proc.stdout.read()
        return self.returncode

    def finish(self, code: int | None = 0, extra_messages_ok: bool = False) -> None:
        """Waits for the exit; checks the exit code, that stdout parsed cleanly to the last byte,
        that no message is left unread, that no sanitizer spoke, and that no token leaked."""
        try:
            if self.sock is None and self.proc.stdin and not self.proc.stdin.closed:
                self.proc.stdin.close()
        except BrokenPipeError:
            pass
        rc = self.wait()
        self.check_stream()
        if not extra_messages_ok and not self.messages.empty():
            left = []
            while not self.messages.empty():
                left.append(json.dumps(self.messages.get())[:300])
            self.fail_with("unexpected messages:\n    " + "\n    ".join(left))
        if code is not None and rc != code:
            self.fail_with(f"exit code {rc}, expected {code}; stderr tail:\n"
                           + self.stderr_bytes.decode(errors="replace")[-1500:])
        if self.sock is not None:
            self.sock.close()

    def check_stream(self) -> None:
        if self.reader.errors:
            self.fail_with("; ".join(self.reader.errors))
        err = self.stderr_bytes.decode(errors="replace")
        for marker in ("AddressSanitizer", "runtime error:", "LeakSanitizer", "terminate called"):
            if marker in err:
                self.fail_with(f"stderr reports {marker}:\n" + err[-3000:])
        check_no_tokens({"stdout": bytes(self.stdout_bytes) + self.tcp_stdout, "stderr": bytes(self.stderr_bytes)})

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def check_no_tokens(outputs: dict) -> None:
    for name, data in outputs.items():
        for t in all_tokens():
            if t.encode() in data:
                raise CaseFailure(f"secret hygiene: a full token ({t[:8]}...) appears in {name}")


def run_command(argv: list[str], stdin_bytes: bytes | None = None, stdin_file=None) -> subprocess.CompletedProcess:
    return subprocess.run(argv, input=stdin_bytes, stdin=stdin_file, capture_output=True, timeout=READ_TIMEOUT)


__all__ = [
    "ABSENT", "CASES", "CaseFailure", "case", "Re", "Session", "StrictReader", "all_tokens", "check_no_tokens", "frame",
    "matches", "run_command", "token",
]
