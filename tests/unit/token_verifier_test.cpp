// verify/token_verifier.h: the API's answers mapped to verifications, the backend's resolution,
// the cache and the request, through a stand-in transport (the real exchange:
// tests/verify/verify_test.py).
#include "verify/token_verifier.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <thread>
#include <vector>

#include "tests/unit/test_tokens.h"

using ptl::verify::HttpsResponse;
using ptl::verify::HttpsResult;
using ptl::verify::Liveness;
using ptl::verify::TokenKind;
using ptl::verify::verification_from_response;

namespace {

HttpsResult answer(int status, std::string body = {}, std::string retry_after = {}) {
  HttpsResult r;
  r.response = HttpsResponse{};
  r.response->status = status;
  r.response->body = std::move(body);
  r.response->retry_after = std::move(retry_after);
  return r;
}

}  // namespace

TEST_CASE("a 200 with githubLogin is live, its kind from tokenInfo: team, else organization, else personal") {
  struct Row {
    const char* body;
    TokenKind kind;
    const char* name;
    const char* text;
  };
  const Row rows[] = {
      {R"({"githubLogin":"alice","name":"Alice"})", TokenKind::Personal, "", "live: personal token of alice"},
      {R"({"githubLogin":"alice","tokenInfo":{"name":"laptop"}})", TokenKind::Personal, "laptop",
       "live: personal token \"laptop\" of alice"},
      {R"({"githubLogin":"acme","tokenInfo":{"name":"ci","organization":"acme"}})", TokenKind::Organization, "ci",
       "live: organization token \"ci\" of acme"},
      {R"({"githubLogin":"acme","tokenInfo":{"name":"deploy","organization":"acme","team":"platform"}})",
       TokenKind::Team, "deploy", "live: team token \"deploy\" of platform in acme"},
      {R"({"githubLogin":"x","tokenInfo":null})", TokenKind::Personal, "", "live: personal token of x"},
  };
  for (const Row& row : rows) {
    const std::string body = row.body;
    CAPTURE(body);
    const auto v = verification_from_response(answer(200, row.body));
    CHECK(v.liveness == Liveness::Live);
    CHECK(v.kind == row.kind);
    CHECK(v.token_name == row.name);
    CHECK(ptl::verify::describe(v) == row.text);
  }
}

TEST_CASE("401 is not live; every other answer and every error is unknown with a reason") {
  CHECK(verification_from_response(answer(401)).liveness == Liveness::NotLive);
  CHECK(ptl::verify::describe(verification_from_response(answer(401))) == "not live");
  struct Row {
    HttpsResult result;
    const char* reason;
  };
  HttpsResult timeout;
  timeout.error = "timed out after 10 s";
  const Row rows[] = {
      {answer(403), "the API refused the request (HTTP 403)"},
      {answer(429, "", "30"), "rate-limited by the API (HTTP 429, retry after 30 s)"},
      {answer(429, "", "Wed, 21 Oct 2026 07:28:00 GMT"),
       "rate-limited by the API (HTTP 429, retry after Wed, 21 Oct 2026 07:28:00 GMT)"},
      {answer(429, "", "<script>"), "rate-limited by the API (HTTP 429)"},
      {answer(429), "rate-limited by the API (HTTP 429)"},
      {answer(302), "the API answered with a redirect (HTTP 302), which is not followed"},
      {answer(500), "the API failed (HTTP 500)"},
      {answer(503), "the API failed (HTTP 503)"},
      {answer(404), "unexpected answer from the API (HTTP 404)"},
      {answer(200, "<html>"), "unexpected answer from the API (HTTP 200 without a JSON object)"},
      {answer(200, "[1]"), "unexpected answer from the API (HTTP 200 without a JSON object)"},
      {answer(200, R"({"name":"Alice"})"), "unexpected answer from the API (HTTP 200 without githubLogin)"},
      {answer(200, R"({"githubLogin":7})"), "unexpected answer from the API (HTTP 200 without githubLogin)"},
      {timeout, "timed out after 10 s"},
  };
  for (const Row& row : rows) {
    const std::string reason = row.reason;
    CAPTURE(reason);
    const auto v = verification_from_response(row.result);
    CHECK(v.liveness == Liveness::Unknown);
    CHECK(v.reason == row.reason);
    CHECK(ptl::verify::describe(v) == std::string("unknown: ") + row.reason);
  }
}

TEST_CASE("the backend is the setting, else PULUMI_BACKEND_URL, else the Pulumi Cloud; DIY backends have no API") {
  ::unsetenv("PULUMI_BACKEND_URL");
  CHECK(ptl::verify::resolve_backend("") == "https://api.pulumi.com");
  CHECK(ptl::verify::resolve_backend("https://pulumi.corp/") == "https://pulumi.corp");
  ::setenv("PULUMI_BACKEND_URL", "s3://bucket/state", 1);
  CHECK(ptl::verify::resolve_backend("") == "s3://bucket/state");
  CHECK(ptl::verify::resolve_backend("https://pulumi.corp") == "https://pulumi.corp");
  ::unsetenv("PULUMI_BACKEND_URL");

  CHECK(ptl::verify::diy_backend_reason("https://api.pulumi.com").empty());
  CHECK(ptl::verify::diy_backend_reason("HTTPS://api.pulumi.com").empty());
  for (const char* diy : {"file:///tmp/x", "s3://b", "azblob://c", "gs://d"}) {
    const std::string backend = diy;
    CAPTURE(backend);
    const std::string reason = ptl::verify::diy_backend_reason(diy);
    CHECK(reason.find("DIY backend") != std::string::npos);
    CHECK(reason.find("no API") != std::string::npos);
  }
  CHECK(ptl::verify::diy_backend_reason("http://pulumi.local").find("not an https:// URL") != std::string::npos);
  CHECK(ptl::verify::diy_backend_reason("~/state").find("not an https:// URL") != std::string::npos);
}

TEST_CASE("the verifier sends the token only in the Authorization header, and caches live and not-live answers") {
  const std::string token = ptl::testing::make_token(7);
  std::string expected = token;  // the token the next request must carry
  std::atomic<int> requests{0};
  ptl::verify::TokenVerifierOptions options;
  options.backend = "https://api.example.com/";
  options.requests_per_second = 0;
  ptl::verify::TokenVerifier verifier(options, [&](const ptl::verify::HttpsRequest& r) {
    ++requests;
    CHECK(r.method == "GET");
    CHECK(r.url == "https://api.example.com/api/user");
    CHECK(r.url.find("pul-") == std::string::npos);
    CHECK(r.timeout == std::chrono::milliseconds(10000));
    REQUIRE(r.headers.size() == 2);
    CHECK(r.headers[0].first == "Authorization");
    // Not decomposed: a failure must not print the token.
    CHECK((r.headers[0].second == "token " + expected));
    CHECK(r.headers[1].first == "Accept");
    CHECK(r.headers[1].second == "application/vnd.pulumi+8");
    return answer(200, R"({"githubLogin":"alice"})");
  });
  CHECK(verifier.backend() == "https://api.example.com");
  CHECK(verifier.verify(token).liveness == Liveness::Live);
  CHECK(verifier.verify(token).owner == "alice");
  CHECK(requests == 1);
  expected = ptl::testing::make_token(8);
  CHECK(verifier.verify(expected).liveness == Liveness::Live);
  CHECK(requests == 2);
}

TEST_CASE("unknown answers are not cached, and an expired answer is asked again") {
  std::atomic<int> requests{0};
  ptl::verify::TokenVerifierOptions options;
  options.backend = "https://api.example.com";
  options.requests_per_second = 0;
  SUBCASE("unknown") {
    ptl::verify::TokenVerifier verifier(options, [&](const ptl::verify::HttpsRequest&) {
      ++requests;
      return answer(503);
    });
    CHECK(verifier.verify(ptl::testing::make_token()).reason == "the API failed (HTTP 503)");
    CHECK(verifier.verify(ptl::testing::make_token()).liveness == Liveness::Unknown);
    CHECK(requests == 2);
  }
  SUBCASE("expired") {
    options.cache_ttl = std::chrono::seconds(0);
    ptl::verify::TokenVerifier verifier(options, [&](const ptl::verify::HttpsRequest&) {
      ++requests;
      return answer(401);
    });
    CHECK(verifier.verify(ptl::testing::make_token()).liveness == Liveness::NotLive);
    CHECK(verifier.verify(ptl::testing::make_token()).liveness == Liveness::NotLive);
    CHECK(requests == 2);
  }
}

TEST_CASE("threads asking about the same token at once share one request") {
  std::atomic<int> requests{0};
  ptl::verify::TokenVerifierOptions options;
  options.backend = "https://api.example.com";
  options.requests_per_second = 0;
  ptl::verify::TokenVerifier verifier(options, [&](const ptl::verify::HttpsRequest&) {
    ++requests;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // so the others arrive while it is in flight
    return answer(200, R"({"githubLogin":"alice"})");
  });
  std::vector<std::thread> threads;
  std::atomic<int> live{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (verifier.verify(ptl::testing::make_token(3)).liveness == Liveness::Live) ++live;
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(live == 8);
  CHECK(requests == 1);
}

TEST_CASE("a DIY backend answers unknown without a request") {
  ptl::verify::TokenVerifierOptions options;
  options.backend = "file:///tmp/state";
  bool asked = false;
  ptl::verify::TokenVerifier verifier(options, [&](const ptl::verify::HttpsRequest&) {
    asked = true;
    return answer(200, R"({"githubLogin":"alice"})");
  });
  const auto v = verifier.verify(ptl::testing::make_token());
  CHECK(v.liveness == Liveness::Unknown);
  CHECK(v.reason == "the backend is a DIY backend (file://), which has no API to ask whether a token is live");
  CHECK_FALSE(asked);
}

TEST_CASE("a transport that throws gives unknown, not an exception") {
  ptl::verify::TokenVerifierOptions options;
  options.backend = "https://api.example.com";
  options.requests_per_second = 0;
  ptl::verify::TokenVerifier verifier(options, [](const ptl::verify::HttpsRequest&) -> HttpsResult {
    throw std::runtime_error("boom");
  });
  CHECK(verifier.verify(ptl::testing::make_token()).reason == "internal error while asking the API");
}

TEST_CASE("the rate limiter spaces acquisitions over all threads") {
  // Three acquisitions at 20 a second: the third is at least 100 ms after the first. (A lower
  // bound only: a slow machine makes it longer, never shorter.)
  ptl::verify::RateLimiter limiter(20);
  const auto start = std::chrono::steady_clock::now();
  std::thread other([&] { limiter.acquire(); });
  limiter.acquire();
  other.join();
  limiter.acquire();
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(100));
}
