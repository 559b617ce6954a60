"""Secret hygiene: every byte the server writes (stdout, stderr at --log=debug, --check output)
during sessions full of tokens holds no full token.

Every Session in this suite already runs at --log=debug and is searched for every token made by
token() when it finishes (lsp_harness.Session.check_stream); the cases here push tokens through
every path that could echo them, and check that the masked preview is what appears instead.
"""

from __future__ import annotations

import os
import tempfile

from lsp_harness import CaseFailure, Re, Session, case, check_no_tokens, frame, run_command, token


@case("secret hygiene: a session pushing tokens through every handler and error path writes no full token")
def _(binary):
    s = Session(binary, args=["--max-message-size=100000"])
    s.initialize(extra_caps={"workspace": {"configuration": False}})
    toks = [token(f"hygiene-{i}") for i in range(6)]
    uri = "file:///secrets/app.py"
    s.open(uri, f"A = '{toks[0]}'\nB = \"{toks[1]}\"  # {toks[2]}\n")
    d = s.expect_diagnostics(uri, 1, [(0, 5, 0, 49), (1, 5, 1, 49), (1, 54, 1, 98)])
    for diag in d["params"]["diagnostics"]:
        if toks[0][:8] not in str(d) or "…" not in diag["message"]:
            s.fail_with("the diagnostic message does not carry the masked preview")
    s.change(uri, 2, [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
                       "text": f"C = {toks[3]}\n"}])
    s.expect_diagnostics(uri, 2, [(0, 5, 0, 49), (1, 5, 1, 49), (1, 54, 1, 98), (2, 4, 2, 48)])
    s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 10}},
           result={"contents": {"value": Re(toks[0][:8])}})
    s.call("textDocument/codeAction", {"textDocument": {"uri": uri},
                                       "range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 49}},
                                       "context": {"diagnostics": d["params"]["diagnostics"][:1]}})
    # The rotate command with a token where its {uri, offset} belongs: refused, the token not echoed.
    s.call("workspace/executeCommand", {"command": "pulumi-token-lsp.rotateToken", "arguments": [toks[0]]},
           error={"code": -32602, "message": Re("expected \\[\\{")})
    # Without arguments it tells the client where to rotate (showMessage, before the reply).
    s.request("workspace/executeCommand", {"command": "pulumi-token-lsp.rotateToken", "arguments": []})
    s.expect({"method": "window/showMessage"})
    s.expect({"result": None})
    s.call("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    # Tokens inside malformed or rejected messages: not JSON, bad params, bad ids, oversized.
    s.write(frame(f'{{"jsonrpc":"2.0","id":1,"method":"{toks[4]}'.encode()))
    s.expect({"error": {"code": -32700}})
    s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": toks[4], "character": 0}},
           error={"code": -32602})
    s.write(frame({"jsonrpc": "2.0", "id": 1.5, "method": "x", "params": {"t": toks[4]}}))
    s.expect({"error": {"code": -32600}})
    s.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///b", "version": 1, "text": toks[4]}})
    s.notify("workspace/didChangeConfiguration", {"settings": {"pulumiTokenLsp": {"envVar": toks[5]}}})
    s.expect_diagnostics(uri, 2, [(0, 5, 0, 49), (1, 5, 1, 49), (1, 54, 1, 98), (2, 4, 2, 48)])
    s.open("file:///big.txt", (toks[5] + "\n") * 5000)
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": []}})
    s.shutdown_and_exit(0)
    if toks[0][:8].encode() not in s.stdout_bytes:
        s.fail_with("the masked preview never appeared: the check would pass vacuously")


@case("secret hygiene: --check output and its debug log hold masked tokens only")
def _(binary):
    toks = [token(f"check-{i}") for i in range(4)]
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "sub"))
        with open(os.path.join(d, "Pulumi.dev.yaml"), "w") as f:
            f.write(f"config:\n  pulumi:token: {toks[0]}\n")
        with open(os.path.join(d, "sub", "index.ts"), "w") as f:
            f.write(f"const a = \"{toks[1]}\";\r\nconst b = `{toks[2]}`;\n")
        with open(os.path.join(d, "sub", "notes.md"), "w") as f:
            f.write(f"| t | {toks[3]} |\n| ph | pul-{'0' * 40} |\n")
        p = run_command([binary, "--log=debug", "--check", d])
        p2 = run_command([binary, "--log=debug", "--placeholders=hint", "--check",
                          os.path.join(d, "sub", "notes.md"), os.path.join(d, "missing")])
    check_no_tokens({"--check stdout": p.stdout, "--check stderr": p.stderr,
                     "--check stdout (2)": p2.stdout, "--check stderr (2)": p2.stderr})
    if p.returncode != 1:
        raise CaseFailure(f"--check exit code {p.returncode}, expected 1 (tokens found)")
    if p2.returncode != 2:
        raise CaseFailure(f"--check with a missing path: exit code {p2.returncode}, expected 2")
    out = p.stdout.decode()
    for t in toks:
        if t[:8] not in out:
            raise CaseFailure(f"--check did not report {t[:8]}…")
    if "Pulumi.dev.yaml:2:17:" not in out or "index.ts:1:12:" not in out or "index.ts:2:12:" not in out:
        raise CaseFailure("--check positions are not file:line:col:\n" + out)
