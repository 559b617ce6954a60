#include "verify/sigv4.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace ptl::verify {
namespace {

std::string hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) return {};
  return hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
           data.size(), mac, &length) == nullptr) {
    return {};
  }
  return std::string(reinterpret_cast<const char*>(mac), length);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Trimmed, with every run of spaces and tabs inside collapsed to one space (the canonical
// header value).
std::string canonical_value(std::string_view value) {
  std::string out;
  bool space = false;
  for (const char c : value) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The query's parameters sorted by name, then value (each kept as encoded).
std::string canonical_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> parameters;
  std::size_t i = 0;
  while (i <= query.size() && !query.empty()) {
    const std::size_t end = std::min(query.find('&', i), query.size());
    const std::string_view item = query.substr(i, end - i);
    if (!item.empty()) {
      const std::size_t equals = item.find('=');
      parameters.emplace_back(std::string(item.substr(0, equals)),
                              equals == std::string_view::npos ? std::string() : std::string(item.substr(equals + 1)));
    }
    i = end + 1;
  }
  std::sort(parameters.begin(), parameters.end());
  std::string out;
  for (const auto& [name, value] : parameters) {
    if (!out.empty()) out += '&';
    out += name + "=" + value;
  }
  return out;
}

const std::string* header_value(const HttpsRequest& request, std::string_view name) {
  for (const auto& [n, v] : request.headers) {
    if (lower(n) == name) return &v;
  }
  return nullptr;
}

void set_header(HttpsRequest& request, std::string_view name, std::string value) {
  const std::string wanted = lower(name);
  std::erase_if(request.headers, [&](const auto& h) { return lower(h.first) == wanted; });
  request.headers.emplace_back(std::string(name), std::move(value));
}

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

}  // namespace

std::string amz_date(std::chrono::system_clock::time_point time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

std::string sigv4_signing_key(std::string_view secret_access_key, std::string_view date, std::string_view region,
                              std::string_view service) {
  const std::string k_date = hmac_sha256("AWS4" + std::string(secret_access_key), date);
  const std::string k_region = hmac_sha256(k_date, region);
  const std::string k_service = hmac_sha256(k_region, service);
  return hmac_sha256(k_service, "aws4_request");
}

std::optional<SigV4Signature> sigv4_signature(const HttpsRequest& request, const AwsCredentials& credentials,
                                              std::string_view region, std::string_view service, std::string& error) {
  const std::optional<HttpsUrl> url = parse_https_url(request.url, error);
  if (!url) return std::nullopt;
  const std::string* date_time = header_value(request, "x-amz-date");
  if (date_time == nullptr || date_time->size() < 8) {
    error = "X-Amz-Date is not set";
    return std::nullopt;
  }
  std::map<std::string, std::string> headers;  // sorted by lowercase name
  for (const auto& [name, value] : request.headers) {
    const std::string key = lower(name);
    if (key == "authorization") continue;
    std::string& joined = headers[key];
    if (!joined.empty()) joined += ',';
    joined += canonical_value(value);
  }
  if (!headers.contains("host")) headers["host"] = host_header(*url);

  const std::size_t question = url->target.find('?');
  const std::string path = url->target.substr(0, question);
  const std::string query = question == std::string::npos ? std::string() : url->target.substr(question + 1);
  SigV4Signature out;
  std::string canonical_headers;
  for (const auto& [name, value] : headers) {
    canonical_headers += name + ":" + value + "\n";
    if (!out.signed_headers.empty()) out.signed_headers += ';';
    out.signed_headers += name;
  }
  out.canonical_request = fmt::format("{}\n{}\n{}\n{}\n{}\n{}", request.method, path.empty() ? "/" : path,
                                      canonical_query(query), canonical_headers, out.signed_headers,
                                      sha256_hex(request.body));
  const std::string date = date_time->substr(0, 8);
  const std::string scope = fmt::format("{}/{}/{}/aws4_request", date, region, service);
  out.string_to_sign = fmt::format("{}\n{}\n{}\n{}", kAlgorithm, *date_time, scope, sha256_hex(out.canonical_request));
  out.signature = hex(hmac_sha256(sigv4_signing_key(credentials.secret_access_key, date, region, service),
                                  out.string_to_sign));
  out.authorization = fmt::format("{} Credential={}/{}, SignedHeaders={}, Signature={}", kAlgorithm,
                                  credentials.access_key_id, scope, out.signed_headers, out.signature);
  return out;
}

bool sigv4_sign(HttpsRequest& request, const AwsCredentials& credentials, std::string_view region,
                std::string_view service, std::chrono::system_clock::time_point time, std::string& error) {
  const std::optional<HttpsUrl> url = parse_https_url(request.url, error);
  if (!url) return false;
  HttpsRequest signed_request = request;
  set_header(signed_request, "Host", host_header(*url));
  set_header(signed_request, "X-Amz-Date", amz_date(time));
  if (!credentials.session_token.empty()) set_header(signed_request, "X-Amz-Security-Token", credentials.session_token);
  const std::optional<SigV4Signature> signature =
      sigv4_signature(signed_request, credentials, region, service, error);
  if (!signature) return false;
  set_header(signed_request, "Authorization", signature->authorization);
  request = std::move(signed_request);
  return true;
}

}  // namespace ptl::verify
