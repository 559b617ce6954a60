#pragma once

#include <cstddef>
#include <string_view>

namespace ptl::scan {

// 1-based line and column of a byte offset.
struct TextPosition {
  std::size_t line = 1, column = 1;
};

// Positions of increasing byte offsets in one text, found in one forward pass. Lines end at
// "\n", "\r\n" or a lone "\r"; columns count code points, and every byte that is not part of a
// well-formed UTF-8 sequence counts as one (the editor's rule for UTF-32 positions: README,
// "Positions"; tests/unit/scan_text_position_test.cpp checks the two agree).
class PositionWalker {
 public:
  explicit PositionWalker(std::string_view text) : text_(text) {}
  // Precondition: offset >= the offset of the previous call, offset <= text.size(), and offset
  // at a character boundary. Linear in the bytes walked since the previous call.
  TextPosition at(std::size_t offset);

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  TextPosition here_;
};

// The length of the well-formed UTF-8 sequence starting at s[i], or 0 when s[i] does not start
// one (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace ptl::scan
