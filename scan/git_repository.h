#pragma once

#include <filesystem>
#include <memory>
#include <string>

struct git_repository;

namespace ptl::scan {

// A git repository, read with libgit2. The one file that sees libgit2 (STYLE.md: third-party C
// libraries are wrapped once, in RAII types): no raw handle or libgit2 error code leaves it.
// Not thread-safe: one walk uses one instance.
class GitRepository {
 public:
  // The repository whose work tree holds `path` (searching upwards, as git does), or null when
  // there is none; a repository libgit2 cannot open sets `error` and gives null too.
  static std::unique_ptr<GitRepository> discover(const std::filesystem::path& path, std::string& error);
  ~GitRepository();
  GitRepository(const GitRepository&) = delete;
  GitRepository& operator=(const GitRepository&) = delete;

  // The work tree's root, canonical.
  const std::filesystem::path& workdir() const { return workdir_; }

  // Whether git ignores `path` (canonical, inside the work tree; `directory` for directories,
  // so "dir/" patterns apply): .gitignore files at every level, .git/info/exclude and the
  // user's core.excludesFile, as `git status` reads them. False when libgit2 cannot tell.
  bool ignored(const std::filesystem::path& path, bool directory) const;

 private:
  GitRepository(git_repository* repo, std::filesystem::path workdir) : repo_(repo), workdir_(std::move(workdir)) {}
  git_repository* repo_;
  std::filesystem::path workdir_;
};

}  // namespace ptl::scan
