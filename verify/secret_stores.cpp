#include "verify/secret_stores.h"

#include <chrono>
#include <exception>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "verify/pulumi_tokens.h"
#include "verify/sigv4.h"
#include "verify/store_credentials.h"

namespace ptl::verify {

std::string percent_encode(std::string_view text, bool keep_slashes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || (keep_slashes && c == '/')) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string uuid_v4() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) return {};
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // variant 10
  return fmt::format("{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
                     b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                     b[15]);
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {

using nlohmann::json;

StoreOutcome succeeded(std::string detail) { return {true, std::move(detail)}; }
StoreOutcome failed(std::string detail) { return {false, std::move(detail)}; }

// One request through the transport; an exception from a stand-in or a recorder becomes an error.
HttpsResult send(const HttpsTransport& transport, const HttpsRequest& request) {
  try {
    return transport(request);
  } catch (const std::exception&) {
    HttpsResult r;
    r.error = "internal error while sending the request";
    return r;
  }
}

int status_of(const HttpsResult& r) { return r.response ? r.response->status : 0; }

json parse_object(const HttpsResult& r) {
  if (!r.response) return json::object();
  json body = json::parse(r.response->body, nullptr, false);
  return body.is_object() ? body : json::object();
}

// The member `path` of nested objects, or null.
const json* member(const json& object, std::initializer_list<const char*> path) {
  const json* at = &object;
  for (const char* name : path) {
    if (!at->is_object()) return nullptr;
    const auto it = at->find(name);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return at;
}

const json* member(json&& object, std::initializer_list<const char*> path) = delete;  // would dangle

std::string string_member(const json& object, std::initializer_list<const char*> path) {
  const json* v = member(object, path);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

// What every store says of an answer it has no better word for (transport errors are already
// safe to show: HttpsResult::error).
std::string common_failure(const HttpsResult& r, std::string_view service) {
  if (!r.response) return fmt::format("cannot reach {}: {}", service, r.error.empty() ? "no response" : r.error);
  const int s = r.response->status;
  if (s >= 300 && s < 400) return fmt::format("{} answered with a redirect (HTTP {}), which is not followed", service, s);
  if (s >= 500 && s < 600) return fmt::format("{} failed (HTTP {})", service, s);
  return fmt::format("unexpected answer from {} (HTTP {})", service, s);
}

// The environment as StoreConfig::environment overrides it (environment_value), and what of it
// is missing.
class Environment {
 public:
  explicit Environment(const std::map<std::string, std::string>& overrides) : overrides_(overrides) {}

  std::string get(const std::string& name) const { return environment_value(overrides_, name).value_or(""); }

  // The value of `name`, or "" after noting the name as missing.
  std::string required(const std::string& name) {
    std::string value = get(name);
    if (value.empty()) missing_.push_back(name);
    return value;
  }

  void note_missing(std::string what) { missing_.push_back(std::move(what)); }

  // Where else a missing value was looked for, a clause: "/home/a/.vault-token (where `vault
  // login` keeps the token): it does not exist".
  void note_looked_at(std::string clause) { looked_at_.push_back(std::move(clause)); }

  // "VAULT_ADDR is not set", "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY are not set", then the
  // places looked at after "; "; "" when nothing is missing.
  std::string missing() const {
    if (missing_.empty()) return {};
    std::string text = fmt::format("{} {} not set", fmt::join(missing_, ", "), missing_.size() == 1 ? "is" : "are");
    for (const std::string& clause : looked_at_) text += "; " + clause;
    return text;
  }

 private:
  const std::map<std::string, std::string>& overrides_;
  std::vector<std::string> missing_;
  std::vector<std::string> looked_at_;
};

// A service's base URL from the variable `name`: https only, without a trailing '/'. The error
// names the variable, never the value.
std::string base_url(std::string value, const std::string& name, std::string& error) {
  while (value.size() > 1 && value.back() == '/') value.pop_back();
  std::string reason;
  if (!parse_https_url(value, reason)) {
    error = fmt::format("{}: {}", name, reason);
    return {};
  }
  return value;
}

// ---- Vault KV v2 ------------------------------------------------------------------------------

class VaultStore final : public SecretStore {
 public:
  VaultStore(std::string address, VaultTokenLookup token, std::string vault_namespace, const StoreConfig& config,
             HttpsTransport transport)
      : address_(std::move(address)),
        token_(std::move(token.token)),
        credentials_source_(std::move(token.source)),
        namespace_(std::move(vault_namespace)),
        mount_(config.vault_mount),
        path_(config.vault_path),
        field_(config.vault_field),
        transport_(std::move(transport)) {}

  std::string credentials_source() const override { return credentials_source_; }

  std::string describe() const override {
    return fmt::format("Vault KV v2 {} (field {}) at {}{}", entry(), field_, address_,
                       namespace_.empty() ? std::string() : " in namespace " + namespace_);
  }

  StoreOutcome put(std::string_view secret) override {
    Entry current;
    if (const std::string error = read(current); !error.empty()) return failed(error);
    // cas: the write succeeds only if the entry is still at the version just read (0: absent),
    // so a concurrent writer's version is never overwritten.
    const HttpsResult r = send(transport_, write_request(current.version, current.data, secret));
    const int status = status_of(r);
    const json answer = parse_object(r);
    if (status == 200) {
      const json* version = member(answer, {"data", "version"});
      if (version == nullptr || !version->is_number_integer()) {
        return failed(fmt::format("unexpected answer from Vault to the write of {} (HTTP 200 without a version)", entry()));
      }
      return succeeded(fmt::format("stored version {} of {}, field {}", version->get<long long>(), entry(), field_));
    }
    if (status == 204) {
      // KV v1 answers a write with 204 and no version: the mount is not KV v2.
      return failed(fmt::format("Vault answered the write of {} as a KV v1 mount (HTTP 204), not KV v2", entry()));
    }
    if (status == 400) {
      const json* errors = member(answer, {"errors"});
      if (errors != nullptr && errors->is_array()) {
        for (const json& e : *errors) {
          if (e.is_string() && e.get<std::string>().find("check-and-set parameter did not match") != std::string::npos) {
            return failed(fmt::format("someone else wrote {} meanwhile (it is no longer version {}); nothing was "
                                      "overwritten",
                                      entry(), current.version));
          }
        }
      }
      return failed(fmt::format("Vault rejected the write of {} (HTTP 400)", entry()));
    }
    if (status == 404) return failed(fmt::format("Vault has no KV v2 secrets engine at {}/ (HTTP 404)", mount_));
    return failed(failure(r));
  }

  StoreOutcome read_back(std::string_view secret) override {
    Entry current;
    if (const std::string error = read(current); !error.empty()) return failed(error);
    if (!current.exists) return failed(fmt::format("{} is absent from Vault", entry()));
    const json* value = member(current.data, {field_.c_str()});
    if (value == nullptr || !value->is_string()) {
      return failed(fmt::format("version {} of {} has no field {}", current.version, entry(), field_));
    }
    if (!same_secret(value->get_ref<const std::string&>(), secret)) {
      return failed(fmt::format("version {} of {}, field {} holds another value", current.version, entry(), field_));
    }
    return succeeded(fmt::format("read back version {} of {}, field {}: it holds the new value", current.version,
                                 entry(), field_));
  }

  // put's read fails on the recorder's non-answer, so put alone would never show the write.
  void rehearse(std::string_view secret) override {
    send(transport_, request("GET"));
    send(transport_, write_request("<the version read>", json::object(), secret));
    send(transport_, request("GET"));
  }

 private:
  struct Entry {
    bool exists = false;
    long long version = 0;              // 0: never written
    json data = json::object();         // the fields of the current version
  };

  std::string entry() const { return mount_ + "/" + path_; }

  HttpsRequest request(std::string method, std::string body = {}) const {
    HttpsRequest r;
    r.method = std::move(method);
    r.url = fmt::format("{}/v1/{}/data/{}", address_, percent_encode(mount_, true), percent_encode(path_, true));
    r.headers.emplace_back("X-Vault-Token", token_);
    if (!namespace_.empty()) r.headers.emplace_back("X-Vault-Namespace", namespace_);
    if (!body.empty()) r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
  }

  // The check-and-set write of `secret` into `field_`, keeping the entry's other fields `data`.
  HttpsRequest write_request(json cas, json data, std::string_view secret) const {
    data[field_] = std::string(secret);
    const json body = {{"options", {{"cas", std::move(cas)}}}, {"data", std::move(data)}};
    return request("POST", body.dump());
  }

  std::string failure(const HttpsResult& r) const {
    const int status = status_of(r);
    if (status == 401 || status == 403) return fmt::format("Vault refused the token (HTTP {})", status);
    if (status == 503) return "Vault is sealed or unavailable (HTTP 503)";
    return common_failure(r, "Vault");
  }

  // Reads the current version into `out`; an error, or "".
  std::string read(Entry& out) const {
    const HttpsResult r = send(transport_, request("GET"));
    const int status = status_of(r);
    const json body = parse_object(r);
    if (status == 404) {
      // Absent (version 0), or its latest version deleted or destroyed: then Vault still answers
      // with the metadata, and check-and-set must name that version.
      const json* version = member(body, {"data", "metadata", "version"});
      out.version = version != nullptr && version->is_number_integer() ? version->get<long long>() : 0;
      return {};
    }
    if (status != 200) return failure(r);
    const json* version = member(body, {"data", "metadata", "version"});
    if (version == nullptr || !version->is_number_integer()) {
      return fmt::format("Vault's answer for {} has no version: is {}/ a KV v2 mount?", entry(), mount_);
    }
    out.exists = true;
    out.version = version->get<long long>();
    if (const json* data = member(body, {"data", "data"}); data != nullptr && data->is_object()) out.data = *data;
    return {};
  }

  std::string address_, token_, credentials_source_, namespace_, mount_, path_, field_;
  HttpsTransport transport_;
};

// ---- AWS Secrets Manager ----------------------------------------------------------------------

class AwsSecretsManagerStore final : public SecretStore {
 public:
  AwsSecretsManagerStore(AwsLookup found, std::string endpoint, bool endpoint_overridden, std::string secret_id,
                         HttpsTransport transport)
      : credentials_(std::move(found.credentials)),
        credentials_source_(fmt::format("{} (the region from {})", found.credentials_source, found.region_source)),
        region_(std::move(found.region)),
        endpoint_(std::move(endpoint)),
        endpoint_overridden_(endpoint_overridden),
        secret_id_(std::move(secret_id)),
        transport_(std::move(transport)) {}

  std::string credentials_source() const override { return credentials_source_; }

  std::string describe() const override {
    return fmt::format("AWS Secrets Manager secret {} in {}{}", secret_id_, region_,
                       endpoint_overridden_ ? " at " + endpoint_ : std::string());
  }

  StoreOutcome put(std::string_view secret) override {
    HttpsResult r = call("PutSecretValue", {{"SecretId", secret_id_}, {"SecretString", std::string(secret)}});
    if (status_of(r) == 200) {
      return succeeded(fmt::format("stored version {} of AWS secret {}", version_id(r), secret_id_));
    }
    if (error_type(r) != "ResourceNotFoundException") return failed(failure(r, secret));
    r = call("CreateSecret", {{"Name", secret_id_}, {"SecretString", std::string(secret)}});
    if (status_of(r) == 200) {
      return succeeded(fmt::format("created AWS secret {} (version {})", secret_id_, version_id(r)));
    }
    return failed(failure(r, secret));
  }

  // put alone stops at PutSecretValue's missing answer: CreateSecret, which a real run sends
  // when the secret does not exist yet, is shown too, marked so.
  void rehearse(std::string_view secret) override {
    call("PutSecretValue", {{"SecretId", secret_id_}, {"SecretString", std::string(secret)}});
    call("CreateSecret", {{"Name", secret_id_}, {"SecretString", std::string(secret)}},
         "only if the secret does not exist yet");
    read_back(secret);
  }

  StoreOutcome read_back(std::string_view secret) override {
    const HttpsResult r = call("GetSecretValue", {{"SecretId", secret_id_}});
    if (status_of(r) != 200) {
      if (error_type(r) == "ResourceNotFoundException") return failed(fmt::format("AWS secret {} does not exist", secret_id_));
      return failed(failure(r, secret));
    }
    const json body = parse_object(r);
    const json* value = member(body, {"SecretString"});
    if (value == nullptr || !value->is_string()) {
      return failed(fmt::format("AWS secret {} has no SecretString (a binary secret?)", secret_id_));
    }
    if (!same_secret(value->get_ref<const std::string&>(), secret)) {
      return failed(fmt::format("version {} of AWS secret {} holds another value", version_id(r), secret_id_));
    }
    return succeeded(fmt::format("read back version {} of AWS secret {}: it holds the new value", version_id(r),
                                 secret_id_));
  }

 private:
  // One signed call of `action`. Each call that writes gets a fresh ClientRequestToken (the
  // idempotency token that becomes the new version's id).
  HttpsResult call(std::string_view action, json body, std::string condition = {}) const {
    if (action != "GetSecretValue") {
      const std::string token = uuid_v4();
      if (token.empty()) {
        HttpsResult r;
        r.error = "the random generator failed (no ClientRequestToken)";
        return r;
      }
      body["ClientRequestToken"] = token;
    }
    HttpsRequest request;
    request.method = "POST";
    request.url = endpoint_ + "/";
    request.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                       {"X-Amz-Target", fmt::format("secretsmanager.{}", action)}};
    request.body = body.dump();
    request.condition = std::move(condition);
    std::string error;
    if (!sigv4_sign(request, credentials_, region_, "secretsmanager", std::chrono::system_clock::now(), error)) {
      HttpsResult r;
      r.error = "cannot sign the request: " + error;
      return r;
    }
    return send(transport_, request);
  }

  static std::string version_id(const HttpsResult& r) {
    const std::string id = string_member(parse_object(r), {"VersionId"});
    return id.empty() ? "(no id)" : id;
  }

  // The error's name: __type without the namespace before '#' ("ResourceNotFoundException").
  static std::string error_type(const HttpsResult& r) {
    if (!r.response || r.response->status == 200) return {};
    std::string type = string_member(parse_object(r), {"__type"});
    if (const std::size_t hash = type.rfind('#'); hash != std::string::npos) type.erase(0, hash + 1);
    if (const std::size_t colon = type.find(':'); colon != std::string::npos) type.erase(colon);
    return type;
  }

  // The API's message, when it is safe to show: its first line (InvalidSignatureException goes on
  // with the canonical request, which holds the session token), without control characters, at
  // most 300 characters, and dropped entirely when it holds the secret or a credential.
  std::string safe_message(const HttpsResult& r, std::string_view secret) const {
    const json body = parse_object(r);
    std::string message = string_member(body, {"message"});
    if (message.empty()) message = string_member(body, {"Message"});
    message = message.substr(0, message.find('\n'));
    for (const std::string_view hidden :
         {secret, std::string_view(credentials_.secret_access_key), std::string_view(credentials_.session_token),
          std::string_view(credentials_.access_key_id)}) {
      if (!hidden.empty() && message.find(hidden) != std::string::npos) return {};
    }
    if (message.size() > 300) message = message.substr(0, 300) + "...";
    for (char& c : message) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    }
    return message;
  }

  std::string failure(const HttpsResult& r, std::string_view secret) const {
    if (!r.response) return common_failure(r, "AWS Secrets Manager");
    const std::string type = error_type(r);
    const int status = r.response->status;
    if (!type.empty()) {
      const std::string message = safe_message(r, secret);
      return fmt::format("AWS Secrets Manager refused the request: {}{} (HTTP {})", type,
                         message.empty() ? std::string() : ": " + message, status);
    }
    if (status == 401 || status == 403) return fmt::format("AWS refused the request (HTTP {})", status);
    return common_failure(r, "AWS Secrets Manager");
  }

  AwsCredentials credentials_;
  std::string credentials_source_, region_, endpoint_;
  bool endpoint_overridden_ = false;
  std::string secret_id_;
  HttpsTransport transport_;
};

// ---- Conjur -----------------------------------------------------------------------------------

class ConjurStore final : public SecretStore {
 public:
  ConjurStore(std::string url, std::string account, std::string login, std::string api_key, std::string variable,
              HttpsTransport transport)
      : url_(std::move(url)),
        account_(std::move(account)),
        login_(std::move(login)),
        api_key_(std::move(api_key)),
        variable_(std::move(variable)),
        transport_(std::move(transport)) {}

  std::string describe() const override {
    return fmt::format("Conjur variable {} (account {}) at {}", variable_, account_, url_);
  }

  std::string credentials_source() const override { return "CONJUR_AUTHN_LOGIN and CONJUR_AUTHN_API_KEY"; }

  StoreOutcome put(std::string_view secret) override {
    std::string token;
    if (StoreOutcome o = authenticate(token); !o.ok) return o;
    const HttpsResult r = send(transport_, set_request(token, secret));
    const int status = status_of(r);
    if (status == 201 || status == 200 || status == 204) {
      return succeeded(fmt::format("stored a new value of Conjur variable {}", variable_));
    }
    if (status == 404) {
      return failed(fmt::format("Conjur has no variable {} in account {}: declare it in a policy first (HTTP 404)",
                                variable_, account_));
    }
    if (status == 403) {
      return failed(fmt::format("Conjur does not let {} update variable {} (HTTP 403)", login_, variable_));
    }
    if (status == 422) return failed(fmt::format("Conjur rejected the value of variable {} (HTTP 422)", variable_));
    return failed(failure(r));
  }

  StoreOutcome read_back(std::string_view secret) override {
    std::string token;
    if (StoreOutcome o = authenticate(token); !o.ok) return o;
    const HttpsResult r = send(transport_, variable_request("GET", token));
    const int status = status_of(r);
    if (status == 404) {
      return failed(fmt::format("Conjur variable {} does not exist or has no value (HTTP 404)", variable_));
    }
    if (status == 403) return failed(fmt::format("Conjur does not let {} read variable {} (HTTP 403)", login_, variable_));
    if (status != 200) return failed(failure(r));
    if (!same_secret(r.response->body, secret)) {
      return failed(fmt::format("Conjur variable {} holds another value", variable_));
    }
    return succeeded(fmt::format("read back Conjur variable {}: it holds the new value", variable_));
  }

  // put and read_back stop when authenticating gets no answer, so they alone would never show
  // the variable's requests.
  void rehearse(std::string_view secret) override {
    static const std::string kAccessToken = "<the access token>";
    std::string token;
    authenticate(token);
    send(transport_, set_request(kAccessToken, secret));
    authenticate(token);
    send(transport_, variable_request("GET", kAccessToken));
  }

 private:
  std::string failure(const HttpsResult& r) const {
    if (status_of(r) == 401) return "Conjur refused the access token (HTTP 401)";
    return common_failure(r, "Conjur");
  }

  // An access token for login_ (base64, as the Authorization header wants it), or why not.
  StoreOutcome authenticate(std::string& token) const {
    HttpsRequest request;
    request.method = "POST";
    request.url = fmt::format("{}/authn/{}/{}/authenticate", url_, percent_encode(account_, false),
                              percent_encode(login_, false));
    request.headers = {{"Accept-Encoding", "base64"}, {"Content-Type", "text/plain"}};
    request.body = api_key_;
    const HttpsResult r = send(transport_, request);
    const int status = status_of(r);
    if (status == 401) return failed(fmt::format("Conjur refused the login {} or its API key (HTTP 401)", login_));
    if (status != 200) return failed(common_failure(r, "Conjur"));
    token = r.response->body;
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (token.empty() || token.find_first_of("\"\r\n") != std::string::npos) {
      return failed("unexpected answer from Conjur (HTTP 200 without a usable access token)");
    }
    return succeeded({});
  }

  HttpsRequest set_request(const std::string& token, std::string_view secret) const {
    HttpsRequest request = variable_request("POST", token);
    request.headers.emplace_back("Content-Type", "text/plain");
    request.body = std::string(secret);
    return request;
  }

  HttpsRequest variable_request(std::string method, const std::string& token) const {
    HttpsRequest r;
    r.method = std::move(method);
    r.url = fmt::format("{}/secrets/{}/variable/{}", url_, percent_encode(account_, false),
                        percent_encode(variable_, false));
    r.headers.emplace_back("Authorization", fmt::format("Token token=\"{}\"", token));
    return r;
  }

  std::string url_, account_, login_, api_key_, variable_;
  HttpsTransport transport_;
};

bool region_name(std::string_view region) {
  return !region.empty() && region.size() <= 40 &&
         region.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
}

}  // namespace

std::unique_ptr<SecretStore> make_secret_store(const StoreConfig& config, HttpsTransport transport,
                                               std::string& error) {
  Environment env(config.environment);
  // No transport: an HttpsClient, made only once the configuration is known to be complete.
  const auto or_client = [&transport]() -> HttpsTransport {
    if (transport) return std::move(transport);
    auto client = std::make_shared<HttpsClient>();
    return [client](const HttpsRequest& request) { return client->send(request); };
  };
  switch (config.kind) {
    case StoreConfig::Kind::Vault: {
      const std::string address = env.required("VAULT_ADDR");
      VaultTokenLookup token = find_vault_token(config.environment);
      if (token.token.empty()) {
        env.note_missing("VAULT_TOKEN");
        env.note_looked_at(token.looked_at);
      }
      if (config.vault_mount.empty()) env.note_missing("the Vault mount");
      if (config.vault_path.empty()) env.note_missing("the Vault path");
      if (config.vault_field.empty()) env.note_missing("the Vault field");
      if (error = env.missing(); !error.empty()) return nullptr;
      std::string url = base_url(address, "VAULT_ADDR", error);
      if (url.empty()) return nullptr;
      return std::make_unique<VaultStore>(std::move(url), std::move(token), env.get("VAULT_NAMESPACE"), config,
                                          or_client());
    }
    case StoreConfig::Kind::AwsSecretsManager: {
      AwsLookup found = find_aws_credentials(config.environment);
      if (!found.error.empty()) {
        error = std::move(found.error);
        return nullptr;
      }
      for (std::string& what : found.missing) env.note_missing(std::move(what));
      if (config.aws_secret_id.empty()) env.note_missing("the AWS secret id");
      for (std::string& clause : found.looked_at) env.note_looked_at(std::move(clause));
      if (error = env.missing(); !error.empty()) return nullptr;
      if (!region_name(found.region)) {
        error = found.region_source == "AWS_REGION" || found.region_source == "AWS_DEFAULT_REGION"
                    ? found.region_source + " is not a region name"
                    : fmt::format("the region of {} is not a region name", found.region_source);
        return nullptr;
      }
      std::string endpoint_variable = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
      std::string endpoint = env.get(endpoint_variable);
      if (endpoint.empty()) endpoint = env.get(endpoint_variable = "AWS_ENDPOINT_URL");
      const bool overridden = !endpoint.empty();
      if (overridden) {
        endpoint = base_url(endpoint, endpoint_variable, error);
        if (endpoint.empty()) return nullptr;
      } else {
        endpoint = fmt::format("https://secretsmanager.{}.amazonaws.com", found.region);
      }
      return std::make_unique<AwsSecretsManagerStore>(std::move(found), std::move(endpoint), overridden,
                                                      config.aws_secret_id, or_client());
    }
    case StoreConfig::Kind::Conjur: {
      const std::string address = env.required("CONJUR_APPLIANCE_URL");
      const std::string account = env.required("CONJUR_ACCOUNT");
      const std::string login = env.required("CONJUR_AUTHN_LOGIN");
      const std::string api_key = env.required("CONJUR_AUTHN_API_KEY");
      if (config.conjur_variable.empty()) env.note_missing("the Conjur variable");
      if (error = env.missing(); !error.empty()) return nullptr;
      std::string url = base_url(address, "CONJUR_APPLIANCE_URL", error);
      if (url.empty()) return nullptr;
      return std::make_unique<ConjurStore>(std::move(url), account, login, api_key, config.conjur_variable,
                                           or_client());
    }
  }
  error = "unknown secret store";
  return nullptr;
}

}  // namespace ptl::verify
