// verify/sigv4.h against AWS's published examples, and against the independent Python signer of
// tests/verify/standins.py (its self-test, tests/verify/standins_test.py, checks the same row).
#include "verify/sigv4.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

using ptl::verify::AwsCredentials;
using ptl::verify::HttpsRequest;

namespace {

// AWS's documentation example credentials (not a real key).
AwsCredentials example_credentials() {
  AwsCredentials c;
  c.access_key_id = "AKIDEXAMPLE";
  c.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  return c;
}

std::chrono::system_clock::time_point utc(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} + seconds{ss};
}

std::string hex(const std::string& bytes) {
  std::string out;
  for (const unsigned char c : bytes) {
    out += "0123456789abcdef"[c >> 4];
    out += "0123456789abcdef"[c & 15];
  }
  return out;
}

std::string header(const HttpsRequest& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "(none)";
}

}  // namespace

TEST_CASE("amz_date is the UTC basic ISO 8601 form") {
  CHECK(ptl::verify::amz_date(utc(2015, 8, 30, 12, 36, 0)) == "20150830T123600Z");
  CHECK(ptl::verify::amz_date(utc(2024, 1, 2, 3, 4, 5)) == "20240102T030405Z");
}

// The IAM ListUsers example of AWS's SigV4 documentation ("Create a signed AWS API request" and
// the older "Signature Version 4 signing process" pages): canonical request hash f536975d...,
// signing key c4afb1cc..., signature 5d672d79....
TEST_CASE("the IAM ListUsers example of AWS's documentation signs to the published signature") {
  HttpsRequest r;
  r.method = "GET";
  r.url = "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08";
  r.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  std::string error;
  REQUIRE(ptl::verify::sigv4_sign(r, example_credentials(), "us-east-1", "iam", utc(2015, 8, 30, 12, 36, 0), error));
  CHECK(header(r, "X-Amz-Date") == "20150830T123600Z");
  CHECK(header(r, "Host") == "iam.amazonaws.com");
  CHECK(header(r, "X-Amz-Security-Token") == "(none)");
  CHECK(header(r, "Authorization") ==
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date, "
        "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");

  const auto s = ptl::verify::sigv4_signature(r, example_credentials(), "us-east-1", "iam", error);
  REQUIRE(s.has_value());
  CHECK(s->canonical_request ==
        "GET\n/\nAction=ListUsers&Version=2010-05-08\n"
        "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n"
        "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(s->string_to_sign ==
        "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
        "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
  CHECK(hex(ptl::verify::sigv4_signing_key("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "iam")) ==
        "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
}

// get-vanilla-query-order-key-case of AWS's SigV4 test suite: the query's parameters are sorted.
TEST_CASE("the query's parameters are signed in sorted order, as in AWS's test suite") {
  HttpsRequest r;
  r.url = "https://example.amazonaws.com/?Param2=value2&Param1=value1";
  std::string error;
  REQUIRE(ptl::verify::sigv4_sign(r, example_credentials(), "us-east-1", "service", utc(2015, 8, 30, 12, 36, 0), error));
  CHECK(header(r, "Authorization") ==
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        "SignedHeaders=host;x-amz-date, "
        "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
}

TEST_CASE("a Secrets Manager call with a session token signs the token, as the Python stand-in computes it") {
  HttpsRequest r;
  r.method = "POST";
  r.url = "https://secretsmanager.eu-west-1.amazonaws.com/";
  r.headers = {{"Content-Type", "application/x-amz-json-1.1"}, {"X-Amz-Target", "secretsmanager.PutSecretValue"}};
  r.body = R"({"SecretId":"pulumi-access-token","SecretString":"not-a-secret"})";
  AwsCredentials c = example_credentials();
  c.session_token = "IQoJb3JpZ2luX2VjEXAMPLE";
  std::string error;
  REQUIRE(ptl::verify::sigv4_sign(r, c, "eu-west-1", "secretsmanager", utc(2024, 1, 2, 3, 4, 5), error));
  CHECK(header(r, "X-Amz-Security-Token") == "IQoJb3JpZ2luX2VjEXAMPLE");
  CHECK(header(r, "Authorization") ==
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/eu-west-1/secretsmanager/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
        "Signature=d9823c58330483ecbc15a0aad00d455cb3883fbda94acfabca835f014d828916");
}

TEST_CASE("a port other than 443 is part of the signed Host; signing twice replaces the headers") {
  HttpsRequest r;
  r.method = "POST";
  r.url = "https://127.0.0.1:8443/";
  std::string error;
  REQUIRE(ptl::verify::sigv4_sign(r, example_credentials(), "us-east-1", "secretsmanager", utc(2024, 1, 2, 3, 4, 5), error));
  REQUIRE(ptl::verify::sigv4_sign(r, example_credentials(), "us-east-1", "secretsmanager", utc(2024, 1, 2, 3, 4, 6), error));
  CHECK(header(r, "Host") == "127.0.0.1:8443");
  CHECK(header(r, "X-Amz-Date") == "20240102T030406Z");
  CHECK(r.headers.size() == 3);
}

TEST_CASE("a URL that is not https is not signed, and the request is left as it was") {
  HttpsRequest r;
  r.url = "http://example.com/";
  std::string error;
  CHECK_FALSE(ptl::verify::sigv4_sign(r, example_credentials(), "us-east-1", "iam", utc(2015, 8, 30, 12, 36, 0), error));
  CHECK(error == "not an https:// URL");
  CHECK(r.headers.empty());
  r.url = "https://example.com/";
  CHECK_FALSE(ptl::verify::sigv4_signature(r, example_credentials(), "us-east-1", "iam", error).has_value());
  CHECK(error == "X-Amz-Date is not set");
}
