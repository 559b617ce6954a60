#pragma once
// Reproducible benchmark corpora: mixed TypeScript, Python, Go, YAML, JSON and minified JS with
// about one Pulumi token per `bytes_per_token` bytes and many near misses (39 or 41 digits,
// uppercase hex, glued prefixes, "pxx-" words that pass the prefilter). Tokens are built at run
// time from the seed; the repository holds none. Same options, same bytes, on every machine.

#include <cstddef>
#include <cstdint>
#include <string>

namespace ptl::bench {

// xorshift64*: small, fast, and the same everywhere (std distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : x_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  std::uint64_t next() {
    x_ ^= x_ >> 12;
    x_ ^= x_ << 25;
    x_ ^= x_ >> 27;
    return x_ * 0x2545F4914F6CDD1Dull;
  }
  // Uniform enough below `n` (n > 0).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t x_;
};

struct CorpusOptions {
  std::size_t bytes = 10u << 20;           // the result is exactly this long
  std::uint64_t seed = 42;
  std::size_t bytes_per_token = 100 * 1024;  // one real token per this many bytes (0: none)
  unsigned minified_percent = 10;          // share of bytes in long minified-JS lines
};

// A realistic token (40 pseudo-random hex digits from `seed`).
std::string make_token(std::uint64_t seed);

// The corpus; lines end with "\n".
std::string make_corpus(const CorpusOptions& options);

// Number of "\n" in `text`, plus one.
std::size_t count_lines(const std::string& text);

}  // namespace ptl::bench
