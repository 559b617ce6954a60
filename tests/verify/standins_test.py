#!/usr/bin/env python3
"""The stand-ins of standins.py proved on their own, over real TLS: the Python SigV4 against AWS's
published example and the vector tests/unit/sigv4_test.cpp checks the C++ signer with; the AWS
stand-in accepting a request signed by it and refusing a tampered one; Vault's check-and-set;
Conjur's authentication; failures on a given call. Run by verify_test.py (the `verify` CTest
target), or alone."""

from __future__ import annotations

import http.client
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scan"))
from harness import case, finish, token  # noqa: E402
from standins import AwsStandin, ConjurStandin, VaultStandin, sign  # noqa: E402
from tls_ca import TestCA  # noqa: E402

CA = TestCA("standins-test CA")


def call(url: str, method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b""):
    """(status, body bytes) of one request to a stand-in."""
    connection = http.client.HTTPSConnection(urlsplit(url).netloc, context=CA.client_context(), timeout=10)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def now_amz() -> str:
    import datetime
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


# --- SigV4 ---------------------------------------------------------------------------------------------

EXAMPLE_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"  # AWS's documentation example, not a real key


@case
def _(d):
    """the Python SigV4 reproduces AWS's published IAM ListUsers example and the C++ test's Secrets Manager row"""
    h = sign("GET", "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08",
             {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, b"", "AKIDEXAMPLE", EXAMPLE_KEY,
             "us-east-1", "iam", "20150830T123600Z")
    assert h["Authorization"].endswith(
        "SignedHeaders=content-type;host;x-amz-date, "
        "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"), h["Authorization"]
    # The row of tests/unit/sigv4_test.cpp ("a Secrets Manager call with a session token ...").
    h = sign("POST", "https://secretsmanager.eu-west-1.amazonaws.com/",
             {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "secretsmanager.PutSecretValue"},
             b'{"SecretId":"pulumi-access-token","SecretString":"not-a-secret"}', "AKIDEXAMPLE", EXAMPLE_KEY,
             "eu-west-1", "secretsmanager", "20240102T030405Z", "IQoJb3JpZ2luX2VjEXAMPLE")
    assert h["Authorization"] == (
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/eu-west-1/secretsmanager/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
        "Signature=d9823c58330483ecbc15a0aad00d455cb3883fbda94acfabca835f014d828916"), h["Authorization"]


AWS = AwsStandin(CA, "AKIASTANDINEXAMPLE", "standin/secret/key/EXAMPLE", "us-east-1", session_token="SESSIONEXAMPLE")


def aws_call(target: str, payload: dict, secret_key: str = "standin/secret/key/EXAMPLE", tamper=None,
             session_token: str | None = "SESSIONEXAMPLE"):
    body = json.dumps(payload).encode()
    headers = sign("POST", AWS.url + "/", {"Content-Type": "application/x-amz-json-1.1",
                                          "X-Amz-Target": f"secretsmanager.{target}"},
                   body, "AKIASTANDINEXAMPLE", secret_key, "us-east-1", "secretsmanager", now_amz(), session_token)
    if tamper:
        body = tamper(body)
    status, answer = call(AWS.url, "POST", "/", headers, body)
    return status, json.loads(answer or b"{}")


@case
def _(d):
    """the AWS stand-in accepts Python-signed requests: CreateSecret, PutSecretValue, GetSecretValue"""
    secret = token("aws-standin")
    status, answer = aws_call("PutSecretValue", {"SecretId": "s1", "SecretString": secret, "ClientRequestToken": "t1"})
    assert (status, answer["__type"]) == (400, "ResourceNotFoundException"), (status, answer)
    status, answer = aws_call("CreateSecret", {"Name": "s1", "SecretString": "first", "ClientRequestToken": "t2"})
    assert (status, answer["VersionId"]) == (200, "t2"), (status, answer)
    status, answer = aws_call("PutSecretValue", {"SecretId": "s1", "SecretString": secret, "ClientRequestToken": "t3"})
    assert status == 200, (status, answer)
    status, answer = aws_call("GetSecretValue", {"SecretId": "s1"})
    assert (status, answer["SecretString"], answer["VersionId"]) == (200, secret, "t3"), status
    assert AWS.value("s1") == secret


@case
def _(d):
    """the AWS stand-in refuses a tampered body, a wrong secret key and a missing session token as AWS does"""
    before = AWS.value("s1")
    status, answer = aws_call("PutSecretValue", {"SecretId": "s1", "SecretString": "x", "ClientRequestToken": "t4"},
                              tamper=lambda b: b.replace(b'"x"', b'"y"'))
    assert (status, answer["__type"]) == (403, "InvalidSignatureException"), (status, answer)
    assert answer["message"].startswith("The request signature we calculated does not match"), answer
    status, answer = aws_call("PutSecretValue", {"SecretId": "s1", "SecretString": "x"}, secret_key="wrong")
    assert (status, answer["__type"]) == (403, "InvalidSignatureException"), (status, answer)
    status, answer = aws_call("PutSecretValue", {"SecretId": "s1", "SecretString": "x"}, session_token=None)
    assert (status, answer["__type"]) == (400, "UnrecognizedClientException"), (status, answer)
    assert AWS.value("s1") == before


# --- Vault ---------------------------------------------------------------------------------------------

VAULT = VaultStandin(CA, "hvs.standin", namespace="team-a")
VAULT_HEADERS = {"X-Vault-Token": "hvs.standin", "X-Vault-Namespace": "team-a"}


def vault_call(method: str, body: dict | None = None, headers=None, path="/v1/secret/data/pulumi"):
    status, answer = call(VAULT.url, method, path, headers or VAULT_HEADERS, json.dumps(body).encode() if body else b"")
    return status, json.loads(answer or b"{}")


@case
def _(d):
    """the Vault stand-in: absent is 404, check-and-set 0 creates, a stale cas is refused, a deleted version keeps its number"""
    assert vault_call("GET")[0] == 404
    status, answer = vault_call("POST", {"options": {"cas": 0}, "data": {"api_key": "one"}})
    assert (status, answer["data"]["version"]) == (200, 1), (status, answer)
    VAULT.write("secret", "pulumi", {"api_key": "theirs"})  # a concurrent writer
    status, answer = vault_call("POST", {"options": {"cas": 1}, "data": {"api_key": "two"}})
    assert (status, answer) == (400, {"errors": ["check-and-set parameter did not match the current version"]}), answer
    status, answer = vault_call("GET")
    assert (status, answer["data"]["data"], answer["data"]["metadata"]["version"]) == (200, {"api_key": "theirs"}, 2)
    VAULT.delete_latest("secret", "pulumi")
    status, answer = vault_call("GET")
    assert (status, answer["data"]["metadata"]["version"]) == (404, 2), (status, answer)
    assert VAULT.value("secret", "pulumi") is None


@case
def _(d):
    """the Vault stand-in refuses a wrong token or namespace (403) and an unknown mount (404)"""
    assert vault_call("GET", headers={"X-Vault-Token": "nope", "X-Vault-Namespace": "team-a"}) == \
        (403, {"errors": ["permission denied"]})
    assert vault_call("GET", headers={"X-Vault-Token": "hvs.standin"})[0] == 403
    assert vault_call("GET", path="/v1/kv/data/pulumi")[0] == 404


# --- Conjur --------------------------------------------------------------------------------------------

CONJUR = ConjurStandin(CA, "acme", "host/ci/rotator", "standin-api-key")
CONJUR.declare("pulumi/access-token")


@case
def _(d):
    """the Conjur stand-in: a base64 access token for the API key, then set and get a declared variable"""
    status, _ = call(CONJUR.url, "POST", "/authn/acme/host%2Fci%2Frotator/authenticate", {}, b"wrong")
    assert status == 401
    status, access = call(CONJUR.url, "POST", "/authn/acme/host%2Fci%2Frotator/authenticate",
                          {"Accept-Encoding": "base64"}, b"standin-api-key")
    assert status == 200, status
    auth = {"Authorization": f'Token token="{access.decode()}"'}
    path = "/secrets/acme/variable/pulumi%2Faccess-token"
    assert call(CONJUR.url, "GET", path, auth)[0] == 404  # declared, no value yet
    secret = token("conjur-standin")
    assert call(CONJUR.url, "POST", path, auth, secret.encode())[0] == 201
    assert call(CONJUR.url, "GET", path, auth) == (200, secret.encode())
    assert call(CONJUR.url, "GET", path, {"Authorization": 'Token token="forged"'})[0] == 401
    assert call(CONJUR.url, "POST", "/secrets/acme/variable/undeclared", auth, b"x")[0] == 404
    assert CONJUR.value("pulumi/access-token") == secret


@case
def _(d):
    """a stand-in fails the given call: a status instead of the answer, or a dropped connection; requests are recorded"""
    CONJUR.fail(1, status=503, body=b"", content_type="text/plain")
    CONJUR.fail(2, drop=True)
    seen = len(CONJUR.requests)
    assert call(CONJUR.url, "GET", "/secrets/acme/variable/x")[0] == 503
    try:
        call(CONJUR.url, "GET", "/secrets/acme/variable/x")
        raise AssertionError("the second call was answered")
    except (http.client.RemoteDisconnected, ConnectionError):
        pass
    assert call(CONJUR.url, "GET", "/secrets/acme/variable/x")[0] == 401  # back to normal
    assert [r.method + " " + r.path for r in CONJUR.requests[seen:]] == ["GET /secrets/acme/variable/x"] * 3


if __name__ == "__main__":
    finish("standins")
