// The scan engine's positions, fingerprints and reports (scan/), against the server's own
// position conversion: a finding the editor shows is the finding a scan reports.
#include "scan/scan_engine.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "scan/fingerprint.h"
#include "scan/report.h"
#include "scan/text_position.h"
#include "server/position_encoding.h"
#include "tests/unit/test_tokens.h"

using ptl::scan::PositionWalker;

TEST_CASE("scan columns count code points as the server's UTF-32 positions do, invalid bytes one each") {
  const char* const lines[] = {
      "plain ascii",
      "\xf0\x9f\x9a\x80 rocket and \xe9\x83\xa8\xe7\xbd\xb2 CJK",
      "\xc3\xa9\xcc\x81 combining",
      "stray \xff\xfe bytes \xc3 truncated",
      "overlong \xc0\xaf and surrogate \xed\xa0\x80 and big \xf4\x90\x80\x80",
      "\xe2\x82 cut three-byte",
  };
  for (const char* line : lines) {
    const std::string text = std::string(line) + " tail";
    CAPTURE(text);
    PositionWalker walker(text);
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
      // Only offsets at character starts: the server counts whole characters.
      const bool boundary = offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80 ||
                            ptl::scan::utf8_sequence_length(text, offset) == 1;
      if (!boundary) continue;
      CAPTURE(offset);
      const auto pos = walker.at(offset);
      CHECK(pos.line == 1);
      CHECK(pos.column == 1 + ptl::server::count_units(std::string_view(text).substr(0, offset),
                                                       ptl::server::PositionEncoding::Utf32));
    }
  }
}

TEST_CASE("scan lines end at LF, CRLF and a lone CR, as the editor's do") {
  const std::string text = "a\nb\r\nc\rd";
  PositionWalker walker(text);
  CHECK(walker.at(0).line == 1);
  CHECK(walker.at(2).line == 2);
  CHECK(walker.at(5).line == 3);
  const auto d = walker.at(7);
  CHECK(d.line == 4);
  CHECK(d.column == 1);
}

TEST_CASE("a fingerprint names rule, path and token without holding the token or the line") {
  const std::string token = ptl::testing::make_token(7);
  const std::string fp = ptl::scan::finding_fingerprint("pulumi-access-token", "a/b.ts", token);
  CHECK(fp.size() == 64);
  CHECK(fp.find(token.substr(4, 8)) == std::string::npos);
  CHECK(fp == ptl::scan::finding_fingerprint("pulumi-access-token", "a/b.ts", token));
  CHECK(fp != ptl::scan::finding_fingerprint("pulumi-access-token", "a/c.ts", token));
  CHECK(fp != ptl::scan::finding_fingerprint("pulumi-access-token", "a/b.ts", ptl::testing::make_token(8)));
  // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
  CHECK(ptl::scan::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("scan_text reports the editor's findings: ignore markers honoured, placeholders as hints") {
  const std::string a = ptl::testing::make_token(21), b = ptl::testing::make_token(22);
  const std::string text = "x = \"" + a + "\"\ny = \"" + b + "\"  # pulumi-token-lsp:ignore\nz = pul-" +
                           std::string(40, '0') + "\n";
  const auto found = ptl::scan::scan_text("t.py", text, {});
  REQUIRE(found.size() == 2);
  CHECK(found[0].line == 1);
  CHECK(found[0].column == 6);
  CHECK(found[0].end_column == 50);
  CHECK(found[0].preview == a.substr(0, 8) + "\xe2\x80\xa6");
  CHECK_FALSE(found[0].placeholder);
  CHECK(found[1].line == 3);
  CHECK(found[1].placeholder);
  ptl::scan::ScanOptions off;
  off.report_placeholders = false;
  CHECK(ptl::scan::scan_text("t.py", text, off).size() == 1);
}

TEST_CASE("the text and JSON reports never hold a token") {
  const std::string a = ptl::testing::make_token(31);
  std::istringstream in("token: " + a + "\n");
  const auto report = ptl::scan::scan_stream(in, "in.yml", {});
  std::ostringstream text, json;
  ptl::scan::write_text(text, report, false);
  ptl::scan::write_json(json, report);
  CHECK(text.str().find(a) == std::string::npos);
  CHECK(json.str().find(a) == std::string::npos);
  CHECK(text.str().starts_with("in.yml:1:8: error: Pulumi access token "));
  CHECK(report.real_findings() == 1);
}

TEST_CASE("a file deleted between the listing and its read is skipped and named, and the scan goes on") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / fmt::format("ptl-scan-deleted-{}", ::getpid());
  fs::create_directories(dir);
  const std::string token = ptl::testing::make_token(11);
  for (const char* name : {"a.txt", "b.txt", "c.txt"}) std::ofstream(dir / name) << "t = " << token << "\n";
  ptl::scan::Collected listed = ptl::scan::collect_paths({dir.string()});
  REQUIRE(listed.files.size() == 3);
  fs::remove(dir / "b.txt");
  const ptl::scan::ScanReport report = ptl::scan::scan_collected(std::move(listed), {});
  CHECK(report.errors.empty());
  REQUIRE(report.skipped.size() == 1);
  CHECK(report.skipped[0].path == (dir / "b.txt").string());
  CHECK(report.skipped[0].reason == "deleted while the scan ran");
  CHECK(report.findings.size() == 2);
  fs::remove_all(dir);
}
