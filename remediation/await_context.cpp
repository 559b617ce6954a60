#include "remediation/await_context.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace ptl::remediation {
namespace {

constexpr auto npos = std::string::npos;

bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// [begin, end) of the text with everything that is not code (strings,
// comments) blanked, so that keywords and parentheses read without a parser.
std::string code_only(std::string_view text, const SourceLexer& lexer, std::size_t begin, std::size_t end) {
  std::string out(text.substr(begin, end - begin));
  for (std::size_t i = begin; i < begin + out.size();) {
    const auto [span, run_end] = lexer.run_at(i);
    const std::size_t stop = std::min(run_end, begin + out.size());
    if (span != nullptr && span->kind != SourceSpan::Kind::Hole) {
      for (std::size_t j = i; j < stop; ++j) {
        if (!is_blank(out[j - begin])) out[j - begin] = ' ';
      }
    }
    i = stop;
  }
  return out;
}

// How far back a clause is read: a function header or an arrow's parameters are never this
// long, and without a bound every token of a long run without ';', '{' or '}' (data, or
// another language) would cost a pass over all of it.
constexpr std::size_t kMaxClause = 16 * 1024;

// Just after the last ';', '{' or '}' in code before `at` (0 if none; at most kMaxClause
// back): where the statement or clause holding `at` starts.
std::size_t clause_start(std::string_view text, const SourceLexer& lexer, std::size_t at) {
  const std::size_t limit = at > kMaxClause ? at - kMaxClause : 0;
  for (std::size_t i = at; i > limit; --i) {
    const char c = text[i - 1];
    if ((c == ';' || c == '{' || c == '}') && lexer.in_code(i - 1)) return i;
  }
  return limit;
}

// The identifier that ends just before `end` (blanks skipped), and where it starts.
std::pair<std::string, std::size_t> word_before(const std::string& h, std::size_t end) {
  while (end > 0 && is_blank(h[end - 1])) --end;
  std::size_t start = end;
  while (start > 0 && is_ident(h[start - 1])) --start;
  return {h.substr(start, end - start), start};
}

std::string first_word(const std::string& h) {
  std::size_t b = 0;
  while (b < h.size() && is_blank(h[b])) ++b;
  std::size_t e = b;
  while (e < h.size() && is_ident(h[e])) ++e;
  return h.substr(b, e - b);
}

// The offset of the last whole-word occurrence of `word` in h, or npos.
std::size_t last_word(const std::string& h, std::string_view word) {
  for (auto at = h.rfind(word); at != npos; at = at == 0 ? npos : h.rfind(word, at - 1)) {
    const bool starts = at == 0 || !is_ident(h[at - 1]);
    const bool ends = at + word.size() == h.size() || !is_ident(h[at + word.size()]);
    if (starts && ends) return at;
  }
  return npos;
}

// The '(' matching the ')' at `close`, or npos.
std::size_t open_paren(const std::string& h, std::size_t close) {
  int depth = 0;
  for (std::size_t i = close + 1; i > 0; --i) {
    if (h[i - 1] == ')') ++depth;
    if (h[i - 1] == '(' && --depth == 0) return i - 1;
  }
  return npos;
}

// The ')' closing a parameter list that ends h[0, end): the last ')' before
// end followed only by blanks or a TypeScript return type (": T").
std::size_t params_close(const std::string& h, std::size_t end) {
  if (end == 0) return npos;
  const auto close = h.rfind(')', end - 1);
  if (close == npos) return npos;
  std::size_t i = close + 1;
  while (i < end && is_blank(h[i])) ++i;
  return i == end || h[i] == ':' ? close : npos;
}

// Whether the arrow at h[arrow] belongs to an async arrow function:
// `async (a, b) =>`, `async (): T =>` or `async a =>`.
bool arrow_is_async(const std::string& h, std::size_t arrow) {
  if (const auto close = params_close(h, arrow); close != npos) {
    const auto open = open_paren(h, close);
    return open != npos && word_before(h, open).first == "async";
  }
  const auto [param, start] = word_before(h, arrow);
  return !param.empty() && word_before(h, start).first == "async";
}

enum class Scope { Transparent, SyncFunction, AsyncFunction };

Scope scope(bool async) { return async ? Scope::AsyncFunction : Scope::SyncFunction; }

// What the brace whose header (the clause text before it) is h opens.
Scope classify(const std::string& h) {
  static constexpr std::string_view kBlocks[] = {"if",  "else", "for",     "while", "do",  "switch",
                                                 "try", "catch", "finally", "with",  "case", "default"};
  const std::string first = first_word(h);
  if (std::find(std::begin(kBlocks), std::end(kBlocks), first) != std::end(kBlocks)) return Scope::Transparent;
  for (const std::string_view body : {"class", "interface", "enum", "namespace"}) {
    if (last_word(h, body) != npos) return Scope::SyncFunction;  // await is not allowed in these bodies
  }
  const auto arrow = h.rfind("=>");
  const auto function = last_word(h, "function");
  if (arrow != npos && (function == npos || arrow > function)) return scope(arrow_is_async(h, arrow));
  if (function != npos) return scope(word_before(h, function).first == "async");
  // A method: `name(...) {`, `async name(...) {`, `async *name(...): T {`.
  const auto close = params_close(h, h.size());
  if (close == npos) return Scope::Transparent;
  const auto open = open_paren(h, close);
  if (open == npos) return Scope::Transparent;
  const auto [name, start] = word_before(h, open);
  if (name.empty()) return Scope::Transparent;
  std::size_t before = start;
  while (before > 0 && (is_blank(h[before - 1]) || h[before - 1] == '*')) --before;
  return scope(word_before(h, before).first == "async");
}

}  // namespace

bool await_allowed(std::string_view text, const SourceLexer& lexer, std::size_t pos) {
  pos = std::min(pos, text.size());
  // An arrow with an expression body between the enclosing brace and pos
  // (`xs.map((x) => "..."`) is the nearest function.
  const std::size_t clause = clause_start(text, lexer, pos);
  const std::string region = code_only(text, lexer, clause, pos);
  if (const auto arrow = region.rfind("=>"); arrow != npos) return arrow_is_async(region, arrow);

  for (const auto& [open, close] : lexer.enclosing('{', '}', pos)) {
    const std::size_t header = clause_start(text, lexer, open);
    switch (classify(code_only(text, lexer, header, open))) {
      case Scope::AsyncFunction: return true;
      case Scope::SyncFunction: return false;
      case Scope::Transparent: break;
    }
  }
  return false;
}

}  // namespace ptl::remediation
