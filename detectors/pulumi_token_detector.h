#pragma once
// PulumiTokenDetector: finds Pulumi access tokens in UTF-8 (or any) bytes.
//
// A token is what the RE2 pattern kPattern matches: "pul-" followed by exactly 40 lowercase hex
// digits, with an ASCII word boundary on both sides (so 39 or 41 digits, uppercase hex, or a
// letter, digit or underscore glued to either end is not a token). One exception, also in the
// pattern: a string escape "\n", "\r" or "\t" right before the token counts as a boundary, so a
// token next to an escaped line break in JSON or a string literal is found. Tokens never contain
// a line break, which is what lets callers rescan only the lines an edit touched.
//
// Built once, immutable, thread-safe after construction; check ok() once. find() runs in linear
// time and constant extra memory: a literal prefilter ('p' at i and '-' at i+3, 32 bytes a step
// with AVX2 when the CPU has it, 16 with SSE2 otherwise) proposes candidates and RE2, anchored at
// each candidate, decides. The detector never copies the bytes it matched.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace ptl::detectors {

class PulumiTokenDetector {
 public:
  static constexpr std::size_t kTokenLength = 44;  // "pul-" + 40 hex digits
  // The match may start 2 bytes before the token, at the escape; the token is its last 44 bytes.
  static constexpr std::string_view kPattern = R"((?:\\[nrt]|\b)pul-[0-9a-f]{40}\b)";

  PulumiTokenDetector();
  ~PulumiTokenDetector();
  PulumiTokenDetector(const PulumiTokenDetector&) = delete;
  PulumiTokenDetector& operator=(const PulumiTokenDetector&) = delete;

  bool ok() const;
  const std::string& error() const;

  // Appends to `out` the start offset of every token that starts in [from, to) of `text`, in
  // increasing order. The whole of `text` is context: the word boundary before `from` and the
  // characters after `to` are read from it. Precondition: from <= to <= text.size().
  void find(std::string_view text, std::size_t from, std::size_t to, std::vector<std::size_t>& out) const;
  void find(std::string_view text, std::vector<std::size_t>& out) const { find(text, 0, text.size(), out); }

  // True when a token starts exactly at `pos` of `text` (RE2 anchored there, text as context).
  bool matches_at(std::string_view text, std::size_t pos) const;

  // Which prefilter find() uses on this CPU: "avx2" or "sse2".
  static std::string_view prefilter_name();

 private:
  std::unique_ptr<re2::RE2> re_;
};

}  // namespace ptl::detectors
