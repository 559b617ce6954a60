// fix_all, idempotence, line endings and hostile inputs.
#include "remediation/remediation.h"

#include <doctest/doctest.h>

#include <string>

#include "tests/remediation/fix_harness.h"

using namespace ptl::remediation;
using namespace ptl::remediation::testing;

TEST_CASE("fix_all applies the preferred fix to every token and adds imports once") {
  const Doc d = make_doc("import json\n\na = \"@T@\"\nb = f\"x{a}@T@\"\n");
  const auto edits = fix_all(d.text, d.tokens, Language::Python, Names{});
  const std::string out = apply_edits(d.text, edits);
  CHECK(out == "import json\nimport os\n\na = os.environ[\"PULUMI_ACCESS_TOKEN\"]\n"
               "b = f\"x{a}{os.environ['PULUMI_ACCESS_TOKEN']}\"\n");
}

TEST_CASE("fix_all handles two tokens inside one string literal") {
  const Doc d = make_doc("const s = \"@T@:@T@\";\n");
  const std::string out = apply_edits(d.text, fix_all(d.text, d.tokens, Language::TypeScript, Names{}));
  CHECK(out.find("pul-") == std::string::npos);
  CHECK(count(out, "requireEnv(\"PULUMI_ACCESS_TOKEN\")") == 2);
  CHECK(count(out, "function requireEnv(") == 1);
}

TEST_CASE("fix_all edits are sorted, within the text and empty when nothing changes") {
  const Doc d = make_doc("package main\n\nvar a = \"@T@\"\nvar b = \"@T@\"\n");
  const auto edits = fix_all(d.text, d.tokens, Language::Go, Names{});
  REQUIRE_FALSE(edits.empty());
  for (const auto& e : edits) CHECK(e.end <= d.text.size());
  CHECK(fix_all(d.text, {}, Language::Go, Names{}).empty());
}

TEST_CASE("CRLF files get CRLF in every added line") {
  const Doc d = make_doc("import pulumi\r\n\r\nt = \"@T@\"\r\n");
  const auto fixes = fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, Language::Python, Names{});
  const std::string out = apply_edits(d.text, find_kind(fixes, FixKind::Vault)->edits);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n') {
      CAPTURE(i);
      REQUIRE((i > 0 && out[i - 1] == '\r'));
    }
  }
}

TEST_CASE("applying a fix twice adds no second import or helper") {
  struct Row {
    const char* input;
    Language language;
    FixKind kind;
    const char* once;
  };
  const Row rows[] = {
      {"a = \"@T@\"\nb = \"@T@\"\n", Language::Python, FixKind::Vault, "import hvac"},
      {"package main\n\nvar a = \"@T@\"\nvar b = \"@T@\"\n", Language::Go, FixKind::AwsSecretsManager,
       "func mustPulumiAccessTokenFromAws()"},
      {"async function f() {\n  const a = \"@T@\";\n  const b = \"@T@\";\n}\n", Language::TypeScript, FixKind::Conjur,
       "async function pulumiAccessTokenFromConjur()"},
      {"const a = \"@T@\";\nconst b = \"@T@\";\n", Language::TypeScript, FixKind::Environment,
       "function requireEnv("},
      {"class A {\n  String a = \"@T@\";\n  String b = \"@T@\";\n}\n", Language::Java, FixKind::Vault,
       "import io.github.jopenlibs.vault.Vault;"},
      {"class A {\n  string a = \"@T@\";\n  string b = \"@T@\";\n}\n", Language::CSharp, FixKind::AwsSecretsManager,
       "private static string PulumiAccessTokenFromAws()"},
      {"t = \"@T@\"\nu = \"@T@\"\n", Language::Hcl, FixKind::Environment, "variable \"pulumi_access_token\""},
      {"FROM a\nENV T=@T@\nARG U=@T@\nRUN x\n", Language::Dockerfile, FixKind::Environment, "# syntax="},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    const Doc d = make_doc(row.input);
    std::string text = d.text;
    for (const auto& token : d.values) {
      const auto at = text.find(token);
      REQUIRE(at != std::string::npos);
      const auto fixes = fixes_for(text, at, at + token.size(), row.language, Names{});
      const Fix* f = find_kind(fixes, row.kind);
      REQUIRE(f != nullptr);
      text = apply_edits(text, f->edits);
    }
    CAPTURE(text);
    CHECK(count(text, row.once) == 1);
    CHECK(text.find("pul-") == std::string::npos);
  }
}

TEST_CASE("titles never contain the token, even when a name from settings does") {
  const Doc d = make_doc("t = \"@T@\"\n");
  Names names;
  names.aws_secret_id = d.values[0];
  for (const auto& f : fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, Language::Python, names)) {
    CAPTURE(f.title);
    CHECK(f.title.find(d.values[0]) == std::string::npos);
  }
}

TEST_CASE("fixes_for never throws and never writes outside the text on odd inputs") {
  const std::string token = ptl::testing::make_token(3);
  const std::string inputs[] = {
      "", token, "\"" + token, token + "\"", "'" + token + "\\", "`${`${`" + token, "f\"{" + token,
      "\r\n" + token + "\r\n", "<<EOF\n" + token, "@\"" + token, "\"\"\"" + token, "/*" + token, "$'" + token,
  };
  const Language languages[] = {Language::TypeScript, Language::JavaScript, Language::Python,   Language::Go,
                                Language::CSharp,     Language::Java,       Language::Shell,    Language::DotEnv,
                                Language::DockerCompose, Language::GitHubActions, Language::GitLabCi,
                                Language::PulumiYaml, Language::Yaml,       Language::Dockerfile, Language::Hcl,
                                Language::PowerShell, Language::Json,       Language::Markdown, Language::PlainText};
  for (const auto& text : inputs) {
    const auto at = text.find(token);
    for (const auto language : languages) {
      CAPTURE(text);
      CAPTURE(static_cast<int>(language));
      std::vector<Fix> fixes;
      CHECK_NOTHROW(fixes = fixes_for(text, at == std::string::npos ? 0 : at,
                                      at == std::string::npos ? 0 : at + token.size(), language, Names{}));
      for (const auto& f : fixes) {
        std::size_t last = 0;
        for (const auto& e : f.edits) {
          CHECK(e.begin >= last);
          CHECK(e.begin <= e.end);
          CHECK(e.end <= text.size());
          last = e.end;
        }
        if (f.kind != FixKind::Suppress) CHECK(apply_edits(text, f.edits).find(token) == std::string::npos);
      }
    }
  }
  CHECK(fixes_for("abc", 2, 99, Language::Python, Names{}).empty());
}

TEST_CASE("fix_all rewrites the given token spans only, never other occurrences of their value") {
  // Regression: fix_all re-found tokens by value, so the value glued inside a longer hex run
  // (not a token there) was rewritten too, which could turn the glued rest into a new token.
  const std::string token = ptl::testing::make_token(5);
  const std::string text = "a = \"" + token + "\"\nb = \"" + token + "abc\"\nc = \"" + token + "\"\n";
  const std::vector<std::pair<std::size_t, std::size_t>> spans = {{5, 49}, {text.rfind(token), text.rfind(token) + 44}};
  const std::string out = apply_edits(text, fix_all(text, spans, Language::Python, Names{}));
  CHECK(out == "import os\na = os.environ[\"PULUMI_ACCESS_TOKEN\"]\nb = \"" + token +
                   "abc\"\nc = os.environ[\"PULUMI_ACCESS_TOKEN\"]\n");
}

TEST_CASE("fix_all follows a token through a rewrite of the literal that holds it") {
  const std::string token = ptl::testing::make_token(6);
  // The same value twice in one literal, and glued once between them.
  const std::string text = "const s = \"" + token + " " + token + "ff " + token + "\";\n";
  const std::size_t second = text.rfind(token);
  const std::vector<std::pair<std::size_t, std::size_t>> spans = {{11, 55}, {second, second + 44}};
  const std::string out = apply_edits(text, fix_all(text, spans, Language::TypeScript, Names{}));
  const std::string env = "requireEnv(\"PULUMI_ACCESS_TOKEN\")";
  CHECK(out.ends_with("const s = (" + env + " + (\" " + token + "ff \" + " + env + "));\n"));
}

TEST_CASE("fix_all moves the specs of one Go const group out in their order") {
  const Doc d = make_doc("package main\n\nimport \"os\"\n\nconst (\n\tA = \"@T@\"\n\tN = 1\n\tB = \"@T@\"\n)\n");
  const std::string out = apply_edits(d.text, fix_all(d.text, d.tokens, Language::Go, Names{}));
  CHECK(out == "package main\n\nimport \"os\"\n\nconst (\n\tN = 1\n)\n\n"
               "var A = os.Getenv(\"PULUMI_ACCESS_TOKEN\")\n\nvar B = os.Getenv(\"PULUMI_ACCESS_TOKEN\")\n");
}

TEST_CASE("fix_all answers with small edits when no two tokens share a literal") {
  // Tokens at both ends of a long file: the edits cover the literals and the import, not the
  // text between them (a client would otherwise get the whole file back).
  std::string body = "import json\n\na = \"@T@\"\n";
  for (int i = 0; i < 2000; ++i) body += "x" + std::to_string(i) + " = json.dumps(" + std::to_string(i) + ")\n";
  body += "b = \"@T@\"\n";
  const Doc d = make_doc(body);
  const auto edits = fix_all(d.text, d.tokens, Language::Python, Names{});
  std::size_t written = 0;
  for (const auto& e : edits) written += e.new_text.size();
  CHECK(edits.size() == 3);
  CHECK(written < 200);
  CHECK(apply_edits(d.text, edits).find("pul-") == std::string::npos);
}

TEST_CASE("fix_all takes tokens that share a literal in later rounds, and the others at once") {
  const Doc d = make_doc("import json\n\na = \"@T@\"\ns = \"x @T@ y @T@ z\"\nb = f\"{a}@T@\"\n");
  REQUIRE(d.tokens.size() == 4);
  const std::string out = apply_edits(d.text, fix_all(d.text, d.tokens, Language::Python, Names{}));
  CHECK(out.find("pul-") == std::string::npos);
  CHECK(count(out, "import os") == 1);
  CHECK(count(out, "os.environ") == 4);
  CHECK(out.starts_with("import json\nimport os\n\na = os.environ[\"PULUMI_ACCESS_TOKEN\"]\n"));
}

TEST_CASE("has_rewrites is false exactly where fix_all can never rewrite a token") {
  const char* const texts[] = {"{\"t\": \"@T@\"}\n", "token: @T@\n", "| a | @T@ |\n", "x = \"@T@\" # @T@\n",
                               "<!-- @T@ -->\n", "`@T@`\n"};
  // The CLI's own credentials file: the remedy is `pulumi logout`, not an edit.
  CHECK_FALSE(has_rewrites(Language::PulumiCredentials));
  for (const char* t : texts) {
    const Doc d = make_doc(t);
    CAPTURE(t);
    CHECK(fix_all(d.text, d.tokens, Language::PulumiCredentials, Names{}).empty());
  }
  // Documentation and data are redacted (issue 12, defect 7).
  for (const Language language : {Language::Json, Language::Markdown, Language::PlainText}) {
    CHECK(has_rewrites(language));
    for (const char* t : texts) {
      const Doc d = make_doc(t);
      CAPTURE(t);
      const std::string out = apply_edits(d.text, fix_all(d.text, d.tokens, language, Names{}));
      CHECK(out.find("pul-<your-token>") != std::string::npos);
      CHECK(out.find(d.values[0]) == std::string::npos);
    }
  }
  for (const Language language : {Language::TypeScript, Language::Python, Language::Yaml, Language::PulumiYaml,
                                  Language::PulumiStackConfig, Language::Dockerfile, Language::Shell}) {
    CHECK(has_rewrites(language));
  }
}

TEST_CASE("a fix never writes back the bytes of another token in the literal it splits") {
  // Regression (issue 12): splitting a literal rewrote all of it, other tokens included, and the
  // code action carried them back to the client. The edits are narrowed to what changes.
  const char* const inputs[] = {
      "const s = \"a @T@ b @T@ c\";\n",
      "class A {\n    String s = \"\"\"\n        a @T@\n        b @T@\n        \"\"\";\n}\n",
      "x = 'a @T@ b @T@ c'\n",
      "const s = \"\xF0\x9F\x98\x80 @T@ \xC3\xA9 @T@ \xC3\xBC\";\n",
  };
  const Language languages[] = {Language::TypeScript, Language::Java, Language::Python, Language::TypeScript};
  for (std::size_t i = 0; i < 4; ++i) {
    CAPTURE(inputs[i]);
    const Doc d = make_doc(inputs[i]);
    const auto check_edits = [&](const std::vector<TextEdit>& edits) {
      for (const TextEdit& e : edits) {
        for (const std::string& t : d.values) CHECK(e.new_text.find(t) == std::string::npos);
        // Narrowing never cuts a UTF-8 sequence: positions stay whole characters.
        for (const std::size_t at : {e.begin, e.end}) {
          CHECK((at == d.text.size() || (static_cast<unsigned char>(d.text[at]) & 0xC0) != 0x80));
        }
      }
    };
    for (const Fix& f : fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, languages[i], Names{})) {
      CAPTURE(f.title);
      check_edits(f.edits);
      CHECK(apply_edits(d.text, f.edits).find(d.values[1]) != std::string::npos);  // the other stays
    }
    const auto all = fix_all(d.text, d.tokens, languages[i], Names{});
    check_edits(all);
    CHECK(apply_edits(d.text, all).find("pul-") == std::string::npos);
  }
}
