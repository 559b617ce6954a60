#include "verify/https_client.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace ptl::verify {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool is_ip_address(const std::string& host) {
  boost::system::error_code ec;
  net::ip::make_address(host, ec);
  return !ec;
}

bool valid_port(std::string_view port) {
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos) return false;
  const unsigned long n = std::strtoul(std::string(port).c_str(), nullptr, 10);
  return n >= 1 && n <= 65535;
}

// "host", "host:port", "[v6]" or "[v6]:port" -> host (lowercase, no brackets) and port (or
// `default_port`).
bool split_host_port(std::string_view authority, std::string_view default_port, std::string& host, std::string& port,
                     std::string& error) {
  std::string_view h = authority, p;
  bool has_port = false;
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return error = "unclosed [ in the host", false;
    h = authority.substr(1, close - 1);
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':')) return error = "unexpected text after the host", false;
    has_port = !rest.empty();
    if (has_port) p = rest.substr(1);
    if (!is_ip_address(std::string(h))) return error = "not an IPv6 address in [ ]", false;
  } else if (const std::size_t colon = authority.find(':'); colon != std::string_view::npos) {
    h = authority.substr(0, colon);
    p = authority.substr(colon + 1);
    has_port = true;
  }
  if (h.empty()) return error = "no host", false;
  if (!authority.starts_with('[') &&
      h.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._") != std::string_view::npos) {
    return error = "invalid characters in the host", false;
  }
  if (has_port && !valid_port(p)) return error = "invalid port", false;
  host = lower(h);
  port = p.empty() ? std::string(default_port) : std::string(p);
  return true;
}

std::string base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()));
  out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return out;
}

const char* env(const char* upper, const char* lower_name) {
  const char* v = std::getenv(upper);
  if (v == nullptr || *v == '\0') v = std::getenv(lower_name);
  return v != nullptr && *v != '\0' ? v : nullptr;
}

}  // namespace

std::optional<HttpsUrl> parse_https_url(std::string_view url, std::string& error) {
  constexpr std::string_view kScheme = "https://";
  if (url.size() < kScheme.size() || lower(url.substr(0, kScheme.size())) != kScheme) {
    error = "not an https:// URL";
    return std::nullopt;
  }
  const std::string_view rest = url.substr(kScheme.size());
  const std::size_t authority_end = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, authority_end);
  std::string_view tail = authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  tail = tail.substr(0, tail.find('#'));
  if (authority.find('@') != std::string_view::npos) {
    error = "credentials in the URL are not supported";
    return std::nullopt;
  }
  if (std::any_of(url.begin(), url.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; })) {
    error = "spaces or control characters in the URL";
    return std::nullopt;
  }
  HttpsUrl out;
  if (!split_host_port(authority, "443", out.host, out.port, error)) return std::nullopt;
  out.target = tail.empty() ? "/" : tail.starts_with('?') ? "/" + std::string(tail) : std::string(tail);
  return out;
}

std::string host_header(const HttpsUrl& url) {
  const std::string host = url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host;
  return url.port == "443" ? host : host + ":" + url.port;
}

bool no_proxy_matches(std::string_view no_proxy, std::string_view host_in, std::string_view port) {
  std::string host = lower(host_in);
  if (host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
  const bool host_is_ip = is_ip_address(host);
  std::size_t i = 0;
  while (i < no_proxy.size()) {
    const std::size_t end = std::min(no_proxy.find_first_of(", \t", i), no_proxy.size());
    std::string entry = lower(no_proxy.substr(i, end - i));
    i = end + 1;
    if (entry.empty()) continue;
    if (entry == "*") return true;
    std::string entry_port;
    if (entry.starts_with('[')) {
      const std::size_t close = entry.find(']');
      if (close == std::string::npos) continue;
      if (entry.size() > close + 1 && entry[close + 1] == ':') entry_port = entry.substr(close + 2);
      entry = entry.substr(1, close - 1);
    } else if (std::count(entry.begin(), entry.end(), ':') == 1) {
      const std::size_t colon = entry.find(':');
      entry_port = entry.substr(colon + 1);
      entry.resize(colon);
    }
    if (!entry_port.empty() && entry_port != port) continue;
    if (entry.starts_with('.')) entry.erase(0, 1);
    if (entry.empty()) continue;
    if (host == entry) return true;
    // A domain exempts its subdomains; an IP address only itself.
    if (!host_is_ip && host.size() > entry.size() && host.ends_with(entry) &&
        host[host.size() - entry.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

std::optional<ProxySettings> proxy_from_environment(std::string& error) {
  const char* value = env("HTTPS_PROXY", "https_proxy");
  if (value == nullptr) return std::nullopt;
  std::string_view url = value;
  if (const std::size_t scheme_end = url.find("://"); scheme_end != std::string_view::npos) {
    if (lower(url.substr(0, scheme_end)) != "http") {
      error = "HTTPS_PROXY: only http:// proxies are supported";
      return std::nullopt;
    }
    url.remove_prefix(scheme_end + 3);
  }
  url = url.substr(0, url.find('/'));
  ProxySettings proxy;
  if (const std::size_t at = url.rfind('@'); at != std::string_view::npos) {
    proxy.authorization = "Basic " + base64(url.substr(0, at));
    url.remove_prefix(at + 1);
  }
  std::string reason;
  if (!split_host_port(url, "1080", proxy.host, proxy.port, reason)) {
    error = "HTTPS_PROXY: " + reason;
    return std::nullopt;
  }
  if (const char* no = env("NO_PROXY", "no_proxy")) proxy.no_proxy = no;
  return proxy;
}

namespace {

std::string seconds_text(std::chrono::milliseconds d) {
  return d.count() % 1000 == 0 ? fmt::format("{} s", d.count() / 1000) : fmt::format("{:.1f} s", d.count() / 1000.0);
}

// An error code as a short phrase for a person (the caller adds the TLS detail).
std::string describe(const boost::system::error_code& ec, std::string_view host) {
  if (ec == net::error::connection_refused) return "connection refused";
  if (ec == net::error::eof || ec == net::error::connection_reset || ec == net::error::broken_pipe ||
      ec == net::error::connection_aborted || ec == http::error::end_of_stream || ec == http::error::partial_message ||
      ec == ssl::error::stream_truncated) {
    return "the server closed the connection";
  }
  if (ec == net::error::host_not_found || ec == net::error::host_not_found_try_again ||
      ec == net::error::no_data) {
    return fmt::format("cannot resolve {}", host);
  }
  if (ec == net::error::network_unreachable) return "network unreachable";
  if (ec == net::error::host_unreachable) return "host unreachable";
  if (ec == net::error::timed_out) return "connection timed out";
  if (ec.category() == make_error_code(http::error::bad_version).category()) return "not a valid HTTP response";
  return ec.message();
}

// One request's exchange on its own I/O context: resolve, connect, [CONNECT through the proxy],
// TLS handshake, write, read, all under one deadline. Handlers run on the calling thread (run()).
class Exchange {
 public:
  Exchange(ssl::context& context, const HttpsUrl& url, const HttpsRequest& request, const ProxySettings* proxy)
      : url_(url), request_(request), proxy_(proxy), stream_(ioc_, context) {}

  HttpsResult run() {
    deadline_.expires_after(request_.timeout);
    deadline_.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;  // cancelled: the exchange ended first
      fail(fmt::format("timed out after {}", seconds_text(request_.timeout)));
    });
    const std::string& host = proxy_ != nullptr ? proxy_->host : url_.host;
    const std::string& port = proxy_ != nullptr ? proxy_->port : url_.port;
    resolver_.async_resolve(host, port, [this](const boost::system::error_code& ec, tcp::resolver::results_type r) {
      on_resolve(ec, std::move(r));
    });
    ioc_.run();
    HttpsResult result;
    if (!error_.empty()) {
      result.error = std::move(error_);
    } else {
      result.response = std::move(response_);
    }
    return result;
  }

 private:
  // Ends the exchange with `why` (the first reason wins: a timeout's handlers fail with
  // operation_aborted afterwards).
  void fail(std::string why) {
    if (done_) return;
    done_ = true;
    error_ = std::move(why);
    stop();
  }
  void fail(const boost::system::error_code& ec, std::string_view stage = {}) {
    fail(fmt::format("{}{}", stage, describe(ec, proxy_ != nullptr && stage.empty() ? proxy_->host : url_.host)));
  }
  void stop() {
    deadline_.cancel();
    resolver_.cancel();
    boost::system::error_code ignored;
    stream_.next_layer().close(ignored);
  }

  void on_resolve(const boost::system::error_code& ec, const tcp::resolver::results_type& results) {
    if (done_) return;
    if (ec) return fail(ec, proxy_ != nullptr ? "proxy: " : "");
    net::async_connect(stream_.next_layer(), results,
                       [this](const boost::system::error_code& e, const tcp::endpoint&) { on_connect(e); });
  }

  void on_connect(const boost::system::error_code& ec) {
    if (done_) return;
    if (ec) return fail(ec, proxy_ != nullptr ? "proxy: " : "");
    if (proxy_ == nullptr) return handshake();
    const std::string authority =
        url_.host.find(':') != std::string::npos ? fmt::format("[{}]:{}", url_.host, url_.port)
                                                 : fmt::format("{}:{}", url_.host, url_.port);
    connect_request_ = {http::verb::connect, authority, 11};
    connect_request_.set(http::field::host, authority);
    if (!proxy_->authorization.empty()) connect_request_.set(http::field::proxy_authorization, proxy_->authorization);
    http::async_write(stream_.next_layer(), connect_request_,
                      [this](const boost::system::error_code& e, std::size_t) { on_connect_written(e); });
  }

  void on_connect_written(const boost::system::error_code& ec) {
    if (done_) return;
    if (ec) return fail(ec, "proxy: ");
    connect_response_.skip(true);  // a 2xx answer to CONNECT has no body: the tunnel follows
    http::async_read(stream_.next_layer(), buffer_, connect_response_,
                     [this](const boost::system::error_code& e, std::size_t) { on_connect_answered(e); });
  }

  void on_connect_answered(const boost::system::error_code& ec) {
    if (done_) return;
    if (ec) return fail(ec, "proxy: ");
    const unsigned status = connect_response_.get().result_int();
    if (status < 200 || status > 299) return fail(fmt::format("proxy: CONNECT refused (HTTP {})", status));
    if (buffer_.size() != 0) return fail("proxy: unexpected bytes after the CONNECT response");
    handshake();
  }

  void handshake() {
    SSL* ssl_handle = stream_.native_handle();
    if (is_ip_address(url_.host)) {
      X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_handle), url_.host.c_str());
    } else {
      // SNI, and the name the certificate must carry (OpenSSL checks it during the handshake).
      SSL_set_tlsext_host_name(ssl_handle, url_.host.c_str());
      SSL_set1_host(ssl_handle, url_.host.c_str());
    }
    stream_.set_verify_mode(ssl::verify_peer);
    stream_.async_handshake(ssl::stream_base::client,
                            [this](const boost::system::error_code& e) { on_handshake(e); });
  }

  void on_handshake(const boost::system::error_code& ec) {
    if (done_) return;
    if (ec) {
      const long verify = SSL_get_verify_result(stream_.native_handle());
      if (verify != X509_V_OK) {
        return fail(fmt::format("TLS: certificate verify failed ({})", X509_verify_cert_error_string(verify)));
      }
      if (ec.category() == net::error::get_ssl_category()) return fail("TLS: " + ec.message());
      return fail(ec);
    }
    request_message_.method_string(request_.method);
    request_message_.target(url_.target);
    request_message_.version(11);
    request_message_.set(http::field::host, host_header(url_));
    request_message_.set(http::field::user_agent, "pulumi-token-lsp");
    request_message_.set(http::field::connection, "close");
    for (const auto& [name, value] : request_.headers) request_message_.set(name, value);
    request_message_.body() = request_.body;
    if (!request_.body.empty() || request_.method == "POST" || request_.method == "PUT") {
      request_message_.prepare_payload();
    }
    http::async_write(stream_, request_message_,
                      [this](const boost::system::error_code& e, std::size_t) { on_written(e); });
  }

  void on_written(const boost::system::error_code& ec) {
    if (done_) return;
    if (ec) return fail(ec);
    response_parser_.header_limit(16 * 1024);
    response_parser_.body_limit(request_.max_response_bytes);
    http::async_read(stream_, buffer_, response_parser_,
                     [this](const boost::system::error_code& e, std::size_t) { on_read(e); });
  }

  void on_read(boost::system::error_code ec) {
    if (done_) return;
    // A body that ends with the connection, closed without TLS's close_notify, is still whole.
    if (ec == ssl::error::stream_truncated && response_parser_.is_header_done() && response_parser_.need_eof()) {
      ec = {};
    }
    if (ec == http::error::body_limit) {
      return fail(fmt::format("the response is larger than {} bytes", request_.max_response_bytes));
    }
    if (ec == http::error::header_limit) return fail("the response's header is too large");
    if (ec) return fail(ec);
    const auto& message = response_parser_.get();
    response_.status = static_cast<int>(message.result_int());
    response_.location = std::string(message[http::field::location]);
    response_.retry_after = std::string(message[http::field::retry_after]);
    response_.content_type = std::string(message[http::field::content_type]);
    response_.body = message.body();
    done_ = true;
    stop();
  }

  // The I/O context first: everything below is destroyed before it.
  net::io_context ioc_;
  const HttpsUrl& url_;
  const HttpsRequest& request_;
  const ProxySettings* proxy_;
  net::steady_timer deadline_{ioc_};
  tcp::resolver resolver_{ioc_};
  ssl::stream<tcp::socket> stream_;
  beast::flat_buffer buffer_;
  http::request<http::empty_body> connect_request_;
  http::response_parser<http::empty_body> connect_response_;
  http::request<http::string_body> request_message_;
  http::response_parser<http::string_body> response_parser_;
  HttpsResponse response_;
  std::string error_;
  bool done_ = false;
};

}  // namespace

struct HttpsClient::Impl {
  explicit Impl(std::optional<ProxySettings> p) : proxy(std::move(p)) {
    // OpenSSL's default CA store (SSL_CERT_FILE, SSL_CERT_DIR, else the system's), TLS 1.2 at
    // least, and the peer always verified.
    if (SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION) != 1) {
      error = "TLS: cannot require TLS 1.2";
    }
    boost::system::error_code ec;
    context.set_default_verify_paths(ec);
    if (ec) error = "TLS: cannot load the default CA store: " + ec.message();
    context.set_verify_mode(ssl::verify_peer, ec);
  }
  ssl::context context{ssl::context::tls_client};
  std::optional<ProxySettings> proxy;
  std::string error;
};

HttpsClient::HttpsClient() {
  std::string proxy_error;
  impl_ = std::make_unique<Impl>(proxy_from_environment(proxy_error));
  if (!proxy_error.empty()) impl_->error = proxy_error;
}

HttpsClient::HttpsClient(std::optional<ProxySettings> proxy) : impl_(std::make_unique<Impl>(std::move(proxy))) {}

HttpsClient::~HttpsClient() = default;

bool HttpsClient::ok() const { return impl_->error.empty(); }
const std::string& HttpsClient::error() const { return impl_->error; }

HttpsResult HttpsClient::send(const HttpsRequest& request) const {
  HttpsResult result;
  if (!impl_->error.empty()) {
    result.error = impl_->error;
    return result;
  }
  const std::optional<HttpsUrl> url = parse_https_url(request.url, result.error);
  if (!url) return result;
  if (http::string_to_verb(request.method) == http::verb::unknown) {
    result.error = "unsupported HTTP method";
    return result;
  }
  const ProxySettings* proxy =
      impl_->proxy && !no_proxy_matches(impl_->proxy->no_proxy, url->host, url->port) ? &*impl_->proxy : nullptr;
  try {
    return Exchange(impl_->context, *url, request, proxy).run();
  } catch (const std::exception& e) {
    // Asio throws only when a resource runs out (no memory, no descriptors).
    result.error = e.what();
    return result;
  }
}

}  // namespace ptl::verify
