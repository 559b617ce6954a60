#pragma once
// The one way a token is shown to anyone: a masked preview.

#include <string>
#include <string_view>

namespace ptl::detectors {

// "pul-" + the first 4 hex digits + "…" (U+2026), e.g. "pul-1a2b…". Never more of the token.
// Precondition: `token` starts with "pul-" and has at least 8 bytes; otherwise returns "pul-…".
std::string mask_token(std::string_view token);

}  // namespace ptl::detectors
