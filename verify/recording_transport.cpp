#include "verify/recording_transport.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace ptl::verify {

namespace {

bool is_credential_header(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kCredentialHeaders = {
      "authorization", "proxy-authorization", "x-vault-token", "x-amz-security-token", "cookie"};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kCredentialHeaders.begin(), kCredentialHeaders.end(), lower) != kCredentialHeaders.end();
}

}  // namespace

RecordingTransport::RecordingTransport(Redact redact) : redact_(std::move(redact)) {
  if (!redact_) redact_ = [](std::string_view s) { return std::string(s); };
}

HttpsTransport RecordingTransport::transport() {
  return [this](const HttpsRequest& request) { return record(request); };
}

std::vector<RecordedRequest> RecordingTransport::requests() const {
  const std::lock_guard lock(mutex_);
  return requests_;
}

HttpsResult RecordingTransport::record(const HttpsRequest& request) {
  RecordedRequest r;
  r.method = request.method;
  r.url = redact_(request.url);
  for (const auto& [name, value] : request.headers) {
    if (!is_credential_header(name)) {
      r.headers.emplace_back(name, redact_(value));
      continue;
    }
    // A scheme word ("token", "Bearer", "AWS4-HMAC-SHA256") says which kind of credential goes
    // where; the rest is shown only when redact() masked it into a preview.
    const std::size_t space = value.find(' ');
    const bool has_scheme = space != std::string::npos && space > 0 && space < 32 &&
                            std::all_of(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(space),
                                        [](unsigned char c) { return std::isalnum(c) || c == '-'; });
    const std::string_view rest = has_scheme ? std::string_view(value).substr(space + 1) : std::string_view(value);
    std::string shown = redact_(rest);
    if (shown == rest) shown = "<masked>";
    r.headers.emplace_back(name, has_scheme ? value.substr(0, space + 1) + shown : shown);
  }
  r.body = redact_(request.body);
  r.condition = request.condition;
  {
    const std::lock_guard lock(mutex_);
    requests_.push_back(std::move(r));
  }
  HttpsResult result;
  result.error = std::string(kNotSent);
  return result;
}

}  // namespace ptl::verify
