#pragma once
// The three secret stores of the rotation flow (issue 15) behind make_secret_store
// (verify/secret_store.h), and the small pieces they are built from.
//
// - Vault KV v2 (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2):
//   put reads GET {VAULT_ADDR}/v1/{mount}/data/{path} (404: absent, version 0; a 404 that still
//   carries metadata is a deleted latest version, whose number is the one to check against) and
//   writes POST to the same URL {"options":{"cas":N},"data":{...the entry's other fields...,
//   field: secret}}; read_back reads it again and compares the field. Headers X-Vault-Token, and
//   X-Vault-Namespace when VAULT_NAMESPACE is set.
// Credentials: the environment, else the stores' CLIs' files (verify/store_credentials.h).
// - AWS Secrets Manager (https://docs.aws.amazon.com/secretsmanager/latest/apireference/):
//   POST / on https://secretsmanager.{region}.amazonaws.com (or AWS_ENDPOINT_URL_SECRETS_MANAGER /
//   AWS_ENDPOINT_URL) with X-Amz-Target secretsmanager.PutSecretValue, Content-Type
//   application/x-amz-json-1.1, {"SecretId","SecretString","ClientRequestToken": a fresh UUID v4},
//   signed with SigV4 (verify/sigv4.h, service "secretsmanager"); ResourceNotFoundException makes
//   it CreateSecret {"Name",...}; read_back is GetSecretValue. rehearse shows the CreateSecret too,
//   with its condition.
// - CyberArk Conjur (the REST API of docs.conjur.org, Developer > REST APIs: Authenticate, Set a
//   Secret, Retrieve a Secret; also github.com/cyberark/conjur-openapi-spec): POST {url}/authn/{account}/{login}/authenticate
//   with the API key as the body and Accept-Encoding: base64, giving an access token; then POST
//   {url}/secrets/{account}/variable/{id} with the secret as the body and Authorization:
//   Token token="<access token>"; read_back authenticates again and GETs the same path.
//
// Guarantee: the secret is sent only in a request body (and, for AWS, signed through its hash). It
// is never in a URL, a describe(), a detail or an error; a message quoted from an API is dropped
// when it holds the secret or a credential. Read-back comparisons are constant-time.
// Thread-safety: a store is used by one thread at a time.

#include <string>
#include <string_view>

#include "verify/secret_store.h"

namespace ptl::verify {

// RFC 3986 percent-encoding of everything but the unreserved characters (A-Z a-z 0-9 - . _ ~),
// and of '/' unless `keep_slashes`: "host/ci bot" -> "host%2Fci%20bot".
std::string percent_encode(std::string_view text, bool keep_slashes);

// A random UUID version 4 (RFC 4122, from OpenSSL's RAND_bytes), lowercase:
// "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx". Empty if the random generator fails.
std::string uuid_v4();

// Whether `a` equals `b`, in time that depends on their lengths only.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace ptl::verify
