#pragma once
// Conversion between byte offsets in UTF-8 text and LSP character offsets, in one place.
//
// LSP counts characters in the negotiated encoding: UTF-16 code units (the default), UTF-8
// bytes, or UTF-32 code points. Invalid UTF-8 rule (README, "Positions"): every byte that is not
// part of a well-formed sequence counts as one unit in every encoding (one byte in UTF-8, one
// code unit in UTF-16 as an editor that shows U+FFFD in its place counts it), so a stray byte
// shifts nothing after it. Documents from the protocol hold U+007F where the client sent a bad
// byte (utf8_repair.h), which is one unit in every encoding too; --check reads raw bytes.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ptl::server {

enum class PositionEncoding { Utf8, Utf16, Utf32 };

std::string_view encoding_name(PositionEncoding e);

// The first encoding of `offered` (client preference order) that we support; UTF-16 when the
// list is empty or holds none we know (LSP 3.17 §general.positionEncodings).
PositionEncoding negotiate_encoding(const std::vector<std::string>& offered);

// Number of characters in `s` (which must start at a character boundary). Linear.
std::size_t count_units(std::string_view s, PositionEncoding e);

// Byte offset in `line` after `units` characters, clamped to line.size(). A count that ends
// inside a character (the second half of a surrogate pair, or a UTF-8 continuation byte) rounds
// down to that character's start. Linear in the bytes walked.
// When `done` is given it receives the characters actually walked.
std::size_t advance_units(std::string_view line, std::size_t units, PositionEncoding e,
                          std::size_t* done = nullptr);

}  // namespace ptl::server
