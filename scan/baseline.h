#pragma once

#include <set>
#include <string>

#include "scan/scan_engine.h"

namespace ptl::scan {

// A baseline: the fingerprints of the findings a team accepted when it adopted the scan (an old
// repository's known tokens, being rotated), so only new leaks fail the build. Keyed by
// fingerprint (rule, path and the token's hash): no line numbers to resolve merge conflicts in,
// and a new token on an old line is new. Never holds a token.
//
// File format (JSON): {"version": 1, "tool": "pulumi-token-lsp", "fingerprints": ["<hex>", ...]}
// with the fingerprints sorted and unique, so the file diffs cleanly.
using Baseline = std::set<std::string>;

// Reads `path`; false with `error` set when it cannot be read or is not a baseline file.
bool load_baseline(const std::string& path, Baseline& out, std::string& error);

// Writes the fingerprints of the report's real findings (placeholders are hints, never
// baselined) to `path`; false with `error` set when it cannot be written.
bool write_baseline(const std::string& path, const ScanReport& report, std::string& error);

// Removes the findings whose fingerprint is in `fingerprints`; returns how many.
std::size_t drop_fingerprints(ScanReport& report, const std::set<std::string>& fingerprints);

// Removes the findings whose fingerprint is in `baseline`, counting them in report.baselined.
void apply_baseline(ScanReport& report, const Baseline& baseline);

}  // namespace ptl::scan
