#include "server/position_encoding.h"

#include <cstdint>
#include <cstring>

#include "protocol/utf8_repair.h"

namespace ptl::server {
namespace {

using protocol::utf8_sequence_length;

bool ascii8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return (w & 0x8080808080808080ull) == 0;
}

// Units a sequence of `len` bytes (0: one invalid byte) takes in encoding e.
std::size_t units_of(std::size_t len, PositionEncoding e) {
  if (len == 0) return 1;
  switch (e) {
    case PositionEncoding::Utf8: return len;
    case PositionEncoding::Utf16: return len == 4 ? 2 : 1;
    case PositionEncoding::Utf32: return 1;
  }
  return 1;
}

}  // namespace

std::string_view encoding_name(PositionEncoding e) {
  switch (e) {
    case PositionEncoding::Utf8: return "utf-8";
    case PositionEncoding::Utf16: return "utf-16";
    case PositionEncoding::Utf32: return "utf-32";
  }
  return "utf-16";
}

PositionEncoding negotiate_encoding(const std::vector<std::string>& offered) {
  for (const std::string& name : offered) {
    if (name == "utf-8") return PositionEncoding::Utf8;
    if (name == "utf-16") return PositionEncoding::Utf16;
    if (name == "utf-32") return PositionEncoding::Utf32;
  }
  return PositionEncoding::Utf16;
}

std::size_t count_units(std::string_view s, PositionEncoding e) {
  std::size_t units = 0, i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    if (i + 8 <= n && ascii8(s.data() + i)) {
      units += 8;
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++units;
      ++i;
      continue;
    }
    std::size_t len = utf8_sequence_length(s, i);
    units += units_of(len, e);
    i += len == 0 ? 1 : len;
  }
  return units;
}

std::size_t advance_units(std::string_view line, std::size_t units, PositionEncoding e,
                          std::size_t* walked) {
  std::size_t i = 0, done = 0;
  const std::size_t n = line.size();
  while (i < n && done < units) {
    if (i + 8 <= n && units - done >= 8 && ascii8(line.data() + i)) {
      done += 8;
      i += 8;
      continue;
    }
    std::size_t len = static_cast<unsigned char>(line[i]) < 0x80 ? 1 : utf8_sequence_length(line, i);
    std::size_t u = units_of(len, e);
    if (done + u > units) break;  // ends inside this character: round down
    done += u;
    i += len == 0 ? 1 : len;
  }
  if (walked) *walked = done;
  return i;
}

}  // namespace ptl::server
