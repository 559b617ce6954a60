// Fuzzes the remediation rewrites (remediation/remediation.h).
//
// Input: byte 0 picks the language and the names (defaults, or names full of quotes and
// backslashes); the rest is the text, where bytes 0x01..0x08 expand into tokens built at run
// time. For every token the detector finds (up to 6): every fix has edits, sorted, disjoint and
// inside the text; no title contains a token, no fix makes a new one or copies one; and applying
// a fix other than Suppress removes that token (the text holds fewer occurrences of it). fix_all's
// edits obey the same rules, on every language and text. Whether the result
// still parses in each language is checked with the real parsers by tests/remediation.

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detectors/pulumi_token_detector.h"
#include "fuzz/reference_model.h"
#include "remediation/remediation.h"

namespace {

using namespace ptl::remediation;

void check(bool ok) {
  if (!ok) std::abort();
}

std::size_t occurrences(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Edits sorted, disjoint and in range; the result holds no token that was not a token of the
// input (an edit may carry the text around a token along, but never makes a new one), and no
// token's value more often than the input did (an edit never copies a secret).
std::string check_edits(std::string_view text, const std::vector<TextEdit>& edits,
                        const std::vector<std::size_t>& starts) {
  std::size_t last_end = 0;
  for (const TextEdit& e : edits) {
    check(e.begin <= e.end && e.end <= text.size() && e.begin >= last_end);
    last_end = e.end;
  }
  std::string out = apply_edits(text, edits);
  for (std::size_t b : ptl::fuzz::find_tokens(out)) {
    bool was_token = false;
    for (std::size_t a : starts) was_token = was_token || text.compare(a, 44, out, b, 44) == 0;
    check(was_token);
  }
  for (std::size_t a : starts) check(occurrences(out, text.substr(a, 44)) <= occurrences(text, text.substr(a, 44)));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ptl::detectors::PulumiTokenDetector detector;
  if (size < 1 || size > 4096) return 0;
  const auto language = static_cast<Language>(data[0] % (static_cast<int>(Language::PulumiCredentials) + 1));
  Names names;
  if (data[0] & 0x80) {
    names.env_var = "A\"B'C\\$";
    names.config_key = "k\"e\\y`${x}";
    names.aws_secret_id = "id'\"\n";
    names.vault_path = "p\\\"";
    names.conjur_variable = "c/'\"";
  }
  std::string text;
  for (std::size_t i = 1; i < size; ++i) {
    unsigned char c = data[i];
    if (c >= 1 && c <= 8) ptl::fuzz::append_token(text, c);
    else text.push_back(static_cast<char>(c));
  }
  std::vector<std::size_t> all_starts;  // every token, for "no new token" checks
  detector.find(text, all_starts);
  std::vector<std::size_t> starts(all_starts.begin(), all_starts.begin() + std::min<std::size_t>(6, all_starts.size()));

  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t begin : starts) {
    spans.emplace_back(begin, begin + 44);
    const std::string token = text.substr(begin, 44);
    for (const Fix& fix : fixes_for(text, begin, begin + 44, language, names)) {
      check(fix.title.find(token) == std::string::npos);
      check(ptl::fuzz::find_tokens(fix.title).empty());
      check(!fix.edits.empty());  // a code action that does nothing is never offered
      std::string out = check_edits(text, fix.edits, all_starts);
      if (fix.kind != FixKind::Suppress) check(occurrences(out, token) < occurrences(text, token));
    }
  }
  // fix_all works from the spans: a token's value glued inside a longer hex run elsewhere (not a
  // token there) is left alone, so no glued neighbour becomes a new token.
  check_edits(text, fix_all(text, spans, language, names), all_starts);
  (void)environment_note(language);
  return 0;
}
