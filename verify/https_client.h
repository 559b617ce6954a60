#pragma once
// One HTTPS request at a time, over Boost.Beast and OpenSSL: the one way the project talks to a
// web API (token verification now; the Pulumi, Vault, AWS and Conjur calls of the rotation flow
// later).

#include <chrono>
#include <functional>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ptl::verify {

// An https:// URL split for a request. `host` is a DNS name or an IP address (an IPv6 address
// without its brackets); `port` is decimal ("443" when the URL has none); `target` is the path
// and query ("/" when the URL has no path), never the fragment.
struct HttpsUrl {
  std::string host;
  std::string port = "443";
  std::string target = "/";
};

// Parses an https:// URL (the scheme case-insensitive). Anything else fails with a short reason
// in `error`: another scheme ("not an https:// URL"), user information ("credentials in the URL
// are not supported": they would end up in logs), an empty host, a bad port. The reason never
// repeats the URL.
std::optional<HttpsUrl> parse_https_url(std::string_view url, std::string& error);

// The Host header HttpsClient sends for `url`: the host (an IPv6 address in brackets), with
// ":port" unless the port is 443. What a request signature (verify/sigv4.h) must sign.
std::string host_header(const HttpsUrl& url);

// Whether NO_PROXY / no_proxy (`no_proxy`: a comma- or space-separated list) exempts `host`
// (`port`) from the proxy, as curl reads it: "*" exempts every host; an entry exempts the host
// equal to it and its subdomains (a leading dot is the same: ".example.com" and "example.com"
// both exempt a.example.com and example.com); an entry with ":port" only that port; an IP
// address only itself. Case-insensitive; IPv6 entries may be bracketed.
bool no_proxy_matches(std::string_view no_proxy, std::string_view host, std::string_view port);

// A forward proxy reached over plain TCP, through which requests go in a CONNECT tunnel (so the
// proxy sees the host and port, never the request).
struct ProxySettings {
  std::string host;
  std::string port = "80";
  std::string authorization;  // "Basic ..." from user:password in the proxy URL; empty: none
  std::string no_proxy;       // NO_PROXY / no_proxy
};

// The proxy of HTTPS_PROXY (else https_proxy): "http://[user:password@]host[:port][/]" or
// "host[:port]"; NO_PROXY (else no_proxy) exempts hosts. nullopt when no proxy is set; an
// unusable proxy URL (https:// or another scheme, no host, a bad port) sets `error`, which never
// repeats the URL (it may hold a password).
std::optional<ProxySettings> proxy_from_environment(std::string& error);

struct HttpsRequest {
  std::string method = "GET";  // GET, POST, PUT, DELETE, ...
  std::string url;             // https:// only (parse_https_url)
  std::vector<std::pair<std::string, std::string>> headers;  // sent as given; Host and User-Agent are set
  std::string body;            // sent with Content-Length when not empty (and for POST and PUT)
  std::chrono::milliseconds timeout{10000};  // for the whole exchange: resolve, connect, TLS, request, response
  std::size_t max_response_bytes = 1 << 20;  // a larger body is an error
  // Never sent: when a real run sends this request, for a dry run to show beside it ("only if the
  // secret does not exist yet"); empty: always.
  std::string condition{};
};

struct HttpsResponse {
  int status = 0;
  std::string location;     // the Location header (redirects are returned, never followed)
  std::string retry_after;  // the Retry-After header
  std::string content_type;
  std::string body;
};

// A response, or why there is none.
struct HttpsResult {
  std::optional<HttpsResponse> response;
  // Short and plain, for a person: "timed out after 10 s", "connection refused", "the server
  // closed the connection", "TLS: certificate verify failed (unable to get local issuer
  // certificate)", "cannot resolve api.example.com", "proxy: ...". Never a header value or a
  // body: errors are safe to log.
  std::string error;
};

// Sends HTTPS requests. Each certificate chain is verified against OpenSSL's default CA store
// (SSL_CERT_FILE and SSL_CERT_DIR are honoured) and the certificate's names against the URL's
// host (DNS name or IP address; SNI is sent for names). TLS 1.2 at least. Redirects are never
// followed. A proxy (proxy_from_environment, or given) is used through a CONNECT tunnel unless
// NO_PROXY exempts the host.
// Thread-safety: send() may be called from any number of threads at once; each call runs its own
// exchange on its own I/O context, blocking the calling thread until the response, an error or
// the timeout.
class HttpsClient {
 public:
  // Reads the proxy from the environment; a bad proxy setting makes every send() fail with it.
  HttpsClient();
  // An explicit proxy (nullopt: none).
  explicit HttpsClient(std::optional<ProxySettings> proxy);
  ~HttpsClient();
  HttpsClient(const HttpsClient&) = delete;
  HttpsClient& operator=(const HttpsClient&) = delete;

  // False when the TLS context could not be set up (error() says why); send() then fails with it.
  bool ok() const;
  const std::string& error() const;

  // One request, one response. Never throws.
  HttpsResult send(const HttpsRequest& request) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// How a caller sends requests: HttpsClient::send in the product, a stand-in in unit tests, a
// recorder for a dry run. The one way every API client here (TokenVerifier, the secret stores, the
// Pulumi token API) takes its transport.
using HttpsTransport = std::function<HttpsResult(const HttpsRequest&)>;

}  // namespace ptl::verify
