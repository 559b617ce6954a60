#!/usr/bin/env python3
"""`pulumi-token-lsp scan` through the real binary (issue 13): sources, skipping, formats, exit
codes, fingerprints, the editor's positions, and no full token in anything it writes.

Usage: scan_test.py BINARY. Tokens are built at run time; the repository holds none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import TOKENS, case, finish, token

BINARY = os.path.abspath(sys.argv[1])


def run(args, cwd, stdin: bytes | None = None):
    p = subprocess.run([BINARY, *args], cwd=cwd, input=stdin, capture_output=True, timeout=60)
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    for t in TOKENS:  # never a full token, in any stream
        assert t not in out and t not in err, "a full token was written"
    return p.returncode, out, err


def write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@case
def _(d):
    """a tree: each token as path:line:col with a masked preview; .git, binaries and large files skipped and listed; exit 1"""
    a, b = token("a"), token("b")
    write(d / "src/index.ts", f'import * as x from "y";\nconst t = "{a}";\n')
    write(d / "src/.git/config", f"[remote]\n token = {b}\n")
    write(d / "img.bin", b"\x89PNG\0\0" + b.encode())
    write(d / "big.txt", "x" * 2048 + b)
    code, out, err = run(["scan", "--max-file-size", "1024", "."], d)
    assert code == 1, f"exit {code}, stderr {err!r}"
    lines = out.splitlines()
    assert lines[0].startswith(f"src/index.ts:2:12: error: Pulumi access token {a[:8]}…"), lines[0]
    assert "big.txt: skipped: larger than 1024 bytes" in lines, out
    assert "img.bin: skipped: binary" in lines, out
    assert ".git" not in out, out
    assert lines[-1].startswith("1 token(s), 0 placeholder(s) in 1 file(s)"), lines[-1]


@case
def _(d):
    """json: path, line, column, end, rule, severity, preview, fingerprint; placeholders are hints"""
    a = token("json")
    write(d / "Pulumi.dev.yaml", f"config:\n  svc:token: {a}\n  example: pul-{'0' * 40}\n")
    code, out, _ = run(["scan", "--format", "json", "Pulumi.dev.yaml"], d)
    assert code == 1, code
    doc = json.loads(out)
    f, p = doc["findings"]
    assert (f["path"], f["line"], f["column"], f["endLine"], f["endColumn"]) == ("Pulumi.dev.yaml", 2, 14, 2, 58), f
    assert f["rule"] == "pulumi-access-token" and f["severity"] == "error" and f["preview"] == a[:8] + "…", f
    assert len(f["fingerprint"]) == 64, f
    assert p["severity"] == "hint", p
    assert doc["stats"] == {"files": 1, "bytes": len(Path(d / "Pulumi.dev.yaml").read_bytes()), "findings": 1,
                            "placeholders": 1, "baselined": 0, "ignored": 0, "commits": 0, "allowlisted": 0}, doc["stats"]
    code, out, _ = run(["scan", "--format", "json", "--placeholders=off", "Pulumi.dev.yaml"], d)
    assert len(json.loads(out)["findings"]) == 1


@case
def _(d):
    """fingerprints: the same when the token moves to another line, different for another path or token"""
    a, b = token("fp-a"), token("fp-b")
    write(d / "x.env", f"T={a}\n")
    fp = lambda: [f["fingerprint"] for f in json.loads(run(["scan", "--format", "json", "."], d)[1])["findings"]]
    first = fp()
    write(d / "x.env", f"# a comment\n\nT={a}\n")
    assert fp() == first, "moving the token changed its fingerprint"
    write(d / "x.env", f"T={b}\n")
    assert fp() != first, "a new token on the old line kept the fingerprint"
    (d / "x.env").rename(d / "y.env")
    write(d / "y.env", f"T={a}\n")
    assert fp() != first, "another path kept the fingerprint"


@case
def _(d):
    """the editor's columns: code points after emoji, CJK and invalid UTF-8, lines ending in CRLF or a lone CR"""
    a = token("positions")
    text = b"\xf0\x9f\x9a\x80 \xe9\x83\xa8\r\n\xff\xfe x\rmid \xc3\xa9 " + a.encode() + b"\n"
    write(d / "notes.txt", text)
    code, out, _ = run(["scan", "notes.txt"], d)
    assert code == 1
    scan_pos = out.splitlines()[0].split(": ")[0]
    code, check_out, _ = run(["--check", "notes.txt"], d)
    check_pos = check_out.splitlines()[0].split(": ")[0]
    assert scan_pos == check_pos == "notes.txt:3:7", (scan_pos, check_pos)


@case
def _(d):
    """standard input, reported under --stdin-name; ignore markers are honoured as in the editor"""
    a, b = token("stdin-a"), token("stdin-b")
    data = f"deploy:\n  token: {a}\n  other: {b} # gitleaks:allow\n".encode()
    code, out, _ = run(["scan", "--stdin-name", "ci/deploy.yml", "-"], d, stdin=data)
    assert code == 1, code
    lines = out.splitlines()
    assert lines[0].startswith("ci/deploy.yml:2:10: error:"), lines
    assert lines[1].startswith("1 token(s)"), lines


@case
def _(d):
    """exit codes: 0 without tokens, 0 with --exit-zero, 2 for a missing path with the other findings still reported"""
    write(d / "clean.py", "x = 1\n")
    assert run(["scan", "."], d)[0] == 0
    a = token("exit")
    write(d / "leak.py", f"t = '{a}'\n")
    assert run(["scan", "--exit-zero", "."], d)[0] == 0
    code, out, err = run(["scan", "leak.py", "missing-dir"], d)
    assert code == 2, code
    assert "missing-dir: no such file or directory" in err, err
    assert out.startswith("leak.py:1:6: error:"), out


@case
def _(d):
    """--output writes the report to a file; usage errors exit 2 with a message"""
    a = token("output")
    write(d / "a.sh", f"export PULUMI_ACCESS_TOKEN={a}\n")
    code, out, _ = run(["scan", "--format", "json", "--output", "report.json", "a.sh"], d)
    assert code == 1 and out == "", (code, out)
    assert json.loads((d / "report.json").read_text())["stats"]["findings"] == 1
    for bad in (["scan", "--format", "xml"], ["scan", "--bogus"], ["scan", "--threads", "0"], ["scan", "-", "a.sh"]):
        code, _, err = run(bad, d)
        assert code == 2 and "Try pulumi-token-lsp scan --help" in err, (bad, code, err)


@case
def _(d):
    """symlinks: one inside the tree is scanned, one out of the tree is skipped and listed, a directory link is not followed"""
    a, b = token("inside"), token("outside")
    outside = Path(tempfile.mkdtemp())
    try:
        write(outside / "secret.txt", b + "\n")
        write(d / "tree/real.txt", a + "\n")
        os.symlink(d / "tree/real.txt", d / "tree/link.txt")
        os.symlink(outside / "secret.txt", d / "tree/escape.txt")
        os.symlink(outside, d / "tree/dirlink")
        code, out, _ = run(["scan", "tree"], d)
        assert code == 1, code
        assert "tree/escape.txt: skipped: symlink out of the tree" in out, out
        assert out.count(": error:") == 2, out  # real.txt and link.txt; nothing from outside
        assert "tree/dirlink: skipped: symlink out of the tree" in out, out
    finally:
        for p in sorted(outside.rglob("*"), reverse=True):
            p.unlink()
        outside.rmdir()


@case
def _(d):
    """many files on several threads: the same report, in the same order, as on one thread"""
    for i in range(200):
        write(d / f"pkg{i % 7}/f{i}.go", f'package p\nvar t = "{token(f"many-{i}")}"\n' if i % 3 == 0 else "package p\n")
    one = run(["scan", "--threads", "1", "--format", "json", "."], d)[1]
    many = run(["scan", "--threads", "8", "--format", "json", "."], d)[1]
    assert one == many
    assert json.loads(one)["stats"]["findings"] == 67


@case
def _(d):
    """baselines: --write-baseline records today's tokens by fingerprint; --baseline fails only on new ones, wherever the old move"""
    a, b = token("baseline-old"), token("baseline-new")
    write(d / "app/config.ts", f'export const t = "{a}";\n')
    code, out, err = run(["scan", "--write-baseline", "baseline.json", "app"], d)
    assert code == 0, (code, err)
    saved = json.loads((d / "baseline.json").read_text())
    assert saved["version"] == 1 and len(saved["fingerprints"]) == 1, saved
    assert a not in (d / "baseline.json").read_text()
    code, out, _ = run(["scan", "--baseline", "baseline.json", "app"], d)
    assert code == 0 and "; 1 in the baseline" in out, (code, out)
    write(d / "app/config.ts", f'// moved down\n\nexport const t = "{a}";\nexport const u = "{b}";\n')
    code, out, _ = run(["scan", "--baseline", "baseline.json", "--format", "json", "app"], d)
    doc = json.loads(out)
    assert code == 1 and doc["stats"]["baselined"] == 1, (code, doc["stats"])
    assert [f["line"] for f in doc["findings"]] == [4], doc["findings"]
    write(d / "broken.json", "[1, 2]")
    code, _, err = run(["scan", "--baseline", "broken.json", "app"], d)
    assert code == 2 and "not a baseline file" in err, (code, err)


@case
def _(d):
    """sarif: valid SARIF 2.1.0 within GitHub's limits, GitHub's own line hashes (CRLF, tabs, emoji, long and repeated lines), no token; a broken report is refused"""
    a, b = token("sarif-a"), token("sarif-b")
    # Lines 1 and 3 are the same and longer than the hash's 100-character window: the same hash,
    # told apart by its count.
    same = f'\tconst a = "{a}"; // ' + "z" * 100 + "\r\n"
    write(d / "src/app.ts", same + "x" * 300 + f' "{b}"\r\n' + same)
    write(d / "docs/read me.md", f"\U0001F680 token {b}\n")
    code, _, err = run(["scan", "--format", "sarif", "--output", "report.sarif", "src", "docs"], d)
    assert code == 1, (code, err)
    validator = Path(__file__).with_name("validate_sarif.mjs")
    v = subprocess.run(["node", str(validator), str(d / "report.sarif"), str(d)], capture_output=True, text=True)
    assert v.returncode == 0, v.stdout + v.stderr
    sarif = json.loads((d / "report.sarif").read_text())
    results_ = sarif["runs"][0]["results"]
    assert len(results_) == 4, len(results_)
    assert results_[0]["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")
    assert results_[3]["partialFingerprints"]["primaryLocationLineHash"].endswith(":2"), "a repeated line counts up"
    assert results_[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/read%20me.md"
    # The validator itself refuses a report GitHub would refuse, and a wrong line hash.
    broken = dict(sarif)
    del broken["version"]
    write(d / "broken.sarif", json.dumps(broken))
    v = subprocess.run(["node", str(validator), str(d / "broken.sarif"), str(d)], capture_output=True, text=True)
    assert v.returncode == 1 and "schema" in v.stdout, v.stdout
    results_[1]["partialFingerprints"]["primaryLocationLineHash"] = "0:1"
    write(d / "wrong.sarif", json.dumps(sarif))
    v = subprocess.run(["node", str(validator), str(d / "wrong.sarif"), str(d)], capture_output=True, text=True)
    assert v.returncode == 1 and "FAIL primaryLocationLineHash" in v.stdout, v.stdout


@case
def _(d):
    """git's ignore rules: .gitignore at every level and .git/info/exclude leave paths out (counted); --no-ignore and explicit paths read them"""
    subprocess.run(["git", "init", "-q", str(d)], check=True)
    write(d / ".gitignore", "node_modules/\n*.log\n")
    write(d / "app/.gitignore", "local.env\n")
    write(d / ".git/info/exclude", "scratch.txt\n")
    kept = token("git-kept")
    write(d / "app/main.py", f't = "{kept}"\n')
    for i, rel in enumerate(["node_modules/pkg/index.js", "build.log", "app/local.env", "scratch.txt"]):
        write(d / rel, f"{token(f'git-ignored-{i}')}\n")
    code, out, _ = run(["scan", "--format", "json", "."], d)
    doc = json.loads(out)
    assert code == 1 and [f["path"] for f in doc["findings"]] == ["app/main.py"], doc["findings"]
    assert doc["stats"]["ignored"] == 4, doc["stats"]
    code, out, _ = run(["scan", "--format", "json", "--no-ignore", "."], d)
    assert len(json.loads(out)["findings"]) == 5, out
    code, out, _ = run(["scan", "--format", "json", "build.log"], d)
    assert [f["path"] for f in json.loads(out)["findings"]] == ["build.log"], out
    # An ignored directory named as the root is read whole (generated code, a vendored tree).
    code, out, _ = run(["scan", "--format", "json", "node_modules"], d)
    assert [f["path"] for f in json.loads(out)["findings"]] == ["node_modules/pkg/index.js"], out
    # A subdirectory of the work tree follows the same rules.
    code, out, _ = run(["scan", "--format", "json", "app"], d)
    assert [f["path"] for f in json.loads(out)["findings"]] == ["app/main.py"], out


@case
def _(d):
    """bad files: an unreadable file and an unlistable directory are named (exit 2) and the rest is reported; a 1 GB file is skipped unread; NUL bytes mean binary"""
    a, b = token("bad-a"), token("bad-b")
    write(d / "a/ok.txt", f"{a}\n")
    write(d / "b/secret.txt", f"{b}\n")
    write(d / "c/locked/inner.txt", f"{b}\n")
    write(d / "z/ok.txt", f"{a}\n")
    (d / "b/secret.txt").chmod(0o000)
    (d / "c/locked").chmod(0o000)
    d.chmod(0o755)
    # As root every file is readable: run the scan as nobody, as a CI runner's user would.
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []
    p = subprocess.run([*prefix, BINARY, "scan", "--format", "json", "."], cwd=d, capture_output=True, timeout=60)
    err = p.stderr.decode()
    assert p.returncode == 2, (p.returncode, err)
    assert "b/secret.txt: cannot open: Permission denied" in err and "c/locked: Permission denied" in err, err
    assert [f["path"] for f in json.loads(p.stdout)["findings"]] == ["a/ok.txt", "z/ok.txt"], p.stdout
    for t in TOKENS:
        assert t.encode() not in p.stdout + p.stderr
    # 1 GB (sparse): over the default limit it is listed; allowed, its first 8 KB show NULs and
    # the rest is never read.
    with open(d / "huge.img", "wb") as f:
        f.truncate(1 << 30)
    write(d / "nul.txt", b"text\0more " + a.encode())
    code, out, _ = run(["scan", "huge.img", "nul.txt"], d)
    assert code == 0 and "huge.img: skipped: larger than 10485760 bytes" in out and "nul.txt: skipped: binary" in out, out
    code, out, _ = run(["scan", "--max-file-size", str(2 << 30), "huge.img"], d)
    assert code == 0 and "huge.img: skipped: binary" in out, out


@case
def _(d):
    """progress: redrawn in place on a terminal and erased before the report; one line a second otherwise with --progress=always; none in CI or for a short scan"""
    import pty
    import re
    a = token("progress")
    for i in range(50):
        write(d / f"src/f{i}.py", f"x = {i}\n" + (f't = "{a}"\n' if i == 7 else ""))
    line = re.compile(r"scanning: \d+(/\d+)? files, \d+ MB/s, \d+ token\(s\)")

    def on_terminal(args, env):
        leader, follower = pty.openpty()
        p = subprocess.run([BINARY, "scan", *args, "."], cwd=d, stdout=subprocess.PIPE, stderr=follower, env=env,
                           timeout=60)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        return p.returncode, p.stdout.decode(), b"".join(chunks).decode()

    env = {k: v for k, v in os.environ.items() if k != "CI"}
    code, out, err = on_terminal(["--progress=always"], env)
    assert code == 1 and line.search(err) and "\r\x1b[K" in err, repr(err)
    assert err.endswith("\r\x1b[K"), "the line is erased when the scan ends"
    assert out.startswith("src/f7.py:2:6:"), out
    code, out, err = on_terminal([], env)  # auto, a short scan: nothing
    assert code == 1 and "scanning" not in err, repr(err)
    code, out, err = run(["scan", "--progress=always", "."], d)  # not a terminal: whole lines
    assert code == 1 and line.fullmatch(err.splitlines()[0]) and "\r" not in err, repr(err)
    code, out, err = run(["scan", "."], d)
    assert "scanning" not in err, repr(err)


GIT_ENV = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Ann Dev", "GIT_AUTHOR_EMAIL": "ann@example.com",
           "GIT_COMMITTER_NAME": "Ann Dev", "GIT_COMMITTER_EMAIL": "ann@example.com"}


def git(d: Path, *args: str, date: str | None = None) -> str:
    env = dict(GIT_ENV, HOME=str(d))
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    p = subprocess.run(["git", *args], cwd=d, env=env, capture_output=True, text=True, check=True)
    return p.stdout.strip()


def commit(d: Path, message: str, date: str = "2026-03-01T10:00:00+01:00") -> str:
    git(d, "add", "-A")
    git(d, "commit", "-q", "-m", message, date=date)
    return git(d, "rev-parse", "HEAD")


def history(d: Path) -> dict:
    """A repository: a token added, the file edited, renamed, copied, the token removed."""
    t, u = token(f"hist-{d}"), token(f"hist2-{d}")
    d.mkdir(parents=True, exist_ok=True)
    git(d, "init", "-q")
    write(d / "app.py", "x = 1\n")
    c1 = commit(d, "start", "2026-01-01T09:00:00+00:00")
    write(d / "app.py", f'x = 1\nt = "{t}"\n')
    c2 = commit(d, "add a token", "2026-02-02T10:00:00-05:00")
    write(d / "app.py", f'x = 1\nt = "{t}"\ny = 2\n')
    c3 = commit(d, "edit elsewhere")
    git(d, "mv", "app.py", "main.py")
    c4 = commit(d, "rename")
    write(d / "copy.py", (d / "main.py").read_text())
    write(d / "other.txt", f"second {u}\n")
    c5 = commit(d, "copy it, add another")
    write(d / "main.py", "x = 1\n")
    c6 = commit(d, "remove the token from main.py")
    return {"t": t, "u": u, "commits": [c1, c2, c3, c4, c5, c6]}


@case
def _(d):
    """--git: each token reported once per path with the commit, author and date that added it; edits and renames do not repeat it; each blob read once"""
    h = history(d)
    c = h["commits"]
    code, out, err = run(["scan", "--git", "--format", "json"], d)
    assert code == 1, (code, err)
    doc = json.loads(out)
    got = [(f["path"], f["line"], f["column"], f["commit"]["id"]) for f in doc["findings"]]
    assert got == [("app.py", 2, 6, c[1]), ("copy.py", 2, 6, c[4]), ("other.txt", 1, 8, c[4])], got
    first = doc["findings"][0]["commit"]
    assert first == {"id": c[1], "author": "Ann Dev", "email": "ann@example.com", "date": "2026-02-02T10:00:00-05:00"}, first
    # Distinct blobs: app.py x3 contents, other.txt, main.py's last content (x = 1 again is the first
    # blob: not read twice); copy.py and main.py after the rename reuse blobs.
    assert doc["stats"]["commits"] == 6 and doc["stats"]["files"] == 4, doc["stats"]
    code, out, _ = run(["scan", "--git"], d)
    assert out.splitlines()[0].startswith(f"app.py:2:6: error: Pulumi access token {h['t'][:8]}…"), out
    assert f"added in commit {c[1][:12]} by Ann Dev on 2026-02-02" in out.splitlines()[0], out


@case
def _(d):
    """--git RANGE, A...B and --since-commit: only what the range's commits added; a single revision is its whole history"""
    h = history(d)
    c = h["commits"]
    paths = lambda args: [(f["path"], f["commit"]["id"]) for f in json.loads(run(["scan", "--format", "json", *args], d)[1])["findings"]]
    got = paths(["--git", f"{c[2]}..{c[5]}"])
    assert got == [("main.py", c[3]), ("copy.py", c[4]), ("other.txt", c[4])], got
    assert paths(["--since-commit", c[4]]) == []
    assert paths(["--git", c[1]]) == [("app.py", c[1])]
    assert paths(["--git=" + c[0] + ".." + c[1]]) == [("app.py", c[1])]
    git(d, "checkout", "-q", "-b", "side", c[2])
    write(d / "side.env", f"T={token('side')}\n")
    side = commit(d, "side branch")
    got = paths(["--git", f"{c[5]}...side"])
    assert got == [("main.py", c[3]), ("copy.py", c[4]), ("other.txt", c[4]), ("side.env", side)], got
    # The whole history is every ref, not only HEAD: main's commits are found from the side branch.
    assert [p for p, _ in paths(["--git"])] == ["app.py", "side.env", "copy.py", "other.txt"] or \
        [p for p, _ in paths(["--git"])] == ["app.py", "copy.py", "other.txt", "side.env"]


@case
def _(d):
    """--git and merges: what a merge brings from its other parent is not new in it; what the merge itself writes is"""
    git(d, "init", "-q", "-b", "main")
    write(d / "a.txt", "base\n")
    commit(d, "base")
    git(d, "checkout", "-q", "-b", "side")
    write(d / "s.env", f"T={token('merge-side')}\n")
    side = commit(d, "side adds a token")
    git(d, "checkout", "-q", "main")
    write(d / "b.txt", "main\n")
    commit(d, "main moves on")
    git(d, "merge", "-q", "--no-ff", "-m", "merge side", "side")
    merge = git(d, "rev-parse", "HEAD")
    got = json.loads(run(["scan", "--git", f"{side}..{merge}", "--format", "json"], d)[1])["findings"]
    assert got == [], got  # side is already published: the merge adds nothing of its own
    git(d, "checkout", "-q", "-b", "side2", "side")
    write(d / "a.txt", "side2\n")
    commit(d, "side2")
    git(d, "checkout", "-q", "main")
    write(d / "a.txt", "main2\n")
    commit(d, "main2")
    subprocess.run(["git", "merge", "-q", "side2"], cwd=d, env=dict(GIT_ENV, HOME=str(d)), capture_output=True)
    write(d / "a.txt", f"resolved {token('merge-resolution')}\n")  # the conflict resolved with a token
    resolved = commit(d, "merge side2")
    got = [(f["path"], f["commit"]["id"]) for f in json.loads(run(["scan", "--git", f"{merge}..{resolved}", "--format", "json"], d)[1])["findings"]]
    assert got == [("a.txt", resolved)], got


@case
def _(d):
    """--git sarif: valid for GitHub, with the commit as a result property and GitHub's line hash"""
    h = history(d)
    code, _, err = run(["scan", "--git", "--format", "sarif", "--output", "h.sarif"], d)
    assert code == 1, err
    validator = Path(__file__).with_name("validate_sarif.mjs")
    sarif = json.loads((d / "h.sarif").read_text())
    results_ = sarif["runs"][0]["results"]
    assert [r["properties"]["commit"]["id"] for r in results_] == [h["commits"][1], h["commits"][4], h["commits"][4]]
    # copy.py and other.txt are in the work tree as committed: GitHub's hash of their lines must match.
    write(d / "app.py", git(d, "show", f"{h['commits'][1]}:app.py") + "\n")
    v = subprocess.run(["node", str(validator), str(d / "h.sarif"), str(d)], capture_output=True, text=True)
    assert v.returncode == 0, v.stdout + v.stderr


@case
def _(d):
    """--staged: the index as `git commit` would record it, not the work tree; new repositories without HEAD too"""
    git(d, "init", "-q")
    t = token("staged")
    write(d / "a.ts", f'const t = "{t}";\n')
    git(d, "add", "a.ts")
    code, out, _ = run(["scan", "--staged", "--format", "json"], d)
    assert code == 1 and [(f["path"], f["line"]) for f in json.loads(out)["findings"]] == [("a.ts", 1)], out
    write(d / "a.ts", "const t = process.env.T;\n")  # fixed in the work tree, not staged: still refused
    assert run(["scan", "--staged"], d)[0] == 1
    git(d, "add", "a.ts")
    assert run(["scan", "--staged"], d)[0] == 0
    commit(d, "clean")
    write(d / "b.ts", f'const t = "{t}";\n')  # in the work tree only
    write(d / "sub/c.txt", "nothing\n")
    git(d, "add", "sub/c.txt")
    code, out, _ = run(["scan", "--staged", "--format", "json"], d / "sub")
    assert code == 0 and json.loads(out)["stats"]["files"] == 1, out
    git(d, "add", "b.ts")
    git(d, "rm", "-q", "--cached", "b.ts")  # staged, then taken back out of the index
    assert run(["scan", "--staged"], d)[0] == 0
    # The same fingerprint as a path scan of the same file, from any directory.
    git(d, "add", "b.ts")
    staged = json.loads(run(["scan", "--staged", "--format", "json"], d)[1])["findings"][0]["fingerprint"]
    path = json.loads(run(["scan", "--format", "json", "../b.ts"], d / "sub")[1])["findings"][0]["fingerprint"]
    assert staged == path


@case
def _(d):
    """git bad input: an unknown range, no repository, a shallow clone, a corrupt blob, a missing commit: named on stderr, the rest still reported"""
    h = history(d / "repo")
    repo = d / "repo"
    code, out, err = run(["scan", "--git", "nope..HEAD"], repo)
    assert code == 2 and "nope..HEAD: not a revision or range" in err, err
    (d / "plain").mkdir()
    code, _, err = run(["scan", "--staged"], d / "plain")
    assert code == 2 and "not in a git repository" in err, err
    code, _, err = run(["scan", "--git", "--repo", str(repo), "x.py"], d)
    assert code == 2 and "choose one source" in err, err
    # A shallow clone: its boundary is a root, said on stderr; exit 1 for the tokens, not 2.
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(d / "shallow")], check=True, env=GIT_ENV)
    code, out, err = run(["scan", "--git", "--format", "json"], d / "shallow")
    assert code == 1 and "shallow clone's boundary" in err, (code, err)
    assert [f["path"] for f in json.loads(out)["findings"]] == ["copy.py", "main.py", "other.txt"], out
    # A corrupt blob (loose object overwritten) and a missing commit: named, the rest reported, exit 2.
    blob = git(repo, "rev-parse", f"{h['commits'][4]}:other.txt")
    obj = repo / ".git/objects" / blob[:2] / blob[2:]
    obj.chmod(0o644)
    obj.write_bytes(b"not zlib")
    code, out, err = run(["scan", "--git", "--format", "json"], repo)
    assert code == 2 and f"other.txt (commit {h['commits'][4][:12]})" in err, err
    assert [f["path"] for f in json.loads(out)["findings"]] == ["app.py", "copy.py"], out
    first = h["commits"][0]
    (repo / ".git/objects" / first[:2] / first[2:]).unlink()
    code, out, err = run(["scan", "--git", "--format", "json"], repo)
    assert code == 2 and f"commit {first}: cannot be read" in err, err
    assert [f["path"] for f in json.loads(out)["findings"]] == ["app.py", "copy.py"], out


@case
def _(d):
    """project config: ignore globs leave paths out, allowlisted fingerprints are dropped, the severity and placeholder policy apply, from any directory and for --staged; a bad file exits 2 and the rest applies"""
    git(d, "init", "-q")
    t, u = token("cfg-t"), token("cfg-u")
    write(d / "gen/x.py", f'a = "{t}"\n')
    write(d / "src/y.py", f'b = "{u}"\nc = "pul-{"0" * 40}"\n')
    write(d / "src/z.py", f'c = "{t}"\n')
    fp = json.loads(run(["scan", "--format", "json", "src/z.py"], d)[1])["findings"][0]["fingerprint"]
    write(d / ".pulumi-token-lsp.json", json.dumps({"ignore": ["gen/"], "severity": "warning", "placeholders": "off",
                                                    "allowlist": [{"fingerprint": fp, "reason": "rotated"}]}))
    for args, cwd in ((["scan", "--format", "json"], d), (["scan", "--format", "json", "."], d / "src"),
                      (["scan", "--format", "json", "--staged"], d)):
        git(d, "add", "-A")
        code, out, err = run(args, cwd)
        doc = json.loads(out)
        assert code == 1, (args, code, err)
        assert [(f["path"].split("/")[-1], f["severity"]) for f in doc["findings"]] == [("y.py", "warning")], (args, out)
        assert doc["stats"]["allowlisted"] == 1, (args, doc["stats"])
    code, out, _ = run(["scan", "--format", "sarif"], d)
    assert json.loads(out)["runs"][0]["results"][0]["level"] == "warning"
    code, out, _ = run(["scan", "--format", "json", "--no-config"], d)
    assert len(json.loads(out)["findings"]) == 4, out
    code, out, _ = run(["scan", "--format", "json", "--placeholders=hint"], d)  # the command line wins
    assert len(json.loads(out)["findings"]) == 2, out
    write(d / "bad.json", json.dumps({"ignore": [3], "severity": "loud"}))
    code, out, err = run(["scan", "--format", "json", "--config", "bad.json"], d)
    assert code == 2 and "ignore[0]" in err and "severity" in err and len(json.loads(out)["findings"]) == 4, (code, err)


@case
def _(d):
    """--committed: a token the history already holds names its first commit, whether HEAD has it and where it was pushed; a new one has nothing"""
    repo = d / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    old, local, fresh = token("committed-old"), token("committed-local"), token("committed-new")
    write(repo / "a.py", f'a = "{old}"\n')
    first = commit(repo, "one")
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(d / "remote.git")], check=True, env=GIT_ENV)
    git(repo, "remote", "add", "origin", str(d / "remote.git"))
    git(repo, "fetch", "-q", "origin")
    write(repo / "b.py", f'b = "{local}"\n')
    second = commit(repo, "two")
    write(repo / "a.py", "a = 1\n")  # removed from the file: still in the history
    write(repo / "c.py", f'c = "{local}"\nd = "{fresh}"\nold = "{old}"\n')
    code, out, err = run(["scan", "--committed", "--format", "json", "c.py"], repo)
    assert code == 1, err
    got = [(f["line"], f.get("committed")) for f in json.loads(out)["findings"]]
    assert got[0][1]["commit"]["id"] == second and got[0][1]["path"] == "b.py" and got[0][1]["pushedTo"] == [], got
    assert got[0][1]["inHead"] is True and got[0][1]["line"] == 1
    assert got[1] == (2, None), got
    assert got[2][1]["commit"]["id"] == first and got[2][1]["pushedTo"] == ["origin/main"], got
    code, out, _ = run(["scan", "--committed", "c.py"], repo)
    assert f"[already committed in {second[:12]} on 2026-03-01, not pushed: rotate it]" in out.splitlines()[0], out
    assert "pushed to origin/main" in out.splitlines()[2], out
    code, _, err = run(["scan", "--committed", "--format", "sarif", "--output", "c.sarif", "c.py"], repo)
    sarif = json.loads((repo / "c.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["properties"]["committed"]["commit"]["id"] == second
    v = subprocess.run(["node", str(Path(__file__).with_name("validate_sarif.mjs")), str(repo / "c.sarif"), str(repo)],
                       capture_output=True, text=True)
    assert v.returncode == 0, v.stdout + v.stderr
    # Outside a repository there is no history: nothing is marked, nothing fails.
    write(d / "plain/x.py", f'x = "{fresh}"\n')
    code, out, err = run(["scan", "--committed", "--format", "json", "x.py"], d / "plain")
    assert code == 1 and "committed" not in json.loads(out)["findings"][0], (out, err)


# Encoded tokens (issue 14): base64, JSON escapes and percent-encoding hide a token; the report
# names the encoding and covers the encoded text, and writes neither the token nor its encoding.
ENCODED: list[str] = []


def b64(data: str, url: bool = False) -> str:
    import base64
    e = (base64.urlsafe_b64encode if url else base64.b64encode)(data.encode()).decode()
    ENCODED.append(e)
    return e


def run_encoded(args, cwd, stdin: bytes | None = None):
    code, out, err = run(args, cwd, stdin)
    for e in ENCODED:  # nor any encoded form of a token
        assert e not in out and e not in err, "an encoded token was written"
    return code, out, err


@case
def _(d):
    """encoded: a Kubernetes Secret, a .dockerconfigjson and an env file in base64; the range covers the encoded text, one fingerprint with the plain token"""
    a, b, c = token("enc-secret"), token("enc-docker"), token("enc-env")
    secret = b64(a)
    docker = b64('{"auths":{"ghcr.io":{"auth":"' + b64("bot:" + b) + '"}}}')
    env = b64(c, url=True).rstrip("=")  # a token's bytes never encode to - or _: the same as base64
    write(d / "k8s/secret.yaml", f"kind: Secret\ndata:\n  token: {secret}\n  plain: {a}\n")
    write(d / "k8s/pull.yaml", f"type: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: {docker}\n")
    write(d / "ci.env", f"PULUMI_TOKEN_B64={env}\n")
    code, out, err = run_encoded(["scan", "--format", "json", "."], d)
    assert code == 1, err
    found = json.loads(out)["findings"]
    got = [(f["path"], f["line"], f["column"], f["endLine"], f["endColumn"], f.get("encoding"), f["preview"])
           for f in found]
    assert got[0] == ("ci.env", 1, 18, 1, 18 + len(env), "base64", c[:8] + "…"), got
    assert got[1][:3] == ("k8s/pull.yaml", 3, 22 + 4 * ((len('{"auths":{"ghcr.io":{"auth":"') + 4) // 3)), got
    assert got[1][5:] == ("base64 > base64", b[:8] + "…"), got
    assert (got[1][4] - got[1][2]) % 4 == 0 and got[1][4] <= 22 + len(docker), got
    assert got[2] == ("k8s/secret.yaml", 3, 10, 3, 10 + len(secret), "base64", a[:8] + "…"), got
    assert got[3] == ("k8s/secret.yaml", 4, 10, 4, 54, None, a[:8] + "…"), got
    assert found[2]["fingerprint"] == found[3]["fingerprint"], "the encoded and plain token differ in fingerprint"
    code, out, _ = run_encoded(["scan", "k8s/secret.yaml"], d)
    assert out.splitlines()[0].startswith(f"k8s/secret.yaml:3:10: error: Pulumi access token {a[:8]}… (base64-encoded) "), out


@case
def _(d):
    """encoded: JSON escapes and percent-encoding; SARIF names the encoding in the message and a property, and validates"""
    a, b = token("enc-json"), token("enc-url")
    escaped = "\\u0070ul\\u002d" + a[4:]
    pct = "%70ul%2D" + b[4:]
    ENCODED.extend([escaped, pct, a[4:], b[4:]])  # the hex digits alone would be the token too
    write(d / "nb.ipynb", '{"cells": [{"source": ["t = \\"' + escaped + '\\""]}]}\n')
    write(d / "deploy.sh", f"curl 'https://hooks.example.com/run?token={pct}&x=1'\n")
    code, out, err = run_encoded(["scan", "--format", "sarif", "--output", "r.sarif", "."], d)
    assert code == 1, err
    results = json.loads((d / "r.sarif").read_text())["runs"][0]["results"]
    got = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["properties"]["encoding"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["locations"][0]["physicalLocation"]["region"]["endColumn"]) for r in results]
    sh_col = len("curl 'https://hooks.example.com/run?token=") + 1
    nb_col = len('{"cells": [{"source": ["t = \\"') + 1
    assert got == [("deploy.sh", "percent", sh_col, sh_col + len(pct)),
                   ("nb.ipynb", "json-escape", nb_col, nb_col + len(escaped))], got
    assert "(percent-encoded)" in results[0]["message"]["text"], results[0]["message"]
    v = subprocess.run(["node", str(Path(__file__).with_name("validate_sarif.mjs")), str(d / "r.sarif"), str(d)],
                       capture_output=True, text=True)
    assert v.returncode == 0, v.stdout + v.stderr
    (d / "r.sarif").unlink()


@case
def _(d):
    """encoded: ignore markers apply; near misses (39 or 41 digits, uppercase) stay quiet when encoded; exit 0"""
    a = token("enc-ignored")
    near = [a[:-1], a + "0", "pul-" + a[4:].upper()]
    ENCODED.extend(near)
    lines = [f"ignored: {b64(a)} # pulumi-token-lsp:ignore", "# pragma: allowlist nextline secret",
             f"next: {b64(' ' + a)}"]
    lines += [f"near{i}: {b64(n)}" for i, n in enumerate(near)]
    lines += [f'"json{i}": "\\u0070{n[1:]}"' for i, n in enumerate(near)]
    write(d / "quiet.yaml", "\n".join(lines) + "\n")
    code, out, err = run_encoded(["scan", "quiet.yaml"], d)
    assert code == 0, (out, err)
    assert out.startswith("0 token(s), 0 placeholder(s) in 1 file(s)"), out


@case
def _(d):
    """encoded: standard input, and a 2 MB line of base64 hits answered (no quadratic rescans)"""
    a = token("enc-stdin")
    code, out, _ = run_encoded(["scan", "--stdin-name", "ci.yml", "-"], d, stdin=f"auth: {b64('u:' + a)}\n".encode())
    assert code == 1 and out.startswith("ci.yml:1:7: error: Pulumi access token ") and "(base64-encoded)" in out, out
    code, out, _ = run_encoded(["scan", "-"], d, stdin=("cHVsLB1bCwdWwt" * 150000 + "\n").encode())
    assert code == 0, out


finish("scan")
