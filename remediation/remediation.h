#pragma once

// Rewrites a hard-coded Pulumi access token into a safe lookup, per language.
//
// Guarantees, for every function here:
//  - pure and deterministic: no I/O, no global state, safe to call from any thread;
//  - never throws on any input (empty text, token at the start or end, CRLF,
//    odd quoting); an input it does not understand gives fewer fixes, not an error;
//  - never echoes the secret: titles are built from Names only, and no edit
//    copies the token's bytes;
//  - edits touch only the string literal around the token, the import region
//    and one named helper per file; the result still parses and type-checks
//    where the token stands: a Pulumi Output only where one is accepted (see
//    value_context.h), stack config only where a program can read it (checked
//    by tests/remediation against real parsers and the languages' toolchains);
//  - idempotent: applying a fix, then fixing another token in the result,
//    adds no second import or helper.
// Complexity: linear in the size of the text for each call of fixes_for; fix_all lexes the
// text once per round (one round unless two tokens share a literal).

#include <cstddef>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "remediation/fix.h"
#include "remediation/language.h"
#include "remediation/names.h"

namespace ptl::remediation {

// The marker of the project's own inline ignore comment. The detector honours
// it on the token's line.
inline constexpr std::string_view kIgnoreMarker = "pulumi-token-lsp:ignore";

// What the Redact fix writes in place of a token: shaped like one for the reader, never matched
// by the detector.
inline constexpr std::string_view kRedacted = "pul-<your-token>";

// The fixes for the token occupying text[token_begin, token_end) (44 bytes,
// the caller guarantees it; a span outside the text gives no fixes), in the
// order Environment (preferred), PulumiConfig, AwsSecretsManager, Vault,
// Conjur, Suppress, keeping only those that apply to the language and to the
// place of the token. Where Environment does not apply (Pulumi YAML, stack
// configuration), the first fix is the preferred one. A token in a comment or
// in documentation (Markdown, plain text, JSON, a notebook's output) gets
// Redact (preferred) and Suppress only; a notebook code cell gets the Python
// fixes of the cell.
//
//   auto fixes = fixes_for(text, 10, 54, Language::Python, Names{});
//   // fixes[0].title == "Read it from the environment variable PULUMI_ACCESS_TOKEN"
std::vector<Fix> fixes_for(std::string_view text, std::size_t token_begin, std::size_t token_end,
                           Language language, const Names& names);

// The preferred fix applied to every token span at once (spans sorted and
// non-overlapping): edits against the original text, sorted, non-overlapping,
// imports and helpers added once. Used for source.fixAll.
std::vector<TextEdit> fix_all(std::string_view text,
                              std::span<const std::pair<std::size_t, std::size_t>> tokens,
                              Language language, const Names& names);

// Whether a token in a file of this language can be rewritten at all (false for JSON,
// Markdown and plain text, where the only remedy is to remove the token): whether a fix-all
// action is worth offering before it is computed.
bool has_rewrites(Language language);

// For a language with no way to reference the environment (JSON, Markdown,
// plain text, Pulumi YAML programs, Pulumi stack configuration): one sentence
// for the diagnostic message saying so. Empty for every other language.
std::string_view environment_note(Language language);

}  // namespace ptl::remediation
