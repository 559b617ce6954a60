#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "remediation/names.h"
#include "scan/path_source.h"
#include "scan/scan_finding.h"

namespace ptl::scan {

// Counters a scan moves as it goes, for a progress display on another thread (relaxed atomics:
// a display, not a result).
struct ScanProgress {
  std::atomic<std::size_t> files{0};        // files (blobs) scanned so far
  std::atomic<std::size_t> total_files{0};  // how many there are, once the source knows (0: not yet)
  std::atomic<std::uintmax_t> bytes{0};
  std::atomic<std::size_t> findings{0};
};

struct ScanOptions {
  std::uintmax_t max_file_size = 10u << 20;  // larger files are skipped and listed
  unsigned threads = 0;                      // 0: one per core
  bool report_placeholders = true;           // placeholder-shaped tokens as hints
  bool with_fixes = false;                   // fill ScanFinding::fixes (the language from the path)
  bool use_ignore_rules = true;              // leave out what git ignores (path_source.h)
  bool line_hashes = false;                  // fill ScanFinding::line_hash (SARIF needs it; it costs a pass over the file)
  remediation::Names names;                  // the names the fixes' titles use
  ScanProgress* progress = nullptr;          // moved by scan_contents when set
  // When set and it becomes true, a git history scan stops at the next commit or blob: what it
  // returns is then incomplete (the language server cancels its history reads when it exits).
  const std::atomic<bool>* cancel = nullptr;
  // Paths the project config leaves out (project_config.h's ignored_by), given the path from the
  // repository's root (ScanFile::key, a git path): not read, counted in ScanReport::ignored.
  std::function<bool(std::string_view root_path)> exclude;
  // Called by scan_text for each real (not placeholder-shaped) token it reports, with the token
  // and its sha256_hex (ScanFinding::token_hash), on the scanning thread (so it must be
  // thread-safe): the one way to the token itself, which ScanFinding never holds, for whoever must
  // use it (scan --verify). Unset: not called.
  std::function<void(std::string_view token, std::string_view token_hash)> on_token;
};

struct ScanReport {
  std::vector<ScanFinding> findings;  // sorted by path, then position
  std::vector<Skipped> skipped;       // sorted by path
  std::vector<std::string> errors;    // what could not be read; the scan went on
  std::vector<std::string> warnings;  // what the user should know that lost nothing (a shallow clone's boundary)
  std::size_t files = 0;              // files read and scanned
  std::uintmax_t bytes = 0;           // their bytes
  std::size_t baselined = 0;          // findings left out because a baseline holds them
  std::size_t allowlisted = 0;        // findings left out because the project config allowlists them
  std::string severity = "error";     // of real findings: error, warning, information or hint (the config's)
  std::size_t ignored = 0;            // paths left out by git's ignore rules or the config's globs
  std::size_t commits = 0;            // commits walked (git history sources)
  // Findings that are real tokens (placeholders are hints).
  std::size_t real_findings() const;
};

// The findings in `text`, reported under `path`, with fingerprints keyed on `key` (the path from
// the repository's root, fingerprint.h; empty: `path`): the editor's pipeline
// (detectors/line_scan.h: the detector, ignore markers, placeholders), so a finding the editor
// shows is the finding the scan reports, at the same line and column. Linear in the text.
std::vector<ScanFinding> scan_text(const std::string& path, std::string_view text, const ScanOptions& options,
                                   std::string_view key = {});

// What every source does with the contents of one file: larger than options.max_file_size or
// binary (a NUL byte in the first 8 KB) is skipped and listed under `path`; otherwise counted in
// `into.files` and `into.bytes` and scanned (scan_text) into `into.findings`.
void scan_contents(const std::string& path, std::string_view key, std::string_view text, const ScanOptions& options,
                   ScanReport& into);

// Runs `work(worker, item)` for items 0..count-1 on `threads` threads (0: one per core, never
// more than there are items), each item once; worker numbers are 0..workers-1, so each worker
// can keep its own state. Returns the number of workers used.
unsigned for_each_parallel(std::size_t count, unsigned threads,
                           const std::function<void(unsigned worker, std::size_t item)>& work);

// Sorts findings by path, then position; skipped paths by path; errors.
void sort_report(ScanReport& report);

// Adds `part`'s findings, skipped paths, errors and counts to `into`.
void merge_report(ScanReport& into, ScanReport&& part);

// Scans the files under `roots` (collect_paths) on `options.threads` threads. A binary file (a
// NUL byte in its first 8 KB) is skipped and listed; a file that cannot be read (gone, no
// permission) is an error and the scan goes on. Never throws.
ScanReport scan_paths(const std::vector<std::string>& roots, const ScanOptions& options);

// The second half of scan_paths: reads and scans the files collect_paths listed. A file deleted
// since it was listed is skipped ("deleted while the scan ran"), not an error: nothing that
// exists went unread.
ScanReport scan_collected(Collected collected, const ScanOptions& options);

// Scans everything on `in`, reported under `name`. Input larger than options.max_file_size is
// skipped and listed, as a file would be.
ScanReport scan_stream(std::istream& in, const std::string& name, const ScanOptions& options);

}  // namespace ptl::scan
