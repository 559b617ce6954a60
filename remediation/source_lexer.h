#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "remediation/language.h"

namespace ptl::remediation {

// How a string literal may embed an expression.
enum class Interpolation {
  None,         // plain or raw string: split it and concatenate
  DollarBrace,  // JS/TS template literal, HCL string, shell/PowerShell double quotes: ${expr}
  Brace,        // Python f-string, C# $"...": {expr}
};

// One string literal, comment, or interpolation hole found by the lexer.
struct SourceSpan {
  enum class Kind { String, Comment, Hole };
  Kind kind;
  std::size_t begin, end;                  // the whole span, prefix and delimiters included
  std::size_t content_begin, content_end;  // between the delimiters
  Interpolation interpolation = Interpolation::None;
  char quote = '"';       // the closing quote character (or 0 for heredocs)
  bool heredoc = false;   // shell/HCL heredoc, PowerShell here-string, Java text block, Python triple quotes
  bool closed = true;     // false when the text ends inside the span
  // Shell heredoc: the opening word as written after "<<" or "<<-" ('EOF', "EOF", \EOF or EOF),
  // and the delimiter it stands for. A quoted word means the body expands nothing
  // (interpolation None).
  std::size_t opener_begin = 0, opener_end = 0;
  std::string delimiter{};
};

// A small lexer that knows where the string literals and comments of a file
// are. It tracks nesting (strings inside template holes inside strings) up to
// a fixed depth and never fails: unterminated spans end at the end of text.
// Languages without a lexer here (YAML, JSON, ...) give no spans.
// Linear time in the size of the text.
class SourceLexer {
 public:
  SourceLexer(std::string_view text, Language language);

  const std::vector<SourceSpan>& spans() const { return spans_; }

  // The innermost span that contains pos (begin <= pos < end), or nullptr.
  const SourceSpan* innermost_at(std::size_t pos) const;
  // innermost_at(pos), and the offset where that answer next changes (the end of that span or
  // the begin of the next span, whichever comes first; size of text when none).
  std::pair<const SourceSpan*, std::size_t> run_at(std::size_t pos) const;
  // The innermost string literal containing [begin, end), or nullptr.
  const SourceSpan* string_around(std::size_t begin, std::size_t end) const;
  // Whether pos is in code (not inside a string or comment; holes are code).
  bool in_code(std::size_t pos) const;
  using BracketPairs = std::vector<std::pair<std::size_t, std::size_t>>;
  // Matching pairs of any bracket in code ('(' ')', ...), sorted by the opening offset.
  // Computed on first use and kept: every fix of a token, and every token of a fix-all round,
  // asks again.
  const BracketPairs& bracket_pairs(char open, char close) const;
  // The pairs of bracket_pairs(open, close) around pos (open < pos <= close), innermost first.
  BracketPairs enclosing(char open, char close, std::size_t pos) const;

 private:
  std::string_view text_;
  std::vector<SourceSpan> spans_;
  // For each span, the index of the innermost span containing it, or kNone: innermost_at finds
  // the last span starting at or before pos by binary search and walks up from it (spans nest,
  // so the innermost one holding pos is that span or one of its ancestors; nesting is bounded).
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> parent_;
  struct Brackets {
    BracketPairs pairs;
    std::vector<std::size_t> parent;  // index of the pair around each pair, or kNone
  };
  const Brackets& brackets(char open, char close) const;
  mutable std::map<std::pair<char, char>, Brackets> brackets_;
};

}  // namespace ptl::remediation
