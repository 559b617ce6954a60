#include "scan/line_hash.h"

#include <array>
#include <cstdint>

#include <fmt/format.h>

#include "scan/text_position.h"

namespace ptl::scan {
namespace {

constexpr std::size_t kBlock = 100;
constexpr std::uint64_t kBase = 37;
constexpr std::uint32_t kEndOfFile = 65535;  // the value the upload step adds after the text

std::uint64_t base_to_block() {
  std::uint64_t m = 1;
  for (std::size_t i = 0; i < kBlock; ++i) m *= kBase;
  return m;
}

// The rolling hash over a window of kBlock values; lines are reported when their first value
// leaves the window (the hash then covers exactly the kBlock values from the line's start).
class RollingLineHash {
 public:
  RollingLineHash(const std::set<std::size_t>& wanted, std::map<std::size_t, std::string>& out)
      : wanted_(wanted), out_(out) {
    line_at_.fill(0);
    window_.fill(0);
  }

  void character(std::uint32_t c) {
    constexpr std::uint32_t kSpace = ' ', kTab = '\t', kLf = '\n', kCr = '\r';
    if (c == kSpace || c == kTab || (previous_cr_ && c == kLf)) {
      previous_cr_ = false;
      return;
    }
    previous_cr_ = c == kCr;
    if (c == kCr) c = kLf;
    if (line_at_[index_] != 0) emit();
    if (line_start_) {
      line_start_ = false;
      line_at_[index_] = ++line_;
    }
    if (c == kLf) line_start_ = true;
    push(c);
  }

  void finish() {
    character(kEndOfFile);
    for (std::size_t i = 0; i < kBlock; ++i) {
      if (line_at_[index_] != 0) emit();
      push(0);
    }
  }

 private:
  void push(std::uint32_t c) {
    const std::uint64_t leaving = window_[index_];
    window_[index_] = c;
    hash_ = kBase * hash_ + c - first_mod_ * leaving;  // wraps mod 2^64, as Long does
    index_ = (index_ + 1) % kBlock;
  }

  void emit() {
    const std::string hex = fmt::format("{:x}", hash_);
    const std::size_t seen = ++counts_[hex];
    if (wanted_.count(line_at_[index_]) > 0) out_[line_at_[index_]] = fmt::format("{}:{}", hex, seen);
    line_at_[index_] = 0;
  }

  const std::set<std::size_t>& wanted_;
  std::map<std::size_t, std::string>& out_;
  const std::uint64_t first_mod_ = base_to_block();
  std::array<std::uint32_t, kBlock> window_{};
  std::array<std::size_t, kBlock> line_at_{};  // 0: no line starts at this slot
  std::map<std::string, std::size_t> counts_;
  std::uint64_t hash_ = 0;
  std::size_t index_ = 0, line_ = 0;
  bool line_start_ = true, previous_cr_ = false;
};

}  // namespace

std::map<std::size_t, std::string> primary_location_line_hashes(std::string_view text,
                                                                const std::set<std::size_t>& lines) {
  std::map<std::size_t, std::string> out;
  RollingLineHash hasher(lines, out);
  // The upload step reads the file as UTF-8 into a JavaScript string and hashes its UTF-16 code
  // units; a byte that starts no well-formed sequence reads as U+FFFD.
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      hasher.character(0xFFFD);
      ++i;
      continue;
    }
    std::uint32_t cp = static_cast<unsigned char>(text[i]);
    if (n > 1) {
      cp &= 0x7Fu >> n;
      for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    if (cp > 0xFFFF) {
      hasher.character(0xD800 + ((cp - 0x10000) >> 10));
      hasher.character(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      hasher.character(cp);
    }
    i += n;
  }
  hasher.finish();
  return out;
}

}  // namespace ptl::scan
