#pragma once
// The transport of a dry run: every request recorded, none sent.

#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "verify/https_client.h"

namespace ptl::verify {

// A request as a dry run shows it: no credential and no token in it.
struct RecordedRequest {
  std::string method;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // names as sent, values redacted
  std::string body;                                          // redacted
  std::string condition{};                                   // HttpsRequest::condition
};

// The error every recorded request is answered with.
inline constexpr std::string_view kNotSent = "not sent (dry run)";

// An HttpsTransport that sends nothing: it records each request and answers it with no response
// and the error kNotSent. What it keeps is redacted as it is recorded, so it never holds a
// secret: the URL, every header value and the body go through `redact` (which masks tokens:
// server/ passes one built on detectors/token_mask.h and the store credentials it knows), and the
// values of credential headers (Authorization, Proxy-Authorization, X-Vault-Token,
// X-Amz-Security-Token, Cookie) are shown only as their scheme ("token", "Bearer", "AWS4-HMAC-SHA256",
// ...) followed by the redacted rest when `redact` changed it (a masked token preview), else by
// "<masked>".
// Thread-safety: the transport may be called from any number of threads.
class RecordingTransport {
 public:
  using Redact = std::function<std::string(std::string_view)>;

  explicit RecordingTransport(Redact redact);

  // The transport to pass to the API clients; valid while this object lives.
  HttpsTransport transport();

  // The requests recorded so far, in the order they were made.
  std::vector<RecordedRequest> requests() const;

 private:
  HttpsResult record(const HttpsRequest& request);

  Redact redact_;
  mutable std::mutex mutex_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace ptl::verify
