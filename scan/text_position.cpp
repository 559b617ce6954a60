#include "scan/text_position.h"

#include <cstring>

namespace ptl::scan {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size() || b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

TextPosition PositionWalker::at(std::size_t offset) {
  // Whole lines skipped with memchr when the stretch holds no CR (a CR needs the slow path: a
  // lone one ends a line, one before LF does not); then code points counted on the last line.
  if (pos_ < offset && offset <= text_.size()) {
    const char* p = text_.data() + pos_;
    const char* const end = text_.data() + offset;
    if (std::memchr(p, '\r', static_cast<std::size_t>(end - p)) == nullptr) {
      const char* last = nullptr;
      std::size_t lines = 0;
      while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
        ++lines;
        last = p++;
      }
      if (last != nullptr) {
        here_.line += lines;
        here_.column = 1;
        pos_ = static_cast<std::size_t>(last - text_.data()) + 1;
      }
    }
  }
  while (pos_ < offset && pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '\n' || (c == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) {
      ++here_.line;
      here_.column = 1;
      ++pos_;
      continue;
    }
    const std::size_t n = utf8_sequence_length(text_, pos_);
    pos_ += n == 0 ? 1 : n;  // an invalid byte is one character
    ++here_.column;
  }
  return here_;
}

}  // namespace ptl::scan
