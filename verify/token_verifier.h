#pragma once
// Whether a Pulumi access token is live, asked of the Pulumi API (opt-in: issue 15).

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "verify/https_client.h"
#include "verify/rate_limiter.h"

namespace ptl::verify {

enum class Liveness { Live, NotLive, Unknown };

// "live", "not-live", "unknown": the names reports use.
std::string_view liveness_name(Liveness liveness);

enum class TokenKind { Personal, Organization, Team };

// "personal", "organization", "team".
std::string_view token_kind_name(TokenKind kind);

// What the API said about one token. Never holds the token.
struct Verification {
  Liveness liveness = Liveness::Unknown;
  std::string reason;  // Unknown: why, for a person ("timed out after 10 s", "the API refused the request (HTTP 403)")
  // Live: whose token it is, from GET /api/user (the Pulumi CLI's serviceUser): githubLogin, and
  // tokenInfo's name, organization and team. The kind is Team when tokenInfo names a team, else
  // Organization when it names an organization, else Personal.
  std::string owner;
  TokenKind kind = TokenKind::Personal;
  std::string token_name;
  std::string organization;
  std::string team;
};

// "live: personal token of alice", "live: organization token ci of acme", "not live",
// "unknown: timed out after 10 s": one phrase for text reports and hovers.
std::string describe(const Verification& v);

// The answer to GET /api/user mapped to a verification: 200 with a JSON object holding a
// non-empty githubLogin is Live; 401 is NotLive; anything else is Unknown with the reason: 403,
// 429 (with Retry-After), a redirect (never followed), 5xx, another status, a 200 whose body is
// not the expected JSON, and every transport error (HttpsResult::error). Pure; the reason never
// holds a body.
Verification verification_from_response(const HttpsResult& result);

// The Pulumi Cloud's API, unless configured otherwise.
inline constexpr std::string_view kDefaultBackend = "https://api.pulumi.com";

// The backend URL to ask: `setting` when not empty, else PULUMI_BACKEND_URL when set, else
// kDefaultBackend. A trailing '/' is dropped.
std::string resolve_backend(std::string_view setting);

// Why `backend` has no API to ask (a DIY backend: file://, s3://, azblob://, gs://, or any URL
// that is not https://), or empty when it has one. The reason names the scheme, not the URL.
std::string diy_backend_reason(std::string_view backend);

struct TokenVerifierOptions {
  std::string backend;  // resolve_backend's setting: empty for PULUMI_BACKEND_URL, else the default
  std::chrono::milliseconds timeout{10000};  // per request
  std::chrono::seconds cache_ttl{600};       // how long a Live or NotLive answer is reused (Unknown never is)
  double requests_per_second = 4;            // at most this many requests a second, over all threads
};

// Asks GET {backend}/api/user with `Authorization: token <token>` and
// `Accept: application/vnd.pulumi+8`, through an HttpsClient. Answers are cached by the token's
// SHA-256 for options.cache_ttl; a token being asked about by one thread is not asked again by
// another, which waits for the same answer. A DIY backend makes every answer Unknown without a
// request.
// The token is sent only in the Authorization header: never in a URL, a log line, an error or a
// reason, and it is not kept (the cache holds its hash).
// Thread-safety: verify() may be called from any number of threads.
class TokenVerifier {
 public:
  // How requests are sent: HttpsClient::send, or a stand-in in tests.
  using Transport = HttpsTransport;

  explicit TokenVerifier(TokenVerifierOptions options);
  TokenVerifier(TokenVerifierOptions options, Transport transport);

  // Blocks until the answer (at most about the timeout, plus the wait for a rate-limit slot).
  Verification verify(std::string_view token);

  // The backend asked (resolve_backend's result).
  const std::string& backend() const { return backend_; }

 private:
  struct Entry;
  TokenVerifierOptions options_;
  std::string backend_;
  std::string diy_reason_;
  std::shared_ptr<HttpsClient> client_;  // set when no transport is given
  Transport transport_;
  RateLimiter limiter_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> cache_;  // by the token's SHA-256 (raw bytes)
};

}  // namespace ptl::verify
