#!/usr/bin/env python3
"""`pulumi-token-lsp rotate` through the real binary and real TLS (issue 15): a local HTTPS stand-in
of the Pulumi token API (GET /api/user, the token lists, create and delete, with the real shapes:
pulumi.com/docs/reference/cloud-rest-api access-tokens and personal-access-tokens), which checks
every Authorization header (the leaked token may only ever reach GET /api/user), and the stand-ins
of Vault KV v2, AWS Secrets Manager and Conjur (standins.py), all with certificates of one test CA
(tls_ca.py) that the binary trusts through SSL_CERT_FILE.

Asserts, for each store: the file ends up with that store's code fix, which parses (the real
parsers of tests/remediation/check_parsers.mjs), the store holds the new token (read back from the
stand-in), the old one is deleted; a store that fails the write or answers another value on the
read-back, and a Vault check-and-set conflict, leave the old token alive and say so; --dry-run
prints every request masked and sends nothing; a "no" on a terminal (a pseudo-terminal) stops the
flow; no terminal and no --yes is refused; credentials that are the leaked token are refused; a
token that is not live creates nothing. No output ever holds a full token or a store credential.

Usage: rotate_test.py BINARY. Tokens are built at run time; the repository holds none. Needs node
and tests/remediation's npm packages (npm ci there) for the parser check."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "scan"))
from harness import finish, token  # noqa: E402
from rotation_standins import (API, API_URL, DESCRIPTION, FIX_MARKS, SOURCES, STORES, Stores,  # noqa: E402
                               assert_clean, leaked_file, parses, rotation_env, with_stores)
from standins import VaultStandin  # noqa: E402

BINARY = os.path.abspath(sys.argv[1])


def run(fixture: Path, stores: Stores, store: str, *args, credentials=None, stdin=None, terminal_input=None,
        env_changes=None):
    """The binary's `rotate` in `fixture` (also its HOME) against the stand-ins; terminal_input:
    lines typed on a pseudo-terminal that is its standard input (else `stdin` through a pipe);
    env_changes: variables set, or removed when None (rotation_env)."""
    env = rotation_env(fixture, stores, store, credentials, env_changes)
    command = [BINARY, "rotate", *args, "--store", store, "--backend", API_URL, "--timeout", "5"]
    if terminal_input is None:
        p = subprocess.run(command, cwd=fixture, env=env, input=stdin, capture_output=True, text=True, timeout=60)
    else:
        master, slave = pty.openpty()
        try:
            os.write(master, terminal_input.encode())
            p = subprocess.run(command, cwd=fixture, env=env, stdin=slave, capture_output=True, text=True, timeout=60)
        finally:
            os.close(slave)
            os.close(master)
    assert_clean(p.stdout, p.stderr)
    return p


@with_stores
def _(d: Path, stores: Stores):
    """a full rotation for each store: new token created, stored and read back, the file fixed, the leaked one deleted"""
    fixed = []
    for store, ext in STORES.items():
        API.reset()
        root = d / store
        f = leaked_file(root, ext)
        p = run(root, stores, store, f"infra/index.{ext}:3", "--yes")
        assert p.returncode == 0, (store, p.returncode, p.stdout, p.stderr)
        assert "rotated:" in p.stdout, (store, p.stdout)
        for step in ("[check]", "[create]", "[store]", "[fix]", "[revoke]"):
            assert step in p.stdout, (store, step, p.stdout)
        assert len(API.created) == 1, (store, API.created)
        assert stores.value(store) == API.created[0], (store, "the store does not hold the new token")
        assert not API.live(API.leaked), (store, "the leaked token is still live")
        assert API.live(API.created[0]), store
        assert ("DELETE", "/api/user/tokens/t-leaked") in API.requests, (store, API.requests)
        text = f.read_text()
        assert API.leaked not in text and "pul-" not in text, (store, text)
        for mark in FIX_MARKS[store]:
            assert mark in text, (store, mark, text)
        assert not API.problems, (store, API.problems)
        fixed.append((f, SOURCES[ext][1]))
    parses(fixed)


@with_stores
def _(d: Path, stores: Stores):
    """--dry-run prints every request of each store, masked, sends nothing and writes nothing"""
    for store in STORES:
        API.reset()
        root = d / store
        f = leaked_file(root)
        before = f.read_text()
        p = run(root, stores, store, "infra/index.ts:3:30", "--dry-run")
        assert p.returncode == 0, (store, p.returncode, p.stdout, p.stderr)
        assert API.requests == [], (store, API.requests)
        assert stores.requests() == 0, (store, "a store stand-in got a request")
        assert f.read_text() == before, store
        assert [x.name for x in root.iterdir()] == ["infra"], "something was written"
        out = p.stdout
        for line in (f"GET {API_URL}/api/user", f"GET {API_URL}/api/user/tokens", f"POST {API_URL}/api/user/tokens",
                     f"DELETE {API_URL}/api/user/tokens/TOKEN-ID"):
            assert f"  {line}\n" in out, (store, line, out)
        assert "Authorization: token " + API.leaked[:8] + "\u2026" in out, (store, out)
        assert "replaces the token in infra/index.ts" in out, (store, out)
        s = stores.standin(store)
        expected = {
            "vault": [f"GET {s.url}/v1/secret/data/pulumi", f"POST {s.url}/v1/secret/data/pulumi",
                      "X-Vault-Token: <VAULT_TOKEN>", '"options":{"cas":"<the version read>"}',
                      '"api_key":"<the new token>"'],
            "aws": [f"POST {s.url}/", "X-Amz-Target: secretsmanager.PutSecretValue",
                    "X-Amz-Target: secretsmanager.CreateSecret", "X-Amz-Target: secretsmanager.GetSecretValue",
                    f"POST {s.url}/  (only if the secret does not exist yet)\n", "Authorization: AWS4-HMAC-SHA256"],
            "conjur": [f"POST {s.url}/authn/acme/host%2Fci/authenticate",
                       f"POST {s.url}/secrets/acme/variable/pulumi%2Faccess-token",
                       f"GET {s.url}/secrets/acme/variable/pulumi%2Faccess-token", "body: <CONJUR_AUTHN_API_KEY>",
                       "body: <the new token>"],
        }[store]
        for text in expected:
            assert text in out, (store, text, out)
        # 4 to the Pulumi API before the store, the store's own (write, AWS's CreateSecret if the
        # secret does not exist yet, read-back), then the DELETE
        count = 4 + {"vault": 3, "aws": 3, "conjur": 4}[store] + 1
        assert f"Requests a real run would send ({count}; none was sent)" in out, (store, out)


def rotated_with(root: Path, stores: Stores, store: str, ext: str, env_changes: dict) -> str:
    """A full rotation (--yes) in `root` with `env_changes`: exit 0, the store holds the new token,
    the leaked one is deleted, the file fixed. Returns the output."""
    API.reset()
    f = leaked_file(root, ext)
    p = run(root, stores, store, f"infra/index.{ext}:3", "--yes", env_changes=env_changes)
    assert p.returncode == 0, (store, p.returncode, p.stdout, p.stderr)
    assert "rotated:" in p.stdout, (store, p.stdout)
    assert len(API.created) == 1 and stores.value(store) == API.created[0], (store, "the store does not hold the new token")
    assert not API.live(API.leaked), (store, "the leaked token is still live")
    for mark in FIX_MARKS[store]:
        assert mark in f.read_text(), (store, mark)
    assert not API.problems, (store, API.problems)
    return p.stdout


@with_stores
def _(d: Path, stores: Stores):
    """the stores' CLI logins: Vault's token in ~/.vault-token, an AWS profile in ~/.aws/credentials with its region in
    ~/.aws/config, without the credential variables; where they came from is said, never what they are"""
    root = d / "vault"
    root.mkdir()
    (root / ".vault-token").write_text(f"  {stores.vault.token}\n")
    out = rotated_with(root, stores, "vault", "ts", {"VAULT_TOKEN": None})
    assert f"[store] Store credentials: from {root / '.vault-token'} (the Vault CLI's token).\n" in out, out

    root = d / "aws"
    (root / ".aws").mkdir(parents=True)
    (root / ".aws" / "credentials").write_text(
        "# written by `aws configure`\n[default]\naws_access_key_id = AKIAWRONGWRONGWRONG0\naws_secret_access_key = wrong\n\n"
        f"[dev]\nAWS_ACCESS_KEY_ID={stores.aws.access_key}\naws_secret_access_key = {stores.aws.secret_key} ; the key\n"
        f"aws_session_token\t= {stores.aws.session_token}\n")
    (root / ".aws" / "config").write_text(f"[default]\nregion = us-east-1\n\n[profile dev]\nregion = {stores.aws.region}\n")
    out = rotated_with(root, stores, "aws", "py", {"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None,
                                                   "AWS_SESSION_TOKEN": None, "AWS_REGION": None, "AWS_PROFILE": "dev"})
    assert (f"[store] Store credentials: from the AWS profile `dev` in {root / '.aws' / 'credentials'} (the region from "
            f"the AWS profile `dev` in {root / '.aws' / 'config'}).\n") in out, out
    assert f"in {stores.aws.region}" in out, out


@with_stores
def _(d: Path, stores: Stores):
    """an AWS profile that runs a credential process is refused by name before any request; no credentials at all
    says where it looked"""
    leaked_file(d)
    (d / ".aws").mkdir()
    (d / ".aws" / "config").write_text("[profile sso]\nregion = eu-west-1\ncredential_process = /bin/false\n")
    p = run(d, stores, "aws", "infra/index.ts:3", "--yes", env_changes={
        "AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None, "AWS_SESSION_TOKEN": None, "AWS_PROFILE": "sso"})
    assert p.returncode == 1, (p.returncode, p.stdout, p.stderr)
    assert "the AWS profile `sso` uses credential_process" in p.stderr and "not supported" in p.stderr, p.stderr
    p = run(d, stores, "vault", "infra/index.ts:3", "--yes", env_changes={"VAULT_TOKEN": None})
    assert p.returncode == 1, (p.returncode, p.stdout, p.stderr)
    assert f"VAULT_TOKEN is not set; {d / '.vault-token'} (where `vault login` keeps the token): it does not exist" in p.stderr, \
        p.stderr
    assert API.requests == [] and stores.requests() == 0


def stopped_at_store(d: Path, stores: Stores, store: str, says: str):
    """Runs a rotation (--yes) that the store step must stop: exit 1 and `says` in the output, the new
    token named by its description, the leaked one still live and not deleted, the file unchanged."""
    API.reset()
    f = leaked_file(d / store)
    before = f.read_text()
    p = run(d / store, stores, store, "infra/index.ts:3", "--yes")
    assert p.returncode == 1, (store, p.returncode, p.stdout, p.stderr)
    assert says in p.stdout, (store, says, p.stdout)
    assert DESCRIPTION in p.stdout and "still live" in p.stdout, (store, p.stdout)
    assert API.live(API.leaked), (store, "the leaked token was deleted")
    assert ("DELETE", "/api/user/tokens/t-leaked") not in API.requests, store
    assert f.read_text() == before, store
    assert not API.problems, (store, API.problems)


@with_stores
def _(d: Path, stores: Stores):
    """a store that answers 500 on the write: the leaked token stays live, the new one is named and deleted again"""
    first_write = {"vault": 2, "aws": 1, "conjur": 2}  # vault reads first; conjur authenticates first
    for store, nth in first_write.items():
        stores.standin(store).fail(nth, status=500, body=b'{"errors":["internal error"]}')
        stopped_at_store(d, stores, store, "HTTP 500")
        assert len(API.created) == 1 and not API.live(API.created[0]), (store, "the new token was not deleted again")
        assert stores.value(store) is None, store


@with_stores
def _(d: Path, stores: Stores):
    """a read-back that differs from what was written: the leaked token stays live, the file unchanged"""
    other = "someone-elses-value"
    read_back = {  # the n-th request is the read-back; its answer holds another value
        "vault": (3, json.dumps({"data": {"data": {"api_key": other}, "metadata": {"version": 1}}}).encode(),
                  "application/json"),
        "aws": (3, json.dumps({"Name": "pulumi-access-token", "SecretString": other, "VersionId": "v"}).encode(),
                "application/x-amz-json-1.1"),  # PutSecretValue (not found), CreateSecret, GetSecretValue
        "conjur": (4, other.encode(), "application/octet-stream"),  # authn, POST, authn, GET
    }
    for store, (nth, body, content_type) in read_back.items():
        stores.standin(store).fail(nth, status=200, body=body, content_type=content_type)
        stopped_at_store(d, stores, store, "holds another value")


class RacingVault(VaultStandin):
    """Vault where another writer writes the entry right after the rotation's first read."""

    raced = False

    def handle(self, r):
        answer = super().handle(r)
        if r.method == "GET" and not self.raced:
            self.raced = True  # called under self.lock: write the entry directly
            self.entries[("secret", "pulumi")] = {"versions": [{"api_key": "the other writer's"}], "deleted": False}
        return answer


def vault_conflict(d: Path, stores: Stores):
    """a Vault check-and-set conflict: the other writer's version is kept, the leaked token stays live"""
    stopped_at_store(d, stores, "vault", "someone else wrote secret/pulumi meanwhile")
    assert stores.vault.value("secret", "pulumi") == {"api_key": "the other writer's"}
    assert stores.vault.version("secret", "pulumi") == 1


with_stores(vault_conflict, RacingVault)


@with_stores
def _(d: Path, stores: Stores):
    """on a terminal, "no" to deleting the leaked token stops there: stored and fixed, the leaked token still live"""
    f = leaked_file(d)
    p = run(d, stores, "vault", "infra/index.ts:3", terminal_input="y\ny\nyes\nn\n")
    assert p.returncode == 1, (p.returncode, p.stdout, p.stderr)
    assert p.stdout.count("y/N]") == 4, p.stdout
    assert "declined:" in p.stdout and "still live" in p.stdout, p.stdout
    assert len(API.created) == 1 and stores.value("vault") == API.created[0]
    assert API.live(API.leaked) and ("DELETE", "/api/user/tokens/t-leaked") not in API.requests
    assert API.leaked not in f.read_text()


@with_stores
def _(d: Path, stores: Stores):
    """on a terminal, "no" to creating the replacement changes nothing"""
    f = leaked_file(d)
    before = f.read_text()
    p = run(d, stores, "vault", "infra/index.ts:3", terminal_input="n\n")
    assert p.returncode == 1, (p.returncode, p.stdout, p.stderr)
    assert "declined:" in p.stdout, p.stdout
    assert API.created == [] and stores.requests() == 0 and f.read_text() == before


@with_stores
def _(d: Path, stores: Stores):
    """without --yes and with no terminal on standard input the run is refused (exit 2), before any request"""
    leaked_file(d)
    p = run(d, stores, "vault", "infra/index.ts:3", stdin="y\n")
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    assert "--yes" in p.stderr, p.stderr
    assert API.requests == [] and stores.requests() == 0


@with_stores
def _(d: Path, stores: Stores):
    """credentials that are the leaked token itself are refused before any request"""
    leaked_file(d)
    p = run(d, stores, "vault", "infra/index.ts:3", "--yes", credentials=API.leaked)
    assert p.returncode == 1, (p.returncode, p.stdout, p.stderr)
    assert "leaked token itself" in p.stdout, p.stdout
    assert API.requests == [] and stores.requests() == 0


@with_stores
def _(d: Path, stores: Stores):
    """a token that is not live (401) creates nothing and stores nothing"""
    dead = token("dead")
    f = leaked_file(d, value=dead)
    p = run(d, stores, "vault", "infra/index.ts:3", "--yes")
    assert p.returncode == 0, (p.returncode, p.stdout, p.stderr)
    assert "not-live:" in p.stdout, p.stdout
    assert API.created == [] and ("POST", "/api/user/tokens") not in API.requests, API.requests
    assert all(method == "GET" for method, _ in API.requests), API.requests
    assert stores.requests() == 0 and stores.value("vault") is None
    assert dead not in f.read_text(), "--yes applies the fix to a token that is not live"


@with_stores
def _(d: Path, stores: Stores):
    """a position without a token is an error that names it"""
    leaked_file(d)
    p = run(d, stores, "vault", "infra/index.ts:1", "--yes")
    assert p.returncode == 1, (p.returncode, p.stdout, p.stderr)
    assert "no Pulumi access token at infra/index.ts:1" in p.stderr, p.stderr
    p = run(d, stores, "vault", "infra/index.ts", "--yes")
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)


finish("rotate")
