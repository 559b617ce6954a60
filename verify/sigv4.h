#pragma once
// AWS Signature Version 4 (the Authorization header of every AWS API request), for the AWS
// Secrets Manager store of the rotation flow (issue 15). Pure: the time is a parameter, nothing is
// sent. Specification: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "verify/https_client.h"

namespace ptl::verify {

// The credentials a request is signed with (the standard chain's AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN).
struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty unless the credentials are temporary
};

// The X-Amz-Date of `time`, in UTC: "20150830T123600Z".
std::string amz_date(std::chrono::system_clock::time_point time);

// The signing key, 32 raw bytes: HMAC-SHA256 chained over "AWS4" + secret, `date` ("20150830"),
// `region`, `service` and "aws4_request".
std::string sigv4_signing_key(std::string_view secret_access_key, std::string_view date, std::string_view region,
                              std::string_view service);

// The steps of one signature, for tests and for a person checking a dry run. Holds no secret:
// the signature is an HMAC, the rest is the request.
struct SigV4Signature {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signed_headers;  // "content-type;host;x-amz-date"
  std::string signature;       // 64 lowercase hex digits
  std::string authorization;   // the Authorization header: "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..."
};

// The signature of `request` as it stands. Signed: every header of request.headers but
// Authorization (names lowercased, values trimmed with inner runs of spaces collapsed, equal
// names joined by ","), plus Host (host_header of the URL) when the request has none. The request
// must hold X-Amz-Date (its first 8 characters are the scope's date). The URL's path and query
// are taken as already encoded (the query's parameters are sorted); the body is hashed as is.
// nullopt with `error` set when the URL is not https (parse_https_url's reason) or X-Amz-Date is
// missing; the error never holds a header value.
std::optional<SigV4Signature> sigv4_signature(const HttpsRequest& request, const AwsCredentials& credentials,
                                              std::string_view region, std::string_view service, std::string& error);

// Signs `request` in place: sets Host (so the signed value is the one sent), X-Amz-Date from
// `time`, X-Amz-Security-Token when credentials.session_token is set (signed too), then
// Authorization. False with `error` as sigv4_signature's; the request is then unchanged.
bool sigv4_sign(HttpsRequest& request, const AwsCredentials& credentials, std::string_view region,
                std::string_view service, std::chrono::system_clock::time_point time, std::string& error);

}  // namespace ptl::verify
