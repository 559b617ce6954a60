"""Local HTTPS stand-ins of the secret stores the rotation flow writes to (issue 15), for tests that
drive the real binary: HashiCorp Vault KV v2, AWS Secrets Manager and CyberArk Conjur. Standard
library only; TLS from tls_ca.TestCA (the binary trusts its CA through SSL_CERT_FILE).

Each stand-in checks requests as the real API does and answers as it does, error bodies included:
- VaultStandin: GET/POST /v1/{mount}/data/{path} with X-Vault-Token (403 "permission denied"
  otherwise) and X-Vault-Namespace; check-and-set ("check-and-set parameter did not match the
  current version"); a deleted latest version answers 404 with its metadata.
- AwsStandin: POST / with X-Amz-Target secretsmanager.PutSecretValue / CreateSecret /
  GetSecretValue, Content-Type application/x-amz-json-1.1, and a SigV4 signature it VERIFIES with
  its own implementation (sigv4_signature below) against known credentials: a wrongly signed
  request gets AWS's 403 InvalidSignatureException, a missing session token
  UnrecognizedClientException.
- ConjurStandin: POST /authn/{account}/{login}/authenticate (API key as the body, Accept-Encoding:
  base64 for a base64 access token), POST/GET /secrets/{account}/variable/{id} with
  Authorization: Token token="...".

Every stand-in records its requests (Request: method, path, headers, body), can be told to fail a
given call (fail(n, status=..., body=...) or fail(n, drop=True): the n-th request from now, 1-based),
and exposes what it stores."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import json
import re
import secrets
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from urllib.parse import quote, unquote, urlsplit

from tls_ca import TestCA

# --- SigV4, independently of verify/sigv4.cpp --------------------------------------------------------


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def signing_key(secret_key: str, date: str, region: str, service: str) -> bytes:
    return _hmac(_hmac(_hmac(_hmac(("AWS4" + secret_key).encode(), date), region), service), "aws4_request")


def canonical_request(method: str, path: str, query: str, headers: dict[str, str], signed: list[str],
                      body: bytes) -> str:
    """`headers` by lowercase name; `signed` the lowercase names to sign, in any order."""
    pairs = sorted(tuple(p.split("=", 1)) if "=" in p else (p, "") for p in query.split("&") if p)
    names = sorted(signed)
    lines = "".join(f"{n}:{' '.join(headers.get(n, '').split())}\n" for n in names)
    return "\n".join([method, path or "/", "&".join(f"{k}={v}" for k, v in pairs), lines, ";".join(names),
                      hashlib.sha256(body).hexdigest()])


def sigv4_signature(secret_key: str, amz_date: str, region: str, service: str, canonical: str) -> tuple[str, str]:
    """(string to sign, signature hex) of a canonical request."""
    scope = f"{amz_date[:8]}/{region}/{service}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    return to_sign, hmac.new(signing_key(secret_key, amz_date[:8], region, service), to_sign.encode(),
                             hashlib.sha256).hexdigest()


def sign(method: str, url: str, headers: dict[str, str], body: bytes, access_key: str, secret_key: str, region: str,
         service: str, amz_date: str, session_token: str | None = None) -> dict[str, str]:
    """`headers` plus Host, X-Amz-Date, X-Amz-Security-Token (when given) and Authorization,
    signing every header."""
    parts = urlsplit(url)
    out = dict(headers)
    out["Host"] = parts.netloc
    out["X-Amz-Date"] = amz_date
    if session_token:
        out["X-Amz-Security-Token"] = session_token
    lower = {k.lower(): v for k, v in out.items()}
    canonical = canonical_request(method, parts.path, parts.query, lower, list(lower), body)
    _, signature = sigv4_signature(secret_key, amz_date, region, service, canonical)
    out["Authorization"] = (f"AWS4-HMAC-SHA256 Credential={access_key}/{amz_date[:8]}/{region}/{service}/aws4_request, "
                            f"SignedHeaders={';'.join(sorted(lower))}, Signature={signature}")
    return out


# --- what the stand-ins share ----------------------------------------------------------------------------


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # as received (names as sent)
    body: bytes

    def header(self, name: str) -> str | None:
        for k, v in self.headers.items():
            if k.lower() == name.lower():
                return v
        return None


class Standin:
    """An HTTPS server on 127.0.0.1 whose handle(request) answers (status, body bytes, content type)."""

    def __init__(self, ca: TestCA):
        self.lock = threading.Lock()
        self.requests: list[Request] = []
        self._failures: dict[int, tuple] = {}
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet: tests print their own lines
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
                with standin.lock:
                    standin.requests.append(request)
                    failure = standin._failures.pop(len(standin.requests), None)
                    if failure is None:
                        status, body, content_type = standin.handle(request)
                if failure is not None and failure[0] == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                if failure is not None:
                    _, status, body, content_type = failure
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = _any

        self.server = ca.serve(Handler)
        self.url = f"https://127.0.0.1:{self.server.server_address[1]}"

    def fail(self, nth: int, status: int = 500, body: bytes = b"{}", content_type: str = "application/json",
             drop: bool = False):
        """Makes the nth request from now (1-based) fail: dropped without an answer, or answered
        with `status` and `body` instead of being handled."""
        with self.lock:
            key = len(self.requests) + nth
            self._failures[key] = ("drop",) if drop else ("status", status, body, content_type)

    def handle(self, request: Request) -> tuple[int, bytes, str]:
        raise NotImplementedError

    @staticmethod
    def json_answer(status: int, value) -> tuple[int, bytes, str]:
        return status, json.dumps(value).encode(), "application/json"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# --- Vault KV v2 -----------------------------------------------------------------------------------------


class VaultStandin(Standin):
    """Vault's KV v2 API (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2) on mounts
    `mounts`, for `token` in `namespace` (None: the root namespace)."""

    def __init__(self, ca: TestCA, token: str, namespace: str | None = None, mounts=("secret",)):
        self.token, self.namespace, self.mounts = token, namespace, set(mounts)
        self.entries: dict[tuple[str, str], dict] = {}  # (mount, path) -> {"versions": [data...], "deleted": bool}
        super().__init__(ca)

    def value(self, mount: str, path: str) -> dict | None:
        """The fields of the entry's latest version (None: absent or deleted)."""
        with self.lock:
            e = self.entries.get((mount, path))
            return None if e is None or e["deleted"] else dict(e["versions"][-1])

    def version(self, mount: str, path: str) -> int:
        with self.lock:
            e = self.entries.get((mount, path))
            return 0 if e is None else len(e["versions"])

    def write(self, mount: str, path: str, data: dict):
        """Another writer's new version (a concurrent write)."""
        with self.lock:
            self.entries.setdefault((mount, path), {"versions": [], "deleted": False})
            self.entries[(mount, path)]["versions"].append(dict(data))
            self.entries[(mount, path)]["deleted"] = False

    def delete_latest(self, mount: str, path: str):
        with self.lock:
            self.entries[(mount, path)]["deleted"] = True

    def handle(self, r: Request):
        if r.header("X-Vault-Token") != self.token:
            return self.json_answer(403, {"errors": ["permission denied"]})
        if (r.header("X-Vault-Namespace") or None) != self.namespace:
            return self.json_answer(403, {"errors": ["permission denied"]})
        m = re.fullmatch(r"/v1/([^?]+?)/data/([^?]+)", r.path)
        if m is None or unquote(m.group(1)) not in self.mounts:
            return self.json_answer(404, {"errors": [f"no handler for route \"{r.path[4:]}\". route entry not found."]})
        key = (unquote(m.group(1)), unquote(m.group(2)))
        e = self.entries.get(key)
        if r.method == "GET":
            if e is None:
                return self.json_answer(404, {"errors": []})
            metadata = {"created_time": "2024-01-01T00:00:00Z", "custom_metadata": None, "destroyed": False,
                        "version": len(e["versions"]), "deletion_time": ""}
            if e["deleted"]:
                metadata["deletion_time"] = "2024-01-02T00:00:00Z"
                return self.json_answer(404, {"request_id": "r", "data": {"data": None, "metadata": metadata}})
            return self.json_answer(200, {"request_id": "r", "lease_id": "", "renewable": False, "lease_duration": 0,
                                          "data": {"data": e["versions"][-1], "metadata": metadata}})
        if r.method not in ("POST", "PUT"):
            return self.json_answer(405, {"errors": ["1 error occurred:\n\t* unsupported operation\n\n"]})
        try:
            body = json.loads(r.body)
        except ValueError:
            return self.json_answer(400, {"errors": ["failed to parse JSON input"]})
        if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
            return self.json_answer(400, {"errors": ["no data provided"]})
        options = body.get("options") or {}
        current = 0 if e is None else len(e["versions"])
        if "cas" in options and options["cas"] != current:
            return self.json_answer(400, {"errors": ["check-and-set parameter did not match the current version"]})
        self.entries.setdefault(key, {"versions": [], "deleted": False})
        self.entries[key]["versions"].append(body["data"])
        self.entries[key]["deleted"] = False
        return self.json_answer(200, {"request_id": "r", "data": {"created_time": "2024-01-01T00:00:00Z",
                                                                 "custom_metadata": None, "deletion_time": "",
                                                                 "destroyed": False, "version": current + 1}})


# --- AWS Secrets Manager --------------------------------------------------------------------------------


class AwsStandin(Standin):
    """Secrets Manager's JSON API (https://docs.aws.amazon.com/secretsmanager/latest/apireference/)
    for one set of credentials in `region`; every request's SigV4 signature is verified."""

    def __init__(self, ca: TestCA, access_key: str, secret_key: str, region: str, session_token: str | None = None):
        self.access_key, self.secret_key, self.region, self.session_token = access_key, secret_key, region, session_token
        self.secrets: dict[str, dict] = {}  # name -> {"value": str, "version_id": str, "versions": int}
        super().__init__(ca)

    def value(self, name: str) -> str | None:
        with self.lock:
            s = self.secrets.get(name)
            return None if s is None else s["value"]

    def put(self, name: str, value: str):
        """Another writer's value (or a secret that already exists)."""
        with self.lock:
            old = self.secrets.get(name, {"versions": 0})
            self.secrets[name] = {"value": value, "version_id": secrets.token_hex(16), "versions": old["versions"] + 1}

    @staticmethod
    def error(status: int, kind: str, message: str):
        return status, json.dumps({"__type": kind, "message": message}).encode(), "application/x-amz-json-1.1"

    def check_signature(self, r: Request):
        """None when the request is signed right, else AWS's error answer."""
        auth = r.header("Authorization") or ""
        m = re.fullmatch(r"AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, "
                         r"SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})", auth)
        if m is None:
            return self.error(400, "IncompleteSignatureException", "Authorization header requires 'Credential', "
                              "'Signature' and 'SignedHeaders' parameters.")
        access_key, date, region, service, signed, signature = m.groups()
        if access_key != self.access_key:
            return self.error(400, "UnrecognizedClientException", "The security token included in the request is invalid.")
        if (r.header("X-Amz-Security-Token") or None) != self.session_token:
            return self.error(400, "UnrecognizedClientException", "The security token included in the request is invalid.")
        amz_date = r.header("X-Amz-Date") or ""
        try:
            when = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
        except ValueError:
            return self.error(400, "IncompleteSignatureException", "Date must be in ISO-8601 'basic format'.")
        if abs((datetime.datetime.now(datetime.timezone.utc) - when).total_seconds()) > 15 * 60:
            return self.error(403, "InvalidSignatureException", "Signature expired.")
        names = signed.split(";")
        if "host" not in names or "x-amz-date" not in names or (self.session_token and "x-amz-security-token" not in names):
            return self.error(403, "InvalidSignatureException", "Host, X-Amz-Date and X-Amz-Security-Token must be signed.")
        lower = {k.lower(): v for k, v in r.headers.items()}
        path, _, query = r.path.partition("?")
        canonical = canonical_request(r.method, path, query, lower, names, r.body)
        to_sign, expected = sigv4_signature(self.secret_key, amz_date, region, service, canonical)
        if date != amz_date[:8] or region != self.region or service != "secretsmanager" or \
                not hmac.compare_digest(expected, signature):
            return self.error(403, "InvalidSignatureException",
                              "The request signature we calculated does not match the signature you provided. Check "
                              "your AWS Secret Access Key and signing method. Consult the service documentation for "
                              f"details.\n\nThe Canonical String for this request should have been\n'{canonical}'\n\n"
                              f"The String-to-Sign should have been\n'{to_sign}'\n")
        return None

    def handle(self, r: Request):
        if r.method != "POST" or r.path != "/":
            return self.error(404, "UnknownOperationException", "")
        refused = self.check_signature(r)
        if refused is not None:
            return refused
        if (r.header("Content-Type") or "") != "application/x-amz-json-1.1":
            return self.error(400, "SerializationException", "")
        try:
            body = json.loads(r.body)
        except ValueError:
            return self.error(400, "SerializationException", "")
        target = r.header("X-Amz-Target") or ""
        token = body.get("ClientRequestToken") or secrets.token_hex(16)
        arn = f"arn:aws:secretsmanager:{self.region}:123456789012:secret:"
        if target == "secretsmanager.GetSecretValue":
            s = self.secrets.get(body.get("SecretId", ""))
            if s is None:
                return self.error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
            return self.json_answer(200, {"ARN": arn + body["SecretId"] + "-AbCdEf", "Name": body["SecretId"],
                                          "SecretString": s["value"], "VersionId": s["version_id"],
                                          "VersionStages": ["AWSCURRENT"], "CreatedDate": 1.7e9})
        if target == "secretsmanager.PutSecretValue":
            name = body.get("SecretId", "")
            if name not in self.secrets:
                return self.error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
        elif target == "secretsmanager.CreateSecret":
            name = body.get("Name", "")
            if name in self.secrets:
                return self.error(400, "ResourceExistsException",
                                  f"The operation failed because the secret {name} already exists.")
        else:
            return self.error(400, "UnknownOperationException", "")
        if not isinstance(body.get("SecretString"), str):
            return self.error(400, "InvalidRequestException", "You must provide either SecretString or SecretBinary.")
        old = self.secrets.get(name, {"versions": 0})
        self.secrets[name] = {"value": body["SecretString"], "version_id": token, "versions": old["versions"] + 1}
        return self.json_answer(200, {"ARN": arn + name + "-AbCdEf", "Name": name, "VersionId": token,
                                      "VersionStages": ["AWSCURRENT"]})


# --- Conjur ---------------------------------------------------------------------------------------------


class ConjurStandin(Standin):
    """Conjur's REST API for `account`, where `login` authenticates with `api_key` and may read and
    update the declared variables (declare(id))."""

    def __init__(self, ca: TestCA, account: str, login: str, api_key: str):
        self.account, self.login, self.api_key = account, login, api_key
        self.variables: dict[str, str | None] = {}  # declared id -> value (None: no value yet)
        self.tokens: set[str] = set()
        super().__init__(ca)

    def declare(self, variable: str):
        with self.lock:
            self.variables.setdefault(variable, None)

    def value(self, variable: str) -> str | None:
        with self.lock:
            return self.variables.get(variable)

    def handle(self, r: Request):
        a = quote(self.account, safe="")
        if r.path == f"/authn/{a}/{quote(self.login, safe='')}/authenticate" and r.method == "POST":
            if r.body.decode(errors="replace") != self.api_key:
                return 401, b"", "text/plain"
            token = json.dumps({"protected": "eyJhbGciOiJjb25qdXIub3JnL3Nsb3NpbGUifQ==",
                                "payload": base64.b64encode(json.dumps({"sub": self.login, "n": secrets.token_hex(8)})
                                                            .encode()).decode(),
                                "signature": secrets.token_hex(32)}).encode()
            self.tokens.add(base64.b64encode(token).decode())
            if (r.header("Accept-Encoding") or "") == "base64":
                return 200, base64.b64encode(token), "text/plain"
            return 200, token, "application/json"
        if r.path.startswith("/authn/"):
            return 401, b"", "text/plain"
        m = re.fullmatch(r"/secrets/([^/?]+)/variable/([^/?]+)", r.path)
        if m is None:
            return self.json_answer(404, {"error": {"code": "not_found", "message": "Not Found"}})
        auth = re.fullmatch(r'Token token="([^"]+)"', r.header("Authorization") or "")
        if auth is None or auth.group(1) not in self.tokens:
            return 401, b"", "text/plain"
        variable = unquote(m.group(2))
        if unquote(m.group(1)) != self.account or variable not in self.variables:
            return self.json_answer(404, {"error": {"code": "not_found",
                                                    "message": f"Variable '{variable}' not found in account "
                                                               f"'{self.account}'"}})
        if r.method == "GET":
            value = self.variables[variable]
            if value is None:
                return self.json_answer(404, {"error": {"code": "not_found",
                                                        "message": f"CONJ00076E Variable {self.account}:variable:"
                                                                   f"{variable} is empty or not found."}})
            return 200, value.encode(), "application/octet-stream"
        if r.method != "POST":
            return self.json_answer(405, {"error": {"code": "method_not_allowed", "message": "Method Not Allowed"}})
        if not r.body:
            return self.json_answer(422, {"error": {"code": "argument_error", "message": "'value' may not be empty"}})
        self.variables[variable] = r.body.decode(errors="replace")
        return 201, b"", "text/plain"
