#!/usr/bin/env python3
"""The git hooks, the pre-commit framework's hooks and the CI integrations of `pulumi-token-lsp
scan` (issue 13), in throwaway repositories, through the real binary:
scripts/git-hooks/{pre-commit,pre-push}, .pre-commit-hooks.yaml, action.yml with
scripts/ci/github-action.sh, and scripts/ci/pulumi-token-lsp.gitlab-ci.yml with
scripts/ci/gitlab-ci.sh.

Usage: hooks_test.py BINARY. Needs git, pre-commit (Debian's 3.0.4), python3-yaml and node with
tests/scan/node_modules (scripts/setup.d/55-hooks.sh, 50-scan.sh). No network: the framework
clones this repository's hooks from a local path. Tokens are built at run time; the repository
holds none, and no full token may appear in anything a hook or script writes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import harness
import yaml
from harness import TOKENS, token

BINARY = os.path.abspath(sys.argv[1])
ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "scripts" / "git-hooks"
CI = ROOT / "scripts" / "ci"
VALIDATOR = Path(__file__).with_name("validate_sarif.mjs")


def masked(t: str) -> str:
    """The preview the scan shows: the first 8 characters and an ellipsis."""
    return t[:8] + "…"


class Sandbox:
    """A temporary HOME with no user or system git config, a bin/ directory holding the binary
    (for hooks that look on PATH), and helpers that run commands there and check that no full
    token is ever written."""

    def __init__(self, d: Path):
        self.dir = d
        self.bin = d / "bin"
        self.bin.mkdir()
        (self.bin / "pulumi-token-lsp").symlink_to(BINARY)
        home = d / "home"
        home.mkdir()
        self.env = {
            "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C.UTF-8",
            "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}",
            "PRE_COMMIT_HOME": str(d / "pre-commit-cache"), "TMPDIR": str(d),
        }

    def run(self, args, cwd, env=None, stdin: str | None = None, check=False):
        p = subprocess.run(args, cwd=cwd, env={**self.env, **(env or {})}, input=stdin,
                           capture_output=True, text=True, timeout=300)
        for t in TOKENS:
            assert t not in p.stdout and t not in p.stderr, f"a full token was written by {args[:3]}"
        if check:
            assert p.returncode == 0, f"{args} exited {p.returncode}: {p.stdout}{p.stderr}"
        return p

    def git(self, repo, *args, env=None, check=True):
        return self.run(["git", *args], repo, env=env, check=check)

    def repo(self, name: str, bare=False) -> Path:
        path = self.dir / name
        self.run(["git", "init", "-q", "-b", "main", *(["--bare"] if bare else []), str(path)], self.dir,
                 check=True)
        if not bare:
            self.git(path, "config", "user.name", "Hook Test")
            self.git(path, "config", "user.email", "hooks@example.com")
        return path

    def commit(self, repo: Path, files: dict[str, str], message: str, env=None, check=True):
        for rel, text in files.items():
            write(repo / rel, text)
        self.git(repo, "add", *files)
        return self.git(repo, "commit", "-q", "-m", message, env=env, check=check)

    def head(self, repo: Path, ref="HEAD") -> str:
        return self.git(repo, "rev-parse", "--verify", "--quiet", ref, check=False).stdout.strip()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def case(fn):
    return harness.case(fn, fixture=Sandbox)


def validate_sarif(report: Path, srcroot: Path):
    v = subprocess.run(["node", str(VALIDATOR), str(report), str(srcroot)], capture_output=True, text=True)
    assert v.returncode == 0, v.stdout + v.stderr


def read_outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


# --- the plain pre-commit hook ---------------------------------------------------------------

def with_pre_commit_hook(s: Sandbox) -> Path:
    repo = s.repo("app")
    s.git(repo, "config", "core.hooksPath", str(HOOKS))
    s.commit(repo, {"README.md": "app\n"}, "initial")
    return repo


@case
def _(s):
    """pre-commit hook: a clean commit goes through; a staged token refuses the commit, naming file:line with a masked preview"""
    repo = with_pre_commit_hook(s)
    assert s.commit(repo, {"src/app.py": "import os\nt = os.environ['PULUMI_ACCESS_TOKEN']\n"}, "clean",
                    check=False).returncode == 0
    before = s.head(repo)
    t = token("pre-commit staged")
    p = s.commit(repo, {"src/config.py": f"# settings\nTOKEN = '{t}'\n"}, "leak", check=False)
    assert p.returncode != 0, "the commit went through"
    assert s.head(repo) == before, "something was committed"
    assert "src/config.py:2:" in p.stderr and masked(t) in p.stderr, p.stderr
    assert "git commit --no-verify" in p.stderr, p.stderr


@case
def _(s):
    """pre-commit hook: a token only in the work tree does not block; the staged, clean content is what is committed"""
    repo = with_pre_commit_hook(s)
    write(repo / "settings.py", "TOKEN = os.environ['PULUMI_ACCESS_TOKEN']\n")
    s.git(repo, "add", "settings.py")
    t = token("work tree only")
    write(repo / "settings.py", f"TOKEN = '{t}'\n")
    write(repo / "untracked.txt", f"{t}\n")
    p = s.git(repo, "commit", "-q", "-m", "clean index", check=False)
    assert p.returncode == 0, p.stderr
    assert t not in s.git(repo, "show", "HEAD:settings.py").stdout


@case
def _(s):
    """pre-commit hook: a token staged, then taken out of the index again, does not block"""
    repo = with_pre_commit_hook(s)
    t = token("unstaged again")
    write(repo / "leak.env", f"PULUMI_ACCESS_TOKEN={t}\n")
    write(repo / "notes.md", "notes\n")
    s.git(repo, "add", "leak.env", "notes.md")
    s.git(repo, "rm", "-q", "--cached", "leak.env")
    p = s.git(repo, "commit", "-q", "-m", "notes only", check=False)
    assert p.returncode == 0, p.stderr
    assert s.git(repo, "ls-tree", "--name-only", "HEAD").stdout.split() == ["README.md", "notes.md"]


@case
def _(s):
    """pre-commit hook: `git commit -a` and `git commit PATH` are checked too (git stages them in a temporary index, GIT_INDEX_FILE)"""
    repo = with_pre_commit_hook(s)
    s.commit(repo, {"Pulumi.dev.yaml": "config: {}\n"}, "stack config")
    before = s.head(repo)
    t = token("commit -a")
    write(repo / "Pulumi.dev.yaml", f"config:\n  svc:token: {t}\n")
    p = s.git(repo, "commit", "-q", "-a", "-m", "commit -a", check=False)
    assert p.returncode != 0 and s.head(repo) == before, f"commit -a went through: {p.stderr}"
    assert "Pulumi.dev.yaml:2:" in p.stderr, p.stderr
    p = s.git(repo, "commit", "-q", "-m", "commit PATH", "--", "Pulumi.dev.yaml", check=False)
    assert p.returncode != 0 and s.head(repo) == before, f"commit PATH went through: {p.stderr}"


@case
def _(s):
    """pre-commit hook installed by copying into .git/hooks: finds the binary through PULUMI_TOKEN_LSP, and fails closed (commit refused, with the fix) when there is none"""
    repo = s.repo("app")
    shutil.copy(HOOKS / "pre-commit", repo / ".git" / "hooks" / "pre-commit")
    s.commit(repo, {"README.md": "app\n"}, "initial")
    elsewhere = {"PATH": os.environ["PATH"], "PULUMI_TOKEN_LSP": BINARY}
    t = token("copied hook")
    p = s.commit(repo, {"main.go": f'package main\nconst t = "{t}"\n'}, "leak", env=elsewhere, check=False)
    assert p.returncode != 0 and "main.go:2:" in p.stderr, p.stderr
    s.git(repo, "rm", "-q", "--cached", "main.go")
    missing = {"PATH": os.environ["PATH"], "PULUMI_TOKEN_LSP": str(s.dir / "nowhere")}
    p = s.commit(repo, {"docs.md": "docs\n"}, "docs", env=missing, check=False)
    assert p.returncode != 0, "a commit went through without a scan"
    assert "PULUMI_TOKEN_LSP" in p.stderr and "--no-verify" in p.stderr, p.stderr


# --- the plain pre-push hook -----------------------------------------------------------------

def pushing_clone(s: Sandbox) -> tuple[Path, Path]:
    """A bare remote and a clone of it with the pre-push hook copied into .git/hooks."""
    remote = s.repo("remote.git", bare=True)
    repo = s.repo("app")
    shutil.copy(HOOKS / "pre-push", repo / ".git" / "hooks" / "pre-push")
    s.git(repo, "remote", "add", "origin", str(remote))
    s.commit(repo, {"README.md": "app\n"}, "initial")
    return remote, repo


@case
def _(s):
    """pre-push hook: a clean push goes through; a commit with a token is refused (the remote does not get it); once fixed, the push goes through"""
    remote, repo = pushing_clone(s)
    s.git(repo, "push", "-q", "origin", "main")
    assert s.head(remote, "main") == s.head(repo)
    s.commit(repo, {"lib.ts": "export const a = 1;\n"}, "clean")
    t = token("pre-push leak")
    s.commit(repo, {"deploy.ts": f'const t = "{t}";\n'}, "leak")
    leak = s.head(repo)
    s.commit(repo, {"later.ts": "export const b = 2;\n"}, "later")
    pushed = s.head(remote, "main")
    p = s.git(repo, "push", "-q", "origin", "main", check=False)
    assert p.returncode != 0, "the push went through"
    assert s.head(remote, "main") == pushed, "the remote got the commits"
    assert "deploy.ts:1:" in p.stderr and masked(t) in p.stderr and "--no-verify" in p.stderr, p.stderr
    assert f"added in commit {leak[:12]}" in p.stderr, p.stderr
    s.git(repo, "rebase", "-q", "--onto", "HEAD~2", "HEAD~1", "main")  # drop the leaking commit
    s.git(repo, "push", "-q", "origin", "main")
    assert s.head(remote, "main") == s.head(repo)


@case
def _(s):
    """pre-push hook: a new branch is checked on the commits the remote has none of: clean goes through, a token is refused, an old token already on the remote does not block, but does when pushed to another remote"""
    remote, repo = pushing_clone(s)
    old = token("already on the remote")
    s.commit(repo, {"old.env": f"T={old}\n"}, "old leak")
    s.git(repo, "push", "-q", "--no-verify", "origin", "main")
    s.git(repo, "switch", "-q", "-c", "feature")
    s.commit(repo, {"feature.py": "x = 1\n"}, "feature")
    p = s.git(repo, "push", "-q", "origin", "feature", check=False)
    assert p.returncode == 0, p.stderr
    assert s.head(remote, "feature") == s.head(repo)
    s.git(repo, "switch", "-q", "-c", "leaky", "main")
    t = token("new branch")
    s.commit(repo, {"leaky.py": f"T = '{t}'\n"}, "leak")
    p = s.git(repo, "push", "-q", "origin", "leaky", check=False)
    assert p.returncode != 0 and s.head(remote, "leaky") == "", "the new branch was pushed"
    assert "leaky.py:1:" in p.stderr and masked(old) not in p.stderr, p.stderr
    # Pushing to another remote publishes the old token there: the whole history is checked.
    other = s.repo("other.git", bare=True)
    s.git(repo, "remote", "add", "other", str(other))
    p = s.git(repo, "push", "-q", "other", "feature", check=False)
    assert p.returncode != 0 and masked(old) in p.stderr, p.stderr


@case
def _(s):
    """pre-push hook: a new branch merging two remote branches is checked on its own commits only (a range that excludes both)"""
    remote, repo = pushing_clone(s)
    s.git(repo, "switch", "-q", "-c", "side")
    s.commit(repo, {"side.txt": "side\n"}, "side")
    s.git(repo, "switch", "-q", "main")
    s.commit(repo, {"main.txt": "main\n"}, "main")
    s.git(repo, "push", "-q", "origin", "main", "side")
    s.git(repo, "switch", "-q", "-c", "topic")
    s.git(repo, "merge", "-q", "--no-edit", "side")
    s.commit(repo, {"topic.txt": "topic\n"}, "topic")
    p = s.git(repo, "push", "-q", "origin", "topic", check=False)
    assert p.returncode == 0, p.stderr
    t = token("after a merge")
    s.git(repo, "switch", "-q", "-c", "topic2", "origin/main")
    s.git(repo, "merge", "-q", "--no-edit", "origin/side")
    s.commit(repo, {"topic2.txt": f"{t}\n"}, "leak")
    p = s.git(repo, "push", "-q", "origin", "topic2", check=False)
    assert p.returncode != 0 and "topic2.txt:1:" in p.stderr, p.stderr
    assert s.head(remote, "topic2") == ""


@case
def _(s):
    """pre-push hook: deleting a remote branch and pushing an annotated tag go through"""
    remote, repo = pushing_clone(s)
    s.git(repo, "push", "-q", "origin", "main")
    s.git(repo, "switch", "-q", "-c", "gone")
    s.commit(repo, {"gone.txt": "x\n"}, "gone")
    s.git(repo, "push", "-q", "origin", "gone")
    p = s.git(repo, "push", "-q", "origin", ":gone", check=False)
    assert p.returncode == 0 and s.head(remote, "gone") == "", p.stderr
    s.git(repo, "tag", "-a", "-m", "release", "v1", "main")
    p = s.git(repo, "push", "-q", "origin", "v1", check=False)
    assert p.returncode == 0 and s.head(remote, "v1^{commit}") == s.head(repo, "main"), p.stderr


# --- the pre-commit framework ----------------------------------------------------------------

def hooks_repository(s: Sandbox) -> tuple[Path, str]:
    """A fresh git repository holding what the framework reads from this one (the manifest and
    scripts/, uncommitted changes included), committed; returns it and the commit."""
    src = s.repo("pulumi-token-lsp")
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", src)
    shutil.copytree(ROOT / "scripts", src / "scripts")
    s.git(src, "add", ".")
    s.git(src, "commit", "-q", "-m", "hooks")
    return src, s.head(src)


def framework_repo(s: Sandbox, hook_id: str) -> Path:
    src, rev = hooks_repository(s)
    repo = s.repo("app")
    write(repo / ".pre-commit-config.yaml",
          f"repos:\n  - repo: {src}\n    rev: {rev}\n    hooks:\n      - id: {hook_id}\n")
    s.commit(repo, {"README.md": "app\n"}, "initial")
    s.git(repo, "add", ".pre-commit-config.yaml")
    s.git(repo, "commit", "-q", "-m", "pre-commit config")
    p = s.run(["pre-commit", "install"], repo, check=True)
    assert "pre-commit installed" in p.stdout, p.stdout
    return repo


@case
def _(s):
    """pre-commit framework, hook pulumi-token-lsp (language: script): a real `git commit` refuses a staged token, lets a clean one through; `pre-commit run` exits 1"""
    repo = framework_repo(s, "pulumi-token-lsp")
    p = s.commit(repo, {"clean.py": "x = 1\n"}, "clean", check=False)
    assert p.returncode == 0, p.stdout + p.stderr
    before = s.head(repo)
    t = token("framework")
    p = s.commit(repo, {"stack.py": f"\n\nt = '{t}'\n"}, "leak", check=False)
    assert p.returncode != 0 and s.head(repo) == before, p.stdout + p.stderr
    out = p.stdout + p.stderr
    assert "stack.py:3:" in out and masked(t) in out, out
    p = s.run(["pre-commit", "run", "pulumi-token-lsp"], repo)
    assert p.returncode == 1 and "stack.py:3:" in p.stdout, p.stdout + p.stderr
    # A range, as the framework's pre-push stage or `pre-commit run --from-ref --to-ref` in CI give it.
    s.git(repo, "commit", "-q", "--no-verify", "-m", "leak anyway")
    p = s.run(["pre-commit", "run", "--hook-stage", "push", "--from-ref", "HEAD~1", "--to-ref", "HEAD",
               "pulumi-token-lsp"], repo)
    assert p.returncode == 1 and "stack.py:3:" in p.stdout, p.stdout + p.stderr
    p = s.run(["pre-commit", "run", "--hook-stage", "push", "--from-ref", "HEAD~2", "--to-ref", "HEAD~1",
               "pulumi-token-lsp"], repo)
    assert p.returncode == 0, p.stdout + p.stderr


@case
def _(s):
    """pre-commit framework, hook pulumi-token-lsp-system (language: system, the binary on PATH): refuses a staged token"""
    repo = framework_repo(s, "pulumi-token-lsp-system")
    t = token("framework system")
    p = s.commit(repo, {"main.tf": f'token = "{t}"\n'}, "leak", check=False)
    assert p.returncode != 0 and "main.tf:1:" in p.stdout + p.stderr, p.stdout + p.stderr
    p = s.run(["pre-commit", "run", "pulumi-token-lsp-system"], repo)
    assert p.returncode == 1, p.stdout + p.stderr


@case
def _(s):
    """pre-commit framework entry script: PULUMI_TOKEN_LSP first, then PATH, then a binary built earlier in the clone's build-pre-commit/"""
    src, _ = hooks_repository(s)
    repo = s.repo("app")
    s.commit(repo, {"README.md": "app\n"}, "initial")
    t = token("entry script")
    write(repo / "a.txt", f"{t}\n")
    s.git(repo, "add", "a.txt")
    entry = [str(src / "scripts/git-hooks/pre-commit-framework.sh")]
    no_path = {"PATH": os.environ["PATH"]}
    p = s.run(entry, repo, env={**no_path, "PULUMI_TOKEN_LSP": BINARY})
    assert p.returncode == 1 and "a.txt:1:" in p.stdout, p.stdout + p.stderr
    p = s.run(entry, repo)
    assert p.returncode == 1 and "a.txt:1:" in p.stdout, p.stdout + p.stderr
    (src / "build-pre-commit").mkdir()
    (src / "build-pre-commit" / "pulumi-token-lsp").symlink_to(BINARY)
    p = s.run(entry + ["--format", "json"], repo, env=no_path)
    assert p.returncode == 1 and json.loads(p.stdout)["findings"][0]["path"] == "a.txt", p.stdout + p.stderr
    assert "building" not in p.stderr, p.stderr


@case
def _(s):
    """.pre-commit-hooks.yaml: two hooks scanning the index without file names; the script hook's entry exists and is executable"""
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"pulumi-token-lsp", "pulumi-token-lsp-system"}, hooks
    script, system = hooks["pulumi-token-lsp"], hooks["pulumi-token-lsp-system"]
    assert script["language"] == "script" and os.access(ROOT / script["entry"], os.X_OK), script
    assert system["language"] == "system" and system["entry"] == "pulumi-token-lsp scan --staged", system
    assert all(h["pass_filenames"] is False for h in hooks.values()), hooks


# --- the GitHub Action and the GitLab CI template ---------------------------------------------

def workspace(s: Sandbox, leak: bool, name="workspace") -> tuple[Path, str | None]:
    repo = s.repo(name)
    s.commit(repo, {"index.ts": "export const x = 1;\n", "infra/Pulumi.yaml": "name: infra\n"}, "initial")
    if not leak:
        return repo, None
    t = token("ci workspace")
    write(repo / "infra/index.ts", f'import * as pulumi from "@pulumi/pulumi";\nconst t = "{t}";\n')
    return repo, t


def github_action(s: Sandbox, repo: Path, step: str, **inputs):
    out = s.dir / "github-output"
    out.unlink(missing_ok=True)
    env = {"GITHUB_WORKSPACE": str(repo), "GITHUB_OUTPUT": str(out), "RUNNER_TEMP": str(s.dir),
           "PTL_CACHE_DIR": str(s.dir / "action-cache"), "INPUT_BINARY": BINARY}
    env.update({f"INPUT_{k.upper()}": v for k, v in inputs.items()})
    p = s.run(["bash", str(CI / "github-action.sh"), step], s.dir, env=env)
    return p, read_outputs(out) if out.exists() else {}


@case
def _(s):
    """GitHub Action script: a token gives a valid SARIF report, an ::error annotation on the file and line, exit-code 1, and a failing verdict"""
    repo, t = workspace(s, leak=True)
    p, outputs = github_action(s, repo, "scan")
    assert p.returncode == 0, p.stdout + p.stderr
    assert outputs["exit-code"] == "1", outputs
    sarif = Path(outputs["sarif-file"])
    assert sarif == repo / "pulumi-token-lsp.sarif" and sarif.is_file(), outputs
    validate_sarif(sarif, repo)
    assert "::error file=infra/index.ts,line=2,col=12," in p.stdout, p.stdout
    assert masked(t) in p.stdout, p.stdout
    p = s.run(["bash", str(CI / "github-action.sh"), "verdict"], s.dir, env={"EXIT_CODE": "1"})
    assert p.returncode == 1 and "::error" in p.stdout, p.stdout


@case
def _(s):
    """GitHub Action script: a clean workspace gives exit-code 0 and a passing verdict; a baseline and a report path are honoured"""
    repo, _ = workspace(s, leak=False)
    p, outputs = github_action(s, repo, "scan", sarif_file="reports/scan.sarif")
    assert p.returncode == 0 and outputs["exit-code"] == "0", p.stdout + p.stderr
    validate_sarif(repo / "reports/scan.sarif", repo)
    assert s.run(["bash", str(CI / "github-action.sh"), "verdict"], s.dir, env={"EXIT_CODE": "0"}).returncode == 0
    workspace_leak, _ = workspace(s, leak=True, name="adopted")
    s.run([BINARY, "scan", "--write-baseline", "baseline.json", "."], workspace_leak, check=True)
    p, outputs = github_action(s, workspace_leak, "scan", baseline="baseline.json")
    assert outputs.get("exit-code") == "0", p.stdout + p.stderr
    p, outputs = github_action(s, workspace_leak, "scan", path="infra", args="--placeholders=off")
    assert outputs.get("exit-code") == "1" and "::error file=infra/index.ts," in p.stdout, p.stdout + p.stderr
    p = s.run(["bash", str(CI / "github-action.sh"), "verdict"], s.dir, env={"EXIT_CODE": "2"})
    assert p.returncode == 2, p.stdout


@case
def _(s):
    """GitHub Action script: without a binary input, the binary cached for these sources (cache-key) is used, with no build"""
    repo, _ = workspace(s, leak=True)
    p, outputs = github_action(s, repo, "cache-key")
    key = outputs["key"]
    assert p.returncode == 0 and key.startswith("pulumi-token-lsp-"), outputs
    cache = s.dir / "action-cache"
    cache.mkdir()
    shutil.copy(BINARY, cache / "pulumi-token-lsp")
    (cache / "source-key").write_text(key + "\n")
    p, outputs = github_action(s, repo, "scan", binary="")
    assert "the cached binary" in p.stderr and "building" not in p.stderr, p.stderr
    assert outputs["exit-code"] == "1" and outputs["binary"] == str(cache / "pulumi-token-lsp"), outputs


@case
def _(s):
    """action.yml: a composite action whose steps call scripts/ci/github-action.sh, cache the binary, upload the SARIF (always, when asked) and then fail on findings"""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite", action["runs"]
    assert {"path", "args", "baseline", "sarif-file", "upload", "binary"} <= set(action["inputs"]), action["inputs"]
    assert action["inputs"]["sarif-file"]["default"] == "pulumi-token-lsp.sarif"
    assert action["inputs"]["upload"]["default"] == "true"
    steps = action["runs"]["steps"]
    runs = [st.get("run", "") for st in steps]
    script = '"$GITHUB_ACTION_PATH/scripts/ci/github-action.sh"'
    order = [next(i for i, r in enumerate(runs) if r.endswith(f"{script} {cmd}")) for cmd in ("cache-key", "scan", "verdict")]
    assert order == sorted(order), runs
    assert all(st["shell"] == "bash" for st in steps if "run" in st), steps
    uses = [st.get("uses", "") for st in steps]
    cache = uses.index("actions/cache@v4")
    upload = uses.index("github/codeql-action/upload-sarif@v3")
    assert order[0] < cache < order[1] < upload < order[2], uses
    assert "always()" in steps[upload]["if"] and "inputs.upload == 'true'" in steps[upload]["if"], steps[upload]
    assert steps[upload]["with"]["sarif_file"] == "${{ steps.scan.outputs.sarif-file }}", steps[upload]
    assert "always()" in steps[order[2]]["if"], steps[order[2]]
    assert steps[order[2]]["env"]["EXIT_CODE"] == "${{ steps.scan.outputs.exit-code }}"
    scan_env = steps[order[1]]["env"]
    assert {f"INPUT_{n}" for n in ("PATH", "ARGS", "BASELINE", "SARIF_FILE", "BINARY")} == set(scan_env), scan_env


def gitlab(s: Sandbox, repo: Path, **env):
    return s.run(["bash", str(CI / "gitlab-ci.sh")], s.dir, env={"CI_PROJECT_DIR": str(repo), **env})


@case
def _(s):
    """GitLab script: a token fails the job (exit 1) and leaves a valid SARIF report and a Code Quality report naming the file and line"""
    repo, t = workspace(s, leak=True)
    p = gitlab(s, repo, PULUMI_TOKEN_LSP=BINARY)
    assert p.returncode == 1, p.stdout + p.stderr
    assert "infra/index.ts:2:12: error:" in p.stdout and masked(t) in p.stdout, p.stdout
    validate_sarif(repo / "pulumi-token-lsp.sarif", repo)
    quality = json.loads((repo / "gl-code-quality-report-pulumi-token-lsp.json").read_text())
    assert [(q["location"]["path"], q["location"]["lines"]["begin"], q["severity"]) for q in quality] == [
        ("infra/index.ts", 2, "critical")], quality
    assert len(quality[0]["fingerprint"]) == 64 and masked(t) in quality[0]["description"], quality


@case
def _(s):
    """GitLab script: a clean project passes (exit 0, both reports written); the cached binary in .pulumi-token-lsp/ is used and left out of the scan"""
    repo, _ = workspace(s, leak=False)
    key = s.run(["bash", "-c", f". {CI / 'common.sh'} && ptl_source_key"], s.dir, check=True).stdout.strip()
    cache = repo / ".pulumi-token-lsp"
    cache.mkdir()
    shutil.copy(BINARY, cache / "pulumi-token-lsp")
    (cache / "source-key").write_text(key + "\n")
    write(cache / "notes.txt", f"{token('inside the cache dir')}\n")
    p = gitlab(s, repo, PULUMI_TOKEN_LSP_REPORT="out/report.sarif")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "the cached binary" in p.stderr and "building" not in p.stderr, p.stderr
    validate_sarif(repo / "out/report.sarif", repo)
    assert json.loads((repo / "gl-code-quality-report-pulumi-token-lsp.json").read_text()) == []
    assert "/.pulumi-token-lsp/" in (repo / ".git/info/exclude").read_text().splitlines()


@case
def _(s):
    """GitLab template: one job that clones and runs scripts/ci/gitlab-ci.sh, keeps both reports as artifacts when: always, and a Code Quality report"""
    doc = yaml.safe_load((CI / "pulumi-token-lsp.gitlab-ci.yml").read_text())
    job = doc["pulumi-token-lsp"]
    assert job["script"][-1] == "bash /tmp/pulumi-token-lsp-src/scripts/ci/gitlab-ci.sh", job["script"]
    assert "git clone" in job["script"][0], job["script"]
    artifacts = job["artifacts"]
    assert artifacts["when"] == "always", artifacts
    assert artifacts["paths"] == ["$PULUMI_TOKEN_LSP_REPORT", "$PULUMI_TOKEN_LSP_CODEQUALITY"], artifacts
    assert artifacts["reports"]["codequality"] == "$PULUMI_TOKEN_LSP_CODEQUALITY", artifacts
    assert doc["variables"]["PULUMI_TOKEN_LSP_REPORT"] == "pulumi-token-lsp.sarif", doc["variables"]
    assert job["cache"]["paths"] == [".pulumi-token-lsp/"], job["cache"]


harness.finish("scan_hooks")
