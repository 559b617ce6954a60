// server/rotate_command.h: the `rotate` command's arguments, positions and refusals, all decided
// before any request (the flow itself: rotation_test.cpp; the real binary against HTTPS
// stand-ins: tests/verify/rotate_test.py).
#include "server/rotate_command.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/unit/temp_dir.h"
#include "tests/unit/test_encodings.h"
#include "tests/unit/test_tokens.h"

namespace {

struct Run {
  int code = 0;
  std::string out, err;
};

Run rotate(const std::vector<std::string>& args, bool terminal = false) {
  std::istringstream in;
  std::ostringstream out, err;
  Run r;
  r.code = ptl::server::run_rotate(args, in, out, err, terminal);
  r.out = out.str();
  r.err = err.str();
  return r;
}

const std::string kSource = "import * as pulumi from \"@pulumi/pulumi\";\n\nconst accessToken = \"";

}  // namespace

TEST_CASE("rotate refuses bad usage with exit code 2 before reading anything") {
  struct Row {
    std::vector<std::string> args;
    const char* says;
  };
  const Row rows[] = {
      {{"--store", "vault"}, "FILE:LINE"},
      {{"a.ts:3"}, "--store is required"},
      {{"a.ts:3", "--store", "gcp"}, "vault, aws or conjur"},
      {{"a.ts", "--store", "vault"}, "FILE:LINE[:COLUMN]"},
      {{"a.ts:0", "--store", "vault"}, "FILE:LINE[:COLUMN]"},
      {{"a.ts:3", "--store", "vault", "--timeout", "0"}, "--timeout"},
      {{"a.ts:3", "--store", "vault", "--frobnicate"}, "unknown option --frobnicate"},
      {{"a.ts:3", "b.ts:4", "--store", "vault"}, "one FILE:LINE"},
      {{"a.ts:3", "--store", "vault"}, "not a terminal"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.says);
    const Run r = rotate(row.args);
    CHECK(r.code == 2);
    CHECK(r.err.find(row.says) != std::string::npos);
  }
  CHECK(rotate({"--help"}).code == 0);
  CHECK(rotate({"--help"}).out.find("--dry-run") != std::string::npos);
}

TEST_CASE("rotate finds the one token at the position, or says why not, before any request") {
  ptl::testing::TempDir dir;
  const std::string a = ptl::testing::make_token(11), b = ptl::testing::make_token(12);
  const std::string two = dir.write("two.ts", kSource + a + "\" + \"" + b + "\";\n").string();
  const std::string json = dir.write("c.json", "{\"token\": \"" + a + "\"}\n").string();
  const std::string encoded = dir.write("e.ts", kSource + ptl::testing::b64(a) + "\";\n").string();
  struct Row {
    std::string position;
    const char* says;
  };
  const Row rows[] = {
      {two + ":1", "no Pulumi access token at"},
      {two + ":9", "has 4 lines"},
      {two + ":3", "holds 2 tokens: give the column"},
      {two + ":3:5", "the column must fall on the token"},
      {json + ":1", "no code fix"},
      {encoded + ":3", "encoded"},
      {dir.path().string() + "/missing.ts:1", "cannot read it"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.position);
    const Run r = rotate({row.position, "--store", "vault", "--yes"});
    CHECK(r.code == 1);
    CHECK(r.err.find(row.says) != std::string::npos);
    CHECK(r.err.find(a) == std::string::npos);
    CHECK(r.out.find(a) == std::string::npos);
  }
}

TEST_CASE("each store's fix is the code action of that store, reading the entry of the names given") {
  const std::string token = ptl::testing::make_token(13);
  const std::string text = kSource + token + "\";\nexport const t = accessToken;\n";
  const std::size_t begin = text.find(token);
  ptl::remediation::Names names;
  names.vault_path = "team/pulumi";
  names.aws_secret_id = "ci-token";
  names.conjur_variable = "ci/pulumi";
  using Kind = ptl::verify::StoreConfig::Kind;
  for (const Kind kind : {Kind::Vault, Kind::AwsSecretsManager, Kind::Conjur}) {
    const auto fix = ptl::server::store_fix(text, begin, begin + token.size(), "infra/index.ts", names, kind);
    REQUIRE(fix);
    CHECK(fix->kind == ptl::server::fix_kind(kind));
    const std::string fixed = ptl::remediation::apply_edits(text, fix->edits);
    CHECK(fixed.find(token) == std::string::npos);
    const auto config = ptl::server::store_config(kind, names);
    CHECK(config.kind == kind);
    const std::string entry = kind == Kind::Vault ? config.vault_path
                              : kind == Kind::AwsSecretsManager ? config.aws_secret_id
                                                                : config.conjur_variable;
    CAPTURE(entry);
    CHECK(fixed.find(entry) != std::string::npos);
  }
}
