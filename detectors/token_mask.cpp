#include "detectors/token_mask.h"

namespace ptl::detectors {

std::string mask_token(std::string_view token) {
  if (token.size() < 8 || token.substr(0, 4) != "pul-") return "pul-\xE2\x80\xA6";
  std::string out(token.substr(0, 8));
  out += "\xE2\x80\xA6";
  return out;
}

}  // namespace ptl::detectors
