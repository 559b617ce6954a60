#pragma once

#include <string>
#include <string_view>

namespace ptl::scan {

// The lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

// A finding's fingerprint: sha256_hex(rule + "\n" + path + "\n" + sha256_hex(token)). It names a
// token in a file without the line it is on (moving code does not make it new, a new token on an
// old line is new) and never the token itself (only its hash goes in). Baselines and allowlists
// key on it.
// The path is the file's path from the root of its repository ('/'-separated; from the current
// directory outside a repository), however the scan was started, so a baseline or an allowlist
// written from one directory holds from another and in the editor.
std::string finding_fingerprint(std::string_view rule, std::string_view path, std::string_view token);

// The same fingerprint from sha256_hex(token), for a finding reported again under another path.
std::string fingerprint_from_token_hash(std::string_view rule, std::string_view path, std::string_view token_hash);

}  // namespace ptl::scan
