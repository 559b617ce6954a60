"""Documents: diagnostics after didOpen and after each incremental edit, in every position
encoding, with multi-byte text, CRLF and lone CR, edits across line ends and clamped positions.

Expected columns are computed here with Python's own codecs (utf-16-le code units, UTF-8 bytes,
code points), independently of the server's conversion code.
"""

from __future__ import annotations

from lsp_harness import ABSENT, Session, case, edit, token

# Emoji, a ZWJ family, CJK, a combining mark, an astral musical symbol, a flag.
MIXED = "😀 日本語 e\u0301 👩\u200d👩\u200d👧 𝄞 🇫🇷 = \""


def units(s: str, enc: str) -> int:
    if enc == "utf-16":
        return len(s.encode("utf-16-le")) // 2
    if enc == "utf-8":
        return len(s.encode("utf-8"))
    return len(s)


def rng(line: int, prefix: str, enc: str = "utf-16"):
    c = units(prefix, enc)
    return (line, c, line, c + 44)


@case("diagnostics follow each of a series of incremental edits: typing, deleting, splitting and joining lines")
def _(binary):
    s = Session(binary)
    s.initialize()
    t = token("series")
    uri = "file:///proj/index.ts"
    s.open(uri, f"const a = 1;\nconst t = \"{t}\";\n", language="typescript")
    s.expect_diagnostics(uri, 1, [(1, 11, 1, 55)], "after didOpen")
    # Typing before the token on its line shifts it right.
    s.change(uri, 2, [edit(1, 0, 1, 0, "export ")])
    s.expect_diagnostics(uri, 2, [(1, 18, 1, 62)], "after typing before it")
    # A line inserted above moves it down.
    s.change(uri, 3, [edit(0, 0, 0, 0, "// header\n")])
    s.expect_diagnostics(uri, 3, [(2, 18, 2, 62)], "after inserting a line above")
    # Deleting one hex digit: no longer a token.
    s.change(uri, 4, [edit(2, 30, 2, 31, "")])
    s.expect_diagnostics(uri, 4, [], "after deleting a digit")
    # Typing it back: a token again.
    s.change(uri, 5, [edit(2, 30, 2, 30, t[12])])
    s.expect_diagnostics(uri, 5, [(2, 18, 2, 62)], "after retyping the digit")
    # Splitting the line in front of the token, then joining it back across the line end.
    s.change(uri, 6, [edit(2, 17, 2, 17, "\n")])
    s.expect_diagnostics(uri, 6, [(3, 1, 3, 45)], "after splitting the line")
    s.change(uri, 7, [edit(2, 17, 3, 0, "")])
    s.expect_diagnostics(uri, 7, [(2, 18, 2, 62)], "after joining the lines")
    # A word character glued on the left is not a boundary; removing it restores the finding.
    s.change(uri, 8, [edit(2, 18, 2, 18, "x")])
    s.expect_diagnostics(uri, 8, [], "after gluing a letter to it")
    # Two changes in one notification apply in order, each to the result of the one before.
    s.change(uri, 9, [edit(2, 18, 2, 19, ""), edit(0, 0, 1, 0, "")])
    s.expect_diagnostics(uri, 9, [(1, 18, 1, 62)], "after two ordered changes")
    # A change without a range replaces the whole text.
    s.change(uri, 10, [{"text": f"{t} {t}"}])
    s.expect_diagnostics(uri, 10, [(0, 0, 0, 44), (0, 45, 0, 89)], "after a full replacement")
    s.change(uri, 11, [{"text": ""}])
    s.expect_diagnostics(uri, 11, [], "after emptying it")
    s.shutdown_and_exit(0)


@case("a token is typed one character at a time and flagged exactly when complete")
def _(binary):
    s = Session(binary)
    s.initialize()
    t = token("typing")
    uri = "file:///typing.txt"
    s.open(uri, "key = \n")
    s.expect_diagnostics(uri, 1, [])
    for i, ch in enumerate(t):
        s.change(uri, 2 + i, [edit(0, 6 + i, 0, 6 + i, ch)])
        expected = [(0, 6, 0, 50)] if i == len(t) - 1 else []
        s.expect_diagnostics(uri, 2 + i, expected, f"after character {i + 1}")
    s.change(uri, 100, [edit(0, 50, 0, 50, "0")])  # a 41st digit
    s.expect_diagnostics(uri, 100, [], "after a 41st digit")
    s.shutdown_and_exit(0)


def _encoding_case(binary, offered, enc):
    s = Session(binary)
    s.initialize(encodings=offered)
    t = token("encoding")
    uri = f"file:///enc/{enc}.md"
    prefix = MIXED
    s.open(uri, f"# title\n{prefix}{t}\"\n{prefix}")
    s.expect_diagnostics(uri, 1, [rng(1, prefix, enc)], f"{enc} after didOpen")
    # Edit after the multi-byte text: insert more of it before the token, at a column in `enc`.
    s.change(uri, 2, [edit(1, units(prefix, enc), 1, units(prefix, enc), "€𝄞 ")])
    s.expect_diagnostics(uri, 2, [rng(1, prefix + "€𝄞 ", enc)], f"{enc} after an insert")
    # Typing the token at the end of the last line (after the multi-byte text).
    s.change(uri, 3, [edit(2, units(prefix, enc), 2, units(prefix, enc), t)])
    s.expect_diagnostics(uri, 3, [rng(1, prefix + "€𝄞 ", enc), rng(2, prefix, enc)], f"{enc} after typing")
    s.shutdown_and_exit(0)


@case("UTF-16 columns (the default) are exact after emoji, ZWJ sequences, CJK, combining marks and astral characters")
def _(binary):
    _encoding_case(binary, None, "utf-16")


@case("UTF-8 columns are used when the client offers utf-8 first")
def _(binary):
    s = Session(binary)
    r = s.initialize(encodings=["utf-8", "utf-16"])
    if r["result"]["capabilities"]["positionEncoding"] != "utf-8":
        s.fail_with("utf-8 not chosen")
    s.shutdown_and_exit(0)
    _encoding_case(binary, ["utf-8", "utf-16"], "utf-8")


@case("UTF-32 columns are used when the client offers only utf-32 and an unknown encoding")
def _(binary):
    _encoding_case(binary, ["x-unknown", "utf-32"], "utf-32")


@case("a client offering only unknown encodings gets utf-16")
def _(binary):
    s = Session(binary)
    r = s.initialize(encodings=["latin-1"])
    if r["result"]["capabilities"]["positionEncoding"] != "utf-16":
        s.fail_with("utf-16 not chosen")
    s.shutdown_and_exit(0)


@case("a UTF-16 position inside a surrogate pair rounds down to the character start")
def _(binary):
    s = Session(binary)
    s.initialize()
    t = token("surrogate")
    uri = "file:///sur.txt"
    s.open(uri, f"😀 {t}")
    s.expect_diagnostics(uri, 1, [(0, 3, 0, 47)])
    # Character 1 is the low surrogate of the emoji: the insert lands before the emoji.
    s.change(uri, 2, [edit(0, 1, 0, 1, "ab ")])
    s.expect_diagnostics(uri, 2, [(0, 6, 0, 50)])
    msg = s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 6}})
    if not msg.get("result"):
        s.fail_with("no hover at the token start")
    s.shutdown_and_exit(0)


@case("CRLF and lone CR end lines, and inserting CR then LF makes one line break")
def _(binary):
    s = Session(binary)
    s.initialize()
    t = token("crlf")
    uri = "file:///crlf.txt"
    s.open(uri, f"a\r\nb\rc\n{t}\r\n\r{t}")
    s.expect_diagnostics(uri, 1, [(3, 0, 3, 44), (5, 0, 5, 44)])
    # Join line 3 and 4 by deleting the "\r\n" between them (an edit across a line end).
    s.change(uri, 2, [edit(3, 44, 4, 0, "")])
    s.expect_diagnostics(uri, 2, [(3, 0, 3, 44), (4, 0, 4, 44)])
    # Split line 0 with "\r", then add "\n" right after it: still one break, so line numbers
    # grow by one, not two.
    s.change(uri, 3, [edit(0, 0, 0, 0, "x\r")])
    s.expect_diagnostics(uri, 3, [(4, 0, 4, 44), (5, 0, 5, 44)])
    s.change(uri, 4, [edit(1, 0, 1, 0, "\n")])
    s.expect_diagnostics(uri, 4, [(4, 0, 4, 44), (5, 0, 5, 44)])
    # A lone CR right before a token is a line start and so a boundary.
    s.change(uri, 5, [edit(5, 0, 5, 0, "y\r")])
    s.expect_diagnostics(uri, 5, [(4, 0, 4, 44), (6, 0, 6, 44)])
    s.shutdown_and_exit(0)


@case("positions past the end of a line or of the document are clamped")
def _(binary):
    s = Session(binary)
    s.initialize()
    t = token("clamp")
    uri = "file:///clamp.txt"
    s.open(uri, "ab\r\ncd")
    s.expect_diagnostics(uri, 1, [])
    # Character 1000 on line 0 means the end of line 0, before its "\r\n".
    s.change(uri, 2, [edit(0, 1000, 0, 1000, " " + t)])
    s.expect_diagnostics(uri, 2, [(0, 3, 0, 47)])
    # Line 1000 means the end of the document.
    s.change(uri, 3, [edit(1000, 5, 1000, 9, "\n" + t)])
    s.expect_diagnostics(uri, 3, [(0, 3, 0, 47), (2, 0, 2, 44)])
    # A reversed range (end before start) is the same range.
    s.change(uri, 4, [edit(2, 44, 2, 43, "")])
    s.expect_diagnostics(uri, 4, [(0, 3, 0, 47)])
    # A range from the middle of line 0 to far past the end deletes to the end of the document.
    s.change(uri, 5, [edit(0, 2, 4000000000, 4000000000, "")])
    s.expect_diagnostics(uri, 5, [])
    s.shutdown_and_exit(0)


@case("one didChange with a million tiny changes (an 85 MB message) applies them all in order")
def _(binary):
    s = Session(binary, args=["--max-message-size=268435456"])
    s.initialize()
    t = token("many-changes")
    uri = "file:///many.txt"
    s.open(uri, "x\n")
    s.expect_diagnostics(uri, 1, [])
    changes = []
    typed = 0
    for i in range(1_000_000):
        if i % 20_000 == 0 and typed < len(t):
            changes.append(edit(1, typed, 1, typed, t[typed]))
            typed += 1
        elif i % 2:
            changes.append(edit(0, 0, 0, 0, "ab"))
        else:
            changes.append(edit(0, 0, 0, 2, ""))
    while typed < len(t):
        changes.append(edit(1, typed, 1, typed, t[typed]))
        typed += 1
    s.change(uri, 2, changes)
    s.expect_diagnostics(uri, 2, [(1, 0, 1, 44)])
    s.shutdown_and_exit(0)


@case("a 100 MB line without a newline is diagnosed at both ends and edited at its end")
def _(binary):
    s = Session(binary, args=["--max-message-size=268435456"])  # the didOpen is over the 64 MiB default
    s.initialize()
    t = token("long-line")
    uri = "file:///bundle.min.js"
    filler = "a=1;" * (25 << 20)
    s.open(uri, f"{t};{filler}{t}")
    n = 44 + 1 + len(filler)
    s.expect_diagnostics(uri, 1, [(0, 0, 0, 44), (0, n, 0, n + 44)])
    s.change(uri, 2, [edit(0, n + 44, 0, n + 44, "x")])
    s.expect_diagnostics(uri, 2, [(0, 0, 0, 44)])
    s.change(uri, 3, [edit(0, 1, 0, 1, "é")])
    s.expect_diagnostics(uri, 3, [])
    s.shutdown_and_exit(0)


@case("didOpen twice for one URI replaces the document")
def _(binary):
    s = Session(binary)
    s.initialize()
    t = token("twice")
    uri = "file:///twice.txt"
    s.open(uri, t, version=1)
    s.expect_diagnostics(uri, 1, [(0, 0, 0, 44)])
    s.open(uri, "\n\n  " + t, version=7)
    s.expect_diagnostics(uri, 7, [(2, 2, 2, 46)])
    s.change(uri, 8, [edit(2, 0, 2, 2, "")])
    s.expect_diagnostics(uri, 8, [(2, 0, 2, 44)])
    s.shutdown_and_exit(0)


@case("didClose and didChange of a URI that is not open are ignored")
def _(binary):
    s = Session(binary)
    s.initialize()
    s.notify("textDocument/didClose", {"textDocument": {"uri": "file:///never.txt"}})
    s.change("file:///never.txt", 2, [{"text": "x"}])
    s.probe()
    s.shutdown_and_exit(0)


@case("untitled:, notebook-cell and percent-encoded or spaced URIs are echoed exactly")
def _(binary):
    s = Session(binary)
    s.initialize()
    t = token("uris")
    uris = [
        "untitled:Untitled-1",
        "vscode-notebook-cell:/home/u/nb.ipynb#W0sZmlsZQ%3D%3D",
        "file:///home/u/my%20project/a%2Bb%25.py",
        "file:///home/u/with space/ü.py",
    ]
    for i, uri in enumerate(uris):
        s.open(uri, f"k{i} = '{t}'")
        s.expect_diagnostics(uri, 1, [(0, 6, 0, 50)], uri)
        s.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 7}},
               result={"range": {"start": {"line": 0, "character": 6}}})
    for uri in uris:
        s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": []}})
    s.shutdown_and_exit(0)


@case("invalid UTF-8 in a didOpen neither crashes the server nor shifts later columns (one character per bad byte)")
def _(binary):
    t = token("bad-utf8")
    for enc in ("utf-8", "utf-16", "utf-32"):
        s = Session(binary)
        s.initialize(encodings=[enc])
        uri = f"file:///bad-{enc}.txt"
        # Raw bytes inside the JSON string: a lone continuation byte, a truncated 4-byte sequence,
        # an overlong "/", a surrogate, and a valid emoji, then the token.
        bad = b"\x80 \xf0\x9f\x98 \xc0\xaf \xed\xa0\x80 \xf0\x9f\x98\x80 "
        body = (b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'
                + uri.encode() + b'","languageId":"text","version":1,"text":"ok\\n' + bad + t.encode()
                + b'\\n"}}}')
        s.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        # 1 + 1 + 3 + 1 + 2 + 1 + 3 + 1 bad-or-space characters (one unit each in every encoding,
        # UTF-8 included: the server keeps one byte per bad byte), then the emoji and a space.
        col = 13 + units("😀 ", enc)
        s.expect_diagnostics(uri, 1, [(1, col, 1, col + 44)], enc)
        s.change(uri, 2, [edit(1, col, 1, col, "z ")])
        s.expect_diagnostics(uri, 2, [(1, col + 2, 1, col + 46)], enc)
        s.probe()
        s.shutdown_and_exit(0)


@case("a client that resolves code actions gets the fix-all edit from codeAction/resolve, on the current version")
def _(binary):
    s = Session(binary)
    s.initialize(extra_caps={"textDocument": {"codeAction": {"dataSupport": True,
                                                             "resolveSupport": {"properties": ["edit"]}}},
                             "workspace": {"workspaceEdit": {"documentChanges": True}}})
    a, b = token("resolve-a"), token("resolve-b")
    uri = "file:///resolve/main.go"
    s.open(uri, f'package main\n\nvar a = "{a}"\nvar b = "{b}"\n', language="go")
    s.expect_diagnostics(uri, 1, [(2, 9, 2, 53), (3, 9, 3, 53)])
    here = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
    listed = s.call("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": here,
                                                "context": {"diagnostics": []}},
                    result=[{"kind": "source.fixAll.pulumi-token-lsp", "title": "Fix all 2 Pulumi access tokens in this file",
                             "edit": ABSENT, "data": {"uri": uri}}])
    action = listed["result"][0]
    s.change(uri, 2, [edit(0, 0, 0, 0, "// header\n")])
    s.expect_diagnostics(uri, 2, [(3, 9, 3, 53), (4, 9, 4, 53)])
    # Edits against version 2: the import block after the package clause, each literal replaced.
    s.call("codeAction/resolve", action, result={
        "title": action["title"], "kind": "source.fixAll.pulumi-token-lsp", "data": {"uri": uri},
        "edit": {"documentChanges": [{"textDocument": {"uri": uri, "version": 2}, "edits": [
            {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
             "newText": '\nimport (\n\t"os"\n)\n'},
            {"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 54}},
             "newText": 'os.Getenv("PULUMI_ACCESS_TOKEN")'},
            {"range": {"start": {"line": 4, "character": 8}, "end": {"line": 4, "character": 54}},
             "newText": 'os.Getenv("PULUMI_ACCESS_TOKEN")'}]}]}})
    no_data = dict(action)
    del no_data["data"]
    s.call("codeAction/resolve", no_data, error={"code": -32602, "message": "data: missing"})
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": []}})
    s.call("codeAction/resolve", action, error={"code": -32801})
    s.shutdown_and_exit(0)


@case("code actions through the real binary: Markdown is redacted, the CLI credentials file gets only Rotate, "
      "a notebook cell gets its Python fix JSON-escaped (issue 12)")
def _(binary):
    s = Session(binary)
    s.initialize()
    here = lambda line, col: {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}

    md, t1 = "file:///docs/README.md", token("md-redact")
    s.open(md, f"Use `{t1}` to log in.\n", language="markdown")
    s.expect_diagnostics(md, 1, [(0, 5, 0, 49)])
    got = s.call("textDocument/codeAction", {"textDocument": {"uri": md}, "range": here(0, 6),
                                             "context": {"diagnostics": []}})
    titles = [a["title"] for a in got["result"]]
    if not titles or not titles[0].startswith("Redact the token"):
        s.fail_with(f"Markdown: Redact is not the first action: {titles}")
    edits = got["result"][0]["edit"]["changes"][md]
    if edits != [{"range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 49}},
                  "newText": "pul-<your-token>"}]:
        s.fail_with(f"Markdown: unexpected redaction {edits}")

    creds, t2 = "file:///home/u/.pulumi/credentials.json", token("cli-credentials")
    s.open(creds, '{"accessTokens": {"https://api.pulumi.com": "' + t2 + '"}}\n', language="json")
    diag = s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": creds}})
    if "pulumi logout" not in diag["params"]["diagnostics"][0]["message"]:
        s.fail_with("credentials.json: the message does not say pulumi logout")
    got = s.call("textDocument/codeAction", {"textDocument": {"uri": creds}, "range": here(0, 50),
                                             "context": {"diagnostics": []}})
    if [a["title"] for a in got["result"]] != ["Rotate this token in the Pulumi console"]:
        s.fail_with(f"credentials.json: expected only Rotate, got {[a['title'] for a in got['result']]}")

    nb, t3 = "file:///work/analysis.ipynb", token("notebook-cell")
    text = '{"cells": [{"cell_type": "code", "source": ["t = \\"' + t3 + '\\"\\n"]}]}'
    s.open(nb, text + "\n", language="json")
    s.expect({"method": "textDocument/publishDiagnostics", "params": {"uri": nb}})
    got = s.call("textDocument/codeAction", {"textDocument": {"uri": nb}, "range": here(0, 60),
                                             "context": {"diagnostics": []}})
    first = got["result"][0]
    # The edits are small (no rewrite of the whole cell, which could copy another token); applied
    # from the end, they give the cell with the import on a line of its own.
    for e in sorted(first["edit"]["changes"][nb], key=lambda e: e["range"]["start"]["character"], reverse=True):
        a, b = e["range"]["start"]["character"], e["range"]["end"]["character"]
        text = text[:a] + e["newText"] + text[b:]
    want = '{"cells": [{"cell_type": "code", "source": ["import os\\n","t = os.environ[\\"PULUMI_ACCESS_TOKEN\\"]\\n"]}]}'
    if first["title"] != "Read it from the environment variable PULUMI_ACCESS_TOKEN" or text != want:
        s.fail_with(f"notebook: unexpected first fix {first['title']!r}: {text!r}")
    s.shutdown_and_exit(0)
