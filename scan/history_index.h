#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "scan/scan_engine.h"

namespace ptl::scan {

// Which tokens a repository's history already holds, keyed by the token's SHA-256 (never the
// token): a token that was committed is a different emergency from one just typed, because
// deleting it from the file does not take it out of the history; rotating it does.
//
// Built once from the whole history (scan_history: every ref, each distinct blob read once, on
// options.threads threads), then read-only: find() may be called from any thread.
class HistoryIndex {
 public:
  // The history of the repository holding `start`; a directory outside any repository gives an
  // empty index and no error. What cannot be read is appended to `errors` (the index holds the
  // rest).
  static HistoryIndex build(const std::filesystem::path& start, const ScanOptions& options,
                            std::vector<std::string>& errors);

  // Where the token whose sha256_hex is `token_hash` (ScanFinding::token_hash) was first
  // committed, or null when no commit holds it.
  const Committed* find(const std::string& token_hash) const;

  // Sets ScanFinding::committed on each finding whose token the history holds.
  void annotate(std::vector<ScanFinding>& findings) const;

  std::size_t size() const { return tokens_.size(); }
  std::size_t commits() const { return commits_; }

 private:
  std::unordered_map<std::string, Committed> tokens_;
  std::size_t commits_ = 0;
};

}  // namespace ptl::scan
