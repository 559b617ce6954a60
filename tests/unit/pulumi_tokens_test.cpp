// verify/pulumi_tokens.h: the user's credentials as the Pulumi CLI finds them, which list entry a
// leaked token is, the console's token pages, and verify/recording_transport.h's redaction. The
// API calls themselves: rotation_test.cpp, against the stand-in.
#include "verify/pulumi_tokens.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/unit/temp_dir.h"
#include "tests/unit/test_tokens.h"
#include "verify/recording_transport.h"

using ptl::verify::AccessTokenEntry;
using ptl::verify::TokenKind;
using ptl::verify::Verification;

namespace {

std::map<std::string, std::string> no_token_env(const ptl::testing::TempDir& home) {
  return {{"PULUMI_ACCESS_TOKEN", ""}, {"PULUMI_HOME", home.path().string()}};
}

}  // namespace

TEST_CASE("PULUMI_ACCESS_TOKEN wins over the credentials file") {
  ptl::testing::TempDir home;
  const std::string env_token = ptl::testing::make_token(1), file_token = ptl::testing::make_token(2);
  home.write("credentials.json", R"({"current":"https://api.pulumi.com","accessTokens":{"https://api.pulumi.com":")" +
                                     file_token + "\"}}");
  auto env = no_token_env(home);
  env["PULUMI_ACCESS_TOKEN"] = env_token;
  std::string error;
  const auto c = ptl::verify::find_pulumi_credentials("https://api.pulumi.com", env, error);
  REQUIRE(c);
  CHECK(c->token == env_token);
  CHECK(c->source == "PULUMI_ACCESS_TOKEN");
}

TEST_CASE("the credentials file gives the token of the backend asked, whatever its trailing slash") {
  ptl::testing::TempDir home;
  const std::string a = ptl::testing::make_token(3), b = ptl::testing::make_token(4);
  home.write("credentials.json", R"({"current":"https://api.pulumi.com","accessTokens":{"https://api.pulumi.com/":")" + a +
                                     R"(","https://api.example.org":")" + b + "\"}}");
  std::string error;
  auto c = ptl::verify::find_pulumi_credentials("https://api.pulumi.com", no_token_env(home), error);
  REQUIRE(c);
  CHECK(c->token == a);
  CHECK(c->source == (home.path() / "credentials.json").string());
  c = ptl::verify::find_pulumi_credentials("https://api.example.org/", no_token_env(home), error);
  REQUIRE(c);
  CHECK(c->token == b);
}

TEST_CASE("no credentials for the backend: the error says to log in, and where the CLI is logged in instead") {
  ptl::testing::TempDir home;
  std::string error;
  CHECK_FALSE(ptl::verify::find_pulumi_credentials("https://api.pulumi.com", no_token_env(home), error));
  CHECK(error.find("pulumi login https://api.pulumi.com") != std::string::npos);
  const std::string other = ptl::testing::make_token(5);
  home.write("credentials.json",
             R"({"current":"https://api.example.org","accessTokens":{"https://api.example.org":")" + other + "\"}}");
  CHECK_FALSE(ptl::verify::find_pulumi_credentials("https://api.pulumi.com", no_token_env(home), error));
  CHECK(error.find("logged in to https://api.example.org") != std::string::npos);
  CHECK(error.find(other) == std::string::npos);
  home.write("credentials.json", "not json");
  CHECK_FALSE(ptl::verify::find_pulumi_credentials("https://api.pulumi.com", no_token_env(home), error));
  CHECK(error.find("not a JSON object") != std::string::npos);
}

TEST_CASE("a leaked token is identified only by exactly one entry of its name") {
  const std::vector<AccessTokenEntry> personal = {
      {"1", "", "laptop", 10}, {"2", "", "ci", 0}, {"3", "", "twin", 0}, {"4", "", "twin", 5}};
  const std::vector<AccessTokenEntry> named = {{"5", "deploy", "for CI", 0}, {"6", "ci", "", 0}};
  struct Row {
    const char* name;
    const std::vector<AccessTokenEntry>* list;
    const char* id;  // "" when not identified
    std::size_t candidates;
  };
  const Row rows[] = {
      {"laptop", &personal, "1", 0}, {"ci", &personal, "2", 0},     {"twin", &personal, "", 2},
      {"gone", &personal, "", 0},    {"", &personal, "", 0},        {"deploy", &named, "5", 0},
      {"for CI", &named, "", 0},  // a description does not identify a named entry
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    Verification v;
    v.token_name = row.name;
    const auto id = ptl::verify::identify_token(v, *row.list);
    CHECK(id.identified == (std::string(row.id) != ""));
    if (id.identified) CHECK(id.entry.id == row.id);
    if (!id.identified) CHECK_FALSE(id.reason.empty());
    CHECK(id.candidates.size() == row.candidates);
  }
}

TEST_CASE("the console and its token pages are derived from the API URL as the Pulumi CLI does") {
  const std::map<std::string, std::string> env = {{"PULUMI_CONSOLE_DOMAIN", ""}};
  CHECK(ptl::verify::console_url("https://api.pulumi.com", env) == "https://app.pulumi.com");
  CHECK(ptl::verify::console_url("https://api.pulumi.example.com/", env) == "https://app.pulumi.example.com");
  CHECK(ptl::verify::console_url("https://localhost:8080", env) == "https://localhost:3000");
  CHECK(ptl::verify::console_url("https://pulumi.internal", env).empty());
  CHECK(ptl::verify::console_url("https://pulumi.internal", {{"PULUMI_CONSOLE_DOMAIN", "console.internal"}}) ==
        "https://console.internal");
  Verification v;
  v.owner = "alice";
  CHECK(ptl::verify::token_page_url("https://api.pulumi.com", v, env) == "https://app.pulumi.com/account/tokens");
  v.kind = TokenKind::Organization;
  v.organization = "acme";
  CHECK(ptl::verify::token_page_url("https://api.pulumi.com", v, env) == "https://app.pulumi.com/acme/settings/tokens");
  v.kind = TokenKind::Team;
  v.team = "plat form";
  CHECK(ptl::verify::token_page_url("https://api.pulumi.com", v, env) == "https://app.pulumi.com/acme/teams/plat%20form");
  CHECK(ptl::verify::token_page_url("https://pulumi.internal", v, env).empty());
}

TEST_CASE("secrets compare equal only when equal, and a wiped secret is empty") {
  const std::string a = ptl::testing::make_token(6), b = ptl::testing::make_token(7);
  CHECK(ptl::verify::secrets_equal(a, std::string(a)));
  CHECK_FALSE(ptl::verify::secrets_equal(a, b));
  CHECK_FALSE(ptl::verify::secrets_equal(a, a.substr(1)));
  std::string s = a;
  ptl::verify::wipe(s);
  CHECK(s.empty());
}

TEST_CASE("a recorded request keeps header names and masks credential values, answering without sending") {
  const std::string token = ptl::testing::make_token(8);
  ptl::verify::RecordingTransport recorder([&](std::string_view text) {
    std::string out(text);
    if (const auto at = out.find(token); at != std::string::npos) out.replace(at, token.size(), "pul-MASKED");
    return out;
  });
  ptl::verify::HttpsRequest request;
  request.method = "POST";
  request.url = "https://vault.test/v1/secret/data/pulumi";
  request.headers = {{"Authorization", "token " + token},
                     {"X-Vault-Token", "hvs.secretvalue"},
                     {"Authorization", "AWS4-HMAC-SHA256 Credential=AKIA/x, Signature=abc"},
                     {"Content-Type", "application/json"}};
  request.body = R"({"data":{"api_key":")" + token + "\"}}";
  const auto result = recorder.transport()(request);
  CHECK_FALSE(result.response);
  CHECK(result.error == ptl::verify::kNotSent);
  const auto recorded = recorder.requests();
  REQUIRE(recorded.size() == 1);
  const auto& r = recorded[0];
  CHECK(r.method == "POST");
  CHECK(r.url == request.url);
  REQUIRE(r.headers.size() == 4);
  CHECK(r.headers[0].second == "token pul-MASKED");
  CHECK(r.headers[1].second == "<masked>");
  CHECK(r.headers[2].second == "AWS4-HMAC-SHA256 <masked>");
  CHECK(r.headers[3].second == "application/json");
  CHECK(r.body == R"({"data":{"api_key":"pul-MASKED"}})");
}
