#pragma once
// Small helpers shared by the benchmark programs: a clock, percentiles and the one line format
// every figure is printed in ("figure | value | baseline | ratio | target | verdict").

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace ptl::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// The p-th percentile (0..100) of `v` (sorted in place); 0 for an empty vector.
inline double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Prints one figure. `ratio` is value / baseline as the figure defines it; `target` is a
// human-readable condition and `met` whether it holds ("-" when the figure has no target).
inline void report(const std::string& figure, const std::string& value, const std::string& baseline,
                   double ratio, const std::string& target, int met) {
  std::printf("%-46s | %-18s | %-30s | %8.4g | %-22s | %s\n", figure.c_str(), value.c_str(), baseline.c_str(),
              ratio, target.c_str(), met < 0 ? "-" : (met ? "MET" : "MISSED"));
  std::fflush(stdout);
}

inline std::string fmt_us(double s) {
  char b[64];
  std::snprintf(b, sizeof b, "%.1f us", s * 1e6);
  return b;
}
inline std::string fmt_ms(double s) {
  char b[64];
  std::snprintf(b, sizeof b, "%.2f ms", s * 1e3);
  return b;
}
inline std::string fmt_gbs(double bytes, double s) {
  char b[64];
  std::snprintf(b, sizeof b, "%.2f GB/s", bytes / s / 1e9);
  return b;
}
inline std::string fmt_mb(double bytes) {
  char b[64];
  std::snprintf(b, sizeof b, "%.1f MB", bytes / 1e6);
  return b;
}

}  // namespace ptl::bench
