#include "server/text_document.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <tuple>
#include <string>
#include <vector>

#include "detectors/placeholder.h"
#include "scan/scan_engine.h"
#include "test_encodings.h"
#include "test_tokens.h"

using ptl::server::DocumentFinding;
using ptl::server::LinePosition;
using ptl::server::PositionEncoding;
using ptl::server::TextDocument;
using ptl::testing::b64;
using ptl::testing::json_escape;
using ptl::testing::make_pul;
using ptl::testing::make_token;
using ptl::testing::percent;

namespace {

const ptl::detectors::PulumiTokenDetector& detector() {
  static ptl::detectors::PulumiTokenDetector d;
  return d;
}

const ptl::detectors::EncodedTokenFinder& finder() {
  static const ptl::detectors::EncodedTokenFinder f(detector());
  return f;
}

// ---- A naive reference model: the whole text in one string, everything recomputed. ----

bool is_word(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

std::vector<std::size_t> naive_line_starts(const std::string& t) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'))) starts.push_back(i + 1);
  }
  return starts;
}

// Characters of one UTF-8 sequence at s[i] in `e`, and its length; invalid bytes are 1 and 1.
std::pair<std::size_t, std::size_t> naive_char(const std::string& s, std::size_t i, PositionEncoding e) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (c == 0xC0 || c == 0xC1 || c > 0xF4) len = 0;
  for (std::size_t k = 1; k < len; ++k)
    if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) len = 0;
  if (len == 3) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) len = 0;
  }
  if (len == 4) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) len = 0;
  }
  if (len == 0) return {1, 1};
  std::size_t units = e == PositionEncoding::Utf8 ? len : e == PositionEncoding::Utf32 ? 1 : (len == 4 ? 2 : 1);
  return {units, len};
}

std::size_t naive_offset(const std::string& t, LinePosition p, PositionEncoding e) {
  auto starts = naive_line_starts(t);
  if (p.line >= starts.size()) return t.size();
  std::size_t i = starts[p.line];
  std::size_t end = p.line + 1 < starts.size() ? starts[p.line + 1] : t.size();
  while (end > i && (t[end - 1] == '\n' || t[end - 1] == '\r') && end - 1 >= starts[p.line] &&
         p.line + 1 < starts.size())
    --end;
  std::size_t units = 0;
  while (i < end) {
    auto [u, len] = naive_char(t, i, e);
    if (units + u > p.character) break;
    units += u;
    i += len;
  }
  return i;
}

std::vector<DocumentFinding> naive_findings(const std::string& t, PositionEncoding e) {
  std::vector<DocumentFinding> out;
  const auto starts = naive_line_starts(t);
  for (std::size_t i = 0; i + 44 <= t.size(); ++i) {
    if (t.compare(i, 4, "pul-") != 0) continue;
    bool hex = true;
    for (std::size_t k = 4; k < 44 && hex; ++k) {
      char c = t[i + k];
      hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
    if (!hex) continue;
    bool escape = i >= 2 && t[i - 2] == '\\' && (t[i - 1] == 'n' || t[i - 1] == 'r' || t[i - 1] == 't');
    if (i > 0 && is_word(t[i - 1]) && !escape) continue;
    if (i + 44 < t.size() && is_word(t[i + 44])) continue;
    std::size_t line = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), i) - starts.begin()) - 1;
    std::size_t units = 0;
    for (std::size_t k = starts[line]; k < i;) {
      auto [u, len] = naive_char(t, k, e);
      units += u;
      k += len;
    }
    DocumentFinding f;
    f.begin = i;
    f.end = i + 44;
    f.start = LinePosition{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(units)};
    f.end_position = LinePosition{f.start.line, f.start.character + 44};
    f.placeholder = ptl::detectors::is_placeholder_token(t.substr(i, 44));
    out.push_back(f);
  }
  return out;
}

std::vector<DocumentFinding> findings_of(const TextDocument& d) {
  std::vector<DocumentFinding> out;
  d.for_each_finding([&](const DocumentFinding& f) { out.push_back(f); });
  return out;
}

void check_same(const TextDocument& d, const std::string& model, PositionEncoding e) {
  REQUIRE(d.size() == model.size());
  REQUIRE(d.text() == model);
  auto got = findings_of(d);
  auto want = naive_findings(model, e);
  REQUIRE(got.size() == want.size());
  CHECK(d.finding_count() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].begin == want[i].begin);
    CHECK(got[i].start.line == want[i].start.line);
    CHECK(got[i].start.character == want[i].start.character);
    CHECK(got[i].placeholder == want[i].placeholder);
    CHECK(got[i].end == want[i].end);
    CHECK(got[i].end_position.character == want[i].end_position.character);
    CHECK(got[i].layers.empty());
  }
  CHECK(d.line_count() == naive_line_starts(model).size());
}

}  // namespace

TEST_CASE("positions on lines with emoji, CJK and combining marks are exact in every encoding") {
  const std::string tok = make_token(21);
  const std::string text = "first\n\xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 e\xCC\x81 \"" + tok + "\"\n";
  struct Row {
    PositionEncoding e;
    std::uint32_t character;
  };
  // 😀 (2 utf-16 units, 4 bytes, 1 code point) + space + 中文 + space + e + U+0301 + space + quote
  for (Row r : {Row{PositionEncoding::Utf16, 10}, Row{PositionEncoding::Utf8, 17}, Row{PositionEncoding::Utf32, 9}}) {
    CAPTURE(static_cast<int>(r.e));
    TextDocument d(text, r.e, detector(), finder());
    auto f = findings_of(d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].start.line == 1);
    CHECK(f[0].start.character == r.character);
    CHECK(d.offset_of(f[0].start) == text.find(tok));
  }
}

TEST_CASE("invalid UTF-8 before a token counts one character per bad byte") {
  const std::string tok = make_token(22);
  const std::string text = "\xFF\xFE x \xE4\xB8 " + tok;
  TextDocument d(text, PositionEncoding::Utf16, detector(), finder());
  auto f = findings_of(d);
  REQUIRE(f.size() == 1);
  CHECK(f[0].start.character == 8);
}

TEST_CASE("CRLF, lone CR and LF all end lines, and positions past the end clamp") {
  TextDocument d("a\r\nb\rc\nd", PositionEncoding::Utf16, detector(), finder());
  CHECK(d.line_count() == 4);
  CHECK(d.offset_of({1, 0}) == 3);
  CHECK(d.offset_of({2, 0}) == 5);
  CHECK(d.offset_of({3, 0}) == 7);
  CHECK(d.offset_of({0, 99}) == 1);  // end of line 0, before "\r\n"
  CHECK(d.offset_of({99, 0}) == 8);  // end of document
  CHECK(d.position_of(2).line == 0);  // inside "\r\n"
  CHECK(d.line_end(0) == 1);
  d.replace({0, 1}, {0, 1}, "\n");  // "a\n\r\nb..." : a new line
  CHECK(d.line_count() == 5);
  d.replace({2, 1}, {2, 1}, "\n");  // "b" + "\n" + "\r" + ...: the lone CR stays one break
  CHECK(d.text() == "a\n\r\nb\n\rc\nd");
  CHECK(d.line_count() == 6);
}

TEST_CASE("joining a CR and an LF across an edit makes one line break") {
  TextDocument d("x\ry", PositionEncoding::Utf16, detector(), finder());
  CHECK(d.line_count() == 2);
  d.replace({1, 0}, {1, 0}, "\n");  // "x\r\ny"? no: inserted at the start of line 1 -> "x\r\ny"
  CHECK(d.text() == "x\r\ny");
  CHECK(d.line_count() == 2);
  CHECK(d.offset_of({1, 0}) == 3);
}

TEST_CASE("typing a token makes a finding and deleting a character removes it") {
  TextDocument d("const t = \"\";\nlet x = 1;\n", PositionEncoding::Utf16, detector(), finder());
  CHECK(d.finding_count() == 0);
  const std::string tok = make_token(23);
  for (std::size_t i = 0; i < tok.size(); ++i) d.replace({0, static_cast<std::uint32_t>(11 + i)}, {0, static_cast<std::uint32_t>(11 + i)}, tok.substr(i, 1));
  REQUIRE(d.finding_count() == 1);
  CHECK(findings_of(d)[0].start.character == 11);
  d.replace({0, 20}, {0, 21}, "");
  CHECK(d.finding_count() == 0);
  d.replace({0, 20}, {0, 20}, tok.substr(9, 1));
  CHECK(d.finding_count() == 1);
  d.replace({0, 11}, {0, 11}, "x");  // a letter glued to the front: no longer a token
  CHECK(d.finding_count() == 0);
}

TEST_CASE("editing a next-line marker updates the finding on the line below") {
  const std::string tok = make_token(24);
  TextDocument d("# note\nt = '" + tok + "'\n", PositionEncoding::Utf16, detector(), finder());
  CHECK(d.finding_count() == 1);
  d.replace({0, 6}, {0, 6}, " secretlint-disable-next-line");
  CHECK(d.finding_count() == 0);
  d.replace({0, 0}, {0, 99}, "");
  CHECK(d.finding_count() == 1);
}

TEST_CASE("findings on untouched lines keep their positions when lines are inserted above") {
  const std::string tok = make_token(25);
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "line " + std::to_string(i) + (i % 500 == 0 ? " " + tok : "") + "\n";
  TextDocument d(text, PositionEncoding::Utf16, detector(), finder());
  REQUIRE(d.chunk_count() > 1);
  CHECK(d.finding_count() == 40);
  d.replace({0, 0}, {0, 0}, "new\nlines\n");
  text.insert(0, "new\nlines\n");
  check_same(d, text, PositionEncoding::Utf16);
}

TEST_CASE("random edits match a naive model of text and findings in every encoding") {
  const std::string tok_a = make_token(31), tok_b = make_token(32);
  const std::vector<std::string> pieces = {
      "", "a", "x", " ", "\n", "\r", "\r\n", "\"", "\\n", "_", "\xF0\x9F\x98\x80", "\xE4\xB8\xAD", "e\xCC\x81",
      "\xFF", tok_a, tok_b, "pul-", tok_a.substr(4, 20), tok_a.substr(24), "\"" + tok_b + "\"\n",
      std::string(40, '0'), std::string(3000, 'q') + "\n"};
  for (PositionEncoding e : {PositionEncoding::Utf16, PositionEncoding::Utf8, PositionEncoding::Utf32}) {
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
      CAPTURE(static_cast<int>(e));
      CAPTURE(seed);
      std::mt19937 rng(seed);
      std::string model;
      // Start from a document big enough to span several chunks for half the seeds.
      std::size_t lines = seed % 2 ? 40 : 3000;
      for (std::size_t i = 0; i < lines; ++i) {
        model += pieces[rng() % pieces.size()];
        model += pieces[rng() % pieces.size()];
        model += "\n";
      }
      TextDocument d(model, e, detector(), finder());
      check_same(d, model, e);
      for (int step = 0; step < 80; ++step) {
        CAPTURE(step);
        std::size_t line_count = naive_line_starts(model).size();
        LinePosition a{static_cast<std::uint32_t>(rng() % (line_count + 2)), static_cast<std::uint32_t>(rng() % 60)};
        LinePosition b = a;
        if (rng() % 3 == 0) b = {static_cast<std::uint32_t>(a.line + rng() % 3), static_cast<std::uint32_t>(rng() % 60)};
        if (rng() % 25 == 0) b = {static_cast<std::uint32_t>(a.line + 3000), 0};  // a large deletion
        std::string insert;
        for (int k = static_cast<int>(rng() % 3); k > 0; --k) insert += pieces[rng() % pieces.size()];
        std::size_t oa = naive_offset(model, a, e), ob = naive_offset(model, b, e);
        if (ob < oa) std::swap(oa, ob);
        model.replace(oa, ob - oa, insert);
        d.replace(a, b, insert);
        check_same(d, model, e);
      }
    }
  }
}

TEST_CASE("a line longer than a chunk is cut between characters and still scanned whole") {
  const std::string tok = make_token(41);
  std::string text;
  while (text.size() < 3 * TextDocument::kMaxChunk) text += "\xE4\xB8\xAD" + tok + "x";  // glued: no tokens
  text += " " + tok;
  TextDocument d(text, PositionEncoding::Utf16, detector(), finder());
  CHECK(d.chunk_count() >= 3);
  CHECK(d.line_count() == 1);
  CHECK(d.finding_count() == 1);
  check_same(d, text, PositionEncoding::Utf16);
  // Put a token right across the first chunk boundary.
  std::size_t cut = TextDocument::kMaxChunk - 10;
  std::string model = text;
  std::string ins = " " + tok + " ";
  LinePosition p = d.position_of(cut);
  std::size_t at = d.offset_of(p);
  d.replace(p, p, ins);
  model.insert(at, ins);
  check_same(d, model, PositionEncoding::Utf16);
}

TEST_CASE("replacing the whole text rescans it") {
  TextDocument d("nothing here", PositionEncoding::Utf16, detector(), finder());
  d.replace_all("x " + make_token(42));
  CHECK(d.finding_count() == 1);
  d.replace_all("");
  CHECK(d.finding_count() == 0);
  CHECK(d.size() == 0);
  CHECK(d.line_count() == 1);
}

// ---- Encoded tokens (encoded_tokens.h) in the document ----

namespace {

using ptl::detectors::Encoding;

std::vector<DocumentFinding> encoded_of(const TextDocument& d) {
  std::vector<DocumentFinding> out;
  d.for_each_finding([&](const DocumentFinding& f) {
    if (f.encoded()) out.push_back(f);
  });
  return out;
}

// (line, column, end column), 1-based in code points, as `scan` reports them.
using Place = std::tuple<std::size_t, std::size_t, std::size_t>;

std::vector<Place> scan_places(const std::string& text) {
  std::vector<Place> out;
  for (const auto& f : ptl::scan::scan_text("doc", text, ptl::scan::ScanOptions{}, ""))
    out.emplace_back(f.line, f.column, f.end_column);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Place> document_places(const TextDocument& d) {
  REQUIRE(d.encoding() == PositionEncoding::Utf32);
  std::vector<Place> out;
  d.for_each_finding([&](const DocumentFinding& f) {
    CHECK(f.end_position.line == f.start.line);
    out.emplace_back(f.start.line + 1, f.start.character + 1, f.end_position.character + 1);
  });
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("an encoded token is found on open with its exact span, in UTF-16 and UTF-8 positions") {
  const std::string tok = make_token(51);
  const std::string value = b64(tok);
  // Two 3-byte and one 4-byte character before the value: columns differ by encoding.
  const std::string text = "kind: Secret\ndata:\n  # \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80\n  t\xC3\xA9: " + value + "\n";
  const std::size_t begin = text.find(value);
  struct Row {
    PositionEncoding e;
    std::uint32_t character;
  };
  for (const Row r : {Row{PositionEncoding::Utf16, 6}, Row{PositionEncoding::Utf8, 7}, Row{PositionEncoding::Utf32, 6}}) {
    CAPTURE(static_cast<int>(r.e));
    TextDocument d(text, r.e, detector(), finder());
    REQUIRE(d.finding_count() == 1);
    const DocumentFinding f = encoded_of(d).at(0);
    CHECK(f.begin == begin);
    CHECK(f.end == begin + value.size());
    CHECK(f.start.line == 3);
    CHECK(f.start.character == r.character);
    CHECK(f.end_position.line == 3);
    CHECK(f.end_position.character == r.character + value.size());
    CHECK(f.layers == std::vector{Encoding::Base64});
    std::string scratch;
    CHECK(d.token_of(f, scratch) == tok);
  }
}

TEST_CASE("token_of decodes every kind of encoded finding, and reads a plain token from the text") {
  const std::string tok = make_token(52), plain = make_token(53);
  const std::vector<std::pair<std::string, std::vector<Encoding>>> rows = {
      {b64(tok, false, false), {Encoding::Base64}},
      {json_escape(tok, "p-"), {Encoding::JsonEscape}},
      {percent(tok, "-"), {Encoding::PercentEncoding}},
      {b64("user:" + b64(tok)), {Encoding::Base64, Encoding::Base64}},
  };
  for (const auto& [value, layers] : rows) {
    CAPTURE(value);
    const std::string text = "a = \"" + plain + "\"\nb = \"" + value + "\"\n";
    TextDocument d(text, PositionEncoding::Utf16, detector(), finder());
    std::vector<std::string> tokens;
    std::string scratch;
    d.for_each_finding([&](const DocumentFinding& f) { tokens.emplace_back(d.token_of(f, scratch)); });
    CHECK(tokens == std::vector<std::string>{plain, tok});
    const auto enc = encoded_of(d);
    REQUIRE(enc.size() == 1);
    CHECK(enc[0].layers == layers);
    // The span is the smallest one that encodes the token: inside the value for the nested row.
    CHECK(enc[0].begin >= text.find(value));
    CHECK(enc[0].end <= text.find(value) + value.size());
    CHECK(enc[0].end - enc[0].begin >= (layers.size() == 1 ? value.size() : 60));
  }
}

TEST_CASE("encoded findings stay exact through typing inside the run, splitting a line and joining lines") {
  const std::string tok = make_token(54);
  const std::string value = b64("PULUMI_ACCESS_TOKEN=" + tok);
  std::string model = "data:\n  token: " + value + "\n  other: eA==\n";
  TextDocument d(model, PositionEncoding::Utf16, detector(), finder());
  REQUIRE(encoded_of(d).size() == 1);
  const auto check_model = [&] {
    CHECK(d.text() == model);
    CHECK(document_places(TextDocument(model, PositionEncoding::Utf32, detector(), finder())) == scan_places(model));
    std::vector<std::size_t> want;
    for (const auto& f : ptl::scan::scan_text("doc", model, ptl::scan::ScanOptions{}, "")) want.push_back(f.end_column - f.column);
    std::vector<std::size_t> got;
    for (const auto& f : encoded_of(d)) got.push_back(f.end - f.begin);
    CHECK(got == want);
  };
  // The span covers the quads of the token, after those of "PULUMI_ACCESS_TOKEN=".
  const std::size_t at = encoded_of(d).at(0).begin;
  CHECK(at == model.find(value) + 24);
  SUBCASE("a character typed inside the run breaks it; deleting it brings the finding back") {
    d.replace_bytes(at + 30, at + 30, "!");
    model.insert(at + 30, "!");
    CHECK(encoded_of(d).empty());
    check_model();
    d.replace_bytes(at + 30, at + 31, "");
    model.erase(at + 30, 1);
    REQUIRE(encoded_of(d).size() == 1);
    CHECK(encoded_of(d)[0].begin == at);
    check_model();
  }
  SUBCASE("a base64 character typed before the token's quads shifts the phase: the span moves with it") {
    d.replace_bytes(at, at, "QUJ");  // the token's bytes now start one character later in a quad
    model.insert(at, "QUJ");
    REQUIRE(encoded_of(d).size() == 1);
    CHECK(encoded_of(d)[0].begin != at);
    check_model();
  }
  SUBCASE("splitting the line inside the run loses the token; joining the lines again finds it") {
    d.replace_bytes(at + 30, at + 30, "\n");
    model.insert(at + 30, "\n");
    CHECK(encoded_of(d).empty());
    check_model();
    d.replace_bytes(at + 30, at + 31, "");
    model.erase(at + 30, 1);
    REQUIRE(encoded_of(d).size() == 1);
    CHECK(encoded_of(d)[0].start.line == 1);
    check_model();
  }
  SUBCASE("lines inserted above move the finding without rescanning it") {
    d.replace({0, 0}, {0, 0}, "# a\n# b\n");
    model.insert(0, "# a\n# b\n");
    REQUIRE(encoded_of(d).size() == 1);
    CHECK(encoded_of(d)[0].start.line == 3);
    std::string scratch;
    CHECK(d.token_of(encoded_of(d)[0], scratch) == tok);
    check_model();
  }
}

TEST_CASE("encoded near misses stay quiet: 39 and 41 hex digits, uppercase, a glued word") {
  const std::string tok = make_token(55);
  for (const std::string& bad : {make_pul(tok.substr(4, 39)), make_pul(tok.substr(4) + "a"), make_pul("ABCDEF" + tok.substr(10)),
                                 "x" + tok}) {
    CAPTURE(bad.size());
    for (const std::string& value : {b64(bad), json_escape(bad, "p-"), percent(bad, "-")}) {
      TextDocument d("v: " + value + "\n", PositionEncoding::Utf16, detector(), finder());
      CHECK(d.finding_count() == 0);
    }
  }
}

TEST_CASE("ignore markers silence encoded findings as they do plain ones, on the line and from the line above") {
  const std::string value = b64(make_token(56));
  TextDocument d("a: " + value + "  # pulumi-token-lsp:ignore\n# pragma: allowlist nextline secret\nb: " + value +
                     "\nc: " + value + "\n",
                 PositionEncoding::Utf16, detector(), finder());
  const auto enc = encoded_of(d);
  REQUIRE(enc.size() == 1);
  CHECK(enc[0].start.line == 3);
  // Removing the same-line marker brings the first back.
  d.replace({0, static_cast<std::uint32_t>(3 + value.size())}, {0, 200}, "");
  CHECK(encoded_of(d).size() == 2);
}

TEST_CASE("after random edits, the document's findings are scan_text's: line, column and end, plain and encoded") {
  const std::string a = make_token(61), b = make_token(62);
  const std::vector<std::string> pieces = {
      "", "x", " ", "\n", "\r\n", "\"", "=", "%", "\\", "u00", "QUJD", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80",
      a, b64(a), b64(b, true, false), b64("K=" + b), json_escape(a, "p-"), percent(b, "-"), b64("u:" + b64(a)),
      b64(a).substr(0, 20), b64(a).substr(20), "  # pulumi-token-lsp:ignore", "# pragma: allowlist nextline secret\n",
      std::string(300, 'Q') + "\n"};
  for (std::uint32_t seed = 1; seed <= 8; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    std::string model;
    const std::size_t lines = seed % 2 ? 30 : 2500;  // half the documents span several chunks
    for (std::size_t i = 0; i < lines; ++i) {
      model += pieces[rng() % pieces.size()];
      model += pieces[rng() % pieces.size()];
      model += "\n";
    }
    TextDocument d(model, PositionEncoding::Utf32, detector(), finder());
    REQUIRE(document_places(d) == scan_places(model));
    for (int step = 0; step < 60; ++step) {
      CAPTURE(step);
      const std::size_t line_count = naive_line_starts(model).size();
      LinePosition p{static_cast<std::uint32_t>(rng() % (line_count + 1)), static_cast<std::uint32_t>(rng() % 80)};
      LinePosition q = p;
      if (rng() % 3 == 0) q = {static_cast<std::uint32_t>(p.line + rng() % 3), static_cast<std::uint32_t>(rng() % 80)};
      std::string insert;
      for (int k = static_cast<int>(rng() % 3); k > 0; --k) insert += pieces[rng() % pieces.size()];
      std::size_t oa = naive_offset(model, p, PositionEncoding::Utf32), ob = naive_offset(model, q, PositionEncoding::Utf32);
      if (ob < oa) std::swap(oa, ob);
      model.replace(oa, ob - oa, insert);
      d.replace(p, q, insert);
      REQUIRE(d.text() == model);
      REQUIRE(document_places(d) == scan_places(model));
    }
    // Every encoded finding decodes to a token the scan also reports (its masked preview).
    std::string scratch;
    d.for_each_finding([&](const DocumentFinding& f) {
      const std::string_view t = d.token_of(f, scratch);
      CHECK(t.size() == 44);
      CHECK((t == a || t == b));
    });
  }
}
