#include "remediation/kubernetes_secret.h"

#include <doctest/doctest.h>

#include <string>

#include "test_encodings.h"
#include "test_tokens.h"

using ptl::remediation::apply_edits;
using ptl::remediation::FixKind;
using ptl::remediation::recreate_secret_fix;
using ptl::testing::b64;
using ptl::testing::make_token;

namespace {

// The fix for the value `value` in `text`, applied; "" when there is none.
std::string fixed(const std::string& text, const std::string& value) {
  const std::size_t at = text.find(value);
  REQUIRE(at != std::string::npos);
  const auto fix = recreate_secret_fix(text, at, at + value.size());
  if (!fix) return "";
  CHECK(fix->kind == FixKind::RecreateSecret);
  CHECK(fix->title.find(value) == std::string::npos);
  return apply_edits(text, fix->edits);
}

}  // namespace

TEST_CASE("a Secret's data entry is replaced by comments naming the kubectl command, nothing else changes") {
  const std::string value = b64(make_token(81));
  const std::string text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: pulumi-credentials\n  namespace: ci\n"
                           "type: Opaque\ndata:\n  url: aHR0cHM=\n  token: " + value + "\n  user: YWRtaW4=\n";
  const std::string out = fixed(text, value);
  CHECK(out.find(value) == std::string::npos);
  CHECK(out == "apiVersion: v1\nkind: Secret\nmetadata:\n  name: pulumi-credentials\n  namespace: ci\n"
               "type: Opaque\ndata:\n  url: aHR0cHM=\n"
               "  # token: taken out; it held a Pulumi access token, so rotate that token.\n"
               "  # Create this Secret from an env file that is never committed, with a line\n"
               "  # token=<the new token> (and the Secret's other keys):\n"
               "  #   kubectl create secret generic pulumi-credentials --namespace ci "
               "--from-env-file=pulumi-credentials.env\n"
               "  user: YWRtaW4=\n");
}

TEST_CASE("the Secret fix keeps CRLF, finds its document among several, and quotes nothing from the value") {
  const std::string value = b64(make_token(82));
  const std::string text = "kind: ConfigMap\r\nmetadata:\r\n  name: other\r\n---\r\nkind: \"Secret\"\r\nmetadata:\r\n"
                           "  name: creds\r\ndata:\r\n  PULUMI_ACCESS_TOKEN: \"" + value + "\" # old\r\n";
  const std::string out = fixed(text, value);
  CHECK(out.find(value) == std::string::npos);
  CHECK(out.find("  # PULUMI_ACCESS_TOKEN: taken out;") != std::string::npos);
  CHECK(out.find("kubectl create secret generic creds --from-env-file=creds.env\r\n") != std::string::npos);
  CHECK(out.find("\n  #") != std::string::npos);
  CHECK(out.find("\r\r") == std::string::npos);
}

TEST_CASE("no Secret fix where it would not be a one-line entry under a Secret's top-level data") {
  const std::string value = b64(make_token(83));
  const std::string rows[] = {
      "kind: ConfigMap\ndata:\n  token: " + value + "\n",                          // not a Secret
      "kind: Secret\nstringData:\n  token: " + value + "\n",                       // not data
      "kind: Secret\ndata: {token: " + value + "}\n",                              // flow style
      "kind: Secret\ndata:\n  token: " + value + "\n    " + value + "\n",           // goes on below
      "kind: Secret\nspec:\n  data:\n    token: " + value + "\n",                  // not top-level data
      "kind: Secret\n---\ndata:\n  token: " + value + "\n",                         // another document's kind
      "{\"kind\": \"Secret\", \"data\": {\"token\": \"" + value + "\"}}\n",          // JSON
  };
  for (const std::string& text : rows) {
    CAPTURE(text);
    CHECK(fixed(text, value).empty());
  }
}

TEST_CASE("a Secret name or key that could be a token is not copied into the fix") {
  const std::string token = make_token(84);
  const std::string value = b64(make_token(85));
  const std::string text = "kind: Secret\nmetadata:\n  name: " + token + "\ndata:\n  " + token + ": " + value + "\n";
  const auto fix = recreate_secret_fix(text, text.find(value), text.find(value) + value.size());
  REQUIRE(fix.has_value());
  CHECK(fix->title.find(token) == std::string::npos);
  CHECK(fix->edits.at(0).new_text.find(token) == std::string::npos);
  CHECK(fix->edits.at(0).new_text.find("generic NAME") != std::string::npos);
}
