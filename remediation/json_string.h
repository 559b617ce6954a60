#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ptl::remediation {

// JSON string literals, for fixes that rewrite text held inside one (a notebook cell's Python, an
// npm script's command line). Linear time; never throw.

// The offset just past the JSON string starting at `open` (a '"'), or npos when unterminated.
std::size_t json_string_end(std::string_view text, std::size_t open);

// The value of a JSON string whose content (between the quotes) is `content`; nullopt when an
// escape is malformed. \uXXXX escapes (surrogate pairs joined) become UTF-8.
std::optional<std::string> json_decode(std::string_view content);

// A JSON string literal, quotes included, holding `value`: quotes, backslashes and control
// characters escaped, other characters as they are.
std::string json_encode(std::string_view value);

}  // namespace ptl::remediation
