#include "server/position_encoding.h"

#include <doctest/doctest.h>

#include <string>

using ptl::server::PositionEncoding;
using ptl::server::advance_units;
using ptl::server::count_units;

TEST_CASE("characters are counted per encoding for 1- to 4-byte UTF-8") {
  struct Row {
    const char* name;
    std::string text;
    std::size_t u8, u16, u32;
  };
  const Row rows[] = {
      {"ascii", "abc", 3, 3, 3},
      {"2-byte (é)", "\xC3\xA9", 2, 1, 1},
      {"3-byte CJK", "\xE4\xB8\xAD\xE6\x96\x87", 6, 2, 2},
      {"4-byte emoji", "\xF0\x9F\x98\x80", 4, 2, 1},
      {"combining mark (e + U+0301)", "e\xCC\x81", 3, 2, 2},
      {"ZWJ family", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", 11, 5, 3},
      {"invalid byte counts as one", "a\xFF" "b", 3, 3, 3},
      {"truncated sequence counts per byte", "\xE4\xB8" "x", 3, 3, 3},
      {"long ascii run", std::string(37, 'x'), 37, 37, 37},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(count_units(r.text, PositionEncoding::Utf8) == r.u8);
    CHECK(count_units(r.text, PositionEncoding::Utf16) == r.u16);
    CHECK(count_units(r.text, PositionEncoding::Utf32) == r.u32);
  }
}

TEST_CASE("advancing by characters finds the byte offset and clamps at the end") {
  const std::string line = "a\xF0\x9F\x98\x80" "b\xE4\xB8\xAD" "c";  // a 😀 b 中 c
  CHECK(advance_units(line, 0, PositionEncoding::Utf16) == 0);
  CHECK(advance_units(line, 1, PositionEncoding::Utf16) == 1);
  CHECK(advance_units(line, 3, PositionEncoding::Utf16) == 5);
  CHECK(advance_units(line, 2, PositionEncoding::Utf16) == 1);  // inside the surrogate pair: rounds down
  CHECK(advance_units(line, 5, PositionEncoding::Utf16) == 9);
  CHECK(advance_units(line, 99, PositionEncoding::Utf16) == line.size());
  CHECK(advance_units(line, 2, PositionEncoding::Utf32) == 5);
  CHECK(advance_units(line, 3, PositionEncoding::Utf8) == 1);  // inside the emoji: rounds down
  CHECK(advance_units(line, 5, PositionEncoding::Utf8) == 5);
}

TEST_CASE("the negotiated encoding is the client's first supported choice") {
  using ptl::server::negotiate_encoding;
  CHECK(negotiate_encoding({}) == PositionEncoding::Utf16);
  CHECK(negotiate_encoding({"utf-8", "utf-16"}) == PositionEncoding::Utf8);
  CHECK(negotiate_encoding({"utf-32"}) == PositionEncoding::Utf32);
  CHECK(negotiate_encoding({"latin-1", "utf-16"}) == PositionEncoding::Utf16);
  CHECK(negotiate_encoding({"ebcdic"}) == PositionEncoding::Utf16);
}
