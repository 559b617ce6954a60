#pragma once
// Token-shaped strings for tests, built at run time: the repository holds no token literal.

#include <cstdint>
#include <string>

namespace ptl::testing {

// A realistic token (40 pseudo-random hex digits from `seed`), never a placeholder.
inline std::string make_token(std::uint32_t seed = 1) {
  std::string t = "pul";
  t += '-';
  std::uint64_t x = 0x9E3779B97F4A7C15ull * (seed + 1);
  for (int i = 0; i < 40; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    t += "0123456789abcdef"[x % 16];
  }
  return t;
}

// "pul-" followed by `hex` (any length, any characters): for near misses and placeholders.
inline std::string make_pul(const std::string& hex) { return std::string("pul") + "-" + hex; }

}  // namespace ptl::testing
