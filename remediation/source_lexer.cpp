#include "remediation/source_lexer.h"

#include <algorithm>
#include <string>

namespace ptl::remediation {
namespace {

enum class Family { JsLike, Go, Java, CSharp, Python, Shell, PowerShell, Hcl, None };

Family family_of(Language language) {
  switch (language) {
    case Language::TypeScript:
    case Language::JavaScript: return Family::JsLike;
    case Language::Go: return Family::Go;
    case Language::Java: return Family::Java;
    case Language::CSharp: return Family::CSharp;
    case Language::Python: return Family::Python;
    case Language::Shell:
    case Language::DotEnv:
    case Language::Dockerfile: return Family::Shell;
    case Language::PowerShell: return Family::PowerShell;
    case Language::Hcl: return Family::Hcl;
    default: return Family::None;
  }
}

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Deep enough for any real nesting of template holes; beyond it holes are
// treated as plain string content so hostile input cannot exhaust the stack.
constexpr int kMaxDepth = 32;

struct QuoteRules {
  std::size_t open_len;        // bytes of prefix + opening delimiter
  std::string_view close;      // closing delimiter
  bool backslash_escapes;      // '\' skips the next byte
  bool doubled_quote_escapes;  // "" (or '') stands for one quote
  bool stop_at_newline;        // single-line literal: an unterminated one ends at the line break
  Interpolation interpolation;
  bool heredoc = false;
  bool skip_first_line = false;  // Java text block / PowerShell here-string: content starts on the next line
  bool close_at_line_start = false;
};

class Scanner {
 public:
  Scanner(std::string_view text, Family family, std::vector<SourceSpan>& out)
      : t_(text), family_(family), out_(out) {}

  void run() { scan_code(0, false, 0); }

 private:
  // Whether s starts at i; the first byte is compared inline (this runs at every byte).
  bool at(std::size_t i, std::string_view s) const {
    if (s.empty()) return true;
    return i < t_.size() && t_[i] == s.front() && t_.substr(i).starts_with(s);
  }
  char ch(std::size_t i) const { return i < t_.size() ? t_[i] : '\0'; }
  bool word_start(std::size_t i) const {
    if (i == 0) return true;
    const char p = t_[i - 1];
    return p == ' ' || p == '\t' || p == '\n' || p == '\r' || p == ';' || p == '(' || p == '|' || p == '&';
  }

  std::size_t scan_code(std::size_t i, bool in_hole, int depth) {
    int braces = 0;
    while (i < t_.size()) {
      if (t_[i] == '\n' && pending_heredoc_end_ != 0 && i >= pending_heredoc_from_) {
        i = pending_heredoc_end_;
        pending_heredoc_end_ = 0;
        continue;
      }
      if (const auto end = try_span(i, depth); end != std::string::npos) {
        i = std::max(end, i + 1);
        continue;
      }
      const char c = t_[i];
      if (in_hole) {
        if (c == '{') ++braces;
        if (c == '}') {
          if (braces == 0) return i + 1;
          --braces;
        }
      }
      ++i;
    }
    return t_.size();
  }

  std::size_t comment(std::size_t i, std::size_t end) {
    end = std::min(end, t_.size());
    out_.push_back(SourceSpan{SourceSpan::Kind::Comment, i, end, i, end});
    return end;
  }

  std::size_t line_comment(std::size_t i) {
    const auto nl = t_.find('\n', i);
    return comment(i, nl == std::string_view::npos ? t_.size() : nl);
  }

  std::size_t block_comment(std::size_t i, std::string_view open, std::string_view close) {
    const auto e = t_.find(close, i + open.size());
    return comment(i, e == std::string_view::npos ? t_.size() : e + close.size());
  }

  std::size_t try_span(std::size_t i, int depth) {
    const char c = t_[i];
    switch (family_) {
      case Family::JsLike:
        if (at(i, "//")) return line_comment(i);
        if (at(i, "/*")) return block_comment(i, "/*", "*/");
        if (c == '\'' || c == '"') return quoted(i, {1, t_.substr(i, 1), true, false, true, Interpolation::None}, depth);
        if (c == '`') return quoted(i, {1, "`", true, false, false, Interpolation::DollarBrace}, depth);
        return std::string::npos;
      case Family::Go:
        if (at(i, "//")) return line_comment(i);
        if (at(i, "/*")) return block_comment(i, "/*", "*/");
        if (c == '\'' || c == '"') return quoted(i, {1, t_.substr(i, 1), true, false, true, Interpolation::None}, depth);
        if (c == '`') return quoted(i, {1, "`", false, false, false, Interpolation::None}, depth);
        return std::string::npos;
      case Family::Java:
        if (at(i, "//")) return line_comment(i);
        if (at(i, "/*")) return block_comment(i, "/*", "*/");
        if (at(i, "\"\"\"")) {
          QuoteRules r{3, "\"\"\"", true, false, false, Interpolation::None, true, true};
          return quoted(i, r, depth);
        }
        if (c == '\'' || c == '"') return quoted(i, {1, t_.substr(i, 1), true, false, true, Interpolation::None}, depth);
        return std::string::npos;
      case Family::CSharp: return csharp(i, depth);
      case Family::Python: return python(i, depth);
      case Family::Shell: return shell(i, depth);
      case Family::PowerShell: return powershell(i, depth);
      case Family::Hcl:
        if (c == '#' || at(i, "//")) return line_comment(i);
        if (at(i, "/*")) return block_comment(i, "/*", "*/");
        if (c == '"') return quoted(i, {1, "\"", true, false, true, Interpolation::DollarBrace}, depth);
        if (at(i, "<<")) return heredoc(i, depth, Interpolation::DollarBrace, false);
        return std::string::npos;
      case Family::None: return std::string::npos;
    }
    return std::string::npos;
  }

  std::size_t csharp(std::size_t i, int depth) {
    if (at(i, "//")) return line_comment(i);
    if (at(i, "/*")) return block_comment(i, "/*", "*/");
    std::size_t j = i;
    bool dollar = false, verbatim = false;
    while (j < t_.size() && j < i + 3 && (t_[j] == '$' || t_[j] == '@')) {
      (t_[j] == '$' ? dollar : verbatim) = true;
      ++j;
    }
    if (j > i && ch(j) != '"') return std::string::npos;
    const std::size_t prefix = j - i;
    if (at(j, "\"\"\"")) {  // raw string literal: no escapes, holes not parsed
      return quoted(i, {prefix + 3, "\"\"\"", false, false, false, Interpolation::None, true}, depth);
    }
    if (ch(j) == '"') {
      const auto interp = dollar ? Interpolation::Brace : Interpolation::None;
      return quoted(i, {prefix + 1, "\"", !verbatim, verbatim, !verbatim, interp}, depth);
    }
    if (ch(i) == '\'') return quoted(i, {1, "'", true, false, true, Interpolation::None}, depth);
    return std::string::npos;
  }

  std::size_t python(std::size_t i, int depth) {
    const char c = t_[i];
    if (c == '#') return line_comment(i);
    std::size_t j = i;
    bool f = false;
    if (is_ident_char(c)) {
      if (i > 0 && is_ident_char(t_[i - 1])) return std::string::npos;
      while (j < t_.size() && j < i + 3 && std::string_view("rRbBuUfF").find(t_[j]) != std::string_view::npos) {
        if (t_[j] == 'f' || t_[j] == 'F') f = true;
        ++j;
      }
      if (j == i || (ch(j) != '"' && ch(j) != '\'')) return std::string::npos;
    }
    const char q = ch(j);
    if (q != '"' && q != '\'') return std::string::npos;
    const auto interp = f ? Interpolation::Brace : Interpolation::None;
    const std::size_t prefix = j - i;
    if (ch(j + 1) == q && ch(j + 2) == q) {
      return quoted(i, {prefix + 3, t_.substr(j, 3), true, false, false, interp, true}, depth);
    }
    return quoted(i, {prefix + 1, t_.substr(j, 1), true, false, true, interp}, depth);
  }

  std::size_t shell(std::size_t i, int depth) {
    const char c = t_[i];
    if (c == '#' && word_start(i)) return line_comment(i);
    if (c == '\\') return i + 2;  // an escaped character is never a quote
    if (c == '\'') return quoted(i, {1, "'", false, false, false, Interpolation::None}, depth);
    if (at(i, "$'")) return quoted(i, {2, "'", true, false, false, Interpolation::None}, depth);
    if (c == '"') return quoted(i, {1, "\"", true, false, false, Interpolation::DollarBrace}, depth);
    if (at(i, "<<") && !at(i, "<<<")) return heredoc(i, depth, Interpolation::DollarBrace, true);
    return std::string::npos;
  }

  std::size_t powershell(std::size_t i, int depth) {
    const char c = t_[i];
    if (at(i, "<#")) return block_comment(i, "<#", "#>");
    if (c == '#' && word_start(i)) return line_comment(i);
    if (c == '`') return i + 2;
    if (at(i, "@\"") || at(i, "@'")) {
      const bool expand = t_[i + 1] == '"';
      QuoteRules r{2, expand ? "\"@" : "'@", false, false, false,
                   expand ? Interpolation::DollarBrace : Interpolation::None, true, true, true};
      return quoted(i, r, depth);
    }
    if (c == '"') return quoted(i, {1, "\"", false, true, false, Interpolation::DollarBrace}, depth, '`');
    if (c == '\'') return quoted(i, {1, "'", false, true, false, Interpolation::None}, depth);
    return std::string::npos;
  }

  // A heredoc: "<<[-]WORD" or, in shell, a word with quoting anywhere ('EOF', "EOF", \EOF,
  // E"OF"), which makes the body literal. The span is the body; code scanning resumes after the
  // opening word and jumps over the body at the end of that line.
  std::size_t heredoc(std::size_t i, int /*depth*/, Interpolation interp, bool quotes_allowed) {
    std::size_t j = i + 2;
    const bool dash = ch(j) == '-' || ch(j) == '~';
    if (dash) ++j;
    while (ch(j) == ' ' || ch(j) == '\t') ++j;
    const std::size_t opener = j;
    std::string word;
    bool quoted = false;
    char open_quote = 0;
    while (j < t_.size() && t_[j] != '\n') {
      const char c = t_[j];
      if (open_quote != 0) {
        if (c == open_quote) {
          open_quote = 0;
        } else {
          word.push_back(c);
        }
        ++j;
      } else if (quotes_allowed && (c == '\'' || c == '"')) {
        open_quote = c;
        quoted = true;
        ++j;
      } else if (quotes_allowed && c == '\\' && is_ident_char(ch(j + 1))) {
        quoted = true;
        ++j;
      } else if (is_ident_char(c) || c == '-') {
        word.push_back(c);
        ++j;
      } else {
        break;
      }
    }
    if (open_quote != 0 || word.empty()) return std::string::npos;
    if (quoted) interp = Interpolation::None;
    const auto nl = t_.find('\n', j);
    if (nl == std::string_view::npos) return j;
    std::size_t line = nl + 1;
    std::size_t body_end = t_.size(), after = t_.size();
    bool closed = false;
    while (line < t_.size()) {
      auto e = t_.find('\n', line);
      const std::size_t next = e == std::string_view::npos ? t_.size() : e + 1;
      if (e == std::string_view::npos) e = t_.size();
      std::string_view l = t_.substr(line, e - line);
      if (l.ends_with('\r')) l.remove_suffix(1);
      if (dash) l.remove_prefix(std::min(l.size(), l.find_first_not_of(" \t")));
      if (l == word) {
        body_end = line;
        after = e;
        closed = true;
        break;
      }
      line = next;
    }
    SourceSpan s{SourceSpan::Kind::String, nl + 1, after, nl + 1, body_end, interp, 0, true, closed};
    s.opener_begin = opener;
    s.opener_end = j;
    s.delimiter = std::move(word);
    out_.push_back(std::move(s));
    pending_heredoc_from_ = nl;
    pending_heredoc_end_ = after;
    return j;
  }

  // A quoted literal starting at begin (prefix included) under rules.
  std::size_t quoted(std::size_t begin, const QuoteRules& r, int depth, char escape_char = '\\') {
    const std::size_t index = out_.size();
    out_.push_back(SourceSpan{SourceSpan::Kind::String, begin, t_.size(), begin + r.open_len, t_.size(),
                              r.interpolation, r.close.empty() ? '"' : r.close.back(), r.heredoc, false});
    std::size_t i = std::min(begin + r.open_len, t_.size());
    if (r.skip_first_line) {
      const auto nl = t_.find('\n', i);
      i = nl == std::string_view::npos ? t_.size() : nl + 1;
      out_[index].content_begin = i;
    }
    const bool escapes = r.backslash_escapes || escape_char != '\\';
    while (i < t_.size()) {
      const char c = t_[i];
      if (escapes && c == escape_char) {
        i += 2;
        continue;
      }
      if (r.stop_at_newline && c == '\n') break;
      const bool line_ok = !r.close_at_line_start || (i > 0 && t_[i - 1] == '\n');
      if (line_ok && at(i, r.close)) {
        if (r.doubled_quote_escapes && at(i + r.close.size(), r.close)) {
          i += 2 * r.close.size();
          continue;
        }
        out_[index].content_end = i;
        out_[index].end = i + r.close.size();
        out_[index].closed = true;
        return out_[index].end;
      }
      if (depth < kMaxDepth && r.interpolation == Interpolation::DollarBrace && at(i, "${") &&
          family_ != Family::Shell && family_ != Family::PowerShell) {
        i = hole(i, 2, depth);
        continue;
      }
      if (depth < kMaxDepth && r.interpolation == Interpolation::Brace && c == '{') {
        if (ch(i + 1) == '{') {
          i += 2;
          continue;
        }
        i = hole(i, 1, depth);
        continue;
      }
      ++i;
    }
    out_[index].content_end = std::min(i, t_.size());
    out_[index].end = std::min(i, t_.size());
    return out_[index].end;
  }

  std::size_t hole(std::size_t i, std::size_t open_len, int depth) {
    const std::size_t index = out_.size();
    out_.push_back(SourceSpan{SourceSpan::Kind::Hole, i, t_.size(), i + open_len, t_.size()});
    const std::size_t after = scan_code(i + open_len, true, depth + 1);
    out_[index].end = after;
    out_[index].content_end = after > 0 ? after - 1 : 0;
    return after;
  }

  std::string_view t_;
  Family family_;
  std::vector<SourceSpan>& out_;
  std::size_t pending_heredoc_from_ = 0;
  std::size_t pending_heredoc_end_ = 0;
};

}  // namespace

SourceLexer::SourceLexer(std::string_view text, Language language) : text_(text) {
  const Family family = family_of(language);
  if (family == Family::None) return;
  Scanner(text, family, spans_).run();
  const auto by_begin = [](const SourceSpan& a, const SourceSpan& b) { return a.begin < b.begin; };
  // The scanner emits spans in order except around heredocs: sort only when needed.
  if (!std::is_sorted(spans_.begin(), spans_.end(), by_begin)) std::stable_sort(spans_.begin(), spans_.end(), by_begin);
  parent_.assign(spans_.size(), kNone);
  std::vector<std::size_t> open;  // the chain of spans containing the current one
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    while (!open.empty() && spans_[open.back()].end <= spans_[i].begin) open.pop_back();
    if (!open.empty()) parent_[i] = open.back();
    open.push_back(i);
  }
}

std::pair<const SourceSpan*, std::size_t> SourceLexer::run_at(std::size_t pos) const {
  const auto after = std::upper_bound(spans_.begin(), spans_.end(), pos,
                                      [](std::size_t p, const SourceSpan& s) { return p < s.begin; });
  const std::size_t next_begin = after == spans_.end() ? std::max(text_.size(), pos + 1) : after->begin;
  if (after == spans_.begin()) return {nullptr, next_begin};
  for (auto i = static_cast<std::size_t>(after - spans_.begin()) - 1; i != kNone; i = parent_[i]) {
    if (pos < spans_[i].end) return {&spans_[i], std::min(spans_[i].end, next_begin)};
  }
  return {nullptr, next_begin};
}

const SourceSpan* SourceLexer::innermost_at(std::size_t pos) const { return run_at(pos).first; }

const SourceSpan* SourceLexer::string_around(std::size_t begin, std::size_t end) const {
  const SourceSpan* s = innermost_at(begin);
  if (s == nullptr || s->kind != SourceSpan::Kind::String) return nullptr;
  if (begin < s->content_begin || end > s->content_end) return nullptr;
  return s;
}

bool SourceLexer::in_code(std::size_t pos) const {
  const SourceSpan* s = innermost_at(pos);
  return s == nullptr || s->kind == SourceSpan::Kind::Hole;
}

const SourceLexer::BracketPairs& SourceLexer::bracket_pairs(char open_char, char close_char) const {
  return brackets(open_char, close_char).pairs;
}

SourceLexer::BracketPairs SourceLexer::enclosing(char open_char, char close_char, std::size_t pos) const {
  // As innermost_at: the last pair opening before pos, then its ancestors (pairs nest).
  const Brackets& b = brackets(open_char, close_char);
  const auto after = std::lower_bound(b.pairs.begin(), b.pairs.end(), pos,
                                      [](const auto& p, std::size_t at) { return p.first < at; });
  BracketPairs around;
  if (after == b.pairs.begin()) return around;
  for (auto i = static_cast<std::size_t>(after - b.pairs.begin()) - 1; i != kNone; i = b.parent[i]) {
    if (pos <= b.pairs[i].second) around.push_back(b.pairs[i]);
  }
  return around;
}

const SourceLexer::Brackets& SourceLexer::brackets(char open_char, char close_char) const {
  const auto [cached, fresh] = brackets_.try_emplace({open_char, close_char});
  if (!fresh) return cached->second;
  BracketPairs& pairs = cached->second.pairs;
  std::vector<std::size_t> open;
  std::size_t span = 0;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    // Skip top-level spans (holes inside them never hold class braces).
    while (span < spans_.size() && spans_[span].end <= i) ++span;
    if (span < spans_.size() && spans_[span].begin <= i) {
      i = spans_[span].end - 1;
      continue;
    }
    if (text_[i] == open_char) open.push_back(i);
    if (text_[i] == close_char && !open.empty()) {
      pairs.emplace_back(open.back(), i);
      open.pop_back();
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::size_t>& parent = cached->second.parent;
  parent.assign(pairs.size(), kNone);
  open.clear();  // now indices into pairs: the chain of pairs around the current one
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    while (!open.empty() && pairs[open.back()].second < pairs[i].first) open.pop_back();
    if (!open.empty()) parent[i] = open.back();
    open.push_back(i);
  }
  return cached->second;
}

}  // namespace ptl::remediation
