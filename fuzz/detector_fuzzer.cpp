// Fuzzes the detector (detectors/pulumi_token_detector.h) and the line scanner
// (detectors/line_scan.h) against the naive byte-by-byte matcher of reference_model.h.
//
// Input: bytes 0-1 pick the scanned window [from, to); the rest is the text. To reach matches
// quickly, bytes 0x01..0x08 in the text are expanded into whole tokens built at run time (and
// 0x0E into "pul-"), so the fuzzer works on the boundaries around them.
// Checks: find() returns exactly the reference's starts in [from, to), in order; matches_at()
// agrees at every offset; scan_lines() over the whole text returns a subset of them, in order.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "detectors/line_scan.h"
#include "detectors/pulumi_token_detector.h"
#include "fuzz/reference_model.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ptl::detectors::PulumiTokenDetector detector;
  if (size < 2) return 0;
  std::string text;
  for (std::size_t i = 2; i < size; ++i) {
    unsigned char c = data[i];
    if (c >= 1 && c <= 8) ptl::fuzz::append_token(text, c);
    else if (c == 0x0E) text += "pul-";
    else text.push_back(static_cast<char>(c));
  }
  std::size_t from = text.empty() ? 0 : data[0] % (text.size() + 1);
  std::size_t to = text.empty() ? 0 : from + data[1] % (text.size() - from + 1);
  if (data[1] == 255) to = text.size();

  std::vector<std::size_t> got;
  detector.find(text, from, to, got);
  check(got == ptl::fuzz::find_tokens(text, from, to));

  std::vector<std::size_t> all = ptl::fuzz::find_tokens(text);
  std::size_t k = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    bool expected = k < all.size() && all[k] == i;
    if (expected) ++k;
    check(detector.matches_at(text, i) == expected);
  }

  std::vector<ptl::detectors::Finding> found;
  ptl::detectors::scan_lines(detector, text, 0, text.size(), found);
  std::size_t j = 0;
  for (const auto& f : found) {
    while (j < all.size() && all[j] < f.begin) ++j;
    check(j < all.size() && all[j] == f.begin);
    ++j;
  }
  return 0;
}
