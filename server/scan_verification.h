#pragma once
// scan --verify: the scan's tokens asked of the Pulumi API (verify/token_verifier.h), the answers
// written into the findings (scan/scan_finding.h's TokenVerification).

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "scan/scan_engine.h"
#include "verify/token_verifier.h"

namespace ptl::server {

// The tokens a scan met, by sha256_hex, held from the scan to their verification and then wiped:
// the only place the scan's tokens live beyond scan_text (ScanOptions::on_token fills it).
// Thread-safety: add() may be called from the scan's threads at once.
class TokenStash {
 public:
  TokenStash() = default;
  TokenStash(const TokenStash&) = delete;
  TokenStash& operator=(const TokenStash&) = delete;
  ~TokenStash();

  // A hook for ScanOptions::on_token that adds to this stash (which must outlive the scan).
  std::function<void(std::string_view token, std::string_view token_hash)> hook();

  void add(std::string_view token, std::string_view token_hash);

  // The token whose sha256_hex is `token_hash`, or empty; valid until wipe() (call it once the
  // scan's threads are done adding).
  std::string_view find(std::string_view token_hash) const;

  // Overwrites and forgets every token.
  void wipe();

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string, std::less<>> tokens_;
};

// Verifies each distinct token of the report's real findings once (on up to `threads` threads,
// the verifier's rate limit applying) and sets ScanFinding::verification on every real finding
// whose token the stash holds. Then wipes the stash.
void verify_findings(scan::ScanReport& report, TokenStash& stash, verify::TokenVerifier& verifier, unsigned threads);

// A verification as reports write it.
scan::TokenVerification to_report(const verify::Verification& v);

}  // namespace ptl::server
