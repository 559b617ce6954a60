#pragma once
// Encoders for tests of encoded tokens (detectors/encoded_tokens.h), independent of the finder's
// decoders: base64 (both alphabets, padded or not), JSON's \u00XX and a URL's %XX.

#include <algorithm>
#include <cstdint>
#include <string>

namespace ptl::testing {

// The tests' own encoders, independent of the finder's decoders.
inline std::string b64(const std::string& bytes, bool url = false, bool pad = true) {
  const char* chars = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                          : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (n > 1) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (n > 2) v |= static_cast<unsigned char>(bytes[i + 2]);
    for (std::size_t k = 0; k < 4; ++k) {
      if (k <= n) out += chars[(v >> (18 - 6 * k)) & 63];
      else if (pad) out += '=';
    }
  }
  return out;
}

// Every character of `s` that is in `which` written as `intro` and two hex digits of `digits`.
inline std::string escape_chars(const std::string& s, const std::string& which, const std::string& intro, const char* digits) {
  std::string out;
  for (char c : s) {
    if (which.find(c) == std::string::npos) {
      out += c;
      continue;
    }
    out += intro;
    out += digits[(static_cast<unsigned char>(c) >> 4) & 15];
    out += digits[static_cast<unsigned char>(c) & 15];
  }
  return out;
}

// JSON's \u00XX and a URL's %XX.
inline std::string json_escape(const std::string& s, const std::string& which) {
  return escape_chars(s, which, "\\u00", "0123456789abcdef");
}
inline std::string percent(const std::string& s, const std::string& which) {
  return escape_chars(s, which, "%", "0123456789ABCDEF");
}

}  // namespace ptl::testing
