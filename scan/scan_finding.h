#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ptl::scan {

// The one rule the scan reports (the editor's diagnostic code).
inline constexpr std::string_view kRuleId = "pulumi-access-token";

// One token found by a scan. Never holds the token: a masked preview and a fingerprint.
struct ScanFinding {
  std::string path;  // as given (relative paths stay relative), or the --stdin-name
  // 1-based; columns count code points, every byte of invalid UTF-8 one (as the editor counts
  // in UTF-32); the end is the position just past the token.
  std::size_t line = 0, column = 0, end_line = 0, end_column = 0;
  bool placeholder = false;  // placeholder-shaped (detectors/placeholder.h): reported as a hint
  std::string preview;       // detectors::mask_token: "pul-1a2b…"
  std::string fingerprint;   // fingerprint.h
  std::string line_hash;     // GitHub's primaryLocationLineHash of the line (line_hash.h)
  // The titles of the fixes the editor's code action offers here (ScanOptions::with_fixes);
  // titles never hold a token (remediation.h).
  std::vector<std::string> fixes;
};

}  // namespace ptl::scan
