#pragma once
// Inline ignore markers that silence a finding, ours and the ones users already have.
//
// Same line: "pulumi-token-lsp:ignore" (what our Suppress code action writes), "gitleaks:allow",
// "trufflehog:ignore", "pragma: allowlist secret", "ggignore", "secretlint-disable-line",
// "DevSkim: ignore".
// Line before: "pragma: allowlist nextline secret", "secretlint-disable-next-line".
// Markers are matched as plain substrings of the line, case-sensitively, wherever the comment is.

#include <string_view>

namespace ptl::detectors {

inline constexpr std::string_view kIgnoreMarker = "pulumi-token-lsp:ignore";

// True when `line` (without its line break) carries a same-line marker.
bool suppresses_own_line(std::string_view line);
// True when `line` carries a marker that silences the line after it.
bool suppresses_next_line(std::string_view line);

}  // namespace ptl::detectors
