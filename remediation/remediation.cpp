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
    // Apply the preferred fix token by token (each on the result of the
    // previous one, so imports and helpers are seen and not repeated), then
    // express the final text as one edit of the changed region.
    // Apply the preferred fix token by token, each on the result of the
    // previous one (so imports and helpers are seen and not repeated, and two
    // tokens in one literal both go), then express the final text as one edit
    // of the changed region. Tokens are found again by value after each step
    // because a fix may rewrite the literal that holds the next one.
    std::string current(text);
    std::vector<std::string> values;
    for (const auto& [b, e] : tokens) {
      if (!valid_span(text, b, e)) continue;
      std::string v(text.substr(b, e - b));
      if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(std::move(v));
    }
    const auto occurrences = [&values](const std::string& in) {
      std::vector<std::pair<std::size_t, std::size_t>> found;
      for (const auto& v : values) {
        for (auto at = in.find(v); at != std::string::npos; at = in.find(v, at + v.size())) {
          found.emplace_back(at, at + v.size());
        }
      }
      std::sort(found.begin(), found.end());
      return found;
    };
    std::size_t kept = 0;  // occurrences whose preferred fix leaves the token (none offered)
    for (std::size_t round = 0; round < tokens.size() * 2 + 1; ++round) {
      const auto found = occurrences(current);
      if (kept >= found.size()) break;
      const auto [b, e] = found[kept];
      const auto fixes = fixes_unchecked(current, b, e, language, names);
      const auto preferred = std::find_if(fixes.begin(), fixes.end(), [](const Fix& f) { return f.preferred; });
      if (preferred == fixes.end()) {
        ++kept;
        continue;
      }
      std::string next = apply_edits(current, preferred->edits);
      if (occurrences(next).size() >= found.size()) ++kept;
      current = std::move(next);
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
    default: return {};
  }
}

}  // namespace ptl::remediation
