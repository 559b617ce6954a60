// verify/secret_stores.h: the Vault KV v2, AWS Secrets Manager and Conjur stores through
// stand-in transports that check every request as the real API requires (method, URL, headers,
// body; the AWS signature) and answer as the real API does, error bodies included. The real
// exchange over TLS: tests/verify/standins.py.
#include "verify/secret_stores.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/unit/temp_dir.h"
#include "tests/unit/test_tokens.h"
#include "verify/recording_transport.h"
#include "verify/sigv4.h"

using nlohmann::json;
using ptl::verify::HttpsRequest;
using ptl::verify::HttpsResponse;
using ptl::verify::HttpsResult;
using ptl::verify::SecretStore;
using ptl::verify::StoreConfig;
using ptl::verify::StoreOutcome;

namespace {

HttpsResult answer(int status, const std::string& body, const std::string& content_type = "application/json") {
  HttpsResult r;
  r.response = HttpsResponse{};
  r.response->status = status;
  r.response->body = body;
  r.response->content_type = content_type;
  return r;
}

HttpsResult transport_error(const std::string& error) {
  HttpsResult r;
  r.error = error;
  return r;
}

std::string header(const HttpsRequest& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return {};
}

bool has_header(const HttpsRequest& r, const std::string& name) {
  for (const auto& h : r.headers) {
    if (h.first == name) return true;
  }
  return false;
}

// What every stand-in shares: the requests seen, problems with them (a request the real API
// would refuse or misread), and a way to fail the n-th call (1-based) with a transport error.
struct Recorder {
  std::vector<HttpsRequest> seen;
  std::vector<std::string> problems;
  int fail_call = 0;
  std::string fail_error = "connection refused";
  std::function<void()> before_write;  // runs between the read and the write (a concurrent writer)

  bool record(const HttpsRequest& r) {
    seen.push_back(r);
    return fail_call != 0 && static_cast<int>(seen.size()) == fail_call;
  }
  void expect(bool condition, const std::string& problem) {
    if (!condition) problems.push_back(problem);
  }
};

// The secret never goes into a URL, a detail or a description; only request bodies carry it.
void check_never_leaked(const std::string& secret, const Recorder& recorder, const SecretStore& store,
                        const std::vector<StoreOutcome>& outcomes) {
  CHECK(store.describe().find(secret) == std::string::npos);
  for (const StoreOutcome& o : outcomes) CHECK(o.detail.find(secret) == std::string::npos);
  for (const HttpsRequest& r : recorder.seen) {
    CHECK(r.url.find(secret) == std::string::npos);
    for (const auto& [name, value] : r.headers) CHECK(value.find(secret) == std::string::npos);
  }
}

std::string json_member(const std::string& body, const char* name) {
  const json j = json::parse(body, nullptr, false);
  return j.is_object() && j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : std::string("(none)");
}

bool is_uuid_v4(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && std::string("0123456789abcdef").find(s[i]) == std::string::npos) return false;
  }
  return s[14] == '4' && std::string("89ab").find(s[19]) != std::string::npos;
}

// Every variable the stores read, hidden unless set: the machine's environment does not leak in.
StoreConfig config_for(StoreConfig::Kind kind, std::map<std::string, std::string> set) {
  StoreConfig c;
  c.kind = kind;
  for (const char* name :
       {"VAULT_ADDR", "VAULT_TOKEN", "VAULT_NAMESPACE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL",
        "CONJUR_APPLIANCE_URL", "CONJUR_ACCOUNT", "CONJUR_AUTHN_LOGIN", "CONJUR_AUTHN_API_KEY", "HOME", "AWS_PROFILE",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"}) {
    c.environment[name] = "";
  }
  for (auto& [name, value] : set) c.environment[name] = value;
  return c;
}

std::unique_ptr<SecretStore> make(const StoreConfig& config, ptl::verify::HttpsTransport transport) {
  std::string error;
  auto store = ptl::verify::make_secret_store(config, std::move(transport), error);
  REQUIRE_MESSAGE(store != nullptr, error);
  return store;
}

// ---- Vault KV v2 ------------------------------------------------------------------------------

constexpr const char* kVaultToken = "hvs.unit-test-token";

struct FakeVault : Recorder {
  std::string ns;                 // the namespace the entry lives in ("" : root)
  bool exists = false;            // the latest version is readable
  long long version = 0;          // the latest version (0: never written)
  json data = json::object();     // its fields
  int status_override = 0;        // answer every request with this status (403, 503, ...)

  HttpsResult operator()(const HttpsRequest& r) {
    if (record(r)) return transport_error(fail_error);
    if (status_override != 0) return answer(status_override, R"({"errors":["permission denied"]})");
    expect(r.url == "https://vault.test:8200/v1/secret/data/pulumi", "URL " + r.url);
    if (header(r, "X-Vault-Token") != kVaultToken) return answer(403, R"({"errors":["permission denied"]})");
    expect(header(r, "X-Vault-Namespace") == ns, "X-Vault-Namespace is '" + header(r, "X-Vault-Namespace") + "'");
    if (!ns.empty() && !has_header(r, "X-Vault-Namespace")) return answer(404, R"({"errors":[]})");
    if (r.method == "GET") {
      expect(r.body.empty(), "a GET with a body");
      if (!exists) {
        if (version == 0) return answer(404, R"({"errors":[]})");
        // A deleted latest version: 404, with its metadata.
        return answer(404, json{{"data", {{"data", nullptr}, {"metadata", {{"version", version},
                                                                            {"deletion_time", "2024-01-01T00:00:00Z"}}}}}}
                               .dump());
      }
      return answer(200, json{{"request_id", "r1"},
                              {"data", {{"data", data}, {"metadata", {{"version", version}, {"destroyed", false}}}}}}
                             .dump());
    }
    expect(r.method == "POST", "method " + r.method);
    expect(header(r, "Content-Type") == "application/json", "Content-Type " + header(r, "Content-Type"));
    const json body = json::parse(r.body, nullptr, false);
    if (!body.is_object() || !body.contains("data") || !body["data"].is_object()) {
      return answer(400, R"({"errors":["no data provided"]})");
    }
    expect(body.contains("options") && body["options"].contains("cas") && body["options"]["cas"].is_number_integer(),
           "a write without options.cas");
    if (before_write) before_write();
    if (body["options"]["cas"].get<long long>() != version) {
      return answer(400, R"({"errors":["check-and-set parameter did not match the current version"]})");
    }
    data = body["data"];
    exists = true;
    ++version;
    return answer(200, json{{"data", {{"created_time", "2024-01-01T00:00:00Z"}, {"version", version}}}}.dump());
  }
};

std::map<std::string, std::string> vault_environment() {
  return {{"VAULT_ADDR", "https://vault.test:8200/"}, {"VAULT_TOKEN", kVaultToken}};
}

}  // namespace

TEST_CASE("Vault: an absent entry is written with check-and-set 0, then read back") {
  const std::string secret = ptl::testing::make_token(11);
  FakeVault vault;
  auto store = make(config_for(StoreConfig::Kind::Vault, vault_environment()), std::ref(vault));
  CHECK(store->describe() == "Vault KV v2 secret/pulumi (field api_key) at https://vault.test:8200");
  CHECK(store->credentials_source() == "VAULT_TOKEN");
  const StoreOutcome put = store->put(secret);
  CHECK(put.ok);
  CHECK(put.detail == "stored version 1 of secret/pulumi, field api_key");
  CHECK(vault.data == json{{"api_key", secret}});
  const StoreOutcome back = store->read_back(secret);
  CHECK(back.ok);
  CHECK(back.detail == "read back version 1 of secret/pulumi, field api_key: it holds the new value");
  CHECK(json::parse(vault.seen.at(1).body)["options"]["cas"] == 0);
  CHECK(vault.seen.size() == 3);
  CHECK(vault.problems.empty());
  check_never_leaked(secret, vault, *store, {put, back});
}

TEST_CASE("Vault: the entry's other fields are kept and check-and-set names the version read") {
  const std::string secret = ptl::testing::make_token(12);
  FakeVault vault;
  vault.exists = true;
  vault.version = 3;
  vault.data = {{"api_key", "old"}, {"other", "kept"}, {"n", 7}};
  auto store = make(config_for(StoreConfig::Kind::Vault, vault_environment()), std::ref(vault));
  const StoreOutcome put = store->put(secret);
  CHECK(put.detail == "stored version 4 of secret/pulumi, field api_key");
  CHECK(json::parse(vault.seen.at(1).body)["options"]["cas"] == 3);
  CHECK(vault.data == json{{"api_key", secret}, {"other", "kept"}, {"n", 7}});
  CHECK(vault.problems.empty());
}

TEST_CASE("Vault: a deleted latest version is written with check-and-set on its number") {
  FakeVault vault;
  vault.version = 5;  // deleted: a 404 that carries the metadata
  auto store = make(config_for(StoreConfig::Kind::Vault, vault_environment()), std::ref(vault));
  const StoreOutcome put = store->put(ptl::testing::make_token(13));
  CHECK(put.ok);
  CHECK(put.detail == "stored version 6 of secret/pulumi, field api_key");
}

TEST_CASE("Vault: a concurrent writer makes check-and-set fail, and nothing is overwritten") {
  const std::string secret = ptl::testing::make_token(14);
  FakeVault vault;
  vault.exists = true;
  vault.version = 2;
  vault.data = {{"api_key", "theirs"}};
  vault.before_write = [&vault] {
    vault.version = 3;  // someone else wrote between our read and our write
    vault.before_write = nullptr;
  };
  auto store = make(config_for(StoreConfig::Kind::Vault, vault_environment()), std::ref(vault));
  const StoreOutcome put = store->put(secret);
  CHECK_FALSE(put.ok);
  CHECK(put.detail == "someone else wrote secret/pulumi meanwhile (it is no longer version 2); nothing was overwritten");
  CHECK(vault.data == json{{"api_key", "theirs"}});
  const StoreOutcome back = store->read_back(secret);
  CHECK_FALSE(back.ok);
  CHECK(back.detail == "version 3 of secret/pulumi, field api_key holds another value");
  check_never_leaked(secret, vault, *store, {put, back});
}

TEST_CASE("Vault: refusals, a sealed Vault, redirects and transport errors say what happened") {
  struct Row {
    int status;
    const char* detail;
  };
  const Row rows[] = {
      {403, "Vault refused the token (HTTP 403)"},
      {503, "Vault is sealed or unavailable (HTTP 503)"},
      {307, "Vault answered with a redirect (HTTP 307), which is not followed"},
      {500, "Vault failed (HTTP 500)"},
      {418, "unexpected answer from Vault (HTTP 418)"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.status);
    FakeVault vault;
    vault.status_override = row.status;
    auto store = make(config_for(StoreConfig::Kind::Vault, vault_environment()), std::ref(vault));
    const StoreOutcome put = store->put(ptl::testing::make_token(15));
    CHECK_FALSE(put.ok);
    CHECK(put.detail == row.detail);
    CHECK(vault.seen.size() == 1);  // no write after a failed read
  }
  SUBCASE("a wrong token") {
    FakeVault vault;
    auto c = config_for(StoreConfig::Kind::Vault, {{"VAULT_ADDR", "https://vault.test:8200"}, {"VAULT_TOKEN", "wrong"}});
    auto store = make(c, std::ref(vault));
    CHECK(store->put(ptl::testing::make_token(15)).detail == "Vault refused the token (HTTP 403)");
  }
  SUBCASE("the write's connection drops") {
    FakeVault vault;
    vault.fail_call = 2;
    vault.fail_error = "the server closed the connection";
    auto store = make(config_for(StoreConfig::Kind::Vault, vault_environment()), std::ref(vault));
    const StoreOutcome put = store->put(ptl::testing::make_token(15));
    CHECK_FALSE(put.ok);
    CHECK(put.detail == "cannot reach Vault: the server closed the connection");
    CHECK_FALSE(vault.exists);
  }
  SUBCASE("a transport that throws") {
    auto store = make(config_for(StoreConfig::Kind::Vault, vault_environment()),
                      [](const HttpsRequest&) -> HttpsResult { throw std::runtime_error("boom"); });
    CHECK(store->put("x").detail == "cannot reach Vault: internal error while sending the request");
  }
}

TEST_CASE("Vault: a read-back that differs, or lacks the field, is not ok") {
  const std::string secret = ptl::testing::make_token(16);
  FakeVault vault;
  auto store = make(config_for(StoreConfig::Kind::Vault, vault_environment()), std::ref(vault));
  REQUIRE(store->put(secret).ok);
  vault.data["api_key"] = ptl::testing::make_token(17);
  StoreOutcome back = store->read_back(secret);
  CHECK_FALSE(back.ok);
  CHECK(back.detail == "version 1 of secret/pulumi, field api_key holds another value");
  vault.data = {{"other", 1}};
  back = store->read_back(secret);
  CHECK(back.detail == "version 1 of secret/pulumi has no field api_key");
  vault.exists = false;
  vault.version = 0;
  CHECK(store->read_back(secret).detail == "secret/pulumi is absent from Vault");
}

TEST_CASE("Vault: the namespace goes in X-Vault-Namespace and the description; names are URL-encoded") {
  FakeVault vault;
  vault.ns = "team-a";
  auto env = vault_environment();
  env["VAULT_NAMESPACE"] = "team-a";
  auto store = make(config_for(StoreConfig::Kind::Vault, env), std::ref(vault));
  CHECK(store->describe() == "Vault KV v2 secret/pulumi (field api_key) at https://vault.test:8200 in namespace team-a");
  CHECK(store->put(ptl::testing::make_token(18)).ok);
  CHECK(vault.problems.empty());

  std::vector<HttpsRequest> seen;
  auto c = config_for(StoreConfig::Kind::Vault, vault_environment());
  c.vault_mount = "kv v2";
  c.vault_path = "apps/ci?x#y";
  auto other = make(c, [&seen](const HttpsRequest& r) {
    seen.push_back(r);
    return answer(404, R"({"errors":[]})");
  });
  other->read_back("x");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].url == "https://vault.test:8200/v1/kv%20v2/data/apps/ci%3Fx%23y");
  CHECK_FALSE(has_header(seen[0], "X-Vault-Namespace"));
}

// ---- AWS Secrets Manager ----------------------------------------------------------------------

namespace {

constexpr const char* kAccessKey = "AKIAUNITTEST0EXAMPLE";
constexpr const char* kSecretKey = "unit/test+secret/access/key/EXAMPLEKEY0";

struct FakeSecretsManager : Recorder {
  std::string endpoint = "https://secretsmanager.eu-west-1.amazonaws.com/";
  std::string host = "secretsmanager.eu-west-1.amazonaws.com";
  std::string session_token;  // expected X-Amz-Security-Token
  bool exists = true;
  std::string value = "old";
  int versions = 0;
  std::string version_id = "v0";
  std::string error_type;     // answer writes with this error (400, or 403 for InvalidSignatureException)
  std::string error_message;

  HttpsResult operator()(const HttpsRequest& r) {
    if (record(r)) return transport_error(fail_error);
    expect(r.method == "POST", "method " + r.method);
    expect(r.url == endpoint, "URL " + r.url);
    expect(header(r, "Content-Type") == "application/x-amz-json-1.1", "Content-Type " + header(r, "Content-Type"));
    expect(header(r, "Host") == host, "Host " + header(r, "Host"));
    // The signature, recomputed from what was sent.
    ptl::verify::AwsCredentials c{kAccessKey, kSecretKey, session_token};
    std::string error;
    const auto s = ptl::verify::sigv4_signature(r, c, "eu-west-1", "secretsmanager", error);
    if (!s || header(r, "Authorization") != s->authorization ||
        header(r, "X-Amz-Security-Token") != session_token) {
      return answer(403, json{{"__type", "InvalidSignatureException"},
                              {"message", "The request signature we calculated does not match the signature you "
                                          "provided.\n\nThe Canonical String for this request should have been\n'" +
                                              (s ? s->canonical_request : std::string()) + "'"}}
                             .dump());
    }
    expect(s->signed_headers.find("x-amz-target") != std::string::npos, "X-Amz-Target not signed");
    const std::string target = header(r, "X-Amz-Target");
    const json body = json::parse(r.body, nullptr, false);
    if (!body.is_object()) return answer(400, R"({"__type":"SerializationException"})");
    if (target == "secretsmanager.GetSecretValue") {
      expect(!body.contains("ClientRequestToken"), "GetSecretValue with a ClientRequestToken");
      if (!exists) return not_found();
      return answer(200, json{{"ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:pulumi-access-token-AbCdEf"},
                              {"Name", "pulumi-access-token"},
                              {"SecretString", value},
                              {"VersionId", version_id},
                              {"VersionStages", {"AWSCURRENT"}},
                              {"CreatedDate", 1.7e9}}
                             .dump());
    }
    const std::string token = body.value("ClientRequestToken", "");
    expect(is_uuid_v4(token), "ClientRequestToken is not a UUID v4: " + token);
    if (!error_type.empty()) {
      return answer(error_type == "InvalidSignatureException" ? 403 : 400,
                    json{{"__type", error_type}, {"Message", error_message}}.dump());
    }
    if (target == "secretsmanager.PutSecretValue") {
      expect(body.value("SecretId", "") == "pulumi-access-token", "SecretId");
      if (!exists) return not_found();
    } else if (target == "secretsmanager.CreateSecret") {
      expect(body.value("Name", "") == "pulumi-access-token", "Name");
      if (exists) {
        return answer(400, R"({"__type":"ResourceExistsException","Message":"The operation failed because the secret pulumi-access-token already exists."})");
      }
    } else {
      expect(false, "X-Amz-Target " + target);
      return answer(400, R"({"__type":"UnknownOperationException"})");
    }
    exists = true;
    value = body.value("SecretString", "");
    version_id = token;
    ++versions;
    return answer(200, json{{"ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:pulumi-access-token-AbCdEf"},
                            {"Name", "pulumi-access-token"},
                            {"VersionId", token},
                            {"VersionStages", {"AWSCURRENT"}}}
                           .dump());
  }

  static HttpsResult not_found() {
    return answer(400, R"({"__type":"ResourceNotFoundException","Message":"Secrets Manager can't find the specified secret."})");
  }
};

std::map<std::string, std::string> aws_environment() {
  return {{"AWS_ACCESS_KEY_ID", kAccessKey}, {"AWS_SECRET_ACCESS_KEY", kSecretKey}, {"AWS_REGION", "eu-west-1"}};
}

}  // namespace

TEST_CASE("AWS: PutSecretValue on an existing secret, signed, with a fresh ClientRequestToken, then GetSecretValue") {
  const std::string secret = ptl::testing::make_token(21);
  FakeSecretsManager aws;
  auto store = make(config_for(StoreConfig::Kind::AwsSecretsManager, aws_environment()), std::ref(aws));
  CHECK(store->describe() == "AWS Secrets Manager secret pulumi-access-token in eu-west-1");
  CHECK(store->credentials_source() == "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the region from AWS_REGION)");
  const StoreOutcome put = store->put(secret);
  CHECK(put.ok);
  CHECK(put.detail == "stored version " + aws.version_id + " of AWS secret pulumi-access-token");
  CHECK(aws.value == secret);
  const StoreOutcome back = store->read_back(secret);
  CHECK(back.ok);
  CHECK(back.detail == "read back version " + aws.version_id + " of AWS secret pulumi-access-token: it holds the new value");
  REQUIRE(aws.seen.size() == 2);
  CHECK(header(aws.seen[0], "X-Amz-Target") == "secretsmanager.PutSecretValue");
  CHECK(header(aws.seen[1], "X-Amz-Target") == "secretsmanager.GetSecretValue");
  CHECK_FALSE(has_header(aws.seen[0], "X-Amz-Security-Token"));
  CHECK(aws.problems.empty());
  store->put(secret);
  CHECK(json_member(aws.seen[0].body, "ClientRequestToken") != json_member(aws.seen[2].body, "ClientRequestToken"));
  check_never_leaked(secret, aws, *store, {put, back});
}

TEST_CASE("Vault: without VAULT_TOKEN, the Vault CLI's token in HOME/.vault-token is sent, and named as the source") {
  const std::string secret = ptl::testing::make_token(13);
  const ptl::testing::TempDir home;
  home.write(".vault-token", std::string(kVaultToken) + "\n");
  FakeVault vault;
  auto env = vault_environment();
  env.erase("VAULT_TOKEN");
  env["HOME"] = home.path().string();
  auto store = make(config_for(StoreConfig::Kind::Vault, env), std::ref(vault));
  CHECK(store->credentials_source() == (home.path() / ".vault-token").string() + " (the Vault CLI's token)");
  CHECK(store->put(secret).ok);
  CHECK(store->read_back(secret).ok);
  CHECK(vault.problems.empty());  // the stand-in checks X-Vault-Token
  CHECK(store->credentials_source().find(kVaultToken) == std::string::npos);
}

TEST_CASE("AWS: without the key variables, the profile of the shared files signs the requests, and is named as the source") {
  const std::string secret = ptl::testing::make_token(23);
  const ptl::testing::TempDir home;
  home.write(".aws/credentials", std::string("[default]\naws_access_key_id = ") + kAccessKey +
                                     "\naws_secret_access_key = " + kSecretKey + "\n");
  home.write(".aws/config", "[default]\nregion = eu-west-1\n");
  FakeSecretsManager aws;
  auto store = make(config_for(StoreConfig::Kind::AwsSecretsManager, {{"HOME", home.path().string()}}), std::ref(aws));
  CHECK(store->describe() == "AWS Secrets Manager secret pulumi-access-token in eu-west-1");
  CHECK(store->credentials_source() == "the AWS profile `default` in " + (home.path() / ".aws/credentials").string() +
                                           " (the region from the AWS profile `default` in " +
                                           (home.path() / ".aws/config").string() + ")");
  CHECK(store->put(secret).ok);
  CHECK(store->read_back(secret).ok);
  CHECK(aws.problems.empty());  // the stand-in recomputes the signature with the same keys
  REQUIRE(aws.seen.size() == 2);
  CHECK(header(aws.seen[0], "Authorization").find(std::string("Credential=") + kAccessKey + "/") != std::string::npos);
}

TEST_CASE("AWS: an absent secret (ResourceNotFoundException) is created with CreateSecret") {
  const std::string secret = ptl::testing::make_token(22);
  FakeSecretsManager aws;
  aws.exists = false;
  auto store = make(config_for(StoreConfig::Kind::AwsSecretsManager, aws_environment()), std::ref(aws));
  const StoreOutcome put = store->put(secret);
  CHECK(put.ok);
  CHECK(put.detail == "created AWS secret pulumi-access-token (version " + aws.version_id + ")");
  REQUIRE(aws.seen.size() == 2);
  CHECK(header(aws.seen[1], "X-Amz-Target") == "secretsmanager.CreateSecret");
  CHECK(json_member(aws.seen[1].body, "SecretString") == secret);
  CHECK(store->read_back(secret).ok);
  CHECK(aws.problems.empty());
}

TEST_CASE("AWS: a session token is sent in X-Amz-Security-Token and signed; an endpoint override is used") {
  FakeSecretsManager aws;
  aws.session_token = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
  aws.endpoint = "https://127.0.0.1:4566/";
  aws.host = "127.0.0.1:4566";
  auto env = aws_environment();
  env["AWS_SESSION_TOKEN"] = aws.session_token;
  env["AWS_ENDPOINT_URL"] = "https://127.0.0.1:4566/";
  auto store = make(config_for(StoreConfig::Kind::AwsSecretsManager, env), std::ref(aws));
  CHECK(store->describe() == "AWS Secrets Manager secret pulumi-access-token in eu-west-1 at https://127.0.0.1:4566");
  CHECK(store->put(ptl::testing::make_token(23)).ok);
  CHECK(aws.problems.empty());
  CHECK(header(aws.seen.at(0), "Authorization").find("x-amz-security-token") != std::string::npos);

  SUBCASE("AWS_ENDPOINT_URL_SECRETS_MANAGER wins over AWS_ENDPOINT_URL") {
    env["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = "https://127.0.0.1:4566";
    env["AWS_ENDPOINT_URL"] = "https://elsewhere.test";
    auto s = make(config_for(StoreConfig::Kind::AwsSecretsManager, env), std::ref(aws));
    CHECK(s->put("x").ok);
  }
}

TEST_CASE("AWS: errors name the exception and message, never the secret or a credential") {
  const std::string secret = ptl::testing::make_token(24);
  FakeSecretsManager aws;
  auto store = make(config_for(StoreConfig::Kind::AwsSecretsManager, aws_environment()), std::ref(aws));

  SUBCASE("AccessDeniedException shows AWS's message") {
    aws.error_type = "AccessDeniedException";
    aws.error_message = "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                        "secretsmanager:PutSecretValue on resource: pulumi-access-token";
    CHECK(store->put(secret).detail ==
          "AWS Secrets Manager refused the request: AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is "
          "not authorized to perform: secretsmanager:PutSecretValue on resource: pulumi-access-token (HTTP 400)");
  }
  SUBCASE("a message quoting the secret is dropped") {
    aws.error_type = "com.amazonaws.secretsmanager#InvalidParameterException";
    aws.error_message = "Invalid SecretString " + secret;
    const StoreOutcome put = store->put(secret);
    CHECK(put.detail == "AWS Secrets Manager refused the request: InvalidParameterException (HTTP 400)");
  }
  SUBCASE("a wrong signature: AWS's canonical string (with the session token) is cut off") {
    auto env = aws_environment();
    env["AWS_SESSION_TOKEN"] = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
    auto unsigned_for_it = make(config_for(StoreConfig::Kind::AwsSecretsManager, env), std::ref(aws));
    const StoreOutcome put = unsigned_for_it->put(secret);  // the stand-in expects no session token
    CHECK(put.detail ==
          "AWS Secrets Manager refused the request: InvalidSignatureException: The request signature we calculated "
          "does not match the signature you provided. (HTTP 403)");
    CHECK(put.detail.find("FwoGZXIvYXdz") == std::string::npos);
  }
  SUBCASE("a message holding the access key is dropped") {
    aws.error_type = "UnrecognizedClientException";
    aws.error_message = std::string("The security token included in the request is invalid: ") + kAccessKey;
    CHECK(store->put(secret).detail == "AWS Secrets Manager refused the request: UnrecognizedClientException (HTTP 400)");
  }
  SUBCASE("a 403 without a body, a 500 and a transport error") {
    auto forbidden = make(config_for(StoreConfig::Kind::AwsSecretsManager, aws_environment()),
                          [](const HttpsRequest&) { return answer(403, ""); });
    CHECK(forbidden->put(secret).detail == "AWS refused the request (HTTP 403)");
    auto broken = make(config_for(StoreConfig::Kind::AwsSecretsManager, aws_environment()),
                       [](const HttpsRequest&) { return answer(500, "{}"); });
    CHECK(broken->read_back(secret).detail == "AWS Secrets Manager failed (HTTP 500)");
    aws.fail_call = 1;
    aws.fail_error = "timed out after 10 s";
    CHECK(store->put(secret).detail == "cannot reach AWS Secrets Manager: timed out after 10 s");
  }
}

TEST_CASE("AWS: a read-back that differs, or of an absent secret, is not ok") {
  const std::string secret = ptl::testing::make_token(25);
  FakeSecretsManager aws;
  aws.version_id = "v7";
  auto store = make(config_for(StoreConfig::Kind::AwsSecretsManager, aws_environment()), std::ref(aws));
  StoreOutcome back = store->read_back(secret);
  CHECK_FALSE(back.ok);
  CHECK(back.detail == "version v7 of AWS secret pulumi-access-token holds another value");
  aws.exists = false;
  back = store->read_back(secret);
  CHECK(back.detail == "AWS secret pulumi-access-token does not exist");
  check_never_leaked(secret, aws, *store, {back});
}

// ---- Conjur -----------------------------------------------------------------------------------

namespace {

constexpr const char* kConjurApiKey = "3ahcddy39rcxzh3ggac4cwk3j2r8pqwdg33059y835ys2rh2kzs2a";
constexpr const char* kAccessToken = "eyJwcm90ZWN0ZWQiOiJleUpoYkdjaU9pSmpiMjVxZFhJdWIzSm5MM05zYjNOcGJtVWlmUT09In0=";

struct FakeConjur : Recorder {
  bool exists = true;  // the variable is declared in a policy
  bool has_value = false;
  std::string value;
  bool may_update = true;

  HttpsResult operator()(const HttpsRequest& r) {
    if (record(r)) return transport_error(fail_error);
    if (r.url == "https://conjur.test/authn/acme/host%2Fci%2Frotator/authenticate") {
      expect(r.method == "POST", "authenticate with " + r.method);
      expect(header(r, "Accept-Encoding") == "base64", "Accept-Encoding " + header(r, "Accept-Encoding"));
      if (r.body != kConjurApiKey) return answer(401, "", "text/plain");
      return answer(200, kAccessToken, "text/plain");
    }
    if (r.url != "https://conjur.test/secrets/acme/variable/pulumi%2Faccess-token") {
      expect(false, "URL " + r.url);
      return answer(404, R"({"error":{"code":"not_found","message":"not found"}})");
    }
    if (header(r, "Authorization") != std::string("Token token=\"") + kAccessToken + "\"") {
      return answer(401, "", "text/plain");
    }
    if (!exists) {
      return answer(404, R"({"error":{"code":"not_found","message":"Variable 'pulumi/access-token' not found in account 'acme'","target":"variable","details":{"code":"not_found","target":"id","message":"acme:variable:pulumi/access-token"}}})");
    }
    if (r.method == "GET") {
      if (!has_value) return answer(404, R"({"error":{"code":"not_found","message":"Variable is empty or not found."}})");
      return answer(200, value, "application/octet-stream");
    }
    expect(r.method == "POST", "method " + r.method);
    if (!may_update) return answer(403, R"({"error":{"code":"forbidden","message":"Forbidden"}})");
    value = r.body;
    has_value = true;
    return answer(201, "", "text/plain");
  }
};

std::map<std::string, std::string> conjur_environment() {
  return {{"CONJUR_APPLIANCE_URL", "https://conjur.test"},
          {"CONJUR_ACCOUNT", "acme"},
          {"CONJUR_AUTHN_LOGIN", "host/ci/rotator"},
          {"CONJUR_AUTHN_API_KEY", kConjurApiKey}};
}

}  // namespace

TEST_CASE("Conjur: authenticate, set the variable with the access token, then read it back") {
  const std::string secret = ptl::testing::make_token(31);
  FakeConjur conjur;
  auto store = make(config_for(StoreConfig::Kind::Conjur, conjur_environment()), std::ref(conjur));
  CHECK(store->describe() == "Conjur variable pulumi/access-token (account acme) at https://conjur.test");
  CHECK(store->credentials_source() == "CONJUR_AUTHN_LOGIN and CONJUR_AUTHN_API_KEY");
  const StoreOutcome put = store->put(secret);
  CHECK(put.ok);
  CHECK(put.detail == "stored a new value of Conjur variable pulumi/access-token");
  CHECK(conjur.value == secret);
  const StoreOutcome back = store->read_back(secret);
  CHECK(back.ok);
  CHECK(back.detail == "read back Conjur variable pulumi/access-token: it holds the new value");
  CHECK(conjur.seen.size() == 4);  // authenticate, set, authenticate, get
  CHECK(conjur.problems.empty());
  check_never_leaked(secret, conjur, *store, {put, back});
}

TEST_CASE("Conjur: a wrong API key, an undeclared variable, a refused update and a mismatch say so") {
  const std::string secret = ptl::testing::make_token(32);
  FakeConjur conjur;
  SUBCASE("wrong API key") {
    auto env = conjur_environment();
    env["CONJUR_AUTHN_API_KEY"] = "wrong";
    auto store = make(config_for(StoreConfig::Kind::Conjur, env), std::ref(conjur));
    CHECK(store->put(secret).detail == "Conjur refused the login host/ci/rotator or its API key (HTTP 401)");
    CHECK(conjur.seen.size() == 1);
  }
  SUBCASE("undeclared variable") {
    conjur.exists = false;
    auto store = make(config_for(StoreConfig::Kind::Conjur, conjur_environment()), std::ref(conjur));
    CHECK(store->put(secret).detail ==
          "Conjur has no variable pulumi/access-token in account acme: declare it in a policy first (HTTP 404)");
    CHECK(store->read_back(secret).detail ==
          "Conjur variable pulumi/access-token does not exist or has no value (HTTP 404)");
  }
  SUBCASE("refused update") {
    conjur.may_update = false;
    auto store = make(config_for(StoreConfig::Kind::Conjur, conjur_environment()), std::ref(conjur));
    CHECK(store->put(secret).detail == "Conjur does not let host/ci/rotator update variable pulumi/access-token (HTTP 403)");
  }
  SUBCASE("mismatch") {
    conjur.has_value = true;
    conjur.value = "something else";
    auto store = make(config_for(StoreConfig::Kind::Conjur, conjur_environment()), std::ref(conjur));
    const StoreOutcome back = store->read_back(secret);
    CHECK_FALSE(back.ok);
    CHECK(back.detail == "Conjur variable pulumi/access-token holds another value");
  }
  SUBCASE("the set's connection fails") {
    conjur.fail_call = 2;
    auto store = make(config_for(StoreConfig::Kind::Conjur, conjur_environment()), std::ref(conjur));
    CHECK(store->put(secret).detail == "cannot reach Conjur: connection refused");
    CHECK_FALSE(conjur.has_value);
  }
  CHECK(conjur.problems.empty());
}

// ---- configuration ----------------------------------------------------------------------------

TEST_CASE("rehearse sends every request of put and read_back even when nothing answers (the dry run)") {
  // A RecordingTransport answers nothing: the requests that follow an answer are sent anyway,
  // with placeholders for what the answers would have given.
  const std::string secret = "<the new token>";
  struct Row {
    StoreConfig::Kind kind;
    std::map<std::string, std::string> environment;
    std::vector<std::string> expected;  // method and URL of each request, in order
  };
  const std::vector<Row> rows = {
      {StoreConfig::Kind::Vault,
       vault_environment(),
       {"GET https://vault.test:8200/v1/secret/data/pulumi", "POST https://vault.test:8200/v1/secret/data/pulumi",
        "GET https://vault.test:8200/v1/secret/data/pulumi"}},
      {StoreConfig::Kind::AwsSecretsManager,
       aws_environment(),
       {"POST https://secretsmanager.eu-west-1.amazonaws.com/ secretsmanager.PutSecretValue",
        "POST https://secretsmanager.eu-west-1.amazonaws.com/ secretsmanager.CreateSecret (only if the secret does not "
        "exist yet)",
        "POST https://secretsmanager.eu-west-1.amazonaws.com/ secretsmanager.GetSecretValue"}},
      {StoreConfig::Kind::Conjur,
       conjur_environment(),
       {"POST https://conjur.test/authn/acme/host%2Fci%2Frotator/authenticate",
        "POST https://conjur.test/secrets/acme/variable/pulumi%2Faccess-token",
        "POST https://conjur.test/authn/acme/host%2Fci%2Frotator/authenticate",
        "GET https://conjur.test/secrets/acme/variable/pulumi%2Faccess-token"}},
  };
  for (const Row& row : rows) {
    CAPTURE(static_cast<int>(row.kind));
    ptl::verify::RecordingTransport recorder([](std::string_view text) { return std::string(text); });
    auto store = make(config_for(row.kind, row.environment), recorder.transport());
    store->rehearse(secret);
    std::vector<std::string> seen;
    for (const auto& r : recorder.requests()) {
      std::string line = r.method + " " + r.url;
      for (const auto& [name, value] : r.headers) {
        if (name == "X-Amz-Target") line += " " + value;
      }
      if (!r.condition.empty()) line += " (" + r.condition + ")";
      seen.push_back(line);
    }
    CHECK(seen == row.expected);
    const auto requests = recorder.requests();
    if (row.kind == StoreConfig::Kind::Vault && requests.size() == 3) {
      CHECK(json::parse(requests[1].body) ==
            json{{"options", {{"cas", "<the version read>"}}}, {"data", {{"api_key", secret}}}});
    }
    if (row.kind == StoreConfig::Kind::Conjur && requests.size() == 4) {
      CHECK(requests[1].body == secret);
      const std::pair<std::string, std::string> authorization{"Authorization", "Token <masked>"};
      CHECK(requests[3].headers == std::vector{authorization});
    }
  }
}

TEST_CASE("missing or unusable configuration names the variables, never their values") {
  struct Row {
    StoreConfig::Kind kind;
    std::map<std::string, std::string> set;
    const char* error;
  };
  const Row rows[] = {
      {StoreConfig::Kind::Vault, {},
       "VAULT_ADDR, VAULT_TOKEN are not set; ~/.vault-token (where `vault login` keeps the token): HOME is not set"},
      {StoreConfig::Kind::Vault, {{"VAULT_ADDR", "https://v.test"}},
       "VAULT_TOKEN is not set; ~/.vault-token (where `vault login` keeps the token): HOME is not set"},
      {StoreConfig::Kind::Vault, {{"VAULT_ADDR", "http://127.0.0.1:8200"}, {"VAULT_TOKEN", "t0ps3cret"}},
       "VAULT_ADDR: not an https:// URL"},
      {StoreConfig::Kind::AwsSecretsManager, {{"AWS_ACCESS_KEY_ID", "AKIA"}},
       "AWS_SECRET_ACCESS_KEY, AWS_REGION (nor AWS_DEFAULT_REGION) are not set; no region from ~/.aws/config (HOME is "
       "not set)"},
      {StoreConfig::Kind::AwsSecretsManager,
       {{"AWS_ACCESS_KEY_ID", "AKIA"}, {"AWS_SECRET_ACCESS_KEY", "t0ps3cret"}, {"AWS_DEFAULT_REGION", "eu west"}},
       "AWS_DEFAULT_REGION is not a region name"},
      {StoreConfig::Kind::AwsSecretsManager,
       {{"AWS_ACCESS_KEY_ID", "AKIA"}, {"AWS_SECRET_ACCESS_KEY", "t0ps3cret"}, {"AWS_REGION", "us-east-1"},
        {"AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://user:t0ps3cret@localhost:4566"}},
       "AWS_ENDPOINT_URL_SECRETS_MANAGER: not an https:// URL"},
      {StoreConfig::Kind::Conjur, {{"CONJUR_AUTHN_API_KEY", "t0ps3cret"}},
       "CONJUR_APPLIANCE_URL, CONJUR_ACCOUNT, CONJUR_AUTHN_LOGIN are not set"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.error);
    std::string error;
    const auto store = ptl::verify::make_secret_store(config_for(row.kind, row.set), nullptr, error);
    CHECK(store == nullptr);
    CHECK(error == row.error);
    CHECK(error.find("t0ps3cret") == std::string::npos);
  }
  SUBCASE("empty entry names are refused too") {
    auto c = config_for(StoreConfig::Kind::Vault, vault_environment());
    c.vault_field.clear();
    std::string error;
    CHECK(ptl::verify::make_secret_store(c, nullptr, error) == nullptr);
    CHECK(error == "the Vault field is not set");
  }
}

TEST_CASE("percent_encode keeps unreserved characters, and slashes when asked") {
  CHECK(ptl::verify::percent_encode("host/ci bot", false) == "host%2Fci%20bot");
  CHECK(ptl::verify::percent_encode("a/b-c_d.e~f", true) == "a/b-c_d.e~f");
  CHECK(ptl::verify::percent_encode("\xc3\xa9?&=%", true) == "%C3%A9%3F%26%3D%25");
}

TEST_CASE("uuid_v4 makes distinct version 4 UUIDs; same_secret compares exactly") {
  const std::string a = ptl::verify::uuid_v4(), b = ptl::verify::uuid_v4();
  CHECK(is_uuid_v4(a));
  CHECK(is_uuid_v4(b));
  CHECK(a != b);
  CHECK(ptl::verify::same_secret("abc", "abc"));
  CHECK_FALSE(ptl::verify::same_secret("abc", "abd"));
  CHECK_FALSE(ptl::verify::same_secret("abc", "abcd"));
  CHECK(ptl::verify::same_secret("", ""));
}
