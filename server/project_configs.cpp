#include "server/project_configs.h"

#include <algorithm>

#include "scan/fingerprint.h"
#include "scan/scan_finding.h"

namespace ptl::server {

void ProjectConfigs::load(const std::vector<std::filesystem::path>& folders) {
  folders_ = folders;
  files_.clear();
  for (const std::filesystem::path& folder : folders) {
    const std::optional<std::filesystem::path> found = scan::find_project_config(folder);
    if (!found) continue;
    const bool seen = std::any_of(files_.begin(), files_.end(), [&](const File& f) { return f.path == *found; });
    if (seen) continue;
    File file;
    file.path = *found;
    scan::load_project_config(file.path, file.config, file.problems);
    files_.push_back(std::move(file));
  }
}

ProjectConfigs::Scope ProjectConfigs::scope_of(const std::filesystem::path& path) const {
  Scope scope;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    std::optional<std::string> relative = scan::path_relative_to_root(files_[i].config, path);
    if (!relative) continue;
    // The deepest root leaves the shortest path below it.
    if (scope.file && relative->size() >= scope.relative_path.size()) continue;
    scope.file = i;
    scope.relative_path = std::move(*relative);
  }
  if (scope.file) scope.ignored = scan::ignored_by(files_[*scope.file].config, scope.relative_path);
  return scope;
}

Settings ProjectConfigs::settings_for(const Scope& scope, const Settings& client) const {
  if (!scope.file) return client;
  return with_project_config(client, files_[*scope.file].config);
}

bool ProjectConfigs::allowlisted(const Scope& scope, std::string_view token) const {
  if (!scope.file) return false;
  const auto& allowlist = files_[*scope.file].config.allowlist;
  if (allowlist.empty()) return false;
  return allowlist.count(scan::finding_fingerprint(scan::kRuleId, scope.relative_path, token)) > 0;
}

bool ProjectConfigs::is_config_file(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return path.substr(slash == std::string_view::npos ? 0 : slash + 1) == scan::kProjectConfigFileName;
}

}  // namespace ptl::server
