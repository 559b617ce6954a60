#include "verify/pulumi_tokens.h"

#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

namespace ptl::verify {

void wipe(std::string& secret) {
  if (!secret.empty()) OPENSSL_cleanse(secret.data(), secret.size());
  secret.clear();
}

std::shared_ptr<std::string> shared_secret(std::string secret) {
  return std::shared_ptr<std::string>(new std::string(std::move(secret)), [](std::string* s) {
    wipe(*s);
    delete s;
  });
}

bool secrets_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

PulumiCredentials::PulumiCredentials(PulumiCredentials&& other) noexcept
    : token(std::move(other.token)), source(std::move(other.source)) {
  wipe(other.token);
}

PulumiCredentials& PulumiCredentials::operator=(PulumiCredentials&& other) noexcept {
  if (this != &other) {
    wipe(token);
    token = std::move(other.token);
    source = std::move(other.source);
    wipe(other.token);
  }
  return *this;
}

PulumiCredentials::~PulumiCredentials() { wipe(token); }

CreatedToken::CreatedToken(CreatedToken&& other) noexcept
    : id(std::move(other.id)), value(std::move(other.value)), description(std::move(other.description)) {
  wipe(other.value);
}

CreatedToken& CreatedToken::operator=(CreatedToken&& other) noexcept {
  if (this != &other) {
    wipe(value);
    id = std::move(other.id);
    value = std::move(other.value);
    description = std::move(other.description);
    wipe(other.value);
  }
  return *this;
}

CreatedToken::~CreatedToken() { wipe(value); }

std::optional<std::string> environment_value(const std::map<std::string, std::string>& overrides,
                                             const std::string& name) {
  if (const auto it = overrides.find(name); it != overrides.end()) {
    if (it->second.empty()) return std::nullopt;
    return it->second;
  }
  const char* value = std::getenv(name.c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

namespace {

std::string without_trailing_slashes(std::string url) {
  while (url.size() > 1 && url.back() == '/' && !url.ends_with("://")) url.pop_back();
  return url;
}

std::string string_field(const nlohmann::json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::optional<PulumiCredentials> find_pulumi_credentials(std::string_view backend,
                                                         const std::map<std::string, std::string>& environment,
                                                         std::string& error) {
  const std::string wanted = without_trailing_slashes(std::string(backend));
  if (auto token = environment_value(environment, "PULUMI_ACCESS_TOKEN")) {
    PulumiCredentials c;
    c.token = std::move(*token);
    c.source = "PULUMI_ACCESS_TOKEN";
    wipe(*token);
    return c;
  }
  std::filesystem::path home;
  if (const auto pulumi_home = environment_value(environment, "PULUMI_HOME")) {
    home = *pulumi_home;
  } else if (const auto user_home = environment_value(environment, "HOME")) {
    home = std::filesystem::path(*user_home) / ".pulumi";
  }
  const std::string login_hint = fmt::format("run `pulumi login {}` (or set PULUMI_ACCESS_TOKEN to a token of your own)", wanted);
  if (home.empty()) {
    error = fmt::format("no Pulumi credentials: PULUMI_ACCESS_TOKEN is not set and there is no home directory; {}", login_hint);
    return std::nullopt;
  }
  const std::filesystem::path file = home / "credentials.json";
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = fmt::format("no Pulumi credentials: PULUMI_ACCESS_TOKEN is not set and {} does not exist; {}", file.string(),
                        login_hint);
    return std::nullopt;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  wipe(text);
  if (!json.is_object()) {
    error = fmt::format("{} is not a JSON object; {}", file.string(), login_hint);
    return std::nullopt;
  }
  std::optional<PulumiCredentials> found;
  std::string current = without_trailing_slashes(string_field(json, "current"));
  if (const auto tokens = json.find("accessTokens"); tokens != json.end() && tokens->is_object()) {
    for (auto& [url, value] : tokens->items()) {
      if (!value.is_string() || without_trailing_slashes(url) != wanted) continue;
      auto& token = value.get_ref<std::string&>();
      if (token.empty()) continue;
      found.emplace();
      found->token = token;
      found->source = file.string();
    }
  }
  // The parsed document held every token of the file: overwrite them before it is freed.
  if (auto tokens = json.find("accessTokens"); tokens != json.end() && tokens->is_object()) {
    for (auto& [url, value] : tokens->items()) {
      if (value.is_string()) wipe(value.get_ref<std::string&>());
    }
  }
  if (found) return found;
  if (!current.empty() && current != wanted) {
    error = fmt::format("no Pulumi credentials for {}: the Pulumi CLI is logged in to {} (credentials.json current); {}, "
                        "or rotate against that backend (--backend {})",
                        wanted, current, login_hint, current);
  } else {
    error = fmt::format("no Pulumi credentials for {} in {}; {}", wanted, file.string(), login_hint);
  }
  return std::nullopt;
}

std::string last_used_text(std::int64_t last_used) {
  if (last_used <= 0) return "never used";
  const std::time_t t = static_cast<std::time_t>(last_used);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "never used";
  char date[32];
  if (std::strftime(date, sizeof date, "%Y-%m-%d", &tm) == 0) return "never used";
  return fmt::format("last used {}", date);
}

Identification identify_token(const Verification& owner, const std::vector<AccessTokenEntry>& tokens) {
  Identification id;
  if (owner.token_name.empty()) {
    id.reason = "the API did not give the token's name, so it cannot be told apart from the owner's other tokens";
    return id;
  }
  for (const AccessTokenEntry& e : tokens) {
    if (e.name == owner.token_name) id.candidates.push_back(e);
  }
  // Personal tokens are listed by description: their tokenInfo name is the description they were
  // created with.
  if (id.candidates.empty()) {
    for (const AccessTokenEntry& e : tokens) {
      if (e.name.empty() && e.description == owner.token_name) id.candidates.push_back(e);
    }
  }
  if (id.candidates.size() == 1) {
    id.identified = true;
    id.entry = id.candidates.front();
    id.candidates.clear();
    return id;
  }
  id.reason = id.candidates.empty()
                  ? fmt::format("no token named \"{}\" is in the owner's token list", owner.token_name)
                  : fmt::format("{} tokens are named \"{}\"", id.candidates.size(), owner.token_name);
  return id;
}

std::string replacement_description(std::string_view file) {
  return fmt::format("pulumi-token-lsp: replaces the token in {}", file);
}

std::string api_failure(const HttpsResult& result) {
  if (!result.response) return result.error.empty() ? "no response" : result.error;
  const int status = result.response->status;
  if (status == 401) return "the API did not accept your credentials (HTTP 401)";
  if (status == 403) return "the API refused the request (HTTP 403)";
  if (status == 404) return "the API does not know it (HTTP 404)";
  if (status == 429) return "rate-limited by the API (HTTP 429)";
  if (status >= 300 && status < 400) return fmt::format("the API answered with a redirect (HTTP {}), which is not followed", status);
  if (status >= 500 && status < 600) return fmt::format("the API failed (HTTP {})", status);
  return fmt::format("unexpected answer from the API (HTTP {})", status);
}

namespace {

// A path segment: unreserved characters as they are, everything else percent-encoded.
std::string path_segment(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned>(u));
    }
  }
  return out;
}

template <class T>
ApiResult<T> failed(std::string error) {
  ApiResult<T> r;
  r.error = std::move(error);
  return r;
}

std::string utc_stamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  return stamp;
}

}  // namespace

PulumiTokenApi::PulumiTokenApi(std::string backend, PulumiCredentials credentials, HttpsTransport transport,
                               std::chrono::milliseconds timeout)
    : backend_(without_trailing_slashes(std::move(backend))),
      credentials_(std::move(credentials)),
      transport_(std::move(transport)),
      timeout_(timeout) {}

HttpsResult PulumiTokenApi::send(std::string method, std::string path, std::string body) {
  HttpsRequest request;
  request.method = std::move(method);
  request.url = backend_ + path;
  request.timeout = timeout_;
  request.headers = {{"Authorization", "token " + credentials_.token}, {"Accept", "application/vnd.pulumi+8"}};
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  request.body = std::move(body);
  HttpsResult result;
  try {
    result = transport_(request);
  } catch (const std::exception&) {
    result.error = "internal error while calling the API";
  }
  wipe(request.headers.front().second);
  return result;
}

std::string PulumiTokenApi::tokens_path(const Verification& owner) const {
  switch (owner.kind) {
    case TokenKind::Organization: return fmt::format("/api/orgs/{}/tokens", path_segment(owner.organization));
    case TokenKind::Team:
      return fmt::format("/api/orgs/{}/teams/{}/tokens", path_segment(owner.organization), path_segment(owner.team));
    case TokenKind::Personal: break;
  }
  return "/api/user/tokens";
}

ApiResult<std::string> PulumiTokenApi::user_login() {
  const HttpsResult result = send("GET", "/api/user", {});
  if (!result.response || result.response->status != 200) return failed<std::string>(api_failure(result));
  const nlohmann::json body = nlohmann::json::parse(result.response->body, nullptr, false);
  std::string login = body.is_object() ? string_field(body, "githubLogin") : std::string();
  if (login.empty()) return failed<std::string>("unexpected answer from the API (HTTP 200 without githubLogin)");
  ApiResult<std::string> r;
  r.value = std::move(login);
  return r;
}

ApiResult<std::vector<AccessTokenEntry>> PulumiTokenApi::list_tokens(const Verification& owner) {
  using List = std::vector<AccessTokenEntry>;
  const HttpsResult result = send("GET", tokens_path(owner), {});
  if (!result.response || result.response->status != 200) return failed<List>(api_failure(result));
  const nlohmann::json body = nlohmann::json::parse(result.response->body, nullptr, false);
  const auto tokens = body.is_object() ? body.find("tokens") : body.end();
  if (!body.is_object() || tokens == body.end() || !tokens->is_array()) {
    return failed<List>("unexpected answer from the API (HTTP 200 without a token list)");
  }
  List list;
  for (const nlohmann::json& t : *tokens) {
    if (!t.is_object()) continue;
    AccessTokenEntry e;
    e.id = string_field(t, "id");
    e.name = string_field(t, "name");
    e.description = string_field(t, "description");
    if (const auto used = t.find("lastUsed"); used != t.end() && used->is_number_integer()) e.last_used = used->get<std::int64_t>();
    if (!e.id.empty()) list.push_back(std::move(e));
  }
  ApiResult<List> r;
  r.value = std::move(list);
  return r;
}

ApiResult<CreatedToken> PulumiTokenApi::create_token(const Verification& owner, std::string_view description,
                                                     std::int64_t expires) {
  nlohmann::json request = {{"description", std::string(description)}, {"expires", expires}};
  if (owner.kind != TokenKind::Personal) request["name"] = "pulumi-token-lsp-" + utc_stamp();
  HttpsResult result = send("POST", tokens_path(owner), request.dump());
  if (!result.response || (result.response->status != 200 && result.response->status != 201)) {
    return failed<CreatedToken>(api_failure(result));
  }
  nlohmann::json body = nlohmann::json::parse(result.response->body, nullptr, false);
  wipe(result.response->body);
  CreatedToken token;
  token.description = std::string(description);
  if (body.is_object()) {
    token.id = string_field(body, "id");
    if (auto value = body.find("tokenValue"); value != body.end() && value->is_string()) {
      token.value = value->get<std::string>();
      wipe(value->get_ref<std::string&>());
    }
  }
  if (token.value.empty()) return failed<CreatedToken>("unexpected answer from the API (HTTP 200 without tokenValue)");
  ApiResult<CreatedToken> r;
  r.value = std::move(token);
  return r;
}

ApiResult<std::string> PulumiTokenApi::delete_token(const Verification& owner, std::string_view id) {
  if (id.empty()) return failed<std::string>("no token id");
  const HttpsResult result = send("DELETE", tokens_path(owner) + "/" + path_segment(id), {});
  if (!result.response || (result.response->status != 200 && result.response->status != 204)) {
    return failed<std::string>(api_failure(result));
  }
  ApiResult<std::string> r;
  r.value.emplace();
  return r;
}

std::string console_url(std::string_view backend, const std::map<std::string, std::string>& environment) {
  const std::string url = without_trailing_slashes(std::string(backend));
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return {};
  const std::string scheme = url.substr(0, scheme_end + 3);
  const std::size_t host_begin = scheme_end + 3;
  const std::size_t host_end = url.find('/', host_begin);
  std::string host = url.substr(host_begin, host_end == std::string::npos ? std::string::npos : host_end - host_begin);
  if (host.empty()) return {};
  if (const auto domain = environment_value(environment, "PULUMI_CONSOLE_DOMAIN")) {
    host = *domain;
  } else if (host.starts_with("api.")) {
    host = "app." + host.substr(4);
  } else if (host == "localhost:8080") {
    host = "localhost:3000";
  } else {
    return {};
  }
  return scheme + host;
}

std::string token_page_url(std::string_view backend, const Verification& owner,
                           const std::map<std::string, std::string>& environment) {
  const std::string console = console_url(backend, environment);
  if (console.empty()) return {};
  switch (owner.kind) {
    case TokenKind::Organization: return fmt::format("{}/{}/settings/tokens", console, path_segment(owner.organization));
    case TokenKind::Team:
      return fmt::format("{}/{}/teams/{}", console, path_segment(owner.organization), path_segment(owner.team));
    case TokenKind::Personal: break;
  }
  return console + "/account/tokens";
}

}  // namespace ptl::verify
