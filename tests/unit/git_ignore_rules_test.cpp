#include "scan/git_ignore_rules.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <sys/wait.h>

#include "scan/git_repository.h"
#include "temp_dir.h"

using ptl::scan::GitIgnoreRules;
using ptl::scan::GitRepository;

namespace {

namespace fs = std::filesystem;

// The files every case's work tree holds besides its ignore files: names that the patterns
// below match, nearly match, or match only as a directory.
const char* const kTree[] = {
    "a.log",           "b.txt",          "x.c",           "foo",          "sp ace",           "trail ",
    "#hash",           "!bang",          "a[b]",          " lead.log",    "trail\\",    "build/out.js",     "docs/build",
    "docs/examples/a.md", "docs/x/examples/b.md", "src/a.log", "src/keep.log", "src/b.txt",
    "src/build/x.js",  "src/deep/file.txt", "src/deep/er/file.txt", "src/deep/er/x.c", "src/.git",
    "dir/foo/bar.txt", "node_modules/m/index.js", "a/b/c/d.txt", "a/d.txt", "a/b.log/inner.txt",
};

// One case: ignore files by path ("info/exclude" is the repository's, "excludes" the file
// core.excludesFile names; any other path is in the work tree).
struct Case {
  const char* name;
  std::vector<std::pair<std::string, std::string>> files;
  bool exact = true;            // false: a line IgnorePattern cannot compile, answers from libgit2
  bool libgit2_differs = false;  // libgit2 1.5 answers otherwise than git: git is the reference
};

const Case kCases[] = {
    {"negation within one file", {{".gitignore", "*.log\n!keep.log\n"}}},
    {"a later negation of a parent directory does not reach its files (regression: matching the "
     "parent's path re-included src/a.log)",
     {{".gitignore", "*.log\n!src\n!/src\n"}}},
    {"directories only", {{".gitignore", "build/\nfoo/\n"}}},
    {"directories only, anchored", {{".gitignore", "/src/deep/\nsrc/build/\n"}}},
    {"anchored by a leading slash", {{".gitignore", "/build\n/a.log\n/file.txt\n"}}},
    {"anchored by a middle slash", {{".gitignore", "docs/examples\nsrc/*.log\na/d.txt\n"}}},
    {"double stars", {{".gitignore", "**/examples\ndocs/**/b.md\na/**\n**/er/*.c\n"}}},
    {"a trailing double star", {{".gitignore", "src/**\n!src/deep\n"}}},
    {"a double star alone", {{".gitignore", "**\n!*/\n!*.txt\n"}}},
    {"everything but directories and text", {{".gitignore", "*\n!*/\n!*.txt\n"}}},
    {"directories re-included by name", {{".gitignore", "*/\n!src/\n!deep/\n"}}},
    {"comments and escapes", {{".gitignore", "#hash\n\\!bang\n# a.log\n"}}},
    {"an escaped hash", {{".gitignore", "\\#hash\n"}}},
    {"a negated bang", {{".gitignore", "*bang\n!!bang\n"}}},
    {"trailing spaces trimmed unless escaped", {{".gitignore", "x.c   \ntrail\\ \nsp ace \n"}}},
    // libgit2 1.5 trims trailing tabs too; git keeps them.
    {"a trailing tab is part of the pattern", {{".gitignore", "x.c\nsp ace\t\n"}}, true, true},
    {"a trailing space after an escaped backslash is trimmed", {{".gitignore", "trail\\\\ \n"}}},
    {"leading spaces are part of the pattern", {{".gitignore", " a.log\n lead.log\n"}}},
    {"character sets", {{".gitignore", "[ab].log\n[!a]*.txt\na\\[b]\n"}}},
    {"CRLF lines", {{".gitignore", "*.log\r\nbuild/\r\n\r\n"}}},
    {"a byte order mark", {{".gitignore", "\xEF\xBB\xBF*.log\n"}}},
    {"blank lines and a last line without a newline", {{".gitignore", "\n\n   \nx.c\n!\n*.txt"}}},
    {"deeper files win", {{".gitignore", "*.txt\n"}, {"src/.gitignore", "!*.txt\n"}, {"src/deep/.gitignore", "file.txt\n"}}},
    {"a deeper file's patterns are anchored at its directory",
     {{"src/.gitignore", "/a.log\ndeep/er\n"}, {"src/deep/.gitignore", "/file.txt\n"}}},
    {"a deeper negation cannot re-include a file of an ignored directory",
     {{".gitignore", "src/\n"}, {"src/.gitignore", "!a.log\n"}}},
    // libgit2 1.5 drops a "!" line without wildcards that negates no earlier line of its own
    // file (ignore.c, does_negate_rule), so it cannot re-include what another file ignores.
    {"info/exclude under the work tree's files",
     {{"info/exclude", "*.md\n*.log\n"}, {".gitignore", "!a.md\n"}},
     true,
     true},
    {"core.excludesFile under info/exclude",
     {{"excludes", "*.js\n*.txt\n"}, {"info/exclude", "!index.js\n"}},
     true,
     true},
    {"a negation with a wildcard re-includes across files",
     {{"info/exclude", "*.md\n*.log\n"}, {"src/.gitignore", "!*.log\n"}, {"excludes", "*.c\n"}}},
    {"core.excludesFile alone", {{"excludes", "node_modules/\nfoo\n"}}},
    {"a directory named like a file rule", {{".gitignore", "b.log\n"}}},
    {"a character class falls back to libgit2", {{".gitignore", "*.log\n[[:alpha:]].txt\n"}}, false},
    {"a trailing lone backslash is dropped", {{"src/.gitignore", "*.c\nfoo\\"}}},
    {"an empty path segment falls back to libgit2", {{".gitignore", "*.log\na//b.txt\n"}}, false},
};

bool run(const std::string& command) { return std::system(command.c_str()) == 0; }

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// Every path below `relative` in the work tree (not inside .git), '/'-separated.
void list_tree(const fs::path& work, const std::string& relative, std::vector<std::string>& out) {
  for (const fs::directory_entry& entry : fs::directory_iterator(work / relative)) {
    const std::string name = entry.path().filename().string();
    if (name == ".git" && entry.is_directory()) continue;
    const std::string path = relative.empty() ? name : relative + '/' + name;
    out.push_back(path);
    if (entry.is_directory() && !entry.is_symlink()) list_tree(work, path, out);
  }
}

// The paths of `paths` that `git check-ignore` reports ignored (git itself: the reference).
std::set<std::string> ignored_by_git(const ptl::testing::TempDir& dir, const fs::path& work,
                                     const std::vector<std::string>& paths) {
  std::string input;
  for (const std::string& p : paths) input += p + '\0';
  dir.write("paths", input);
  // Exit status 1: nothing ignored.
  const int status = std::system(("git -C " + quoted(work) + " check-ignore --no-index --stdin -z < " +
                                  quoted(dir.path() / "paths") + " > " + quoted(dir.path() / "ignored"))
                                     .c_str());
  REQUIRE((status == 0 || WEXITSTATUS(status) == 1));
  std::ifstream in(dir.path() / "ignored", std::ios::binary);
  std::set<std::string> out;
  for (std::string p; std::getline(in, p, '\0');) out.insert(p);
  return out;
}

struct Totals {
  int paths = 0;
  int ignored = 0;
  int libgit2_differs = 0;  // paths where libgit2 answers otherwise than git
};

// Walks `relative` (a directory of the work tree) as collect_paths does, comparing each entry's
// answer with git's and libgit2's, and entering the directories git does not ignore.
void walk(const GitRepository& repo, GitIgnoreRules& rules, const GitIgnoreRules::Directory* here,
          const std::string& relative, const std::set<std::string>& git, bool libgit2_differs, Totals& totals) {
  std::vector<fs::directory_entry> entries(fs::directory_iterator(repo.workdir() / relative), fs::directory_iterator());
  std::sort(entries.begin(), entries.end());
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    const bool is_dir = entry.is_directory() && !entry.is_symlink();
    if (is_dir && name == ".git") continue;
    const std::string path = relative.empty() ? name : relative + '/' + name;
    // A ".git" file (a submodule's link) is never added by git either; check-ignore does not
    // say so, libgit2's built-in rule does.
    const bool expected = git.contains(path) || name == ".git";
    const bool libgit2 = repo.ignored_relative(path, is_dir);
    const bool answer = rules.ignored(here, path, is_dir);
    CAPTURE(path);
    CAPTURE(is_dir);
    CHECK(answer == expected);
    if (!libgit2_differs) CHECK(answer == libgit2);
    ++totals.paths;
    totals.ignored += expected ? 1 : 0;
    totals.libgit2_differs += libgit2 != expected ? 1 : 0;
    if (is_dir && !expected) walk(repo, rules, rules.enter(here, path), path, git, libgit2_differs, totals);
  }
}

}  // namespace

TEST_CASE("git ignore rules answer as git and libgit2 do for every path a walk reaches") {
  for (const Case& c : kCases) {
    const std::string name = c.name;
    CAPTURE(name);
    ptl::testing::TempDir dir;
    const fs::path work = dir.path() / "work";
    REQUIRE(run("git init -q " + quoted(work)));
    for (const char* file : kTree) dir.write(fs::path("work") / file, "x\n");
    for (const auto& [path, text] : c.files) {
      CAPTURE(path);
      CAPTURE(text);
      if (path == "excludes") {
        dir.write("excludes", text);
        REQUIRE(run("git -C " + quoted(work) + " config core.excludesFile " + quoted(dir.path() / "excludes")));
      } else if (path == "info/exclude") {
        dir.write(fs::path("work/.git/info/exclude"), text);
      } else {
        dir.write(fs::path("work") / path, text);
      }
    }
    std::string error;
    const std::unique_ptr<GitRepository> repo = GitRepository::discover(work, error);
    REQUIRE(repo != nullptr);
    std::vector<std::string> paths;
    list_tree(work, "", paths);
    const std::set<std::string> git = ignored_by_git(dir, work, paths);
    // From the work tree's root, and from a directory below it (the rules above it read first).
    for (const std::string start : {"", "src"}) {
      CAPTURE(start);
      if (!start.empty() && git.contains(start)) continue;
      GitIgnoreRules rules(*repo, start);
      Totals totals;
      walk(*repo, rules, rules.start(), start, git, c.libgit2_differs, totals);
      CHECK(rules.exact() == c.exact);
      CHECK(totals.paths > 0);
      if (start.empty()) {
        // Every case ignores something and keeps something, so each row tests both answers,
        // and a row marked as one where libgit2 errs shows it.
        CHECK(totals.ignored > 0);
        CHECK(totals.ignored < totals.paths);
        CHECK((totals.libgit2_differs > 0) == c.libgit2_differs);
      }
    }
  }
}

TEST_CASE("git ignore rules read a directory's .gitignore only when the walk enters it") {
  ptl::testing::TempDir dir;
  const fs::path work = dir.path() / "work";
  REQUIRE(run("git init -q '" + work.string() + "'"));
  dir.write("work/src/a.log", "x\n");
  std::string error;
  const std::unique_ptr<GitRepository> repo = GitRepository::discover(work, error);
  REQUIRE(repo != nullptr);
  GitIgnoreRules rules(*repo, "");
  // Written after the rules were made, before the walk enters src: read on entering.
  dir.write("work/src/.gitignore", "*.log\n");
  const GitIgnoreRules::Directory* src = rules.enter(rules.start(), "src");
  CHECK(rules.ignored(src, "src/a.log", false));
  CHECK_FALSE(rules.ignored(rules.start(), "src", true));
  CHECK(rules.ignored(rules.start(), ".git", false));  // libgit2's built-in rule: a submodule's .git file
}
