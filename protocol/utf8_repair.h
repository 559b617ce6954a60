#pragma once
// Repair of invalid UTF-8 before JSON parsing.
//
// Rule (also the document rule, see README "Positions"): every byte that does not belong to a
// well-formed UTF-8 sequence (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF) is
// replaced by U+007F (DEL), one replacement per byte. DEL is one unit in UTF-8, UTF-16 and
// UTF-32 alike, so a bad byte stays one character in every position encoding: the client that
// sent the raw byte counts it as one byte (UTF-8) or one code unit (Neovim's str_utfindex, or an
// editor that shows U+FFFD in its place), and so do we; nothing after it shifts. U+FFFD would
// take three bytes and shift every later UTF-8 column by two. DEL may stand raw in a JSON string,
// is not a word character (a token next to it keeps its boundary) and does not end a line.

#include <string>
#include <string_view>

namespace ptl::protocol {

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 if s[i] starts none.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// True when s is entirely well-formed UTF-8. Linear, with an ASCII fast path.
bool is_valid_utf8(std::string_view s);

// The byte that stands for one invalid byte, and s with every invalid byte replaced by it.
inline constexpr char kReplacementByte = '\x7F';
std::string repair_utf8(std::string_view s);

}  // namespace ptl::protocol
