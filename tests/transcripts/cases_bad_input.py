"""Bad input, answered: every JSON-RPC and LSP error code, odd ids, bad framing, oversized and
deeply nested messages. After each bad input the server must answer a good request (probe)."""

from __future__ import annotations

from lsp_harness import ABSENT, Re, Session, case, edit, frame, token


def err(code, message=None, id=None):
    pattern = {"jsonrpc": "2.0", "id": id, "error": {"code": code}, "result": ABSENT}
    if message is not None:
        pattern["error"]["message"] = Re(message)
    return pattern


def raw(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


# (sentence, body bytes, expected reply); sent after initialize, each followed by a probe.
MALFORMED = [
    ("a body that is not JSON gets -32700 with id null", b'{"jsonrpc":"2.0","id":1,"method":', err(-32700)),
    ("an empty body gets -32700", b"", err(-32700)),
    ("trailing garbage after the object gets -32700", b'{"jsonrpc":"2.0","id":1,"method":"shutdown"} x', err(-32700)),
    ("a JSON string body gets -32600", b'"hello"', err(-32600)),
    ("a JSON number body gets -32600", b"42", err(-32600)),
    ("a null body gets -32600", b"null", err(-32600)),
    ("a batch array gets one -32600 with id null", b'[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]', err(-32600, "batch")),
    ("an empty batch array gets -32600", b"[]", err(-32600)),
    ("a missing jsonrpc member gets -32600 with the id", b'{"id":7,"method":"shutdown"}', err(-32600, "jsonrpc", 7)),
    ("jsonrpc 1.0 gets -32600 with the id", b'{"jsonrpc":"1.0","id":"s","method":"shutdown"}', err(-32600, "jsonrpc", "s")),
    ("a fractional id gets -32600 with id null", b'{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}', err(-32600, "id")),
    ("a null id request gets -32600 with id null", b'{"jsonrpc":"2.0","id":null,"method":"shutdown"}', err(-32600, "id")),
    ("an object id gets -32600", b'{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}', err(-32600, "id")),
    ("a boolean id gets -32600", b'{"jsonrpc":"2.0","id":true,"method":"shutdown"}', err(-32600, "id")),
    ("a numeric method gets -32600", b'{"jsonrpc":"2.0","id":3,"method":5}', err(-32600, "method", 3)),
    # Regression (issue 12, defect 9): this was taken for a stray response and ignored.
    ("an id with neither method nor result/error gets -32600 with the id", b'{"jsonrpc":"2.0","id":12}',
     err(-32600, "method", 12)),
    ("scalar params get -32600", b'{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":3}', err(-32600, "params", 4)),
    ("JSON nested 100,000 levels deep gets -32700 without a crash", b"[" * 100_000 + b"]" * 100_000, err(-32700)),
    ("a request with params nested 100,000 levels deep gets -32700",
     b'{"jsonrpc":"2.0","id":9,"method":"textDocument/hover","params":{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
     err(-32700)),
    ("an unterminated deep nest gets -32700", b'{"a":' * 50_000, err(-32700)),
    ("invalid UTF-8 outside strings gets -32700", b'{"jsonrpc":"2.0",\xff"id":1,"method":"x"}', err(-32700)),
]


def _malformed_case(body, expected):
    def run(binary):
        s = Session(binary)
        s.initialize()
        s.write(raw(body))
        s.expect(expected)
        s.probe()
        s.shutdown_and_exit(0)

    return run


for _name, _body, _expected in MALFORMED:
    case(_name + " and the server keeps serving")(_malformed_case(_body, _expected))


@case("ids that are integers, negative, large or strings are echoed exactly")
def _(binary):
    s = Session(binary)
    s.initialize()
    for id in [0, -1, 2**53, 2**63 - 1, "", "abc", "ünï 😀", "42"]:
        s.request("textDocument/hover",
                  {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}}, id=id)
        s.expect({"jsonrpc": "2.0", "id": id, "result": None}, f"id {id!r}")
    s.shutdown_and_exit(0)


@case("requests before initialize get -32002, notifications before it are dropped, and exit code is 1")
def _(binary):
    s = Session(binary)
    s.request("textDocument/hover", {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}},
              id="early")
    s.expect(err(-32002, "initialize", "early"))
    s.request("shutdown", id=2)
    s.expect(err(-32002, None, 2))
    s.open("file:///early.txt", "x")
    s.initialize()
    s.probe()  # the early didOpen published nothing
    s.notify("exit")
    s.finish(1)


@case("a second initialize gets -32600")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.call("initialize", {"capabilities": {}}, error={"code": -32600})
    s.probe()
    s.shutdown_and_exit(0)


@case("unknown methods get -32601, $/ requests too; unknown and $/ notifications get no reply")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.call("workspace/noSuchThing", {}, error={"code": -32601, "message": Re("workspace/noSuchThing")})
    s.call("$/somethingNew", {}, error={"code": -32601})
    s.call("", None, error={"code": -32601})
    s.notify("$/setTrace", {"value": "verbose"})
    s.notify("$/progress", {"token": 1, "value": {}})
    s.notify("custom/notification", {"a": [1, 2]})
    s.notify("$/cancelRequest", {"id": 12345})
    s.probe()  # the next message is the probe's reply: nothing answered the notifications
    s.shutdown_and_exit(0)


# (params, substring the -32602 message must contain: the JSON path of the bad field)
BAD_PARAMS = [
    ("textDocument/hover", {}, "textDocument"),
    ("textDocument/hover", {"textDocument": []}, "textDocument"),
    ("textDocument/hover", {"textDocument": {"uri": 5}, "position": {"line": 0, "character": 0}}, r"textDocument\.uri"),
    ("textDocument/hover", {"textDocument": {"uri": "file:///a"}}, "position"),
    ("textDocument/hover", {"textDocument": {"uri": "file:///a"}, "position": {"line": "0", "character": 0}},
     r"position\.line"),
    ("textDocument/hover", {"textDocument": {"uri": "file:///a"}, "position": {"line": 0, "character": -1}},
     r"position\.character"),
    ("textDocument/hover", {"textDocument": {"uri": "file:///a"}, "position": {"line": 0, "character": 1.5}},
     r"position\.character"),
    ("textDocument/hover", {"textDocument": {"uri": "file:///a"}, "position": {"line": 2**40, "character": 0}},
     r"position\.line"),
    ("textDocument/hover", [1, 2], "params"),
    ("textDocument/codeAction", {"textDocument": {"uri": "file:///a"}}, "range"),
    ("textDocument/codeAction", {"textDocument": {"uri": "file:///a"},
                                 "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0}},
                                 "context": {"diagnostics": []}}, r"range\.end\.character"),
    ("textDocument/diagnostic", {"textDocument": {"uri": "file:///a"}, "previousResultId": 3}, "previousResultId"),
    ("workspace/executeCommand", {"command": 1}, "command"),
    ("workspace/executeCommand", {"command": "no.such.command"}, "command"),
]


@case("invalid params get -32602 naming the bad field, and the server keeps serving")
def _(binary):
    s = Session(binary)
    s.initialize()
    for method, params, field in BAD_PARAMS:
        s.call(method, params, error={"code": -32602, "message": Re(field)})
    s.probe()
    s.shutdown_and_exit(0)


@case("bad notification params are logged, get no reply, and change nothing")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///a", "languageId": "x", "version": 1}})
    s.notify("textDocument/didOpen", {"textDocument": {"uri": 1, "languageId": "x", "version": 1, "text": ""}})
    s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///a"}, "contentChanges": {}})
    s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///a", "version": 2},
                                        "contentChanges": [{"range": {"start": {}}, "text": ""}]})
    s.notify("textDocument/didClose", {})
    s.notify("workspace/didChangeConfiguration", {"settings": 3})
    s.notify("initialized", [1])
    s.probe()
    s.shutdown_and_exit(0)
    if b"textDocument.text" not in s.stderr_bytes:
        s.fail_with("the log does not name the missing field textDocument.text")


@case("a request and its $/cancelRequest in one write: the request is answered with -32800")
def _(binary):
    s = Session(binary)
    s.initialize()
    hover = {"jsonrpc": "2.0", "id": 77, "method": "textDocument/hover",
             "params": {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}}}
    cancel = {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 77}}
    s.write(frame(hover) + frame(cancel))
    s.expect(err(-32800, None, 77))
    hover["id"] = "str-id"
    cancel["params"]["id"] = "str-id"
    s.write(frame(hover) + frame(cancel))
    s.expect(err(-32800, None, "str-id"))
    # A cancel for an already answered request does nothing: the id can be reused.
    s.probe()
    hover["id"] = 77
    s.write(frame(hover))
    s.expect({"id": 77, "result": None})
    s.shutdown_and_exit(0)


@case("any request after shutdown gets -32600 and exit then ends with code 0")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.call("shutdown", None, result=None)
    s.call("textDocument/hover", {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}},
           error={"code": -32600, "message": Re("shutdown")})
    s.call("shutdown", None, error={"code": -32600})
    s.call("no/such/method", None, error={"code": -32600})
    s.open("file:///late.txt", "x")  # dropped, no diagnostics
    s.notify("exit")
    s.finish(0)


@case("a header block without Content-Length is skipped and the next message is served")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.write(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Other: 1\r\n\r\n")
    s.probe()
    s.write(b"Content-Length: abc\r\n\r\n")
    s.probe()
    s.write(b"content-length:   2  \r\n\r\n{}")  # case-insensitive, spaces trimmed: a body that is no request
    s.expect(err(-32600))
    s.probe()
    s.shutdown_and_exit(0)
    if b"without Content-Length" not in s.stderr_bytes:
        s.fail_with("no log line for the skipped header")


@case("a message over --max-message-size is skipped with a log line and the next one is served")
def _(binary):
    s = Session(binary, args=["--max-message-size=4096"])
    s.initialize()
    s.open("file:///big.txt", "x" * 10_000)
    s.probe()
    s.open("file:///small.txt", "x")
    s.expect_diagnostics("file:///small.txt", 1, [])
    # Exactly at the limit is accepted.
    body_prefix = b'{"jsonrpc":"2.0","id":"edge","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///'
    body_suffix = b'"},"position":{"line":0,"character":0}}}'
    body = body_prefix + b"a" * (4096 - len(body_prefix) - len(body_suffix)) + body_suffix
    s.write(raw(body))
    s.expect({"id": "edge", "result": None})
    s.shutdown_and_exit(0)
    if b"skipped a message of" not in s.stderr_bytes:
        s.fail_with("no log line for the oversized message")


@case("past maxFindingsPerDocument and maxDocumentSize the server says so once (log line and diagnostic) and keeps working")
def _(binary):
    s = Session(binary)
    s.initialize(init_options={"pulumiTokenLsp": {"maxFindingsPerDocument": 2, "maxDocumentSize": 400}})
    t = token("limits")
    many = "file:///many.txt"
    s.open(many, "".join(f"{t}\n" for _ in range(5)))
    d = s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": many, "version": 1}})
    shown = d["params"]["diagnostics"]
    if [x["severity"] for x in shown] != [1, 1, 3] or "3 more" not in shown[2]["message"]:
        s.fail_with("expected two findings and one Information diagnostic saying 3 more")
    for v in (2, 3, 4):  # still over the limit: no new log line
        s.change(many, v, [edit(0, 0, 0, 0, " ")])
        s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": many, "version": v}})
    big = "file:///big.txt"
    s.open(big, "x" * 500)
    s.expect({"method": "textDocument/publishDiagnostics",
              "params": {"uri": big, "version": 1, "diagnostics": [{"severity": 3, "message": Re("over the maxDocumentSize")}]}})
    s.change(big, 2, [edit(0, 0, 0, 0, t)])  # an edit to an unscanned text is not applied
    s.expect({"method": "textDocument/publishDiagnostics",
              "params": {"uri": big, "version": 2, "diagnostics": [{"message": Re("over the maxDocumentSize")}]}})
    s.change(big, 3, [{"text": f"k = {t}\n"}])  # a whole new text that fits is scanned again
    s.expect_diagnostics(big, 3, [(0, 4, 0, 48)])
    s.change(big, 4, [edit(1, 0, 1, 0, "y" * 400)])  # growing past the limit by edits
    s.expect({"method": "textDocument/publishDiagnostics",
              "params": {"uri": big, "version": 4, "diagnostics": [{"message": Re("over the maxDocumentSize")}]}})
    s.probe()
    s.shutdown_and_exit(0)
    log = s.stderr_bytes.decode(errors="replace")
    if log.count("over maxFindingsPerDocument") != 1:
        s.fail_with(f"{log.count('over maxFindingsPerDocument')} log lines for the findings limit, expected 1")
    if log.count("over maxDocumentSize") != 2:  # the open, then the growth after it came back under
        s.fail_with(f"{log.count('over maxDocumentSize')} log lines for the size limit, expected 2")


@case("a header longer than 8 KiB without a blank line is discarded and the stream recovers")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.write(b"X-Junk: " + b"j" * 20_000 + b"\r\n\r\n")
    s.probe()
    s.shutdown_and_exit(0)


@case("a message split into single-byte writes is served")
def _(binary):
    s = Session(binary)
    s.initialize()
    data = frame({"jsonrpc": "2.0", "id": "split", "method": "textDocument/hover",
                  "params": {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}}})
    for i in range(len(data)):
        s.proc.stdin.write(data[i:i + 1])
    s.expect({"id": "split", "result": None})
    s.shutdown_and_exit(0)


@case("responses from the client (to unknown ids, with errors, malformed) get no reply")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.write(frame({"jsonrpc": "2.0", "id": "ptl-999", "result": [1]}))
    s.write(frame({"jsonrpc": "2.0", "id": 5, "error": {"code": 1, "message": "x"}}))
    s.write(frame({"jsonrpc": "2.0", "result": None}))  # no id: -32600
    s.expect(err(-32600, "id"))
    s.probe()
    s.shutdown_and_exit(0)


@case("params null on shutdown and exit is taken as absent, as eglot 1.9 sends it: exit code 0")
def _(binary):
    # Regression (issue 12, defect 8): -32600 "params: expected object or array" left the server
    # running after Emacs quit.
    s = Session(binary)
    s.initialize()
    s.write(frame({"jsonrpc": "2.0", "id": 41, "method": "shutdown", "params": None}))
    s.expect({"jsonrpc": "2.0", "id": 41, "result": None, "error": ABSENT})
    s.write(frame({"jsonrpc": "2.0", "method": "exit", "params": None}))
    s.finish(0)


@case("params null on a request that needs params gets -32602, not -32600")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.write(frame({"jsonrpc": "2.0", "id": 42, "method": "textDocument/hover", "params": None}))
    s.expect(err(-32602, None, 42))
    s.probe()
    s.shutdown_and_exit(0)
