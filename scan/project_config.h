#pragma once
// The project config file, `.pulumi-token-lsp.json` at the root of a repository: paths to leave
// out, the placeholder policy, the severity, and allowlisted findings. The scan and the language
// server read the same file, so the editor and the pipeline agree. Its JSON Schema is
// scan/pulumi-token-lsp.schema.json.
//
//   { "$schema": "...",                                   (optional, any string)
//     "ignore": ["generated/**", "*.snap", "/docs/examples/"],   (ignore_pattern.h)
//     "placeholders": "hint" | "off",
//     "severity": "error" | "warning" | "information" | "hint",
//     "allowlist": [ { "fingerprint": "<64 lowercase hex>", "reason": "test fixture, rotated" } ] }
//
// Errors never echo a value from the file (a token pasted where a fingerprint belongs stays out
// of logs); they name the JSON path: "ignore[2]: expected a string".
// No function here throws. ProjectConfig is a plain value: share it read-only between threads.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scan/ignore_pattern.h"

namespace ptl::scan {

inline constexpr std::string_view kProjectConfigFileName = ".pulumi-token-lsp.json";

struct ProjectConfig {
  // The directory holding the file: ignore patterns and fingerprint paths are relative to it.
  std::filesystem::path root;
  std::vector<IgnorePattern> ignore;             // the valid patterns, in the file's order
  std::optional<bool> report_placeholders;       // "placeholders": "hint" -> true, "off" -> false
  std::optional<std::string> severity;           // "error" | "warning" | "information" | "hint"
  std::map<std::string, std::string> allowlist;  // fingerprint (fingerprint.h) -> reason
};

// One thing wrong with a config file. An error drops the key or entry it names (the rest of the
// file applies); a warning (an unknown key) drops nothing that the file format defines.
struct ProjectConfigProblem {
  bool error = true;
  std::string message;  // "ignore[2]: expected a string"; no file name, no value from the file
};

// The config file for `start` (a file or directory): inside a git work tree, the one at its
// root (the nearest directory upwards holding `.git`, a directory or a worktree's file), so the
// editor on any folder of a repository reads what a scan of the repository reads; outside one,
// the one in `start` itself (its directory, for a file). nullopt when that file does not exist.
std::optional<std::filesystem::path> find_project_config(const std::filesystem::path& start);

// Parses the text of a config file into `config` (whose `root` is left as it is). Returns false
// when there was an error (see ProjectConfigProblem); problems are appended to `problems`.
bool parse_project_config(std::string_view text, ProjectConfig& config, std::vector<ProjectConfigProblem>& problems);

// Reads and parses `file`; `config.root` becomes its absolute directory. A file that cannot be
// read, is over 8 MiB or is not JSON leaves `config` empty (but rooted) and returns false.
bool load_project_config(const std::filesystem::path& file, ProjectConfig& config,
                         std::vector<ProjectConfigProblem>& problems);

// `file` relative to the config's root, '/'-separated ("src/main.ts"): the path that ignore
// patterns match and that fingerprints (fingerprint.h) are computed from. nullopt when `file`
// is not under the root. Compares the paths as written first, then with symlinks resolved.
std::optional<std::string> path_relative_to_root(const ProjectConfig& config, const std::filesystem::path& file);

// True if an ignore pattern matches `relative_path` ('/'-separated, relative to the root, as
// path_relative_to_root gives it) or a directory holding it. O(path × patterns' total length).
bool ignored_by(const ProjectConfig& config, std::string_view relative_path);

}  // namespace ptl::scan
