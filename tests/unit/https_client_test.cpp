// verify/https_client.h's pure parts: URL parsing and NO_PROXY matching (the exchange itself is
// tested through the real binary against a local TLS server: tests/verify/verify_test.py).
#include "verify/https_client.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

using ptl::verify::parse_https_url;

TEST_CASE("https URLs split into host, port and target; a missing path is /") {
  struct Row {
    const char* url;
    const char* host;
    const char* port;
    const char* target;
  };
  const Row rows[] = {
      {"https://api.pulumi.com", "api.pulumi.com", "443", "/"},
      {"https://api.pulumi.com/", "api.pulumi.com", "443", "/"},
      {"HTTPS://API.Example.com:8443/api/user", "api.example.com", "8443", "/api/user"},
      {"https://127.0.0.1:9000/api/user?x=1#frag", "127.0.0.1", "9000", "/api/user?x=1"},
      {"https://[::1]:8443/a", "::1", "8443", "/a"},
      {"https://[::1]", "::1", "443", "/"},
      {"https://host?q=1", "host", "443", "/?q=1"},
  };
  for (const Row& row : rows) {
    const std::string given = row.url;
    CAPTURE(given);
    std::string error;
    const auto url = parse_https_url(row.url, error);
    REQUIRE(url);
    CHECK(url->host == row.host);
    CHECK(url->port == row.port);
    CHECK(url->target == row.target);
  }
}

TEST_CASE("URLs that are not https, hold credentials or a bad host or port are refused without repeating them") {
  struct Row {
    const char* url;
    const char* error;
  };
  const Row rows[] = {
      {"http://api.pulumi.com", "not an https:// URL"},
      {"file:///tmp/state", "not an https:// URL"},
      {"api.pulumi.com", "not an https:// URL"},
      {"https://user:secret@api.pulumi.com/", "credentials in the URL are not supported"},
      {"https://", "no host"},
      {"https://:443/", "no host"},
      {"https://host:0/", "invalid port"},
      {"https://host:65536/", "invalid port"},
      {"https://host:/", "invalid port"},
      {"https://host:44a/", "invalid port"},
      {"https://[::1/", "unclosed [ in the host"},
      {"https://[nothost]/", "not an IPv6 address in [ ]"},
      {"https://ho st/", "spaces or control characters in the URL"},
      {"https://host\r\nX: y/", "spaces or control characters in the URL"},
      {"https://ho$t/", "invalid characters in the host"},
  };
  for (const Row& row : rows) {
    const std::string given = row.url;
    CAPTURE(given);
    std::string error;
    CHECK_FALSE(parse_https_url(row.url, error));
    CHECK(error == row.error);
    CHECK(error.find("secret") == std::string::npos);
  }
}

TEST_CASE("NO_PROXY exempts equal hosts, subdomains, ports and everything with *, as curl reads it") {
  struct Row {
    const char* no_proxy;
    const char* host;
    const char* port;
    bool exempt;
  };
  const Row rows[] = {
      {"", "api.pulumi.com", "443", false},
      {"*", "api.pulumi.com", "443", true},
      {"pulumi.com", "api.pulumi.com", "443", true},
      {".pulumi.com", "api.pulumi.com", "443", true},
      {".pulumi.com", "pulumi.com", "443", true},
      {"pulumi.com", "notpulumi.com", "443", false},
      {"PULUMI.COM", "api.pulumi.com", "443", true},
      {"example.org, pulumi.com", "api.pulumi.com", "443", true},
      {"example.org pulumi.com", "api.pulumi.com", "443", true},
      {"example.org,,", "api.pulumi.com", "443", false},
      {"pulumi.com:443", "api.pulumi.com", "443", true},
      {"pulumi.com:8443", "api.pulumi.com", "443", false},
      {"127.0.0.1", "127.0.0.1", "8443", true},
      {"0.0.1", "127.0.0.1", "8443", false},  // an IP address only exempts itself
      {"127.0.0.1:9", "127.0.0.1", "8443", false},
      {"::1", "::1", "443", true},
      {"[::1]:443", "::1", "443", true},
      {"[::1]:80", "::1", "443", false},
      {"localhost", "LocalHost", "443", true},
  };
  for (const Row& row : rows) {
    const std::string no_proxy = row.no_proxy, host = row.host;
    CAPTURE(no_proxy);
    CAPTURE(host);
    CHECK(ptl::verify::no_proxy_matches(row.no_proxy, row.host, row.port) == row.exempt);
  }
}

namespace {

// Sets (or unsets, with nullptr) an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the proxy comes from HTTPS_PROXY, else https_proxy, with credentials as Basic and NO_PROXY") {
  const ScopedEnv lower_no("no_proxy", nullptr);
  SUBCASE("none set: no proxy") {
    const ScopedEnv a("HTTPS_PROXY", nullptr), b("https_proxy", nullptr);
    std::string error;
    CHECK_FALSE(ptl::verify::proxy_from_environment(error));
    CHECK(error.empty());
  }
  SUBCASE("http:// with user and password, a path and NO_PROXY") {
    const ScopedEnv a("HTTPS_PROXY", "http://alice:s3cret@Proxy.Corp:3128/"), b("NO_PROXY", "internal");
    std::string error;
    const auto proxy = ptl::verify::proxy_from_environment(error);
    REQUIRE(proxy);
    CHECK(proxy->host == "proxy.corp");
    CHECK(proxy->port == "3128");
    CHECK(proxy->authorization == "Basic YWxpY2U6czNjcmV0");  // base64("alice:s3cret")
    CHECK(proxy->no_proxy == "internal");
  }
  SUBCASE("the lowercase name when the uppercase one is unset; no scheme and no port is curl's 1080") {
    const ScopedEnv a("HTTPS_PROXY", nullptr), b("https_proxy", "proxy.local"), c("NO_PROXY", nullptr);
    std::string error;
    const auto proxy = ptl::verify::proxy_from_environment(error);
    REQUIRE(proxy);
    CHECK(proxy->host == "proxy.local");
    CHECK(proxy->port == "1080");
    CHECK(proxy->authorization.empty());
  }
  SUBCASE("an https:// proxy is refused without repeating the URL") {
    const ScopedEnv a("HTTPS_PROXY", "https://bob:hunter2@proxy:443");
    std::string error;
    CHECK_FALSE(ptl::verify::proxy_from_environment(error));
    CHECK(error == "HTTPS_PROXY: only http:// proxies are supported");
  }
  SUBCASE("a bad port is refused") {
    const ScopedEnv a("HTTPS_PROXY", "http://proxy:99999");
    std::string error;
    CHECK_FALSE(ptl::verify::proxy_from_environment(error));
    CHECK(error == "HTTPS_PROXY: invalid port");
  }
}

TEST_CASE("a client sends nothing to a URL that is not https and says why") {
  ptl::verify::HttpsClient client(std::nullopt);
  REQUIRE(client.ok());
  ptl::verify::HttpsRequest request;
  request.url = "http://127.0.0.1:1/api/user";
  const auto result = client.send(request);
  CHECK_FALSE(result.response);
  CHECK(result.error == "not an https:// URL");
}
