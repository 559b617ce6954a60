#pragma once
// Naive reference models the fuzz targets compare the real code with: written for obviousness,
// not speed, and sharing no code with what they check (only the suppression and placeholder
// rules, which have their own unit tests, are reused as the definition of those rules).
//
//   - find_tokens: "pul-" + 40 lowercase hex at every offset, ASCII word boundaries, and the
//     "\n" / "\r" / "\t" escape exception, checked byte by byte (detectors/pulumi_token_detector.h);
//   - RefText: a document as one std::string with lines split by "\n", "\r\n" and lone "\r",
//     positions in UTF-8 / UTF-16 / UTF-32 with clamping, invalid bytes one character each
//     (server/text_document.h, server/position_encoding.h).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The reference walks every byte; keep libFuzzer's comparison tracing out of it, or it costs
// more than the code under test (the fuzzer learns nothing from the reference's branches).
#if defined(__clang__)
#define PTL_REFERENCE __attribute__((no_sanitize("coverage")))
#else
#define PTL_REFERENCE
#endif

namespace ptl::fuzz {

PTL_REFERENCE inline bool is_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

PTL_REFERENCE inline bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// True when a token starts at `i` of `s`, by the definition in pulumi_token_detector.h.
PTL_REFERENCE inline bool token_at(std::string_view s, std::size_t i) {
  if (i + 44 > s.size() || s[i] != 'p' || s[i + 1] != 'u' || s[i + 2] != 'l' || s[i + 3] != '-') return false;
  for (std::size_t k = i + 4; k < i + 44; ++k)
    if (!is_lower_hex(s[k])) return false;
  bool before = i == 0 || !is_word(static_cast<unsigned char>(s[i - 1])) ||
                (i >= 2 && s[i - 2] == '\\' && (s[i - 1] == 'n' || s[i - 1] == 'r' || s[i - 1] == 't'));
  bool after = i + 44 == s.size() || !is_word(static_cast<unsigned char>(s[i + 44]));
  return before && after;
}

PTL_REFERENCE inline std::vector<std::size_t> find_tokens(std::string_view s, std::size_t from = 0,
                                            std::size_t to = std::string_view::npos) {
  std::vector<std::size_t> out;
  if (to > s.size()) to = s.size();
  for (std::size_t i = from; i < to; ++i)
    if (token_at(s, i)) out.push_back(i);
  return out;
}

// Appends a token-shaped string derived from `seed`, built at run time (the repository holds
// none): how the fuzz inputs' expansion bytes become tokens.
inline void append_token(std::string& out, unsigned seed) {
  static const char kHex[] = "0123456789abcdef";
  out += "pul-";
  std::uint32_t x = seed * 2654435761u + 1;
  for (int i = 0; i < 40; ++i) {
    x = x * 1664525u + 1013904223u;
    out.push_back(kHex[(x >> 24) & 15]);
  }
}

enum class Enc { Utf8, Utf16, Utf32 };

// Length of the well-formed UTF-8 character at s[i] (RFC 3629), or 0 for an invalid byte.
PTL_REFERENCE inline std::size_t utf8_len(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) -> unsigned { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100u; };
  unsigned c = b(i);
  auto cont = [&](std::size_t k) { return b(k) >= 0x80 && b(k) <= 0xBF; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return b(i + 1) >= lo && b(i + 1) <= hi && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return b(i + 1) >= lo && b(i + 1) <= hi && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

PTL_REFERENCE inline std::size_t units_of(std::size_t len, Enc e) {
  if (len == 0) return 1;
  if (e == Enc::Utf8) return len;
  if (e == Enc::Utf16) return len == 4 ? 2 : 1;
  return 1;
}

struct RefPos {
  std::uint32_t line = 0, character = 0;
};

class RefText {
 public:
  RefText(std::string text, Enc enc) : text_(std::move(text)), enc_(enc) { lines_ = split_lines(); }

  const std::string& text() const { return text_; }

  // Lines as [begin, end) without their breaks.
  const std::vector<std::pair<std::size_t, std::size_t>>& lines() const { return lines_; }

  // Positions of ascending offsets that start characters, in one walk over the text.
  PTL_REFERENCE std::vector<RefPos> positions_of(const std::vector<std::size_t>& offsets) const {
    std::vector<RefPos> out;
    std::size_t i = 0, k = 0;
    std::uint32_t line = 0, units = 0;
    const std::size_t n = text_.size();
    while (k < offsets.size()) {
      if (offsets[k] == i) {
        out.push_back(RefPos{line, units});
        ++k;
        continue;
      }
      if (i >= n) break;
      if (text_[i] == '\n' || text_[i] == '\r') {
        i += text_[i] == '\r' && i + 1 < n && text_[i + 1] == '\n' ? 2 : 1;
        ++line;
        units = 0;
        continue;
      }
      std::size_t len = utf8_len(text_, i);
      units += static_cast<std::uint32_t>(units_of(len, enc_));
      i += len == 0 ? 1 : len;
    }
    return out;
  }

 private:
  PTL_REFERENCE std::vector<std::pair<std::size_t, std::size_t>> split_lines() const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        out.emplace_back(begin, i);
        begin = i + 1;
      } else if (text_[i] == '\r') {
        out.emplace_back(begin, i);
        if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
        begin = i + 1;
      }
    }
    out.emplace_back(begin, text_.size());
    return out;
  }

 public:

  PTL_REFERENCE std::size_t offset_of(RefPos p) const {
    const auto& ls = lines_;
    if (p.line >= ls.size()) return text_.size();
    auto [b, e] = ls[p.line];
    std::string_view line(text_.data() + b, e - b);
    std::size_t i = 0, done = 0;
    while (i < line.size()) {
      std::size_t len = utf8_len(line, i);
      std::size_t u = units_of(len, enc_);
      if (done + u > p.character) break;
      done += u;
      i += len == 0 ? 1 : len;
    }
    return b + i;
  }

  PTL_REFERENCE RefPos position_of(std::size_t offset) const {
    const auto& ls = lines_;
    std::size_t line = 0, hi = ls.size() - 1;
    while (line < hi) {  // the last line whose begin is <= offset
      std::size_t mid = (line + hi + 1) / 2;
      if (ls[mid].first <= offset) line = mid;
      else hi = mid - 1;
    }
    std::size_t b = ls[line].first, e = std::min(offset, ls[line].second);
    std::string_view seg(text_.data() + b, e - b);
    std::size_t units = 0;
    for (std::size_t i = 0; i < seg.size();) {
      std::size_t len = utf8_len(seg, i);
      units += units_of(len, enc_);
      i += len == 0 ? 1 : len;
    }
    return RefPos{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(units)};
  }

  void replace(RefPos start, RefPos end, std::string_view with) {
    std::size_t a = offset_of(start), b = offset_of(end);
    if (b < a) std::swap(a, b);
    text_.replace(a, b - a, with);
    lines_ = split_lines();
  }

  void replace_all(std::string with) {
    text_ = std::move(with);
    lines_ = split_lines();
  }

 private:
  std::string text_;
  std::vector<std::pair<std::size_t, std::size_t>> lines_;
  Enc enc_;
};

}  // namespace ptl::fuzz
