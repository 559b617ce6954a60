"""What the rotation tests (rotate_test.py through the CLI, editor_rotation_test.py through the
language server) share: a local HTTPS stand-in of the Pulumi token API (GET /api/user, the token
lists, create and delete, with the real shapes: pulumi.com/docs/reference/cloud-rest-api
access-tokens and personal-access-tokens), which checks every Authorization header (the leaked
token may only ever reach GET /api/user); fresh stand-ins of Vault KV v2, AWS Secrets Manager and
Conjur (standins.py) for each case; the leaked file; and the checks that no output holds a full
token or a store credential. Every server has a certificate of one test CA (tls_ca.py), which the
binary trusts through SSL_CERT_FILE (TLS.ca_file)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "scan"))
from harness import TOKENS, case, token  # noqa: E402
from standins import AwsStandin, ConjurStandin, VaultStandin  # noqa: E402
from tls_ca import TestCA  # noqa: E402

TLS = TestCA("rotation-test CA")
CHECK_PARSERS = HERE.parent / "remediation" / "check_parsers.mjs"
DESCRIPTION = "pulumi-token-lsp: replaces the token in infra/index"

# --- the stand-in of the Pulumi token API -------------------------------------------------------


# Where each kind of token is listed, created and deleted (the organization acme, its team platform).
USER_TOKENS = "/api/user/tokens"
ORG_TOKENS = "/api/orgs/acme/tokens"
TEAM_TOKENS = "/api/orgs/acme/teams/platform/tokens"


class PulumiApi:
    """One user (alice) with her credentials, an admin of the organization acme and its team
    platform; her personal tokens, the leaked one among them, or (make_leaked) the leaked token is
    an organization or team token."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.credentials = token("credentials")
            self.leaked = token("leaked")
            self.counter = 0
            # token value -> (where it is listed, its entry as the list shows it, without the value)
            self.tokens = {
                self.leaked: (USER_TOKENS, {"id": "t-leaked", "name": "", "description": "laptop", "lastUsed": 1714560000}),
                token("other"): (USER_TOKENS, {"id": "t-other", "name": "", "description": "ci-server", "lastUsed": 0}),
                token("org-other"): (ORG_TOKENS, {"id": "t-org-other", "name": "deploy", "description": "",
                                                  "lastUsed": 0}),
            }
            self.created: list[str] = []
            self.requests: list[tuple[str, str]] = []
            self.problems: list[str] = []

    def make_leaked(self, scope: str, name: str):
        """The leaked token becomes the token `name` listed at `scope` (ORG_TOKENS or TEAM_TOKENS)."""
        with self.lock:
            self.tokens[self.leaked] = (scope, {"id": "t-leaked", "name": name, "description": "", "lastUsed": 1714560000})

    def live(self, value: str) -> bool:
        with self.lock:
            return value in self.tokens

    def scope_of(self, value: str) -> str | None:
        with self.lock:
            return self.tokens[value][0] if value in self.tokens else None

    def user(self, value: str) -> dict:
        """GET /api/user's answer for a token (the Pulumi CLI's serviceUser shape)."""
        scope, entry = self.tokens[value]
        if scope == USER_TOKENS:
            return {"githubLogin": "alice", "tokenInfo": {"name": entry["description"]}}
        info = {"name": entry["name"], "organization": "acme"}
        if scope == TEAM_TOKENS:
            info["team"] = "platform"
        return {"githubLogin": "acme", "tokenInfo": info}


API = PulumiApi()


class PulumiHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=None):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        auth = self.headers.get("Authorization", "")
        t = auth[len("token "):] if auth.startswith("token ") else ""
        method, path = self.command, self.path
        with API.lock:
            API.requests.append((method, path))
            if self.headers.get("Accept") != "application/vnd.pulumi+8":
                API.problems.append(f"{method} {path}: Accept is {self.headers.get('Accept')!r}")
            if t == API.leaked and (method, path) != ("GET", "/api/user"):
                API.problems.append(f"the leaked token was sent to {method} {path}")
            if path == "/api/user" and method == "GET":
                if t == API.credentials:
                    return self.reply(200, {"githubLogin": "alice", "name": "Alice"})
                if t in API.tokens:
                    return self.reply(200, API.user(t))
                return self.reply(401, {"code": 401, "message": "Unauthorized"})
            if t != API.credentials:
                return self.reply(401, {"code": 401, "message": "Unauthorized"})
            scope, _, ident = path.rpartition("/")
            if path in (USER_TOKENS, ORG_TOKENS, TEAM_TOKENS):
                scope, ident = path, ""
            if scope not in (USER_TOKENS, ORG_TOKENS, TEAM_TOKENS):
                return self.reply(404, {"code": 404})
            here = {value: entry for value, (where, entry) in API.tokens.items() if where == scope}
            if method == "GET" and not ident:
                return self.reply(200, {"tokens": list(here.values())})
            if method == "POST" and not ident:
                request = json.loads(body)
                name = request.get("name", "")
                if scope != USER_TOKENS:  # organization and team tokens have names, unique in their list
                    if not name:
                        return self.reply(400, {"code": 400, "message": "name is required"})
                    if any(e["name"] == name for e in here.values()):
                        return self.reply(409, {"code": 409, "message": "a token with this name already exists"})
                API.counter += 1
                value = token(f"new-{API.counter}-{secrets.token_hex(8)}")
                API.tokens[value] = (scope, {"id": f"t-new-{API.counter}", "name": name,
                                             "description": request.get("description", ""), "lastUsed": 0})
                API.created.append(value)
                return self.reply(200, {"id": f"t-new-{API.counter}", "tokenValue": value})
            if method == "DELETE" and ident:
                for value, entry in here.items():
                    if entry["id"] == ident:
                        del API.tokens[value]
                        return self.reply(204)
                return self.reply(404, {"code": 404})
        return self.reply(404, {"code": 404})

    do_GET = do_POST = do_DELETE = handle_any


API_URL = f"https://127.0.0.1:{TLS.serve(PulumiHandler).server_address[1]}"

# --- the stores ---------------------------------------------------------------------------------
# Fresh stand-ins for each case, with credentials made at run time (and never to be printed).

CREDENTIALS: list[str] = []  # every store credential made, checked against every output


def credential(prefix: str) -> str:
    value = prefix + secrets.token_hex(12)
    CREDENTIALS.append(value)
    return value


class Stores:
    """The three stand-ins, the environment that points the binary at each, and what each holds."""

    def __init__(self, vault_class=VaultStandin):
        self.vault = vault_class(TLS, credential("hvs."))
        self.aws = AwsStandin(TLS, "AKIA" + secrets.token_hex(8).upper(), credential("aws/secret/"), "eu-west-1",
                              session_token=credential("session-"))
        self.conjur = ConjurStandin(TLS, "acme", "host/ci", credential("conjur-key-"))
        self.conjur.declare("pulumi/access-token")

    def env(self, store: str) -> dict:
        if store == "vault":
            return {"VAULT_ADDR": self.vault.url, "VAULT_TOKEN": self.vault.token}
        if store == "aws":
            return {"AWS_ACCESS_KEY_ID": self.aws.access_key, "AWS_SECRET_ACCESS_KEY": self.aws.secret_key,
                    "AWS_SESSION_TOKEN": self.aws.session_token, "AWS_REGION": self.aws.region,
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER": self.aws.url}
        return {"CONJUR_APPLIANCE_URL": self.conjur.url, "CONJUR_ACCOUNT": self.conjur.account,
                "CONJUR_AUTHN_LOGIN": self.conjur.login, "CONJUR_AUTHN_API_KEY": self.conjur.api_key}

    def standin(self, store: str):
        return {"vault": self.vault, "aws": self.aws, "conjur": self.conjur}[store]

    def value(self, store: str) -> str | None:
        if store == "vault":
            fields = self.vault.value("secret", "pulumi")
            return None if fields is None else fields.get("api_key")
        if store == "aws":
            return self.aws.value("pulumi-access-token")
        return self.conjur.value("pulumi/access-token")

    def requests(self) -> int:
        return sum(len(s.requests) for s in (self.vault, self.aws, self.conjur))

    def close(self):
        for s in (self.vault, self.aws, self.conjur):
            s.close()


# --- the fixtures and running the binary --------------------------------------------------------

SOURCES = {
    "ts": ('import * as pulumi from "@pulumi/pulumi";\n\nconst accessToken = "{token}";\nexport const t = accessToken;\n',
           "typescript"),
    "py": ('import pulumi\n\naccess_token = "{token}"\npulumi.export("t", access_token)\n', "python"),
}
STORES = {"vault": "ts", "aws": "py", "conjur": "ts"}  # the language each store's full rotation is run on


def leaked_file(fixture: Path, ext: str = "ts", value: str | None = None) -> Path:
    f = fixture / "infra" / f"index.{ext}"
    f.parent.mkdir(parents=True)
    f.write_text(SOURCES[ext][0].replace("{token}", value or API.leaked))
    return f


def rotation_env(home: Path, stores: Stores, store: str, credentials: str | None = None,
                 changes: dict | None = None) -> dict:
    """This process's environment without any Pulumi, store or proxy variable of the machine, with
    the test CA trusted, HOME at `home` (no CLI credentials file there), PULUMI_ACCESS_TOKEN the
    user's own credentials (or `credentials`), and `store`'s variables pointing at its stand-in;
    then `changes`: each name set to its value, or removed when the value is None (a store's CLI
    login instead of its variables)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PULUMI_", "VAULT_", "AWS_", "CONJUR_")) and
           k.upper() not in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY", "SSL_CERT_DIR")}
    env.update({"SSL_CERT_FILE": TLS.ca_file, "HOME": str(home), "PULUMI_ACCESS_TOKEN": credentials or API.credentials})
    env.update(stores.env(store))
    for name, value in (changes or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def assert_clean(*texts: str):
    """No full token and no store credential in any output."""
    for text in texts:
        for t in TOKENS + API.created:
            assert t not in text, "a full token was printed"
        for c in CREDENTIALS:
            assert c not in text, "a store credential was printed"


def parses(files: list[tuple[Path, str]]):
    """Each (file, checker) parses with its language's real parser, as the remediation tests check
    their fixes."""
    manifest = files[0][0].parent / "manifest.tsv"
    manifest.write_text("".join(f"{checker}\t{f}\t{f.name}\n" for f, checker in files))
    p = subprocess.run(["node", str(CHECK_PARSERS), str(manifest)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, ("the fixed file does not parse", p.stdout, p.stderr)


def with_stores(fn, vault_class=VaultStandin):
    """Runs fn(fixture, stores) with fresh stand-ins and a reset Pulumi API."""
    def run_case(d: Path):
        API.reset()
        stores = Stores(vault_class)
        try:
            fn(d, stores)
        finally:
            stores.close()
    run_case.__doc__ = fn.__doc__
    return case(run_case)


# What each store's code fix reads the token with (remediation/lookup_snippets.cpp's names).
FIX_MARKS = {"vault": ("secret/data/pulumi", "api_key"), "aws": ("pulumi-access-token",),
             "conjur": ("pulumi/access-token",)}


