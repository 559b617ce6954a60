// await_allowed: where a TypeScript/JavaScript lookup may be written as
// `await helper()`. Every row's answer was checked with tsc (module commonjs,
// as in Pulumi's templates): with `await` written at TOKEN, the rows answering
// false fail with TS1308 or TS1378 and the rows answering true compile.
#include "remediation/await_context.h"

#include <doctest/doctest.h>

#include <string>

using namespace ptl::remediation;

namespace {

struct Row {
  const char* text;  // TOKEN marks the position asked about
  bool allowed;
};

bool allowed_at_token(const std::string& text, Language language) {
  const SourceLexer lexer(text, language);
  return await_allowed(text, lexer, text.find("TOKEN"));
}

}  // namespace

TEST_CASE("await is allowed only where the nearest enclosing function is async") {
  const Row rows[] = {
      {"const t = \"TOKEN\";", false},
      {"async function main() {\n  const t = \"TOKEN\";\n}", true},
      {"function main() {\n  const t = \"TOKEN\";\n}", false},
      {"export = async () => {\n  const t = \"TOKEN\";\n};", true},
      {"main().catch((err) => {\n  log(\"TOKEN\");\n});", false},
      {"main().catch(async (err) => {\n  log(\"TOKEN\");\n});", true},
      {"async function main() {\n  await run({\n    envVars: { A: \"TOKEN\" },\n  });\n}", true},
      {"async function main() {\n  xs.map((x) => \"TOKEN\" + x);\n}", false},
      {"function f() {\n  xs.map(async (x) => \"TOKEN\" + x);\n}", true},
      {"async function main() {\n  if (ok) {\n    t = \"TOKEN\";\n  } else {\n  }\n}", true},
      {"class A {\n  token = \"TOKEN\";\n}", false},
      {"class A {\n  async run() {\n    return \"TOKEN\";\n  }\n}", true},
      {"class A {\n  run(): string {\n    return \"TOKEN\";\n  }\n}", false},
      {"const o = {\n  async get(): Promise<string> {\n    return \"TOKEN\";\n  },\n};", true},
      {"const f = async function () {\n  return \"TOKEN\";\n};", true},
      {"async function outer() {\n  function inner() {\n    return \"TOKEN\";\n  }\n}", false},
      {"function outer() {\n  const f = async () => {\n    return \"TOKEN\";\n  };\n}", true},
      {"async function main() {\n  // a comment with { and }\n  const s = \"}{\";\n  const t = \"TOKEN\";\n}", true},
      {"async function main() {\n  for (const x of xs.filter((y) => y)) {\n    t = \"TOKEN\";\n  }\n}", true},
      {"const run = async (): Promise<void> => {\n  t = \"TOKEN\";\n};", true},
      {"async function* gen() {\n  yield \"TOKEN\";\n}", true},
      {"async function main() {\n  run((x) => ({ a: [{ t: \"TOKEN\" }] }));\n}", false},
      {"const f = async x => \"TOKEN\";", true},
      {"const u = `a ${\"TOKEN\"}`;", false},
      {"async function main() {\n  const u = `${stack}/${\"TOKEN\"}`;\n}", true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(allowed_at_token(row.text, Language::TypeScript) == row.allowed);
    CHECK(allowed_at_token(row.text, Language::JavaScript) == row.allowed);
  }
}

TEST_CASE("await_allowed answers false where it cannot see a closed async body") {
  const std::string empty;
  CHECK_FALSE(await_allowed(empty, SourceLexer(empty, Language::TypeScript), 0));
  // While the user types, the body is not closed yet: no brace pair, no await.
  const std::string unclosed = "async function f() {\n  const t = \"TOKEN\";\n";
  CHECK_FALSE(allowed_at_token(unclosed, Language::TypeScript));
  CHECK_FALSE(await_allowed(unclosed, SourceLexer(unclosed, Language::TypeScript), unclosed.size() + 10));
}

TEST_CASE("a long clause before the token is read only so far back, and the enclosing body still decides") {
  // 40 KB of one expression without ';', '{' or '}' between the body's brace and the token.
  std::string sum;
  for (int i = 0; i < 8000; ++i) sum += "a + ";
  CHECK(allowed_at_token("async function f() {\n  const t = " + sum + "\"TOKEN\";\n}", Language::TypeScript));
  CHECK_FALSE(allowed_at_token("function f() {\n  const t = " + sum + "\"TOKEN\";\n}", Language::TypeScript));
  CHECK_FALSE(allowed_at_token("const t = " + sum + "\"TOKEN\";\n", Language::TypeScript));
}
