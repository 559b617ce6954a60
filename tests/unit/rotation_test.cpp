// verify/rotation.h: the guided rotation against an in-process stand-in of the Pulumi token API
// (tests/unit/pulumi_api_standin.h, shaped as the real one) and a test SecretStore: every step,
// every failure between steps, every declined question, the refusals and the dry run. The real
// binary against HTTPS stand-ins: tests/verify/rotate_test.py.
#include "verify/rotation.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "tests/unit/pulumi_api_standin.h"
#include "tests/unit/temp_dir.h"
#include "tests/unit/test_tokens.h"
#include "verify/recording_transport.h"

using ptl::testing::PulumiApiStandIn;
using ptl::verify::RotationResult;
using ptl::verify::RotationStatus;
using ptl::verify::RotationStep;

namespace {

// A SecretStore of our own: holds the value in memory; put and read_back can be made to fail.
class TestStore : public ptl::verify::SecretStore {
 public:
  std::string value;
  bool put_fails = false;
  bool read_back_differs = false;
  int puts = 0;
  std::string source;  // credentials_source()

  std::string describe() const override { return "test store secret/pulumi"; }
  std::string credentials_source() const override { return source; }
  ptl::verify::StoreOutcome put(std::string_view secret) override {
    ++puts;
    if (put_fails) return {false, "the store failed (HTTP 500)"};
    value = std::string(secret);
    return {true, "stored version 1 of secret/pulumi"};
  }
  ptl::verify::StoreOutcome read_back(std::string_view secret) override {
    if (read_back_differs || value != secret) return {false, "the stored value differs"};
    return {true, "read back version 1: it matches"};
  }
};

// Answers each question from `answers` by step (yes unless listed), records everything.
class TestUi : public ptl::verify::RotationUi {
 public:
  std::map<RotationStep, std::vector<bool>> answers;  // consumed in order per step; yes when empty
  std::vector<RotationStep> asked;
  std::vector<std::string> said;  // reports and questions
  bool fix_succeeds = true;
  int fixes = 0;
  std::vector<std::string> opened;

  void report(RotationStep, std::string_view what) override { said.emplace_back(what); }
  bool confirm(RotationStep step, std::string_view question, std::string_view) override {
    asked.push_back(step);
    said.emplace_back(question);
    auto& a = answers[step];
    if (a.empty()) return true;
    const bool yes = a.front();
    a.erase(a.begin());
    return yes;
  }
  bool apply_fix(const ptl::verify::SecretStore&) override {
    ++fixes;
    return fix_succeeds;
  }
  void open_url(std::string_view url) override { opened.emplace_back(url); }
};

struct Harness {
  PulumiApiStandIn api;
  TestStore store;
  TestUi ui;
  std::atomic<bool> cancel{false};
  ptl::verify::RotationRequest request;

  Harness() {
    request.token = api.leaked;
    request.file = "infra/index.ts";
    request.backend = api.backend;
    request.environment = {{"PULUMI_ACCESS_TOKEN", api.user_credentials}, {"PULUMI_CONSOLE_DOMAIN", ""}};
    request.mask = [](std::string_view t) { return std::string(t.substr(0, 8)) + "..."; };
  }

  RotationResult run() {
    const auto transport = api.transport();
    RotationResult r = ptl::verify::rotate_token(request, store, transport, ui, cancel);
    // Never a full token in what the flow says or returns.
    for (const std::string& secret : {api.leaked, api.user_credentials, api.new_value}) {
      CHECK(r.message.find(secret) == std::string::npos);
      for (const std::string& s : ui.said) CHECK(s.find(secret) == std::string::npos);
    }
    CHECK_FALSE(api.leaked_misused);
    return r;
  }

  bool new_token_exists() const { return api.live(api.new_value); }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a live personal token is replaced, stored, read back, fixed in the code and deleted, each step confirmed") {
  Harness h;
  const RotationResult r = h.run();
  CHECK(r.status == RotationStatus::Rotated);
  CHECK(r.created);
  CHECK(r.stored);
  CHECK(r.fixed);
  CHECK(r.revoked);
  CHECK(h.store.value == h.api.new_value);
  CHECK_FALSE(h.api.live(h.api.leaked));
  CHECK(h.new_token_exists());
  CHECK(h.ui.fixes == 1);
  CHECK(h.ui.asked == std::vector<RotationStep>{RotationStep::Create, RotationStep::Store, RotationStep::Fix,
                                                 RotationStep::Revoke});
  // The replacement names the file it replaces and never expires.
  const auto& created = h.api.lists["/api/user/tokens"].back();
  CHECK(created.description == "pulumi-token-lsp: replaces the token in infra/index.ts");
  CHECK(r.new_token_description == created.description);
  for (const auto& s : h.api.seen) {
    if (s.method == "POST") CHECK(contains(s.body, "\"expires\":0"));
  }
}

TEST_CASE("the store's credentials' source is the first report of the store step, before its question") {
  Harness h;
  std::vector<std::string> said;
  SUBCASE("a real run") {
    h.store.source = "the AWS profile `dev` in /home/a/.aws/credentials";
    h.run();
  }
  SUBCASE("a dry run") {
    h.store.source = "VAULT_TOKEN";
    h.request.dry_run = true;
    ptl::verify::RecordingTransport recorder(nullptr);
    const auto transport = recorder.transport();
    ptl::verify::rotate_token(h.request, h.store, transport, h.ui, h.cancel);
  }
  const std::string line = "Store credentials: from " + h.store.source + ".";
  const auto at = std::find(h.ui.said.begin(), h.ui.said.end(), line);
  REQUIRE(at != h.ui.said.end());
  CHECK(contains(*(at - 1), "reate"));  // the create step's report just before ("Created ...", "Would create ...")
  CHECK(contains(*(at + 1), "test store secret/pulumi"));  // then the store question or the dry run's report
}

TEST_CASE("a store that does not say where its credentials came from adds no report") {
  Harness h;
  h.run();
  for (const std::string& s : h.ui.said) CHECK_FALSE(contains(s, "Store credentials"));
}

TEST_CASE("the leaked token is sent only to GET /api/user; every other call carries the user's credentials") {
  Harness h;
  h.run();
  REQUIRE_FALSE(h.api.seen.empty());
  for (const auto& s : h.api.seen) {
    CAPTURE(s.path);
    if (s.authorization == "token " + h.api.leaked) {
      CHECK(s.method == "GET");
      CHECK(s.path == "/api/user");
    } else {
      CHECK(s.authorization == "token " + h.api.user_credentials);
    }
  }
  CHECK(h.api.seen.back().method == "DELETE");
  CHECK(h.api.seen.back().path == "/api/user/tokens/t-leaked");
}

TEST_CASE("organization and team tokens are replaced and deleted through their own endpoints, with a name") {
  struct Row {
    const char* kind;
    nlohmann::json info;
    const char* path;
  };
  const Row rows[] = {
      {"organization", {{"name", "ci"}, {"organization", "acme"}}, "/api/orgs/acme/tokens"},
      {"team", {{"name", "deploy"}, {"organization", "acme"}, {"team", "platform"}}, "/api/orgs/acme/teams/platform/tokens"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.kind);
    Harness h;
    h.api.leaked_owner = "acme";
    h.api.leaked_info = row.info;
    const std::string name = row.info["name"];
    h.api.lists.clear();
    h.api.lists[row.path] = {{"t-org", name, "", h.api.leaked, 1714560000}};
    const RotationResult r = h.run();
    CHECK(r.status == RotationStatus::Rotated);
    CHECK_FALSE(h.api.live(h.api.leaked));
    REQUIRE(h.api.lists[row.path].size() == 1);
    CHECK(h.api.lists[row.path].front().name.rfind("pulumi-token-lsp-", 0) == 0);
    CHECK(h.api.lists[row.path].front().name.size() <= 40);
  }
}

TEST_CASE("a failed create stops the flow with nothing changed") {
  Harness h;
  h.api.create_status = 500;
  const RotationResult r = h.run();
  CHECK(r.status == RotationStatus::Failed);
  CHECK(r.step == RotationStep::Create);
  CHECK_FALSE(r.created);
  CHECK(h.store.puts == 0);
  CHECK(h.ui.fixes == 0);
  CHECK(h.api.live(h.api.leaked));
  CHECK(contains(r.message, "HTTP 500"));
  CHECK(contains(r.message, "still live"));
}

TEST_CASE("a failed store keeps the leaked token; the new one is deleted again only when the user confirms") {
  SUBCASE("confirmed: the new token is deleted") {
    Harness h;
    h.store.put_fails = true;
    const RotationResult r = h.run();
    CHECK(r.status == RotationStatus::Failed);
    CHECK(r.step == RotationStep::Store);
    CHECK_FALSE(r.created);
    CHECK_FALSE(h.new_token_exists());
    CHECK(h.api.live(h.api.leaked));
    CHECK(h.ui.fixes == 0);
    CHECK(contains(r.message, "deleted again"));
    CHECK(contains(r.message, "still live"));
  }
  SUBCASE("declined: the new token stays and the message names it") {
    Harness h;
    h.store.put_fails = true;
    h.ui.answers[RotationStep::Store] = {true, false};  // store: yes; delete the new token: no
    const RotationResult r = h.run();
    CHECK(r.status == RotationStatus::Failed);
    CHECK(r.created);
    CHECK(h.new_token_exists());
    CHECK(h.api.live(h.api.leaked));
    CHECK(contains(r.message, "pulumi-token-lsp: replaces the token in infra/index.ts"));
    CHECK(contains(r.message, "https://app.pulumi.test/account/tokens"));
  }
}

TEST_CASE("a read-back that differs revokes nothing and applies no fix") {
  Harness h;
  h.store.read_back_differs = true;
  h.ui.answers[RotationStep::Store] = {true, false};
  const RotationResult r = h.run();
  CHECK(r.status == RotationStatus::Failed);
  CHECK(r.step == RotationStep::Store);
  CHECK_FALSE(r.stored);
  CHECK_FALSE(r.revoked);
  CHECK(h.api.live(h.api.leaked));
  CHECK(h.ui.fixes == 0);
  for (const auto& s : h.api.seen) CHECK(s.method != "DELETE");
  CHECK(contains(r.message, "Reading it back failed"));
}

TEST_CASE("declining any question stops the flow there and loses nothing") {
  struct Row {
    RotationStep step;
    bool created, stored, fixed;
  };
  const Row rows[] = {
      {RotationStep::Create, false, false, false},
      {RotationStep::Fix, true, true, false},
      {RotationStep::Revoke, true, true, true},
  };
  for (const Row& row : rows) {
    CAPTURE(ptl::verify::rotation_step_name(row.step));
    Harness h;
    h.ui.answers[row.step] = {false};
    const RotationResult r = h.run();
    CHECK(r.status == RotationStatus::Declined);
    CHECK(r.step == row.step);
    CHECK(r.created == row.created);
    CHECK(h.new_token_exists() == row.created);
    CHECK(r.stored == row.stored);
    CHECK(r.fixed == row.fixed);
    CHECK(h.ui.fixes == (row.fixed ? 1 : 0));
    CHECK(h.api.live(h.api.leaked));
    CHECK(contains(r.message, "still live"));
  }
  SUBCASE("declining the store offers to delete the new token") {
    Harness h;
    h.ui.answers[RotationStep::Store] = {false, true};
    const RotationResult r = h.run();
    CHECK(r.status == RotationStatus::Declined);
    CHECK(r.step == RotationStep::Store);
    CHECK(h.store.puts == 0);
    CHECK_FALSE(h.new_token_exists());
    CHECK(h.api.live(h.api.leaked));
  }
}

TEST_CASE("a token the API cannot identify is never guessed: the token page is opened with its name") {
  SUBCASE("two entries with the same name") {
    Harness h;
    h.api.lists["/api/user/tokens"].push_back({"t-twin", "", "laptop", ptl::testing::make_token(505), 0});
    const RotationResult r = h.run();
    CHECK(r.status == RotationStatus::RevokeByHand);
    CHECK(r.stored);
    CHECK(r.fixed);
    CHECK_FALSE(r.revoked);
    CHECK(h.api.live(h.api.leaked));
    CHECK(h.api.lists["/api/user/tokens"].size() == 4);  // both twins, the other token, the new one
    REQUIRE(h.ui.opened.size() == 1);
    CHECK(h.ui.opened[0] == "https://app.pulumi.test/account/tokens");
    CHECK(contains(r.message, "\"laptop\""));
    CHECK(contains(r.message, "alice"));
    CHECK(contains(r.message, "last used 2024-05-01"));
    for (const auto& s : h.api.seen) CHECK(s.method != "DELETE");
  }
  SUBCASE("no name in tokenInfo") {
    Harness h;
    h.api.leaked_info = nlohmann::json::object();
    const RotationResult r = h.run();
    CHECK(r.status == RotationStatus::RevokeByHand);
    CHECK(h.api.live(h.api.leaked));
    CHECK(h.ui.opened.size() == 1);
  }
  SUBCASE("the list cannot be read") {
    Harness h;
    h.api.list_status = 403;
    const RotationResult r = h.run();
    CHECK(r.status == RotationStatus::RevokeByHand);
    CHECK(h.api.live(h.api.leaked));
    CHECK(contains(r.message, "HTTP 403"));
  }
  SUBCASE("an organization token's page") {
    Harness h;
    h.api.leaked_owner = "acme";
    h.api.leaked_info = {{"name", "ci"}, {"organization", "acme"}};
    h.api.lists["/api/orgs/acme/tokens"] = {};
    const RotationResult r = h.run();
    CHECK(r.status == RotationStatus::RevokeByHand);
    REQUIRE(h.ui.opened.size() == 1);
    CHECK(h.ui.opened[0] == "https://app.pulumi.test/acme/settings/tokens");
  }
}

TEST_CASE("credentials that are the leaked token are refused before any request") {
  Harness h;
  h.request.environment["PULUMI_ACCESS_TOKEN"] = h.api.leaked;
  const RotationResult r = h.run();
  CHECK(r.status == RotationStatus::Refused);
  CHECK(h.api.seen.empty());
  CHECK(contains(r.message, "leaked token itself"));
  CHECK(contains(r.message, "pulumi login"));
}

TEST_CASE("missing credentials are refused with what to do") {
  ptl::testing::TempDir home;
  Harness h;
  h.request.environment["PULUMI_ACCESS_TOKEN"] = "";
  h.request.environment["PULUMI_HOME"] = home.path().string();
  const RotationResult r = h.run();
  CHECK(r.status == RotationStatus::Refused);
  CHECK(h.api.seen.empty());
  CHECK(contains(r.message, "pulumi login https://api.pulumi.test"));
}

TEST_CASE("another user's personal token is refused: the replacement would not be the owner's") {
  Harness h;
  h.api.user_login = "bob";
  const RotationResult r = h.run();
  CHECK(r.status == RotationStatus::Refused);
  CHECK(h.ui.asked.empty());
  CHECK(h.api.live(h.api.leaked));
  CHECK(h.api.lists["/api/user/tokens"].size() == 2);
  CHECK(contains(r.message, "bob"));
}

TEST_CASE("a token that is not live has nothing to rotate: only the fix is offered") {
  Harness h;
  h.api.lists["/api/user/tokens"].erase(h.api.lists["/api/user/tokens"].begin());
  const RotationResult r = h.run();
  CHECK(r.status == RotationStatus::NotLive);
  CHECK(r.fixed);
  CHECK_FALSE(r.created);
  CHECK(h.ui.asked == std::vector<RotationStep>{RotationStep::Fix});
  for (const auto& s : h.api.seen) CHECK(s.method == "GET");
}

TEST_CASE("an unknown answer about the leaked token stops the flow before anything changes") {
  Harness h;
  h.api.user_status = 503;
  const RotationResult r = h.run();
  CHECK(r.status == RotationStatus::Failed);
  CHECK(r.step == RotationStep::Check);
  CHECK(h.ui.asked.empty());
  CHECK(contains(r.message, "HTTP 503"));
}

TEST_CASE("a cancel flag set before the flow starts changes nothing") {
  Harness h;
  h.cancel = true;
  const RotationResult r = h.run();
  CHECK(r.status == RotationStatus::Cancelled);
  CHECK(h.api.seen.empty());
}

TEST_CASE("a dry run sends nothing, asks nothing, writes nothing, and records every request masked") {
  Harness h;
  h.request.dry_run = true;
  const std::string leaked = h.api.leaked, creds = h.api.user_credentials;
  ptl::verify::RecordingTransport recorder([&](std::string_view text) {
    std::string out(text);
    for (const std::string& t : {leaked, creds}) {
      for (std::size_t at = out.find(t); at != std::string::npos; at = out.find(t)) out.replace(at, t.size(), t.substr(0, 8) + "...");
    }
    return out;
  });
  const auto transport = recorder.transport();
  const RotationResult r = ptl::verify::rotate_token(h.request, h.store, transport, h.ui, h.cancel);
  CHECK(r.status == RotationStatus::DryRun);
  CHECK(h.api.seen.empty());
  CHECK(h.ui.asked.empty());
  CHECK(h.ui.fixes == 0);
  CHECK(h.store.value == "<the new token>");  // the test store is in memory: what a real one would be sent
  const auto requests = recorder.requests();
  std::vector<std::string> lines;
  for (const auto& q : requests) {
    std::string line = q.method + " " + q.url;
    for (const auto& [name, value] : q.headers) line += " " + name + ": " + value;
    lines.push_back(line + " " + q.body);
  }
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].rfind("GET https://api.pulumi.test/api/user Authorization: token " + leaked.substr(0, 8) + "...", 0) == 0);
  CHECK(lines[1].rfind("GET https://api.pulumi.test/api/user Authorization: token " + creds.substr(0, 8) + "...", 0) == 0);
  CHECK(lines[2].rfind("GET https://api.pulumi.test/api/user/tokens", 0) == 0);
  CHECK(lines[3].rfind("POST https://api.pulumi.test/api/user/tokens", 0) == 0);
  CHECK(contains(lines[3], "replaces the token in infra/index.ts"));
  CHECK(lines[4].rfind("DELETE https://api.pulumi.test/api/user/tokens/TOKEN-ID", 0) == 0);
  for (const std::string& line : lines) {
    CHECK_FALSE(contains(line, leaked));
    CHECK_FALSE(contains(line, creds));
  }
}
