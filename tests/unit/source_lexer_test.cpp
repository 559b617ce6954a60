// SourceLexer's queries against naive references over every position of nested, unterminated
// and heredoc-bearing texts in each lexed language.
#include "remediation/source_lexer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace ptl::remediation;

namespace {

// The definition: the span with the greatest begin among those containing pos (spans nest).
const SourceSpan* naive_innermost(const SourceLexer& lexer, std::size_t pos) {
  const SourceSpan* best = nullptr;
  for (const SourceSpan& s : lexer.spans()) {
    if (s.begin <= pos && pos < s.end && (best == nullptr || s.begin >= best->begin)) best = &s;
  }
  return best;
}

struct Sample {
  Language language;
  std::string text;
};

std::vector<Sample> samples() {
  std::string many_holes = "const s = `";
  for (int i = 0; i < 50; ++i) many_holes += "a${x" + std::to_string(i) + " + `b${'c' /* d */}e`}f ";
  many_holes += "`; // end\nconst t = \"g\";\n";
  return {
      {Language::TypeScript, many_holes},
      {Language::TypeScript, "let a = `x${`y${`z${'w'}`}`}`; /* c */ let b = \"q\\\"r\"; // tail"},
      {Language::TypeScript, "const u = `never closed ${ \"s\" + 'unterminated\n  'next' // x"},
      {Language::Python, "a = f\"x{b['k']}y{f'{c}'}\"\nd = '''multi\nline''' # c\ne = r'raw\\'"},
      {Language::Go, "var a = `raw\nstring` // c\nconst b = \"x\" /* y */ + 'z'"},
      {Language::CSharp, "var a = $\"x{b}y{$\"{c}\"}\"; var d = @\"q\"\"r\"; var e = \"\"\"\nraw\n\"\"\";"},
      {Language::Java, "String a = \"\"\"\n  block \"x\"\n  \"\"\"; // c\nchar b = '\\'';"},
      {Language::Shell, "cat <<EOF > f\nbody \"$x\"\nEOF\necho \"a ${b} 'c'\" 'd' # e\ncat <<-'X'\n\tq\n\tX\n"},
      {Language::PowerShell, "$a = @\"\nhere $b\n\"@\n$c = \"x $($d) y\" # z\n<# block #>"},
      {Language::Hcl, "a = \"x ${b} y\"\nc = <<EOT\nbody ${d}\nEOT\n# e\n"},
  };
}

}  // namespace

TEST_CASE("innermost_at, run_at and in_code agree with the naive definitions at every position") {
  for (const Sample& s : samples()) {
    const SourceLexer lexer(s.text, s.language);
    REQUIRE_FALSE(lexer.spans().empty());
    for (std::size_t pos = 0; pos <= s.text.size() + 1; ++pos) {
      CAPTURE(s.text);
      CAPTURE(pos);
      const SourceSpan* expected = naive_innermost(lexer, pos);
      REQUIRE(lexer.innermost_at(pos) == expected);
      CHECK(lexer.in_code(pos) == (expected == nullptr || expected->kind == SourceSpan::Kind::Hole));
      // run_at: the same answer up to run_end, a different one at run_end (or the text ends).
      const auto [span, run_end] = lexer.run_at(pos);
      CHECK(span == expected);
      REQUIRE(run_end > pos);
      for (std::size_t q = pos; q < run_end && q <= s.text.size(); ++q) REQUIRE(naive_innermost(lexer, q) == expected);
      if (run_end < s.text.size()) CHECK(naive_innermost(lexer, run_end) != expected);
    }
  }
}

TEST_CASE("bracket pairs are computed once and skip brackets inside strings and comments") {
  const std::string text = "f(a, \"(\", g(b)) // )\n{ x = '}' }";
  const SourceLexer lexer(text, Language::TypeScript);
  const auto& parens = lexer.bracket_pairs('(', ')');
  REQUIRE(parens.size() == 2);
  CHECK(parens[0] == std::make_pair(std::size_t{1}, text.find(") //")));
  CHECK(parens[1] == std::make_pair(text.find("g(") + 1, text.find("b)") + 1));
  CHECK(&lexer.bracket_pairs('(', ')') == &parens);
  const auto& braces = lexer.bracket_pairs('{', '}');
  REQUIRE(braces.size() == 1);
  CHECK(braces[0] == std::make_pair(text.find('{'), text.rfind('}')));
}

TEST_CASE("enclosing lists the pairs around a position innermost first, as a filter of all pairs would") {
  const std::string text =
      "class A { m() { if (x) { f(\"}\", g(h(1), 2)); } } // }\n n() { k({ a: `${ {b: 1} }` }); } }\n{ } ( ( ) )";
  const SourceLexer lexer(text, Language::TypeScript);
  for (const auto& [open, close] : {std::pair{'{', '}'}, std::pair{'(', ')'}}) {
    const auto& all = lexer.bracket_pairs(open, close);
    REQUIRE(all.size() >= 4);
    for (std::size_t pos = 0; pos <= text.size(); ++pos) {
      SourceLexer::BracketPairs expected;
      for (const auto& p : all) {
        if (p.first < pos && pos <= p.second) expected.push_back(p);
      }
      std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      CAPTURE(pos);
      REQUIRE(lexer.enclosing(open, close, pos) == expected);
    }
  }
}
