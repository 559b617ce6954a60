#pragma once
// ProjectConfigs: the project config files (.pulumi-token-lsp.json, scan/project_config.h) of
// the workspace's folders, and what they say about each document: whether its path is ignored,
// which settings apply to it, and whether a finding is allowlisted. No LSP and no I/O beyond
// reading the files in load(); the server decides when to load and how to report problems.
//
// Which file applies to a document: each workspace folder has the file at the root of the git
// work tree holding it (else in the folder itself), as `scan` finds it; folders in one work tree
// share one file. A document is under the file whose directory holds it, the deepest one when
// several do (a nested repository); a document under none has no project config.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scan/project_config.h"
#include "server/settings.h"

namespace ptl::server {

class ProjectConfigs {
 public:
  struct File {
    std::filesystem::path path;  // the .pulumi-token-lsp.json that was read
    scan::ProjectConfig config;  // what applies of it (all of it when problems is empty)
    std::vector<scan::ProjectConfigProblem> problems;
  };

  // What applies to one document.
  struct Scope {
    std::optional<std::size_t> file;  // index into files(); empty when no config applies
    std::string relative_path;        // from that config's root, '/'-separated
    bool ignored = false;             // an ignore pattern matches: the document gets no diagnostics
  };

  // Finds and reads the config of each folder (absolute directory paths), replacing what was
  // read before. Scopes computed earlier are stale afterwards.
  void load(const std::vector<std::filesystem::path>& folders);
  // Reads the files again for the same folders (one was created, saved, changed or deleted).
  void reload() { load(folders_); }

  const std::vector<File>& files() const { return files_; }
  bool empty() const { return files_.empty(); }

  // The scope of the document at `path` (absolute, as uri_path gives it for a file: URI).
  Scope scope_of(const std::filesystem::path& path) const;

  // The settings for a document in `scope`: with_project_config over `client` (settings.h).
  Settings settings_for(const Scope& scope, const Settings& client) const;

  // True if the token found in a document of `scope` is allowlisted: its fingerprint
  // (scan/fingerprint.h, with scope.relative_path) is in the config's allowlist. Two SHA-256
  // of under 100 bytes each; nothing is computed when the allowlist is empty.
  bool allowlisted(const Scope& scope, std::string_view token) const;
  // False when no finding in `scope` can be allowlisted (no config, or an empty allowlist).
  bool has_allowlist(const Scope& scope) const {
    return scope.file && !files_[*scope.file].config.allowlist.empty();
  }

  // True if `path` names a project config file (by its file name): saving, creating or deleting
  // one anywhere in the workspace calls for reload().
  static bool is_config_file(std::string_view path);

 private:
  std::vector<std::filesystem::path> folders_;
  std::vector<File> files_;
};

}  // namespace ptl::server
