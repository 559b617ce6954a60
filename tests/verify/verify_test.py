#!/usr/bin/env python3
"""`pulumi-token-lsp scan --verify` through the real binary and real TLS (issue 15): a local HTTPS
stand-in of the Pulumi API (http.server + ssl, on 127.0.0.1, with a CA and certificates made at run
time with the openssl command: tls_ca.py), a CONNECT proxy, and every answer the verifier must map: live
personal, organization and team tokens, 401, 403, 429, 500, a slow answer, a dropped connection, a
redirect, an untrusted certificate, a host name mismatch, a DIY backend. Then the self-test of the
secret stores' stand-ins (standins_test.py), which the rotation tests drive the binary against.

Usage: verify_test.py BINARY. Tokens are built at run time; the repository holds none."""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scan"))
from harness import TOKENS, case, finish, token  # noqa: E402
from tls_ca import TestCA  # noqa: E402

BINARY = os.path.abspath(sys.argv[1])
TLS = TestCA()
CA = TLS.ca_file

# --- the stand-in of the Pulumi API ------------------------------------------------------------

PERSONAL, ORG, TEAM = token("personal"), token("organization"), token("team")
DEAD, FORBIDDEN, LIMITED, BROKEN = token("dead"), token("forbidden"), token("limited"), token("broken")
SLOW, DROPPED, REDIRECTED = token("slow"), token("dropped"), token("redirected")

ANSWERS = {
    PERSONAL: (200, {"githubLogin": "alice", "name": "Alice"}),
    ORG: (200, {"githubLogin": "acme", "tokenInfo": {"name": "ci", "organization": "acme"}}),
    TEAM: (200, {"githubLogin": "acme", "tokenInfo": {"name": "deploy", "organization": "acme", "team": "platform"}}),
    DEAD: (401, {"code": 401, "message": "Unauthorized: No credentials provided or are invalid."}),
    FORBIDDEN: (403, {"code": 403, "message": "Forbidden"}),
    LIMITED: (429, {"code": 429, "message": "Too many requests"}),
    BROKEN: (500, {"code": 500, "message": "Internal Server Error"}),
}


class Api:
    """What the stand-in saw: requests per token (by path), and header problems."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str]] = []  # (path, token or "")
        self.problems: list[str] = []

    def count(self, t: str, path="/api/user") -> int:
        with self.lock:
            return sum(1 for p, x in self.requests if x == t and p == path)

    def total(self) -> int:
        with self.lock:
            return len(self.requests)


API = Api()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the test prints its own lines
        pass

    def reply(self, status, body: dict | None = None, headers=()):
        data = json.dumps(body or {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        auth = self.headers.get("Authorization", "")
        t = auth[len("token "):] if auth.startswith("token ") else ""
        with API.lock:
            API.requests.append((self.path, t))
            if self.path == "/api/user":
                if not auth.startswith("token "):
                    API.problems.append(f"Authorization is not 'token ...'")
                if self.headers.get("Accept") != "application/vnd.pulumi+8":
                    API.problems.append(f"Accept is {self.headers.get('Accept')!r}")
        if self.path != "/api/user":
            return self.reply(404, {"code": 404})
        if t == SLOW:
            time.sleep(3)
            return self.reply(200, {"githubLogin": "slowpoke"})
        if t == DROPPED:
            self.close_connection = True
            self.connection.close()
            return
        if t == REDIRECTED:
            return self.reply(302, {}, [("Location", "/elsewhere")])
        status, body = ANSWERS.get(t, (401, {"code": 401}))
        self.reply(status, body, [("Retry-After", "30")] if status == 429 else [])


def serve(cert: str, san: str) -> int:
    return TLS.serve(Handler, cert, san).server_address[1]


PORT = serve("server", "IP:127.0.0.1,DNS:localhost")
OTHER_PORT = serve("other", "DNS:other.example")  # a certificate for other.example only
URL = f"https://127.0.0.1:{PORT}"

# --- a CONNECT proxy ---------------------------------------------------------------------------

PROXY_LINES: list[str] = []


def pipe(a: socket.socket, b: socket.socket):
    try:
        while True:
            readable, _, _ = select.select([a, b], [], [], 10)
            if not readable:
                return
            for s in readable:
                data = s.recv(65536)
                if not data:
                    return
                (b if s is a else a).sendall(data)
    except OSError:
        return
    finally:
        a.close()
        b.close()


def proxy_client(conn: socket.socket):
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = conn.recv(4096)
        if not chunk:
            conn.close()
            return
        head += chunk
    line = head.split(b"\r\n", 1)[0].decode()
    PROXY_LINES.append(line)
    method, target, _ = line.split(" ", 2)
    if method != "CONNECT":
        conn.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
        conn.close()
        return
    host, port = target.rsplit(":", 1)
    upstream = socket.create_connection((host, int(port)))
    conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
    pipe(conn, upstream)


def start_proxy() -> int:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def accept():
        while True:
            conn, _ = listener.accept()
            threading.Thread(target=proxy_client, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return listener.getsockname()[1]


PROXY_PORT = start_proxy()

# --- running the binary ------------------------------------------------------------------------


def environment(**overrides):
    """The test's environment without the machine's proxy and CA settings, plus `overrides`
    (None removes a variable)."""
    env = {k: v for k, v in os.environ.items()
           if k.upper() not in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR",
                                "PULUMI_BACKEND_URL")}
    env.update({"SSL_CERT_FILE": CA, "PULUMI_BACKEND_URL": URL})
    for k, v in overrides.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def run(args, cwd, **env):
    p = subprocess.run([BINARY, "scan", *args], cwd=cwd, capture_output=True, timeout=120, env=environment(**env))
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    for t in TOKENS:  # never a full token, in any stream
        assert t not in out and t not in err, "a full token was written"
    return p.returncode, out, err


def scan_json(d: Path, *args, **env):
    code, out, err = run(["--verify", "--format", "json", *args, "."], d, **env)
    return code, json.loads(out), err


def by_path(report) -> dict:
    return {f["path"]: f for f in report["findings"]}


def write_tokens(d: Path, tokens: dict[str, str]):
    for name, t in tokens.items():
        (d / name).write_text(f'PULUMI_ACCESS_TOKEN = "{t}"\n')


# --- the cases ---------------------------------------------------------------------------------


@case
def _(d):
    """live personal, organization and team tokens say whose they are; 401 is not live; the same token twice is asked once"""
    write_tokens(d, {"a.py": PERSONAL, "b.py": ORG, "c.py": TEAM, "d.py": DEAD, "e.py": PERSONAL})
    before = API.count(PERSONAL)
    code, report, err = scan_json(d)
    assert code == 1, (code, err)
    f = by_path(report)
    assert f["a.py"]["verification"] == "live", f["a.py"]
    assert (f["a.py"]["tokenOwner"], f["a.py"]["tokenKind"]) == ("alice", "personal"), f["a.py"]
    assert "tokenName" not in f["a.py"] and "verificationReason" not in f["a.py"], f["a.py"]
    assert (f["b.py"]["verification"], f["b.py"]["tokenOwner"], f["b.py"]["tokenKind"], f["b.py"]["tokenName"]) \
        == ("live", "acme", "organization", "ci"), f["b.py"]
    assert (f["c.py"]["verification"], f["c.py"]["tokenKind"], f["c.py"]["tokenName"]) \
        == ("live", "team", "deploy"), f["c.py"]
    assert f["d.py"]["verification"] == "not-live" and "tokenOwner" not in f["d.py"], f["d.py"]
    assert f["e.py"]["verification"] == "live", f["e.py"]
    assert API.count(PERSONAL) - before == 1, "the same token in two files was asked more than once"
    assert not API.problems, API.problems


@case
def _(d):
    """403, 429, 500, a slow answer, a dropped connection and a redirect are unknown with the reason"""
    write_tokens(d, {"f.py": FORBIDDEN, "l.py": LIMITED, "b.py": BROKEN, "s.py": SLOW, "x.py": DROPPED,
                     "r.py": REDIRECTED})
    code, report, err = scan_json(d, "--verify-timeout", "1")
    assert code == 1, (code, err)
    f = by_path(report)
    expected = {
        "f.py": "the API refused the request (HTTP 403)",
        "l.py": "rate-limited by the API (HTTP 429, retry after 30 s)",
        "b.py": "the API failed (HTTP 500)",
        "s.py": "timed out after 1 s",
        "x.py": "the server closed the connection",
        "r.py": "the API answered with a redirect (HTTP 302), which is not followed",
    }
    for path, reason in expected.items():
        assert f[path]["verification"] == "unknown", f[path]
        assert f[path]["verificationReason"] == reason, (path, f[path]["verificationReason"])
    assert API.count(REDIRECTED, "/elsewhere") == 0 and API.count("", "/elsewhere") == 0, \
        "the redirect was followed"


@case
def _(d):
    """text output says it right after the masked preview, SARIF as result properties; placeholders are not asked"""
    write_tokens(d, {"a.py": PERSONAL})
    (d / "p.py").write_text('token = "pul-' + "0" * 40 + '"\n')
    before = API.total()
    code, out, err = run(["--verify", "a.py", "p.py"], d)
    assert code == 1, (code, err)
    line = next(l for l in out.splitlines() if l.startswith("a.py:"))
    assert "access token pul-" in line and "\u2026 (live: personal token of alice) (fingerprint" in line, line
    hint = next(l for l in out.splitlines() if l.startswith("p.py:"))
    assert "live" not in hint and "unknown" not in hint, hint
    assert API.total() - before == 1, "a placeholder was sent to the API"
    code, out, err = run(["--verify", "--format", "sarif", "a.py"], d)
    assert code == 1, (code, err)
    props = json.loads(out)["runs"][0]["results"][0]["properties"]
    assert (props["verification"], props["tokenOwner"], props["tokenKind"]) == ("live", "alice", "personal"), props


@case
def _(d):
    """without --verify nothing is asked and findings carry no verification"""
    write_tokens(d, {"a.py": PERSONAL})
    before = API.total()
    code, out, err = run(["--format", "json", "."], d)
    assert code == 1, (code, err)
    assert "verification" not in json.loads(out)["findings"][0]
    assert API.total() == before


@case
def _(d):
    """an untrusted certificate (the test CA not given) is unknown with the TLS reason"""
    write_tokens(d, {"a.py": PERSONAL})
    before = API.total()
    code, report, err = scan_json(d, SSL_CERT_FILE=None, SSL_CERT_DIR=str(d))
    f = report["findings"][0]
    assert f["verification"] == "unknown", f
    assert f["verificationReason"] == "TLS: certificate verify failed (unable to get local issuer certificate)", f
    assert API.total() == before, "a request got through an unverified connection"


@case
def _(d):
    """a certificate for another name is unknown with the TLS reason, by IP address and by host name"""
    write_tokens(d, {"a.py": PERSONAL})
    _, report, _ = scan_json(d, PULUMI_BACKEND_URL=f"https://127.0.0.1:{OTHER_PORT}")
    f = report["findings"][0]
    assert (f["verification"], f["verificationReason"]) == \
        ("unknown", "TLS: certificate verify failed (IP address mismatch)"), f
    _, report, _ = scan_json(d, "--verify-backend", f"https://localhost:{OTHER_PORT}")
    f = report["findings"][0]
    assert (f["verification"], f["verificationReason"]) == \
        ("unknown", "TLS: certificate verify failed (hostname mismatch)"), f


@case
def _(d):
    """a DIY backend has no API: unknown with the reason, and no request"""
    write_tokens(d, {"a.py": PERSONAL})
    before = API.total()
    code, report, err = scan_json(d, PULUMI_BACKEND_URL="file:///tmp/x")
    assert code == 1, (code, err)
    f = report["findings"][0]
    assert f["verification"] == "unknown", f
    assert f["verificationReason"] == \
        "the backend is a DIY backend (file://), which has no API to ask whether a token is live", f
    assert API.total() == before


@case
def _(d):
    """HTTPS_PROXY tunnels through CONNECT; NO_PROXY bypasses it"""
    write_tokens(d, {"a.py": PERSONAL})
    PROXY_LINES.clear()
    _, report, err = scan_json(d, HTTPS_PROXY=f"http://127.0.0.1:{PROXY_PORT}")
    assert report["findings"][0]["verification"] == "live", (report["findings"][0], err)
    assert PROXY_LINES == [f"CONNECT 127.0.0.1:{PORT} HTTP/1.1"], PROXY_LINES
    PROXY_LINES.clear()
    _, report, _ = scan_json(d, https_proxy=f"http://127.0.0.1:{PROXY_PORT}", NO_PROXY="localhost,127.0.0.1")
    assert report["findings"][0]["verification"] == "live", report["findings"][0]
    assert PROXY_LINES == [], PROXY_LINES


@case
def _(d):
    """a refused connection and bad options say so"""
    write_tokens(d, {"a.py": PERSONAL})
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    _, report, _ = scan_json(d, PULUMI_BACKEND_URL=f"https://127.0.0.1:{port}")
    assert report["findings"][0]["verificationReason"] == "connection refused", report["findings"][0]
    for bad in (["--verify-timeout", "0"], ["--verify-timeout", "x"], ["--verify-backend"]):
        code, _, err = run(["--verify", *bad], d)
        assert code == 2 and "Try pulumi-token-lsp scan --help" in err, (bad, code, err)



# The stand-ins of the secret stores (standins.py), proved on their own: their cases run on import.
import standins_test  # noqa: E402,F401

finish("verify")
