#include "verify/token_verifier.h"

#include <cctype>
#include <cstdlib>
#include <future>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>

namespace ptl::verify {

std::string_view liveness_name(Liveness liveness) {
  switch (liveness) {
    case Liveness::Live: return "live";
    case Liveness::NotLive: return "not-live";
    case Liveness::Unknown: break;
  }
  return "unknown";
}

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::Organization: return "organization";
    case TokenKind::Team: return "team";
    case TokenKind::Personal: break;
  }
  return "personal";
}

std::string describe(const Verification& v) {
  if (v.liveness == Liveness::NotLive) return "not live";
  if (v.liveness == Liveness::Unknown) return "unknown: " + v.reason;
  const std::string name = v.token_name.empty() ? std::string() : fmt::format(" \"{}\"", v.token_name);
  switch (v.kind) {
    case TokenKind::Team:
      return fmt::format("live: team token{} of {}{}", name, v.team,
                         v.organization.empty() ? std::string() : " in " + v.organization);
    case TokenKind::Organization: return fmt::format("live: organization token{} of {}", name, v.organization);
    case TokenKind::Personal: break;
  }
  return fmt::format("live: personal token{} of {}", name, v.owner);
}

namespace {

Verification unknown(std::string reason) {
  Verification v;
  v.reason = std::move(reason);
  return v;
}

// Retry-After is a number of seconds or an HTTP date; anything else (or anything long) is left
// out of the reason.
std::string retry_after_text(std::string_view value) {
  if (value.empty() || value.size() > 40) return {};
  for (const char c : value) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != ' ' && c != ',' && c != ':' && c != '-') return {};
  }
  if (value.find_first_not_of("0123456789") == std::string_view::npos) return fmt::format(", retry after {} s", value);
  return fmt::format(", retry after {}", value);
}

std::string string_field(const nlohmann::json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Verification verification_from_response(const HttpsResult& result) {
  if (!result.response) return unknown(result.error.empty() ? "no response" : result.error);
  const HttpsResponse& r = *result.response;
  if (r.status == 401) {
    Verification v;
    v.liveness = Liveness::NotLive;
    return v;
  }
  if (r.status == 403) return unknown("the API refused the request (HTTP 403)");
  if (r.status == 429) return unknown(fmt::format("rate-limited by the API (HTTP 429{})", retry_after_text(r.retry_after)));
  if (r.status >= 300 && r.status < 400) {
    return unknown(fmt::format("the API answered with a redirect (HTTP {}), which is not followed", r.status));
  }
  if (r.status >= 500 && r.status < 600) return unknown(fmt::format("the API failed (HTTP {})", r.status));
  if (r.status != 200) return unknown(fmt::format("unexpected answer from the API (HTTP {})", r.status));
  const nlohmann::json body = nlohmann::json::parse(r.body, nullptr, false);
  if (!body.is_object()) return unknown("unexpected answer from the API (HTTP 200 without a JSON object)");
  Verification v;
  v.owner = string_field(body, "githubLogin");
  if (v.owner.empty()) return unknown("unexpected answer from the API (HTTP 200 without githubLogin)");
  v.liveness = Liveness::Live;
  if (const auto info = body.find("tokenInfo"); info != body.end() && info->is_object()) {
    v.token_name = string_field(*info, "name");
    v.organization = string_field(*info, "organization");
    v.team = string_field(*info, "team");
  }
  v.kind = !v.team.empty() ? TokenKind::Team : !v.organization.empty() ? TokenKind::Organization : TokenKind::Personal;
  return v;
}

std::string resolve_backend(std::string_view setting) {
  std::string backend(setting);
  if (backend.empty()) {
    const char* env = std::getenv("PULUMI_BACKEND_URL");
    backend = env != nullptr && *env != '\0' ? env : std::string(kDefaultBackend);
  }
  while (backend.size() > 1 && backend.back() == '/' && !backend.ends_with("://")) backend.pop_back();
  return backend;
}

std::string diy_backend_reason(std::string_view backend) {
  const std::size_t colon = backend.find("://");
  std::string scheme(backend.substr(0, colon == std::string_view::npos ? 0 : colon));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme == "https") return {};
  if (scheme == "file" || scheme == "s3" || scheme == "azblob" || scheme == "gs") {
    return fmt::format("the backend is a DIY backend ({}://), which has no API to ask whether a token is live", scheme);
  }
  return "the backend is not an https:// URL (a DIY backend?): there is no API to ask whether a token is live";
}

namespace {

// The cache's key: the raw SHA-256 of the token (the token itself is not kept).
std::string token_key(std::string_view token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(token.data(), token.size(), digest, &length, EVP_sha256(), nullptr) != 1) return {};
  return std::string(reinterpret_cast<const char*>(digest), length);
}

}  // namespace

struct TokenVerifier::Entry {
  std::shared_future<Verification> answer;
  bool in_flight = true;
  std::chrono::steady_clock::time_point expires{};
};

TokenVerifier::TokenVerifier(TokenVerifierOptions options) : TokenVerifier(std::move(options), Transport()) {}

TokenVerifier::TokenVerifier(TokenVerifierOptions options, Transport transport)
    : options_(std::move(options)),
      backend_(resolve_backend(options_.backend)),
      diy_reason_(diy_backend_reason(backend_)),
      transport_(std::move(transport)),
      limiter_(options_.requests_per_second) {
  if (!transport_) {
    client_ = std::make_shared<HttpsClient>();
    transport_ = [client = client_](const HttpsRequest& request) { return client->send(request); };
  }
}

Verification TokenVerifier::verify(std::string_view token) {
  if (!diy_reason_.empty()) return unknown(diy_reason_);
  const std::string key = token_key(token);
  if (key.empty()) return unknown("cannot hash the token");
  std::promise<Verification> promise;
  std::shared_ptr<Entry> entry;
  std::shared_future<Verification> known;
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = cache_.find(key);
        it != cache_.end() && (it->second->in_flight || std::chrono::steady_clock::now() < it->second->expires)) {
      known = it->second->answer;
    } else {
      entry = std::make_shared<Entry>();
      entry->answer = promise.get_future().share();
      cache_[key] = entry;
    }
  }
  if (known.valid()) return known.get();  // cached, or being asked by another thread
  limiter_.acquire();
  HttpsRequest request;
  request.url = backend_ + "/api/user";
  request.timeout = options_.timeout;
  request.headers = {{"Authorization", "token " + std::string(token)}, {"Accept", "application/vnd.pulumi+8"}};
  Verification v;
  try {
    v = verification_from_response(transport_(request));
  } catch (const std::exception&) {
    v = unknown("internal error while asking the API");
  }
  {
    const std::lock_guard lock(mutex_);
    if (v.liveness == Liveness::Unknown) {
      // Not kept: the next question asks again (waiters share this answer).
      if (const auto it = cache_.find(key); it != cache_.end() && it->second == entry) cache_.erase(it);
    } else {
      entry->in_flight = false;
      entry->expires = std::chrono::steady_clock::now() + options_.cache_ttl;
    }
  }
  promise.set_value(v);
  return v;
}

}  // namespace ptl::verify
