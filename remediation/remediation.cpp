#include "remediation/remediation.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <span>

#include "remediation/code_fixes.h"
#include "remediation/config_fixes.h"
#include "remediation/dockerfile_fixes.h"
#include "remediation/fix_context.h"
#include "remediation/notebook_fixes.h"
#include "remediation/redact.h"
#include "remediation/suppress.h"
#include "remediation/titles.h"

namespace ptl::remediation {
namespace {

constexpr FixKind kOrder[] = {FixKind::Environment, FixKind::PulumiConfig, FixKind::AwsSecretsManager,
                              FixKind::Vault, FixKind::Conjur};

bool is_program(Language language) {
  switch (language) {
    case Language::TypeScript:
    case Language::JavaScript:
    case Language::Python:
    case Language::Go:
    case Language::CSharp:
    case Language::Java: return true;
    default: return false;
  }
}

std::optional<Fix> fix_of_kind(const FixContext& c, FixKind kind) {
  if (token_is_prose(c)) return std::nullopt;  // redact_fix, not a rewrite into code
  if (is_program(c.language)) return code_fix(c, kind);
  if (c.language == Language::Dockerfile) {
    return kind == FixKind::Environment ? dockerfile_fix(c) : std::nullopt;
  }
  return config_fix(c, kind);
}

// Defence in depth for "never echoes the secret": a name from settings could
// hold the token itself.
void redact(Fix& fix, std::string_view token) {
  for (auto at = fix.title.find(token); at != std::string::npos; at = fix.title.find(token)) {
    fix.title.replace(at, token.size(), "<token>");
  }
}

bool valid_span(std::string_view text, std::size_t b, std::size_t e) { return b < e && e <= text.size(); }

bool is_hex(char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); }

// Whether s holds "pul-" and 40 lowercase hex digits: a token the edit would write back.
bool holds_token(std::string_view s) {
  for (auto at = s.find("pul-"); at != std::string_view::npos; at = s.find("pul-", at + 1)) {
    if (at + 44 <= s.size() && std::all_of(s.begin() + at + 4, s.begin() + at + 44, is_hex)) return true;
  }
  return false;
}

bool continuation(char ch) { return (static_cast<unsigned char>(ch) & 0xC0) == 0x80; }

// The edit without the text its new text shares with the original at either end (cut at
// character boundaries), and a new text that wraps the region in parentheses split into two
// insertions around it: what is left is only what changes.
std::vector<TextEdit> narrow(std::string_view text, const TextEdit& e) {
  const std::string_view old_text = text.substr(e.begin, e.end - e.begin);
  std::string_view n = e.new_text;
  const bool parens = n.size() >= 2 && n.front() == '(' && n.back() == ')' && !old_text.starts_with("(");
  if (parens) n = n.substr(1, n.size() - 2);
  std::size_t p = 0;
  while (p < old_text.size() && p < n.size() && old_text[p] == n[p]) ++p;
  while (p > 0 && ((p < n.size() && continuation(n[p])) || (p < old_text.size() && continuation(old_text[p])))) --p;
  std::size_t q = 0;
  while (q < old_text.size() - p && q < n.size() - p && old_text[old_text.size() - 1 - q] == n[n.size() - 1 - q]) ++q;
  while (q > 0 && (continuation(n[n.size() - q]) || continuation(old_text[old_text.size() - q]))) --q;
  std::vector<TextEdit> out;
  const std::string middle(n.substr(p, n.size() - p - q));
  if (parens) out.push_back(TextEdit{e.begin, e.begin, "("});
  if (p + q < old_text.size() || !middle.empty()) out.push_back(TextEdit{e.begin + p, e.end - q, middle});
  if (parens) out.push_back(TextEdit{e.end, e.end, ")"});
  // Adjacent insertions and replacements at one offset are joined, so the edits stay disjoint
  // and sorted as EditSet keeps them.
  std::vector<TextEdit> joined;
  for (TextEdit& x : out) {
    if (!joined.empty() && joined.back().end == x.begin && (joined.back().begin == joined.back().end || x.begin == x.end)) {
      joined.back().new_text += x.new_text;
      joined.back().end = x.end;
    } else {
      joined.push_back(std::move(x));
    }
  }
  return joined;
}

// Defence in depth for "never echoes the secret": an edit that rewrites a region holding another
// token (a literal split around this one) is narrowed to what changes, so its new text does not
// carry that token back to the client. Applied to the edits a caller gets, never to the fixes
// fix_all joins: there two narrowed fixes could share one "(" insertion and lose a parenthesis.
std::vector<TextEdit> narrow_token_copies(std::string_view text, std::vector<TextEdit> edits) {
  if (std::none_of(edits.begin(), edits.end(), [](const TextEdit& e) { return holds_token(e.new_text); })) {
    return edits;
  }
  std::vector<TextEdit> out;
  for (const TextEdit& e : edits) {
    if (!holds_token(e.new_text) || e.end > text.size()) {
      out.push_back(e);
      continue;
    }
    for (TextEdit& x : narrow(text, e)) out.push_back(std::move(x));
  }
  return out;
}

// A notebook's fixes, with their titles (the Redact fix of a token outside code gets its own).
std::vector<Fix> notebook_fixes_titled(const FixContext& c) {
  std::vector<Fix> fixes = notebook_fixes(c);
  for (Fix& f : fixes) {
    if (f.title.empty()) f.title = fix_title(f.kind, c.language, c.names);
  }
  return fixes;
}

// The preferred fix of one token: the first kind of kOrder that applies, else Redact (never
// Suppress), as fixes_for marks it.
std::optional<Fix> preferred_fix(const FixContext& c) {
  if (c.language == Language::Notebook) {
    for (Fix& f : notebook_fixes_titled(c)) {
      if (f.kind == FixKind::Suppress) continue;
      f.preferred = true;
      redact(f, c.text.substr(c.token_begin, c.token_end - c.token_begin));
      return std::move(f);
    }
    return std::nullopt;
  }
  if (auto fix = redact_fix(c)) return fix;
  for (const FixKind kind : kOrder) {
    if (auto fix = fix_of_kind(c, kind)) {
      fix->preferred = true;
      redact(*fix, c.text.substr(c.token_begin, c.token_end - c.token_begin));
      return fix;
    }
  }
  return std::nullopt;
}

std::vector<Fix> fixes_unchecked(std::string_view text, std::size_t b, std::size_t e, Language language,
                                 const Names& names) {
  const LexedText doc(text, language);
  const FixContext c(doc, b, e, language, names);
  std::vector<Fix> fixes;
  if (language == Language::Notebook) {
    fixes = notebook_fixes_titled(c);
  } else {
    if (auto fix = redact_fix(c)) fixes.push_back(std::move(*fix));
    for (const FixKind kind : kOrder) {
      if (auto fix = fix_of_kind(c, kind)) fixes.push_back(std::move(*fix));
    }
    if (auto fix = suppress_fix(c)) fixes.push_back(std::move(*fix));
  }
  if (!fixes.empty() && fixes.front().kind != FixKind::Suppress) {
    for (auto& f : fixes) f.preferred = false;
    fixes.front().preferred = true;
  }
  for (auto& f : fixes) {
    redact(f, text.substr(b, e - b));
    f.edits = narrow_token_copies(text, std::move(f.edits));
  }
  return fixes;
}


using Span = std::pair<std::size_t, std::size_t>;

std::vector<std::size_t> occurrences(std::string_view text, std::string_view value) {
  std::vector<std::size_t> at;
  for (auto i = text.find(value); i != std::string_view::npos; i = text.find(value, i + 1)) at.push_back(i);
  return at;
}

// Where the token at `span` of `text` is once `edits` (sorted, disjoint) are applied: shifted
// when no edit touches it; when one edit rewrites a region around it (a literal split around
// another token), the copy of it in the new text, matched by its rank among the occurrences
// of its value in that region (the tokens starting at `fixed`, sorted, are not counted: the
// edits remove them). nullopt when the token is gone or cannot be told apart.
std::optional<Span> follow_span(std::string_view text, std::span<const TextEdit> edits, Span span,
                                std::span<const std::size_t> fixed) {
  std::ptrdiff_t shift = 0;
  for (const TextEdit& e : edits) {
    if (e.end <= span.first) {
      shift += static_cast<std::ptrdiff_t>(e.new_text.size()) - static_cast<std::ptrdiff_t>(e.end - e.begin);
      continue;
    }
    if (e.begin >= span.second) break;
    if (e.begin > span.first || e.end < span.second) return std::nullopt;  // cuts through the token
    const std::string_view value = text.substr(span.first, span.second - span.first);
    std::vector<std::size_t> before = occurrences(text.substr(e.begin, e.end - e.begin), value);
    std::erase_if(before, [&](std::size_t at) { return std::binary_search(fixed.begin(), fixed.end(), e.begin + at); });
    const std::vector<std::size_t> after = occurrences(e.new_text, value);
    const auto rank = std::find(before.begin(), before.end(), span.first - e.begin) - before.begin();
    if (before.size() != after.size() || static_cast<std::size_t>(rank) >= after.size()) return std::nullopt;
    const std::size_t at = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.begin) + shift) + after[rank];
    return Span{at, at + value.size()};
  }
  const auto at = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(span.first) + shift);
  return Span{at, at + (span.second - span.first)};
}

// The edits of one fix-all round, from the fixes of several tokens of the same text. A fix
// joins only whole: each of its edits is already held (an import or helper another token
// added), or shares no byte with a held one. Insertions at one offset keep the order of their
// tokens (Go specs moved out of one const group stay in order).
class RoundEdits {
 public:
  bool join(const std::vector<TextEdit>& fix) {
    if (std::any_of(fix.begin(), fix.end(), [&](const TextEdit& e) { return clashes(e); })) return false;
    for (const TextEdit& e : fix) {
      if (!held(e)) edits_.emplace(e.begin, e);  // after the edits already at this offset
    }
    return true;
  }

  // Sorted as EditSet sorts: by offset, an insertion before a replacement at the same offset,
  // otherwise in the order joined.
  std::vector<TextEdit> take() {
    std::vector<TextEdit> out;
    out.reserve(edits_.size());
    for (auto& [begin, e] : edits_) out.push_back(std::move(e));
    edits_.clear();
    std::stable_sort(out.begin(), out.end(), [](const TextEdit& a, const TextEdit& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      return (a.end == a.begin) && (b.end != b.begin);
    });
    return out;
  }

 private:
  static bool same(const TextEdit& a, const TextEdit& b) {
    return a.begin == b.begin && a.end == b.end && a.new_text == b.new_text;
  }

  bool held(const TextEdit& e) const {
    const auto [first, last] = edits_.equal_range(e.begin);
    return std::any_of(first, last, [&](const auto& h) { return same(h.second, e); });
  }

  // Whether e shares a byte with a held edit, or one of them inserts strictly inside the other.
  // Held edits share no byte, so only those starting at the last offset before e.begin can
  // reach into e from the left; the rest start within [e.begin, e.end].
  bool clashes(const TextEdit& e) const {
    const auto clash = [&](const TextEdit& h) {
      if (same(h, e)) return false;
      const bool overlap = e.begin < h.end && h.begin < e.end;
      const bool insert_inside = (e.begin == e.end && h.begin < e.begin && e.begin < h.end) ||
                                 (h.begin == h.end && e.begin < h.begin && h.begin < e.end);
      return overlap || insert_inside;
    };
    auto it = edits_.lower_bound(e.begin);
    if (it != edits_.begin()) {
      for (auto p = edits_.lower_bound(std::prev(it)->first); p != it; ++p) {
        if (clash(p->second)) return true;
      }
    }
    for (; it != edits_.end() && it->first <= e.end; ++it) {
      if (clash(it->second)) return true;
    }
    return false;
  }

  std::multimap<std::size_t, TextEdit> edits_;  // by begin; equal keys in the order joined
};

}  // namespace

std::vector<Fix> fixes_for(std::string_view text, std::size_t token_begin, std::size_t token_end, Language language,
                           const Names& names) {
  if (!valid_span(text, token_begin, token_end)) return {};
  try {
    return fixes_unchecked(text, token_begin, token_end, language, names);
  } catch (...) {
    return {};  // only allocation can throw here; no fix is better than a crash
  }
}

std::vector<TextEdit> fix_all(std::string_view text, std::span<const std::pair<std::size_t, std::size_t>> tokens,
                              Language language, const Names& names) {
  try {
    // Rounds: lex the current text once, take every pending token's preferred fix on it, and
    // join the fixes whose edits agree (RoundEdits). A token whose fix clashes with one joined
    // before it (two tokens in one literal) waits for the next round, on the text the joined
    // fixes made, so it sees their imports and helpers and is not repeated; its span is
    // followed through their edits. Only the given spans are ever fixed: the same value
    // elsewhere (glued inside a longer hex run, say) is not a token and is left alone.
    std::string current(text);
    std::vector<Span> pending;
    for (const auto& span : tokens) {
      if (valid_span(text, span.first, span.second)) pending.push_back(span);
    }
    std::sort(pending.begin(), pending.end());
    std::optional<std::vector<TextEdit>> first_round;  // the whole answer when one round did it all
    bool several_rounds = false;
    while (!pending.empty()) {
      const LexedText doc(current, language);
      RoundEdits round;
      std::vector<std::size_t> fixed;
      std::vector<Span> waiting;
      for (const Span& span : pending) {
        if (!valid_span(current, span.first, span.second)) continue;
        const auto fix = preferred_fix(FixContext(doc, span.first, span.second, language, names));
        if (!fix || follow_span(current, fix->edits, span, std::span<const std::size_t>(&span.first, 1))) continue;
        if (round.join(fix->edits)) {
          fixed.push_back(span.first);
        } else {
          waiting.push_back(span);
        }
      }
      const std::vector<TextEdit> edits = round.take();
      std::sort(fixed.begin(), fixed.end());
      std::vector<Span> moved;
      for (const Span& other : waiting) {
        if (const auto to = follow_span(current, edits, other, fixed)) moved.push_back(*to);
      }
      current = apply_edits(current, edits);
      if (!first_round) {
        first_round = edits;
      } else {
        several_rounds = true;
      }
      std::sort(moved.begin(), moved.end());
      pending = std::move(moved);
    }
    if (first_round && !several_rounds) return narrow_token_copies(text, std::move(*first_round));
    // Several rounds: one edit of the region that changed.
    std::size_t prefix = 0;
    while (prefix < text.size() && prefix < current.size() && text[prefix] == current[prefix]) ++prefix;
    if (prefix == text.size() && prefix == current.size()) return {};
    std::size_t suffix = 0;
    while (suffix < text.size() - prefix && suffix < current.size() - prefix &&
           text[text.size() - 1 - suffix] == current[current.size() - 1 - suffix]) {
      ++suffix;
    }
    return narrow_token_copies(
        text, {TextEdit{prefix, text.size() - suffix, current.substr(prefix, current.size() - suffix - prefix)}});
  } catch (...) {
    return {};
  }
}

bool has_rewrites(Language language) { return language != Language::PulumiCredentials; }

std::string_view environment_note(Language language) {
  switch (language) {
    case Language::Json:
      return "JSON cannot reference an environment variable: move the token out of this file and rotate it.";
    case Language::PulumiCredentials:
      return "This is the Pulumi CLI's own login (credentials.json): run `pulumi logout` to remove it, and rotate "
             "the token if this file was shared or committed.";
    case Language::Markdown:
      return "Markdown cannot reference an environment variable: remove the token from this document and rotate it.";
    case Language::PlainText:
      return "Plain text cannot reference an environment variable: remove the token from this file and rotate it.";
    case Language::PulumiYaml:
      return "Pulumi YAML programs cannot read environment variables: use a Pulumi config secret instead.";
    case Language::PulumiStackConfig:
      return "Pulumi stack configuration cannot read environment variables: store the value as a config secret "
             "(pulumi config set --secret) instead.";
    default: return {};
  }
}

}  // namespace ptl::remediation
