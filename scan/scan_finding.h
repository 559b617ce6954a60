#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ptl::scan {

// The one rule the scan reports (the editor's diagnostic code).
inline constexpr std::string_view kRuleId = "pulumi-access-token";

// The commit that added a finding to a git history (scan --git).
struct CommitInfo {
  std::string id;      // 40 hex digits
  std::string author;  // the author's name
  std::string email;
  std::string date;  // the author date, ISO 8601 with the author's offset: 2026-12-04T18:06:25+01:00
};

// Where a token already is in a repository's history (history_index.h): committed tokens need
// rotating, not only removing.
struct Committed {
  CommitInfo commit;   // the first commit (parents first) that holds the token
  std::string path;    // its path in that commit
  std::size_t line = 0;  // 1-based: the line of the token in that commit's file
  bool in_head = false;  // that commit is in HEAD's history
  std::vector<std::string> remote_branches;  // remote-tracking branches holding it: pushed there
};

// What the Pulumi API said about a finding's token (scan --verify: server/ asks through
// verify/token_verifier.h and fills this in), as reports write it. Never holds the token.
struct TokenVerification {
  std::string state;   // "live", "not-live" or "unknown"
  std::string reason;  // unknown: why ("timed out after 10 s")
  std::string owner;   // live: the githubLogin the API named
  std::string kind;    // live: "personal", "organization" or "team"
  std::string name;    // live: the token's name (may be empty)
  std::string text;    // the phrase text reports show after the preview: "live: personal token of alice"
};

// One token found by a scan. Never holds the token: a masked preview and a fingerprint.
struct ScanFinding {
  std::string path;  // as given (relative paths stay relative), or the --stdin-name
  // The path from the repository's root ('/'-separated; from the current directory outside a
  // repository, absolute outside that): what fingerprints key on and SARIF names.
  std::string root_path;
  // 1-based; columns count code points, every byte of invalid UTF-8 one (as the editor counts
  // in UTF-32); the end is the position just past the token (its encoded text: `encoding`).
  std::size_t line = 0, column = 0, end_line = 0, end_column = 0;
  bool placeholder = false;  // placeholder-shaped (detectors/placeholder.h): reported as a hint
  std::string preview;       // detectors::mask_token: "pul-1a2b…"
  // How the token was encoded where it was found, outermost first (detectors/encoded_tokens.h's
  // describe_encoding): "base64", "base64 > json-escape"; empty for a plain token. Then the
  // position covers the encoded text, and preview and fingerprint come from the decoded token
  // (the same as where it is plain).
  std::string encoding;
  std::string fingerprint;   // fingerprint.h, keyed on the path from the repository's root
  std::string token_hash;    // sha256_hex of the token, to key the fingerprint on another path; never reported
  std::string line_hash;     // GitHub's primaryLocationLineHash of the line (line_hash.h)
  // The titles of the fixes the editor's code action offers here (ScanOptions::with_fixes);
  // titles never hold a token (remediation.h).
  std::vector<std::string> fixes;
  std::optional<CommitInfo> commit;  // git history sources: the commit that added the token
  std::optional<Committed> committed;  // scan --committed: the token is already in the history
  std::optional<TokenVerification> verification;  // scan --verify, real findings only
};

}  // namespace ptl::scan
