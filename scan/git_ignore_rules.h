#pragma once
// GitIgnoreRules: git's ignore rules for one walk down a work tree, read once per directory
// instead of once per path (libgit2's git_ignore_path_is_ignored reads every parent's
// .gitignore again on each call: 8 system calls a path).
//
// Sources, highest precedence first: the .gitignore of the path's own directory, then of each
// directory above it up to the work tree's root, then the repository's info/exclude, then
// core.excludesFile (GitRepository::ignore_sources()). Within a file the last matching line wins;
// the first source with a matching line decides, and "!pattern" there means "not ignored". A
// file named ".git" (a submodule's link) is always ignored, as libgit2's built-in rule has it.
// Each line is read as git reads it: blank lines and "#" comments skipped, "\#" and "\!"
// escapes, trailing spaces trimmed unless escaped with '\', "\ " kept as a space, a final '\r'
// dropped, a trailing '/' for directories only, a leading or middle '/' anchoring the pattern at
// the file's directory, "**" forms; the globs themselves are IgnorePattern's (ignore_pattern.h).
//
// Answers are git's (`git check-ignore`) for every path a walk reaches, i.e. a path whose parent
// directories were all asked about first and found not ignored (a walk never enters an ignored
// directory); they are libgit2's too except where libgit2 1.5 departs from git: it trims
// trailing tabs, and drops a "!" line without wildcards that negates no earlier line of its own
// file (so "!a.md" in a .gitignore cannot re-include what info/exclude ignores).
// A line IgnorePattern cannot compile ("[[:alpha:]]", "a//b"), core.ignoreCase or a relative
// core.excludesFile make every later answer come from libgit2 instead
// (GitRepository::ignored_relative), so answers stay exact but for the two points above;
// exact() tells.
//
// Complexity: each .gitignore is read and compiled once, when the walk enters its directory;
// ignored() costs, for each line of the sources above the path, one IgnorePattern match of the
// path's name (patterns without '/') or of its path below the line's file (anchored patterns).
// Thread-safety: one walk, one thread; not safe for concurrent use.
//
// Example:
//   GitIgnoreRules rules(repo, "");                          // walking the whole work tree
//   const GitIgnoreRules::Directory* src = rules.enter(rules.start(), "src");
//   rules.ignored(src, "src/app.log", false);               // true with "*.log" in .gitignore

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "scan/git_repository.h"
#include "scan/ignore_pattern.h"

namespace ptl::scan {

class GitIgnoreRules {
 public:
  // One directory's rules and its parent's (opaque to callers; owned by the GitIgnoreRules).
  struct Directory;

  // The rules for a walk of `start`, a directory of `repo`'s work tree given relative to its
  // root ('/'-separated, "" for the root): reads the global sources and the .gitignore of the
  // root and of every directory down to `start`. `repo` must outlive this object and have a
  // work tree.
  GitIgnoreRules(const GitRepository& repo, std::string_view start);
  ~GitIgnoreRules();
  GitIgnoreRules(const GitIgnoreRules&) = delete;
  GitIgnoreRules& operator=(const GitIgnoreRules&) = delete;

  // The directory `start` given to the constructor.
  const Directory* start() const { return start_; }

  // Enters `relative` (from the work tree's root), a directory directly inside `parent`'s, and
  // reads its .gitignore. The result stays valid as long as this object; a directory without a
  // .gitignore shares its parent's.
  const Directory* enter(const Directory* parent, std::string_view relative);

  // Whether git ignores `relative` (from the work tree's root, '/'-separated), an entry of
  // `directory` (a directory when `is_directory`, so "dir/" lines apply).
  bool ignored(const Directory* directory, std::string_view relative, bool is_directory) const;

  // False once something the rules cannot read exactly was met: answers then come from libgit2.
  bool exact() const { return exact_; }

 private:
  struct Rule;
  struct RuleFile;

  // Reads `file` into `out` (no file, a directory or an unreadable file: no lines); false, and
  // exact_ cleared, when a line cannot be compiled.
  bool load(const std::string& file, std::size_t prefix_length, RuleFile& out);

  const GitRepository& repo_;
  std::string workdir_;
  bool exact_ = true;
  std::vector<RuleFile> global_;  // info/exclude, then core.excludesFile
  std::deque<Directory> directories_;
  const Directory* start_ = nullptr;
};

}  // namespace ptl::scan
