#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "scan/scan_finding.h"

struct git_repository;

namespace ptl::scan {

// A file a commit (or the index) records with new content: its path in the tree ('/'-separated)
// and the id of its blob (40 hex digits). Only regular and executable files: no symlinks, no
// submodules.
struct GitChange {
  std::string path;
  std::string blob;
  std::string renamed_from;  // the path it had before, for a file moved with its content unchanged
};

// A git repository, read with libgit2. The one file that sees libgit2 (STYLE.md: third-party C
// libraries are wrapped once, in RAII types): no raw handle or libgit2 error code leaves it.
// Not thread-safe: one walk uses one instance.
class GitRepository {
 public:
  // The repository whose work tree holds `path` (searching upwards, as git does), or null when
  // there is none; a repository libgit2 cannot open sets `error` and gives null too. A bare
  // repository is found only with `allow_bare` (its workdir() is then empty).
  static std::unique_ptr<GitRepository> discover(const std::filesystem::path& path, std::string& error,
                                                 bool allow_bare = false);
  ~GitRepository();
  GitRepository(const GitRepository&) = delete;
  GitRepository& operator=(const GitRepository&) = delete;

  // The work tree's root, canonical; empty for a bare repository.
  const std::filesystem::path& workdir() const { return workdir_; }

  // The .git directory (or the bare repository): open() it again for another thread.
  std::filesystem::path git_dir() const;
  static std::unique_ptr<GitRepository> open(const std::filesystem::path& git_dir, std::string& error);
  // The directory shared by all work trees of the repository (refs, objects): git_dir() itself,
  // except for a linked work tree (`git worktree add`), whose git_dir() is the main one's
  // worktrees/NAME.
  std::filesystem::path common_dir() const;

  // Whether this is a shallow clone (history before its boundary commits is missing).
  bool shallow() const;

  // What `git commit` would record now that HEAD does not hold: the index entries added,
  // modified, renamed, copied or changed in type against HEAD (all of them before the first
  // commit). `index_file`: another index than the repository's own (empty: its own). False with
  // `error` set when the index or HEAD cannot be read.
  bool staged_changes(const std::filesystem::path& index_file, std::vector<GitChange>& out, std::string& error) const;

  // Walks the commits of `range`, parents before children, and calls `visit` with each commit
  // and the files it records with new content or at a new path against its first parent
  // (everything, for a root commit); an unchanged file moved to another path is a rename. `range` is git's syntax: "A..B" (in B, not in A), "A...B", or one revision (its
  // whole history); empty: every ref and HEAD (`git log --all`). A shallow clone's boundary
  // commits are roots, with a line in `warnings`. What cannot be read (a revision that does not
  // resolve, a corrupt or missing commit) is a line in `errors` naming it, and the walk goes on
  // with the rest; false when the range itself cannot be resolved. `cancel` set and true: the
  // walk stops before the next commit.
  using CommitVisitor = std::function<void(const CommitInfo&, std::vector<GitChange>&)>;
  bool walk(const std::string& range, const CommitVisitor& visit, std::vector<std::string>& warnings,
            std::vector<std::string>& errors, const std::atomic<bool>* cancel = nullptr) const;

  // Reads blob `id` (40 hex digits) into `out`. Too large (its size from the object header,
  // before anything is inflated): false with `size` set and `error` empty. Unreadable (missing,
  // corrupt): false with `error` set.
  bool read_blob(const std::string& id, std::uintmax_t max_size, std::string& out, std::uintmax_t& size,
                 std::string& error) const;

  // Where commit `id` (40 hex digits) is: in HEAD's history or not, and the remote-tracking
  // branches ("origin/main") whose history holds it, that is where it was pushed. A commit this
  // repository does not have is in neither.
  struct CommitReach {
    bool in_head = false;
    std::vector<std::string> remote_branches;
  };
  CommitReach reach(const std::string& id) const;

  // Whether git ignores `path` (canonical, inside the work tree; `directory` for directories,
  // so "dir/" patterns apply): .gitignore files at every level, .git/info/exclude and the
  // user's core.excludesFile, as `git status` reads them. False when libgit2 cannot tell.
  bool ignored(const std::filesystem::path& path, bool directory) const;
  // The same for a path relative to the work tree's root, '/'-separated ("src/a.ts").
  bool ignored_relative(std::string relative, bool directory) const;

  // What libgit2 reads for git's ignore rules besides the work tree's .gitignore files, found as
  // libgit2 finds them: core.excludesFile (a leading "~/" expanded; unset: "ignore" in libgit2's
  // XDG directory, $XDG_CONFIG_HOME/git or ~/.config/git, when it exists; empty when neither),
  // the info/exclude file of the common git directory, and core.ignoreCase (false when unset).
  struct IgnoreSources {
    std::filesystem::path excludes_file;
    std::filesystem::path info_exclude;
    bool ignore_case = false;
  };
  IgnoreSources ignore_sources() const;

 private:
  GitRepository(git_repository* repo, std::filesystem::path workdir) : repo_(repo), workdir_(std::move(workdir)) {}
  git_repository* repo_;
  std::filesystem::path workdir_;
};

}  // namespace ptl::scan
