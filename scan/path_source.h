#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ptl::scan {

// A file a scan reads, and the path it is reported under (as the user wrote the root, joined
// with the path below it: relative roots give relative paths).
struct ScanFile {
  std::filesystem::path path;
  std::string display;
  std::string key;  // the path fingerprints use (fingerprint.h): from the repository's root, '/'-separated
};

// A path the scan passed over on purpose, and why (reported, never silent).
struct Skipped {
  std::string path;
  std::string reason;
};

struct Collected {
  std::vector<ScanFile> files;  // sorted by display path
  std::vector<Skipped> skipped;
  std::vector<std::string> errors;  // "PATH: what went wrong", for paths that could not be read
  std::size_t ignored = 0;          // files and directories left out by git's ignore rules
};

// The files under `roots` (files and directory trees). Never enters a `.git` directory; follows
// no symlink to a directory, and no symlink to a file outside the root it was found under;
// sizes are checked when the files are read (scan_collected), so listing a regular file costs no
// system call beyond the directory read. Inside a git work tree, with
// `use_ignore_rules`, what git ignores (.gitignore at every level, .git/info/exclude,
// core.excludesFile) is left out and counted; a root named explicitly is always read, all of it
// when git ignores the root itself. A root
// that does not exist, or a directory that cannot be listed, is an error; the walk goes on.
// Never throws.
Collected collect_paths(const std::vector<std::string>& roots, bool use_ignore_rules = true);

}  // namespace ptl::scan
