#include "scan/history_index.h"

#include <map>
#include <memory>

#include "scan/git_repository.h"
#include "scan/git_source.h"

namespace ptl::scan {

HistoryIndex HistoryIndex::build(const std::filesystem::path& start, const ScanOptions& options,
                                 std::vector<std::string>& errors) {
  HistoryIndex index;
  std::error_code ec;
  const std::filesystem::path dir =
      std::filesystem::is_directory(start, ec) ? start : std::filesystem::absolute(start, ec).parent_path();
  std::string error;
  const std::unique_ptr<GitRepository> repo = GitRepository::discover(dir, error, /*allow_bare=*/true);
  if (!repo) {
    if (!error.empty()) errors.push_back(error);
    return index;
  }
  ScanOptions history_options = options;
  history_options.report_placeholders = false;  // placeholders are not secrets
  history_options.with_fixes = false;
  history_options.line_hashes = false;
  history_options.progress = nullptr;
  ScanReport report = scan_history(dir, "", history_options);
  for (std::string& e : report.errors) errors.push_back(std::move(e));
  index.commits_ = report.commits;
  // Findings come in history order: the first for a token is its first commit.
  std::map<std::string, GitRepository::CommitReach> reach;  // by commit id, each looked up once
  for (ScanFinding& f : report.findings) {
    if (!f.commit || index.tokens_.count(f.token_hash) > 0) continue;
    auto [it, added] = reach.try_emplace(f.commit->id);
    if (added) it->second = repo->reach(f.commit->id);
    Committed c;
    c.commit = std::move(*f.commit);
    c.path = std::move(f.path);
    c.line = f.line;
    c.in_head = it->second.in_head;
    c.remote_branches = it->second.remote_branches;
    index.tokens_.emplace(f.token_hash, std::move(c));
  }
  return index;
}

const Committed* HistoryIndex::find(const std::string& token_hash) const {
  const auto it = tokens_.find(token_hash);
  return it == tokens_.end() ? nullptr : &it->second;
}

void HistoryIndex::annotate(std::vector<ScanFinding>& findings) const {
  for (ScanFinding& f : findings) {
    if (const Committed* c = find(f.token_hash); c != nullptr && !f.placeholder) f.committed = *c;
  }
}

}  // namespace ptl::scan
