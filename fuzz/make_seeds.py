#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/<target>/ (run from anywhere; idempotent).

No seed holds a token-shaped literal ("pul-" + 40 hex): the dispatcher seeds spell the dash as
the JSON escape \\u002d, which the server decodes into a token at run time, and the detector and
document seeds use the fuzzers' own expansion bytes (see the *_fuzzer.cpp headers).
"""

import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
HEX = "0123456789abcdef" * 3
ESCAPED_TOKEN = "pul\\u002d" + HEX[3:43]  # decoded by the JSON parser into a token


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def j(obj) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()


def write(target: str, name: str, data: bytes) -> None:
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    assert not re.search(rb"pul-[0-9a-f]{40}", data), (target, name)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main() -> None:
    hover = j({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover",
               "params": {"textDocument": {"uri": "file:///a"}, "position": {"line": 0, "character": 0}}})
    # message_reader: byte 0 = limit choice, byte 1 = split seed, then the stream.
    write("message_reader", "two_messages", b"\x05\x07" + frame(hover) + frame(b"{}"))
    write("message_reader", "no_content_length", b"\x05\x01Content-Type: x\r\n\r\n" + frame(b"{}"))
    write("message_reader", "bad_length", b"\x04\x02Content-Length: -1\r\n\r\nContent-Length: 1x\r\n\r\n" + frame(b"[]"))
    write("message_reader", "oversized", b"\x02\x03" + frame(b"x" * 300) + frame(b"{}"))
    write("message_reader", "case_and_spaces", b"\x05\x09content-LENGTH:   2 \r\nContent-Type: a\r\n\r\n{}")
    write("message_reader", "truncated", b"\x05\x04Content-Length: 10\r\n\r\n{\"a\":")

    # dispatcher: byte 0 odd = NUL-separated bodies after an automatic initialize.
    uri = "file:///w/index.ts"
    text = 'const t = "' + ESCAPED_TOKEN + '";\\nline2 \\r\\n\\u00e9\\ud83d\\ude00 ' + ESCAPED_TOKEN
    did_open = ('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"%s",'
                '"languageId":"typescript","version":1,"text":"%s"}}}' % (uri, text)).encode()
    change = j({"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
                    {"range": {"start": {"line": 0, "character": 11}, "end": {"line": 0, "character": 12}}, "text": "x"},
                    {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 9, "character": 0}}, "text": "\r"},
                    {"text": "whole"}]}})
    requests = [
        j({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        did_open,
        change,
        j({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
           "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 15}}}),
        j({"jsonrpc": "2.0", "id": "c", "method": "textDocument/codeAction",
           "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 11},
                                                               "end": {"line": 0, "character": 55}},
                      "context": {"diagnostics": [], "only": ["quickfix"]}}}),
        j({"jsonrpc": "2.0", "id": "f", "method": "textDocument/codeAction",
           "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                               "end": {"line": 0, "character": 0}},
                      "context": {"diagnostics": []}}}),
        j({"jsonrpc": "2.0", "id": "r", "method": "codeAction/resolve",
           "params": {"title": "Fix", "kind": "source.fixAll.pulumi-token-lsp", "data": {"uri": uri}}}),
        j({"jsonrpc": "2.0", "id": 3, "method": "textDocument/diagnostic",
           "params": {"textDocument": {"uri": uri}, "previousResultId": "1"}}),
        j({"jsonrpc": "2.0", "id": 4, "method": "workspace/executeCommand",
           "params": {"command": "pulumi-token-lsp.rotateToken"}}),
        j({"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration",
           "params": {"settings": {"pulumiTokenLsp": {"severity": "hint", "placeholders": "off"}}}}),
        j({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 5}}),
        j({"jsonrpc": "2.0", "id": 5, "method": "shutdown"}),
        j({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}}),
    ]
    write("dispatcher", "session", b"\x01" + b"\x00".join(requests))
    write("dispatcher", "session_utf8_push", b"\x0b" + b"\x00".join(requests[:4]))
    write("dispatcher", "errors", b"\x01" + b"\x00".join([
        b"[1]", b"{", b'{"jsonrpc":"2.0","id":1.5,"method":"x"}', b'{"jsonrpc":"1.0","id":1,"method":"x"}',
        b'{"jsonrpc":"2.0","id":null,"method":"x"}', b'{"jsonrpc":"2.0","id":9,"method":"$/x"}',
        b'{"jsonrpc":"2.0","id":"r","result":[{}]}', b'{"jsonrpc":"2.0","id":7,"method":"initialize","params":{}}',
        b"[" * 300 + b"]" * 300, b'{"jsonrpc":"2.0","method":"exit"}']))
    write("dispatcher", "raw_stream", b"\x00" + frame(j({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                                         "params": {"capabilities": {}}})) + frame(hover))

    # text_document: byte 0 = encoding and size mode, then snippets and edits (see the fuzzer).
    write("text_document", "small_utf16", bytes([0, 3, 10, 200, 130, 1, 0, 44, 0, 44, 3, 5, 6, 1, 2]))
    write("text_document", "small_utf8", bytes([1, 2, 150, 7, 9, 0, 1, 0, 1, 0, 133, 140, 0]))
    write("text_document", "small_utf32", bytes([2, 4, 145, 146, 147, 8, 19, 1, 3, 2, 2, 150, 151]))
    write("text_document", "big_lines", bytes([21, 1, 160, 40, 1, 9, 3, 0, 0, 1, 0, 138]))
    write("text_document", "big_one_line", bytes([23, 0, 80, 0, 9, 7, 0, 255, 0, 250, 2, 144]))

    # detector: bytes 0-1 = window, then text; 0x01-0x08 expand into tokens, 0x0E into "pul-".
    write("detector", "boundaries", b"\x00\xff" + b"a\x01 \x02_ \\n\x03 x\x04y \x05\r\n\x06\t" + b"\x0e" + HEX[:39].encode())
    write("detector", "near_misses", b"\x00\xff" + b"\x0e" + HEX[:41].encode() + b" \x0e" + HEX[:40].upper().encode())
    write("detector", "window", b"\x05\x30" + b"xx \x01 \x02 \x03 yy")

    # remediation: byte 0 = language (and names), then text; 0x01-0x08 expand into tokens.
    samples = {
        0: b'import * as pulumi from "@pulumi/pulumi";\nconst token = "\x01";\n',
        1: b"const t = '\x02'; // x\r\n",
        2: b'import os\n\nTOKEN = "\x01"\nOTHER = f"{x}\x03"\n',
        3: b'package main\n\nimport "fmt"\n\nvar t = "\x01"\n',
        4: b'var t = "\x01";\n',
        5: b'class A { String t = "\x01"; }\n',
        6: b"#!/bin/sh\nexport PULUMI_ACCESS_TOKEN=\x01\ncat <<EOF\n\x02\nEOF\n",
        7: b"PULUMI_ACCESS_TOKEN=\x01\nOTHER='\x02'\n",
        8: b"services:\n  app:\n    environment:\n      - PULUMI_ACCESS_TOKEN=\x01\n",
        9: b"jobs:\n  up:\n    env:\n      PULUMI_ACCESS_TOKEN: \x01\n",
        10: b"variables:\n  PULUMI_ACCESS_TOKEN: \"\x01\"\n",
        11: b"name: p\nruntime: yaml\nresources:\n  r:\n    properties:\n      token: \x01\n",
        12: b"token: '\x01'\n",
        13: b"FROM alpine\nENV PULUMI_ACCESS_TOKEN=\x01\nRUN echo \x02\n",
        14: b'provider "pulumi" {\n  token = "\x01"\n}\n',
        15: b'$env:PULUMI_ACCESS_TOKEN = "\x01"\n',
        16: b'{"token": "\x01", "n": "\\n\x02"}',
        17: b"| k | v |\n|---|---|\n| t | \x01 |\n",
        18: b"\x01 \x02\r\n\x03",
    }
    for lang, text in samples.items():
        write("remediation", f"lang_{lang:02d}", bytes([lang]) + text)
    write("remediation", "odd_names_python", bytes([0x80 | 2]) + samples[2])


if __name__ == "__main__":
    main()
