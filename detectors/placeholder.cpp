#include "detectors/placeholder.h"

#include <bitset>

namespace ptl::detectors {
namespace {

int hex_value(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

bool few_distinct(std::string_view hex) {
  std::bitset<16> seen;
  for (char c : hex) seen.set(static_cast<std::size_t>(hex_value(c)));
  return seen.count() <= 4;
}

bool periodic(std::string_view hex) {
  for (std::size_t period = 1; period <= 8; ++period) {
    bool all = true;
    for (std::size_t i = period; i < hex.size() && all; ++i) all = hex[i] == hex[i - period];
    if (all) return true;
  }
  return false;
}

bool stepping(std::string_view hex) {
  for (int step : {1, 15}) {
    bool all = true;
    for (std::size_t i = 1; i < hex.size() && all; ++i)
      all = hex_value(hex[i]) == (hex_value(hex[i - 1]) + step) % 16;
    if (all) return true;
  }
  return false;
}

}  // namespace

bool is_placeholder_token(std::string_view token) {
  if (token.size() < 5) return false;
  std::string_view hex = token.substr(4);
  return few_distinct(hex) || periodic(hex) || stepping(hex);
}

}  // namespace ptl::detectors
