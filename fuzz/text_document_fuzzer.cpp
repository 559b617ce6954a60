// Fuzzes incremental document edits (server/text_document.h) in every position encoding against
// the naive reference model of the text and of its findings (reference_model.h).
//
// Input: byte 0 picks the encoding and the initial text's shape (small, or over one 64 KiB chunk
// so edits cross chunk boundaries); the rest is read as a list of edits, each a range (lines and
// characters, some far out of range) and a replacement made of snippets: line breaks, multi-byte
// and invalid UTF-8, ignore markers, escapes, and whole tokens built at run time.
// After every edit: the text, the line count, and every finding (offset, line, character,
// placeholder flag) equal the reference's, which rescans the whole text naively; and a document
// built from scratch from the same text agrees too.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/encoded_tokens.h"
#include "detectors/line_scan.h"
#include "detectors/placeholder.h"
#include "detectors/pulumi_token_detector.h"
#include "detectors/suppression.h"
#include "fuzz/reference_model.h"
#include "server/text_document.h"

namespace {

using ptl::fuzz::Enc;
using ptl::fuzz::RefPos;
using ptl::fuzz::RefText;
using ptl::server::LinePosition;
using ptl::server::PositionEncoding;
using ptl::server::TextDocument;

void check(bool ok) {
  if (!ok) std::abort();
}

class Input {
 public:
  Input(const std::uint8_t* d, std::size_t n) : d_(d), n_(n) {}
  bool empty() const { return i_ >= n_; }
  std::uint8_t byte() { return i_ < n_ ? d_[i_++] : 0; }
  std::string_view bytes(std::size_t k) {
    k = std::min(k, n_ - std::min(i_, n_));
    std::string_view s(reinterpret_cast<const char*>(d_) + i_, k);
    i_ += k;
    return s;
  }

 private:
  const std::uint8_t* d_;
  std::size_t n_, i_ = 0;
};

std::string make_token(std::uint8_t seed) {
  std::string t;
  ptl::fuzz::append_token(t, seed);
  return t;
}

std::string snippet(Input& in) {
  static const char* const kPieces[] = {
      "\n", "\r\n", "\r", " ", "x", "_", "\\n", "\\t", "=", "\"", "é", "日本", "😀", "\xF0\x9F\x98",
      "\x80", "\xC3", "\xED\xA0\x80", "pul-", "0", "f", "# pulumi-token-lsp:ignore",
      "# pragma: allowlist nextline secret", "gitleaks:allow",
  };
  std::uint8_t b = in.byte();
  if (b < 120) return make_token(b);  // a whole token, sometimes a placeholder-free random one
  if (b < 240) return kPieces[b % (sizeof kPieces / sizeof kPieces[0])];
  return std::string(in.bytes(b - 239));  // raw bytes from the input
}

std::uint32_t coordinate(Input& in) {
  std::uint8_t b = in.byte();
  if (b == 255) return 0xFFFFFFFFu;
  if (b >= 250) return 100000u * (b - 249);
  return b % 64;
}

std::string initial_text(Input& in, bool big) {
  std::string text;
  int parts = in.byte() % 8;
  for (int i = 0; i < parts; ++i) text += snippet(in);
  if (big) {
    // Past one chunk: lines of filler with tokens, or one long line.
    std::string line = std::string(in.byte() % 90 + 1, 'a');
    std::string brk = (in.byte() & 1) ? "\n" : "";
    std::string tok = make_token(in.byte());
    for (int n = 0; text.size() < TextDocument::kMaxChunk + 3000; ++n) text += line + (n % 16 ? "" : " " + tok) + brk;
  }
  return text;
}

void compare(const TextDocument& doc, const RefText& ref, const ptl::detectors::EncodedTokenFinder& finder) {
  const std::string& t = ref.text();
  check(doc.size() == t.size());
  check(doc.text() == t);
  const auto& lines = ref.lines();
  check(doc.line_count() == lines.size());

  // Expected findings: every naive match not suppressed by its own or the previous line.
  struct F {
    std::size_t begin;
    RefPos pos;
    bool placeholder;
  };
  std::vector<F> expected;
  std::vector<std::size_t> starts = ptl::fuzz::find_tokens(t);
  std::vector<RefPos> positions = ref.positions_of(starts);
  std::uint32_t cached_line = UINT32_MAX;
  bool cached_suppressed = false;
  for (std::size_t n = 0; n < starts.size(); ++n) {
    std::size_t at = starts[n];
    RefPos p = positions[n];
    if (p.line != cached_line) {  // one suppression verdict per line: lines can be 100 KiB long
      cached_line = p.line;
      auto [lb, le] = lines[p.line];
      cached_suppressed = ptl::detectors::suppresses_own_line(std::string_view(t).substr(lb, le - lb));
      if (!cached_suppressed && p.line > 0) {
        auto [pb, pe] = lines[p.line - 1];
        cached_suppressed = ptl::detectors::suppresses_next_line(std::string_view(t).substr(pb, pe - pb));
      }
    }
    if (cached_suppressed) continue;
    expected.push_back(F{at, p, ptl::detectors::is_placeholder_token(std::string_view(t).substr(at, 44))});
  }
  // Encoded findings: the finder over the whole text, with the same ignore markers (scan_text).
  std::vector<ptl::detectors::EncodedFinding> encoded;
  finder.find(t, encoded);
  std::erase_if(encoded, [&](const auto& f) { return ptl::detectors::suppressed_at(t, f.begin); });
  std::size_t i = 0, j = 0;
  doc.for_each_finding([&](const ptl::server::DocumentFinding& f) {
    if (f.encoded()) {
      check(j < encoded.size());
      check(f.begin == encoded[j].begin && f.end == encoded[j].end && f.layers == encoded[j].layers);
      check(f.placeholder == encoded[j].placeholder);
      ++j;
      return;
    }
    check(i < expected.size());
    check(f.begin == expected[i].begin);
    check(f.start.line == expected[i].pos.line);
    check(f.start.character == expected[i].pos.character);
    check(f.placeholder == expected[i].placeholder);
    ++i;
  });
  check(i == expected.size());
  check(j == encoded.size());
  check(doc.finding_count() == expected.size() + encoded.size());

  // Conversions agree with the reference at a few offsets.
  for (std::size_t off : {std::size_t{0}, t.size() / 3, t.size() / 2, t.size()}) {
    LinePosition p = doc.position_of(off);
    RefPos r = ref.position_of(off);
    check(p.line == r.line && p.character == r.character);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ptl::detectors::PulumiTokenDetector detector;
  static const ptl::detectors::EncodedTokenFinder finder(detector);
  if (size < 1) return 0;
  Input in(data, size);
  std::uint8_t mode = in.byte();
  const PositionEncoding encs[] = {PositionEncoding::Utf16, PositionEncoding::Utf8, PositionEncoding::Utf32};
  const Enc refs[] = {Enc::Utf16, Enc::Utf8, Enc::Utf32};
  const int e = mode % 3;
  const bool big = (mode / 3) % 8 == 7;

  std::string text = initial_text(in, big);
  TextDocument doc(text, encs[e], detector, finder);
  RefText ref(text, refs[e]);
  compare(doc, ref, finder);

  for (int step = 0; step < 24 && !in.empty(); ++step) {
    std::uint8_t op = in.byte();
    if (op == 0) {
      std::string all;
      for (int k = in.byte() % 6; k > 0; --k) all += snippet(in);
      doc.replace_all(all);
      ref.replace_all(all);
    } else {
      RefPos a{coordinate(in), coordinate(in)}, b{coordinate(in), coordinate(in)};
      if (op & 1) b = a;  // an insertion
      if (big && (op & 2)) {
        // Aim near the first chunk boundary and at the last line.
        a.line = static_cast<std::uint32_t>(ref.position_of(TextDocument::kMaxChunk).line);
        if (op & 4) b.line = a.line + (op >> 5);
      }
      std::string with;
      for (int k = (op >> 3) % 4; k > 0; --k) with += snippet(in);
      doc.replace(LinePosition{a.line, a.character}, LinePosition{b.line, b.character}, with);
      ref.replace(a, b, with);
    }
    // A document past one chunk is compared every few steps (each comparison walks it all).
    if (!big || step % 6 == 5) compare(doc, ref, finder);
  }
  compare(doc, ref, finder);
  TextDocument fresh(ref.text(), encs[e], detector, finder);
  compare(fresh, ref, finder);
  return 0;
}
