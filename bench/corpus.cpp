#include "bench/corpus.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace ptl::bench {
namespace {

constexpr std::string_view kHex = "0123456789abcdef";

std::string hex_digits(Rng& rng, std::size_t n, bool upper = false) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    char c = kHex[rng.below(16)];
    if (upper && c >= 'a') c = static_cast<char>(c - 'a' + 'A');
    s += c;
  }
  return s;
}

// "pul" and "-" apart, so no token-shaped literal appears in this file.
std::string pul(std::string_view rest) { return std::string("pul") + "-" + std::string(rest); }

// Something that looks like a token but is not one.
std::string near_miss(Rng& rng) {
  switch (rng.below(6)) {
    case 0: return pul(hex_digits(rng, 39));
    case 1: return pul(hex_digits(rng, 41));
    case 2: return pul(hex_digits(rng, 40, true));
    case 3: return "x" + pul(hex_digits(rng, 40));
    case 4: return pul(hex_digits(rng, 40)) + "_";
    default: return "pub-" + hex_digits(rng, 40);
  }
}

constexpr std::array<std::string_view, 10> kWords = {"stack",  "bucket", "region", "config",  "pulumi",
                                                     "provider", "import", "output", "project", "policy"};
// Words that pass the prefilter ('p' and '-' three bytes apart) without being tokens. Real code
// has about one such place per 100 KB; the corpus puts one in about every 100 lines (~5 KB).
constexpr std::array<std::string_view, 5> kPrefilterWords = {"pre-commit", "pod-name", "pkg-config", "per-user",
                                                            "pub-sub"};

std::string_view word(Rng& rng) {
  if (rng.below(100) == 0) return kPrefilterWords[rng.below(kPrefilterWords.size())];
  return kWords[rng.below(kWords.size())];
}

// One line of ordinary code in one of the languages; `secret` is put in a string when non-empty.
std::string code_line(Rng& rng, std::size_t lang, const std::string& secret) {
  std::string value = secret.empty() ? (rng.below(1000) == 0 ? near_miss(rng) : std::string(word(rng)) + "-" +
                                                                                  std::to_string(rng.below(1000)))
                                     : secret;
  std::string name = std::string(word(rng)) + std::to_string(rng.below(100));
  std::replace(name.begin(), name.end(), '-', '_');
  // Half the lines carry a trailing comment, which brings the average line to about 50 bytes.
  std::string comment;
  if (lang < 4 && rng.below(2)) {  // JSON has no comments
    comment = lang == 1 || lang == 3 ? "  # " : "  // ";
    comment.append(word(rng)).append(" ").append(word(rng)).append(" settings");
  }
  switch (lang) {
    case 0: return "const " + name + " = new aws.s3.Bucket(\"" + value + "\");" + comment + "\n";
    case 1: return "    " + name + " = config.get(\"" + value + "\")" + comment + "\n";
    case 2: return "\t" + name + " := ctx.Export(\"" + value + "\")" + comment + "\n";
    case 3: return "  " + name + ": " + value + comment + "\n";
    default: return "  \"" + name + "\": \"" + value + "\",\n";
  }
}

std::string minified_line(Rng& rng, std::size_t target, const std::string& secret) {
  std::string s;
  while (s.size() < target) {
    s += "function(e,t){var n=e.p-1;return t.a-b?\"" + std::string(word(rng)) + "\":n}";
    if (rng.below(1000) == 0) s += ";var q=\"" + near_miss(rng) + "\"";
  }
  if (!secret.empty()) s += ";var k=\"" + secret + "\"";
  s += "\n";
  return s;
}

}  // namespace

std::string make_token(std::uint64_t seed) {
  Rng rng(seed ^ 0x70756c756d69ull);
  return pul(hex_digits(rng, 40));
}

std::string make_corpus(const CorpusOptions& o) {
  Rng rng(o.seed);
  std::string out;
  out.reserve(o.bytes + 64 * 1024);
  std::size_t next_token_at = o.bytes_per_token ? o.bytes_per_token / 2 : SIZE_MAX;
  std::uint64_t token_seed = o.seed;
  std::size_t lang = 0;
  // Chance of a minified line (about 34 KB) against a code line (about 45 bytes) for the share.
  const double share = std::min(o.minified_percent, 90u) / 100.0;
  const auto minified_per_million = static_cast<std::size_t>(share / (1 - share) * 45.0 / 34000.0 * 1e6);
  while (out.size() < o.bytes) {
    // Files of a few hundred lines in one language, then a switch.
    if (rng.below(300) == 0) lang = rng.below(5);
    std::string secret;
    if (out.size() >= next_token_at) {
      secret = make_token(token_seed++);
      next_token_at += o.bytes_per_token;
    }
    if (rng.below(1000000) < minified_per_million)
      out += minified_line(rng, 4000 + rng.below(60000), secret);
    else
      out += code_line(rng, lang, secret);
  }
  out.resize(o.bytes);
  if (!out.empty()) out.back() = '\n';
  return out;
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

}  // namespace ptl::bench
