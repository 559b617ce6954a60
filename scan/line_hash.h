#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace ptl::scan {

// GitHub code scanning's `primaryLocationLineHash` for the given 1-based lines of `text`, as
// github/codeql-action's upload step computes it for results that come without one
// (src/fingerprints.ts, function `hash`): a rolling hash (base 37, 64-bit wrap-around) of the
// first 100 characters from each line's start, counted in UTF-16 code units, with spaces and tabs
// left out and every line ending read as "\n", then written as lowercase hex and ":" with how
// many earlier lines had the same hash. Supplying it keeps an alert the same alert when lines
// move above it. A hash, not text: it holds no part of a token. Linear in the text.
std::map<std::size_t, std::string> primary_location_line_hashes(std::string_view text,
                                                                const std::set<std::size_t>& lines);

}  // namespace ptl::scan
