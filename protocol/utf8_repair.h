#pragma once
// Repair of invalid UTF-8 before JSON parsing.
//
// Rule (also the document rule, see README "Positions"): every byte that does not belong to a
// well-formed UTF-8 sequence (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF) is
// replaced by U+FFFD, one replacement per byte. An editor that decodes the same bytes with
// replacement shows one character per bad byte, so columns agree with it.

#include <string>
#include <string_view>

namespace ptl::protocol {

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 if s[i] starts none.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// True when s is entirely well-formed UTF-8. Linear, with an ASCII fast path.
bool is_valid_utf8(std::string_view s);

// Returns s with every invalid byte replaced by U+FFFD (EF BF BD).
std::string repair_utf8(std::string_view s);

}  // namespace ptl::protocol
