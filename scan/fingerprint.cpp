#include "scan/fingerprint.h"

#include <openssl/evp.h>

#include <memory>

namespace ptl::scan {

std::string sha256_hex(std::string_view data) {
  // EVP is OpenSSL 3's interface for digests; the context is freed on every path.
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1) {
    return {};
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

std::string fingerprint_from_token_hash(std::string_view rule, std::string_view path, std::string_view token_hash) {
  std::string input(rule);
  input += '\n';
  input += path;
  input += '\n';
  input += token_hash;
  return sha256_hex(input);
}

std::string finding_fingerprint(std::string_view rule, std::string_view path, std::string_view token) {
  return fingerprint_from_token_hash(rule, path, sha256_hex(token));
}

}  // namespace ptl::scan
