#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ptl::remediation {

// The ways a token can be taken out of a file, in the order they are offered. Redact replaces
// the token by a placeholder, where it is text to read (a comment, documentation) rather than
// a value the program uses. RecreateSecret takes an encoded value out of a Kubernetes Secret
// manifest (kubernetes_secret.h).
enum class FixKind { Environment, PulumiConfig, AwsSecretsManager, Vault, Conjur, Redact, Suppress, RecreateSecret };

// Replace text[begin, end) by new_text. Offsets are bytes into the ORIGINAL
// document; the edits of one fix are sorted and never overlap.
struct TextEdit {
  std::size_t begin, end;
  std::string new_text;
  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

// One code action: a title that never contains the token, whether it is the
// preferred action, and its edits.
struct Fix {
  FixKind kind;
  std::string title;
  bool preferred;
  std::vector<TextEdit> edits;
};

// The text with the edits applied. Precondition: edits sorted, non-overlapping,
// within text (edits that are not are skipped, never trusted). Linear time.
std::string apply_edits(std::string_view text, std::span<const TextEdit> edits);

}  // namespace ptl::remediation
