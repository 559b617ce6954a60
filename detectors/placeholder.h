#pragma once
// Placeholder tokens: token-shaped strings nobody would issue, as found in docs and tests.
//
// The 40 hex digits of a token are a placeholder when any of these holds (documented in the
// README, "What counts as a placeholder"):
//   1. they use at most 4 distinct digits ("000…0", "abab…", "a000…01");
//   2. they repeat with a period of at most 8 ("deadbeef" × 5, "cafebabe" × 5, "12345678" × 5);
//   3. each digit is the one before plus or minus 1 modulo 16 ("0123456789abcdef0123…",
//      "fedcba98…").
// A real token (40 random hex digits) meets none of them except with probability below 1e-20.

#include <string_view>

namespace ptl::detectors {

// `token` is a whole token ("pul-" + 40 hex digits). Pure; linear.
bool is_placeholder_token(std::string_view token);

}  // namespace ptl::detectors
