// Rewrites of a token inside literals whose rules make splitting hard: Java text blocks, C#
// raw strings, PowerShell here-strings, Go const groups, unterminated literals.
#include "remediation/remediation.h"

#include <doctest/doctest.h>

#include "tests/remediation/fix_harness.h"

using namespace ptl::remediation;
using namespace ptl::remediation::testing;

TEST_CASE("a token inside a Java text block splits it into text blocks that keep its indentation") {
  // Regression: the part after the lookup repeated the block from its start, copying other tokens.
  check_rows({
      {"class A {\n  String s = \"\"\"\n    a @T@ b\n      c\n    \"\"\";\n}\n", Language::Java, FixKind::Environment,
       "class A {\n  String s = (\"\"\"\n    a \\\n    \"\"\" + System.getenv(\"PULUMI_ACCESS_TOKEN\") + \"\"\"\n"
       "     b\n      c\n    \"\"\");\n}\n"},
      // The rest of the block is indented deeper than the block's margin: a `\<newline>` line
      // of exactly the margin keeps it.
      {"class A {\n  String s = \"\"\"\n    a\n    @T@\n      b\"\"\";\n}\n", Language::Java, FixKind::Environment,
       "class A {\n  String s = (\"\"\"\n    a\n    \\\n    \"\"\" + System.getenv(\"PULUMI_ACCESS_TOKEN\") + \"\"\"\n"
       "    \\\n    \n      b\"\"\");\n}\n"},
  });
  const Doc d = make_doc("class A {\n  String s = \"\"\"\n    @T@ @T@ @T@\n    \"\"\";\n}\n");
  const std::string out = apply_edits(d.text, fix_all(d.text, d.tokens, Language::Java, Names{}));
  CAPTURE(out);
  CHECK(out.find("pul-") == std::string::npos);
  CHECK(count(out, "System.getenv") == 3);
}

TEST_CASE("a token inside a multi-line C# raw string or PowerShell here-string splits it line by line") {
  check_rows({
      {"using System;\nclass A {\n  string s = \"\"\"\n    a @T@ b\n    \"\"\";\n}\n", Language::CSharp,
       FixKind::Environment,
       "using System;\nclass A {\n  string s = (\"\"\"\n    a \n    \"\"\" + "
       "Environment.GetEnvironmentVariable(\"PULUMI_ACCESS_TOKEN\") + \"\"\"\n     b\n    \"\"\");\n}\n"},
      {"$t = @'\na @T@ b\n'@\n", Language::PowerShell, FixKind::Environment,
       "$t = (@'\na \n'@ + $env:PULUMI_ACCESS_TOKEN + @'\n b\n'@)\n"},
      {"$t = @'\n@T@\n'@\n", Language::PowerShell, FixKind::Environment, "$t = ($env:PULUMI_ACCESS_TOKEN)\n"},
  });
}

TEST_CASE("a multi-line C# raw string with text on its opening or closing line is not split") {
  // Regression (fuzz): each piece copied the opening line, so a token there appeared twice.
  CHECK(fixed("string s = \"\"\" @T@\na @T@ b\n\"\"\";\n", Language::CSharp, FixKind::Environment, 1) == "<no fix>");
  CHECK(fixed("string s = \"\"\"\na @T@ b\nc \"\"\";\n", Language::CSharp, FixKind::Environment) == "<no fix>");
}

TEST_CASE("a token in an unterminated string literal gets no fix rather than one with no edits") {
  // Regression: `"<token>` at the end of a Java file offered every kind with an empty edit list.
  for (const Language language : {Language::Java, Language::TypeScript, Language::Python, Language::Go,
                                  Language::CSharp}) {
    CAPTURE(static_cast<int>(language));
    const bool triple_quotes = language == Language::Java || language == Language::Python;
    for (const char* text : {"x = \"@T@", "x = \"@T@\ny = 1;\n", triple_quotes ? "x = \"\"\"\n@T@" : "x = '@T@"}) {
      CAPTURE(text);
      const Doc d = make_doc(text);
      for (const Fix& f : fixes_for(d.text, d.tokens[0].first, d.tokens[0].second, language, Names{})) {
        CHECK_FALSE(f.edits.empty());
      }
      CHECK(kinds(text, language).empty());
    }
  }
}

TEST_CASE("a Go const group spec moves into a var declaration after the group") {
  check_rows({
      {"package main\n\nimport \"os\"\n\nconst (\n\tA = 1\n\tT = \"@T@\" // token\n\tB = 2\n)\n", Language::Go,
       FixKind::Environment,
       "package main\n\nimport \"os\"\n\nconst (\n\tA = 1\n\tB = 2\n)\n\n"
       "var T = os.Getenv(\"PULUMI_ACCESS_TOKEN\") // token\n"},
      {"package main\n\nimport \"os\"\n\nconst (\n\tU string = \"https://x/?t=\" + // url\n\t\t\"@T@\"\n)\n",
       Language::Go, FixKind::Environment,
       "package main\n\nimport \"os\"\n\nconst (\n)\n\n"
       "var U string = \"https://x/?t=\" + // url\n\t\tos.Getenv(\"PULUMI_ACCESS_TOKEN\")\n"},
  });
  // The next spec repeats this one's value (iota style): moving it would change that spec.
  CHECK(fixed("package main\n\nconst (\n\tT = \"@T@\"\n\tU\n)\n", Language::Go, FixKind::Environment) == "<no fix>");
}
