#include "remediation/remediation.h"

#include <algorithm>
#include <optional>

#include "remediation/code_fixes.h"
#include "remediation/config_fixes.h"
#include "remediation/dockerfile_fixes.h"
#include "remediation/fix_context.h"
#include "remediation/suppress.h"

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

std::vector<Fix> fixes_unchecked(std::string_view text, std::size_t b, std::size_t e, Language language,
                                 const Names& names) {
  const FixContext c(text, b, e, language, names);
  std::vector<Fix> fixes;
  for (const FixKind kind : kOrder) {
    if (auto fix = fix_of_kind(c, kind)) fixes.push_back(std::move(*fix));
  }
  if (auto fix = suppress_fix(c)) fixes.push_back(std::move(*fix));
  if (!fixes.empty() && fixes.front().kind != FixKind::Suppress) {
    for (auto& f : fixes) f.preferred = false;
    fixes.front().preferred = true;
  }
  for (auto& f : fixes) redact(f, text.substr(b, e - b));
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
// of its value in that region (`fixed`, the token being fixed, is not counted: the edit
// removes it). nullopt when the token is gone or cannot be told apart.
std::optional<Span> follow_span(std::string_view text, std::span<const TextEdit> edits, Span span, Span fixed) {
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
    std::erase_if(before, [&](std::size_t at) { return e.begin + at == fixed.first; });
    const std::vector<std::size_t> after = occurrences(e.new_text, value);
    const auto rank = std::find(before.begin(), before.end(), span.first - e.begin) - before.begin();
    if (before.size() != after.size() || static_cast<std::size_t>(rank) >= after.size()) return std::nullopt;
    const std::size_t at = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.begin) + shift) + after[rank];
    return Span{at, at + value.size()};
  }
  const auto at = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(span.first) + shift);
  return Span{at, at + (span.second - span.first)};
}

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
    // Apply the preferred fix token by token, each on the result of the previous one (so
    // imports and helpers are seen and not repeated, and two tokens in one literal both go),
    // following every other token's span through each step's edits; then express the final
    // text as one edit of the changed region. Only the given spans are ever fixed: the same
    // value elsewhere (glued inside a longer hex run, say) is not a token and is left alone.
    std::string current(text);
    std::vector<Span> pending;
    for (const auto& span : tokens) {
      if (valid_span(text, span.first, span.second)) pending.push_back(span);
    }
    std::sort(pending.begin(), pending.end());
    while (!pending.empty()) {
      const Span span = pending.front();
      pending.erase(pending.begin());
      if (!valid_span(current, span.first, span.second)) continue;
      const auto fixes = fixes_unchecked(current, span.first, span.second, language, names);
      const auto preferred = std::find_if(fixes.begin(), fixes.end(), [](const Fix& f) { return f.preferred; });
      if (preferred == fixes.end() || follow_span(current, preferred->edits, span, span)) continue;
      std::vector<Span> moved;
      for (const Span& other : pending) {
        if (const auto to = follow_span(current, preferred->edits, other, span)) moved.push_back(*to);
      }
      current = apply_edits(current, preferred->edits);
      pending = std::move(moved);
    }
    std::size_t prefix = 0;
    while (prefix < text.size() && prefix < current.size() && text[prefix] == current[prefix]) ++prefix;
    if (prefix == text.size() && prefix == current.size()) return {};
    std::size_t suffix = 0;
    while (suffix < text.size() - prefix && suffix < current.size() - prefix &&
           text[text.size() - 1 - suffix] == current[current.size() - 1 - suffix]) {
      ++suffix;
    }
    return {TextEdit{prefix, text.size() - suffix, current.substr(prefix, current.size() - suffix - prefix)}};
  } catch (...) {
    return {};
  }
}

std::string_view environment_note(Language language) {
  switch (language) {
    case Language::Json:
      return "JSON cannot reference an environment variable: move the token out of this file and rotate it.";
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
