#include "scan/project_config.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "scan/fingerprint.h"
#include "temp_dir.h"
#include "test_tokens.h"

namespace fs = std::filesystem;
using ptl::scan::ProjectConfig;
using ptl::scan::ProjectConfigProblem;
using ptl::testing::TempDir;

namespace {

struct Parsed {
  ProjectConfig config;
  std::vector<ProjectConfigProblem> problems;
  bool ok = false;
};

Parsed parse(const std::string& text) {
  Parsed p;
  p.ok = ptl::scan::parse_project_config(text, p.config, p.problems);
  return p;
}

std::string messages(const std::vector<ProjectConfigProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += (p.error ? "error: " : "warning: ") + p.message + "\n";
  return out;
}

const std::string kFingerprint(64, 'a');

}  // namespace

TEST_CASE("a complete config file is read into every field") {
  const Parsed p = parse(R"({
    "$schema": "./scan/pulumi-token-lsp.schema.json",
    "ignore": ["generated/**", "*.snap", "docs/examples/"],
    "placeholders": "off",
    "severity": "warning",
    "allowlist": [{"fingerprint": ")" + kFingerprint + R"(", "reason": "test fixture, rotated 2026-11"}]
  })");
  CAPTURE(messages(p.problems));
  CHECK(p.ok);
  CHECK(p.problems.empty());
  REQUIRE(p.config.ignore.size() == 3);
  CHECK(p.config.ignore[1].pattern() == "*.snap");
  CHECK(p.config.report_placeholders == false);
  CHECK(p.config.severity == "warning");
  REQUIRE(p.config.allowlist.count(kFingerprint) == 1);
  CHECK(p.config.allowlist.at(kFingerprint) == "test fixture, rotated 2026-11");
}

TEST_CASE("an empty object is a valid config that sets nothing") {
  const Parsed p = parse("{}");
  CHECK(p.ok);
  CHECK(p.problems.empty());
  CHECK(p.config.ignore.empty());
  CHECK_FALSE(p.config.report_placeholders.has_value());
  CHECK_FALSE(p.config.severity.has_value());
  CHECK(p.config.allowlist.empty());
}

TEST_CASE("a wrong value is an error for its key and the rest of the file applies") {
  struct Row {
    const char* text;
    const char* message;  // the one error expected
  };
  const Row rows[] = {
      {R"({"ignore": "generated/**", "severity": "hint"})", "ignore: expected an array of glob patterns"},
      {R"({"ignore": ["a", 7, "b"], "severity": "hint"})", "ignore[1]: expected a string"},
      {R"({"ignore": ["a", "!b"], "severity": "hint"})", "ignore[1]: a leading '!' (negation) is not supported"},
      {R"({"placeholders": true, "severity": "hint"})", "placeholders: expected \"hint\" or \"off\""},
      {R"({"severity": "fatal", "placeholders": "off"})",
       "severity: expected \"error\", \"warning\", \"information\" or \"hint\""},
      {R"({"allowlist": {}, "severity": "hint"})", "allowlist: expected an array"},
      {R"({"allowlist": ["x"], "severity": "hint"})", "allowlist[0]: expected an object"},
      {R"({"allowlist": [{"reason": "r"}], "severity": "hint"})", "allowlist[0].fingerprint: missing"},
      {R"({"allowlist": [{"fingerprint": "ABC", "reason": "r"}], "severity": "hint"})",
       "allowlist[0].fingerprint: expected 64 lowercase hex digits"},
      {R"({"allowlist": [{"fingerprint": "abc", "reason": ""}], "severity": "hint"})",
       "allowlist[0].fingerprint: expected 64 lowercase hex digits"},
      {R"({"$schema": 3, "severity": "hint"})", "$schema: expected a string"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const Parsed p = parse(row.text);
    CAPTURE(messages(p.problems));
    CHECK_FALSE(p.ok);
    REQUIRE(!p.problems.empty());
    CHECK(p.problems[0].error);
    CHECK(p.problems[0].message.rfind(row.message, 0) == 0);
    // The other key still applies.
    CHECK((p.config.severity == "hint" || p.config.report_placeholders == false));
  }
}

TEST_CASE("good entries of a list apply around a bad one, and problems come in key order") {
  const Parsed p = parse(R"({"ignore": ["a/**", 1, "[oops", "*.snap"],
    "allowlist": [{"fingerprint": ")" + kFingerprint + R"(", "reason": "kept"},
                  {"fingerprint": ")" + std::string(64, 'b') + R"("}]})");
  CAPTURE(messages(p.problems));
  CHECK_FALSE(p.ok);
  REQUIRE(p.config.ignore.size() == 2);
  CHECK(p.config.ignore[0].pattern() == "a/**");
  CHECK(p.config.ignore[1].pattern() == "*.snap");
  CHECK(p.config.allowlist.size() == 1);
  CHECK(p.config.allowlist.count(kFingerprint) == 1);
  CHECK(messages(p.problems) ==
        "error: allowlist[1].reason: missing (say why this finding is allowed)\n"
        "error: ignore[1]: expected a string\n"
        "error: ignore[2]: an unterminated '[' (write \\[ for a literal '[')\n");
}

TEST_CASE("unknown keys are warnings, listed, and the file still counts as good") {
  const Parsed p = parse(R"({"ignroe": ["a"], "severity": "hint",
    "allowlist": [{"fingerprint": ")" + kFingerprint + R"(", "reason": "r", "until": "2027"}]})");
  CAPTURE(messages(p.problems));
  CHECK(p.ok);
  CHECK(messages(p.problems) ==
        "warning: allowlist[0].until: unknown key, ignored\n"
        "warning: ignroe: unknown key, ignored\n");
  CHECK(p.config.allowlist.size() == 1);
}

TEST_CASE("a fingerprint listed twice is a warning and keeps the first reason") {
  const Parsed p = parse(R"({"allowlist": [{"fingerprint": ")" + kFingerprint + R"(", "reason": "first"},
                                           {"fingerprint": ")" + kFingerprint + R"(", "reason": "second"}]})");
  CHECK(p.ok);
  CHECK(messages(p.problems) == "warning: allowlist[1].fingerprint: listed twice; the first reason is kept\n");
  CHECK(p.config.allowlist.at(kFingerprint) == "first");
}

TEST_CASE("text that is not JSON says where, and nothing applies") {
  const Parsed p = parse("{\n  \"severity\": \"hint\",\n  oops\n}");
  CHECK_FALSE(p.ok);
  CHECK(messages(p.problems) == "error: not valid JSON at line 3, column 3\n");
  CHECK_FALSE(p.config.severity.has_value());
  CHECK_FALSE(parse("[]").ok);
  CHECK(messages(parse("[]").problems) == "error: (top level): expected an object\n");
  CHECK(messages(parse(std::string(100, '[') + std::string(100, ']')).problems) ==
        "error: not a config file: JSON nested deeper than 64 levels\n");
}

TEST_CASE("no message repeats a token pasted into the file, as a value or as a key") {
  const std::string token = ptl::testing::make_token(11);
  const Parsed p = parse(R"({")" + token + R"(": 1, "ignore": [")" + token + R"(["],
    "allowlist": [{"fingerprint": ")" + token + R"(", "reason": "r"}], "severity": ")" + token + R"("})");
  const std::string all = messages(p.problems);
  CAPTURE(all.size());
  CHECK(p.problems.size() == 4);
  CHECK(all.find(token.substr(4, 8)) == std::string::npos);
  CHECK(all.find("this looks like a token itself") != std::string::npos);
  CHECK(all.find("(top level): an unknown key (name not shown), ignored") != std::string::npos);
  const Parsed bad_json = parse(R"({"severity": ")" + token + R"(" oops})");
  CHECK(messages(bad_json.problems).find(token.substr(4, 8)) == std::string::npos);
}

TEST_CASE("the config of a path inside a git work tree is the one at the work tree's root") {
  TempDir dir;
  fs::create_directories(dir.path() / "repo" / ".git");
  const fs::path file = dir.write("repo/.pulumi-token-lsp.json", "{}");
  dir.write("repo/sub/.pulumi-token-lsp.json", "{}");  // not the root's: never chosen inside the work tree
  dir.write("repo/sub/deeper/a.ts", "");

  CHECK(ptl::scan::find_project_config(dir.path() / "repo") == file);
  CHECK(ptl::scan::find_project_config(dir.path() / "repo" / "sub" / "deeper") == file);
  CHECK(ptl::scan::find_project_config(dir.path() / "repo" / "sub" / "deeper" / "a.ts") == file);
  CHECK(ptl::scan::find_project_config(dir.path() / "repo" / "sub") == file);

  SUBCASE("a worktree's .git file marks a root too") {
    dir.write("wt/.git", "gitdir: /elsewhere\n");
    const fs::path wt_file = dir.write("wt/.pulumi-token-lsp.json", "{}");
    CHECK(ptl::scan::find_project_config(dir.path() / "wt" / "x") == wt_file);
  }
  SUBCASE("a work tree without the file has none, even where a subdirectory has one") {
    fs::remove(file);
    CHECK_FALSE(ptl::scan::find_project_config(dir.path() / "repo" / "sub").has_value());
  }
}

TEST_CASE("outside a git work tree the config is the one in the starting directory") {
  TempDir dir;
  const fs::path file = dir.write("plain/.pulumi-token-lsp.json", "{}");
  dir.write("plain/a.txt", "");
  fs::create_directories(dir.path() / "plain" / "sub");
  CHECK(ptl::scan::find_project_config(dir.path() / "plain") == file);
  CHECK(ptl::scan::find_project_config(dir.path() / "plain" / "a.txt") == file);
  // Only the start itself: no walking up outside a work tree (unless the temporary directory
  // itself sits in one, which it does not on the machines that run this).
  CHECK_FALSE(ptl::scan::find_project_config(dir.path() / "plain" / "sub").has_value());
}

TEST_CASE("loading a file roots the config at its directory and reports what is wrong") {
  TempDir dir;
  const fs::path file = dir.write("repo/.pulumi-token-lsp.json", R"({"ignore": ["fixtures/"], "severity": 1})");
  ProjectConfig config;
  std::vector<ProjectConfigProblem> problems;
  CHECK_FALSE(ptl::scan::load_project_config(file, config, problems));
  CHECK(config.root == dir.path() / "repo");
  CHECK(messages(problems) == "error: severity: expected \"error\", \"warning\", \"information\" or \"hint\"\n");
  CHECK(ptl::scan::ignored_by(config, "test/fixtures/a.json"));
  CHECK_FALSE(ptl::scan::ignored_by(config, "test/a.json"));

  problems.clear();
  CHECK_FALSE(ptl::scan::load_project_config(dir.path() / "missing.json", config, problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.rfind("cannot read the file", 0) == 0);
  CHECK(config.ignore.empty());
}

TEST_CASE("paths relative to the root are '/'-separated and nothing outside the root has one") {
  ProjectConfig config;
  config.root = "/work/repo";
  CHECK(ptl::scan::path_relative_to_root(config, "/work/repo/src/a.ts") == "src/a.ts");
  CHECK(ptl::scan::path_relative_to_root(config, "/work/repo/./src/../b.ts") == "b.ts");
  CHECK_FALSE(ptl::scan::path_relative_to_root(config, "/work/repo").has_value());
  CHECK_FALSE(ptl::scan::path_relative_to_root(config, "/work/other/a.ts").has_value());
  CHECK_FALSE(ptl::scan::path_relative_to_root(config, "/work/repository/a.ts").has_value());
}

TEST_CASE("a symlinked root still gives the path under the real root") {
  TempDir dir;
  dir.write("real/src/a.ts", "");
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "link");
  ProjectConfig config;
  config.root = dir.path() / "real";
  CHECK(ptl::scan::path_relative_to_root(config, dir.path() / "link" / "src" / "a.ts") == "src/a.ts");
}

TEST_CASE("the fingerprint an allowlist holds is the scan's, keyed on the path from the root") {
  const std::string token = ptl::testing::make_token(12);
  const std::string fp = ptl::scan::finding_fingerprint("pulumi-access-token", "test/fixtures/a.json", token);
  const Parsed p = parse(R"({"allowlist": [{"fingerprint": ")" + fp + R"(", "reason": "fixture"}]})");
  REQUIRE(p.ok);
  CHECK(p.config.allowlist.count(fp) == 1);
  CHECK(p.config.allowlist.count(ptl::scan::finding_fingerprint("pulumi-access-token", "a.json", token)) == 0);
}
