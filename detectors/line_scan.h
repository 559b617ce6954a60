#pragma once
// Scanning whole lines for findings: the detector plus placeholder and suppression rules.
//
// This is the one pipeline both the language server and `--check` use, so they agree on what a
// finding is. Linear in the scanned bytes plus the lines that hold matches.

#include <cstddef>
#include <string_view>
#include <vector>

#include "detectors/pulumi_token_detector.h"

namespace ptl::detectors {

struct Finding {
  std::size_t begin = 0;     // byte offset of "pul-"; the token is kTokenLength bytes
  bool placeholder = false;  // see placeholder.h
};

// Appends the findings that start in [from, to) of `text`, skipping suppressed ones.
// `text` must hold the whole lines around [from, to) and the line before `from`, so that
// same-line and next-line markers are seen. Line breaks are "\n", "\r\n" and a lone "\r".
void scan_lines(const PulumiTokenDetector& detector, std::string_view text, std::size_t from,
                std::size_t to, std::vector<Finding>& out);

// True when an ignore marker (suppression.h) silences a finding at offset `pos`: on its line, or
// a next-line marker on the line before. What scan_lines applies, for findings from elsewhere
// (encoded_tokens.h).
bool suppressed_at(std::string_view text, std::size_t pos);

// Start of the line holding offset `pos` (the byte after the previous line break, or 0).
std::size_t line_start_before(std::string_view text, std::size_t pos);
// End of the line holding `pos`: offset of its line break, or text.size().
std::size_t line_end_after(std::string_view text, std::size_t pos);

}  // namespace ptl::detectors
