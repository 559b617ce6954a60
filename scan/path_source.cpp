#include "scan/path_source.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "scan/git_ignore_rules.h"
#include "scan/git_repository.h"

namespace ptl::scan {
namespace {

namespace fs = std::filesystem;

// Whether `target` lies under `root` (both canonical).
bool inside(const fs::path& root, const fs::path& target) {
  auto r = root.begin(), t = target.begin();
  for (; r != root.end(); ++r, ++t) {
    if (t == target.end() || *r != *t) return false;
  }
  return true;
}

// The path fingerprints key on: from the root of the repository the file is in, else from the
// current directory (fingerprint.h). Lexical, from the root's canonical path: no call per file.
std::string fingerprint_key(const fs::path& canonical_file, const fs::path& key_base) {
  const fs::path relative = canonical_file.lexically_relative(key_base);
  if (relative.empty() || *relative.begin() == "..") return canonical_file.generic_string();
  return relative.generic_string();
}

fs::path key_base_of(const GitRepository* repo) {
  if (repo != nullptr) return repo->workdir();
  std::error_code ec;
  const fs::path cwd = fs::canonical(fs::current_path(ec), ec);
  return ec ? fs::path("/") : cwd;
}

// The entry's own type (a symlink is a symlink) as readdir's d_type gave it: no system call for
// a regular file, a directory or a symlink (directory_entry::symlink_status() would always stat).
fs::file_type listed_type(const fs::directory_entry& entry, std::error_code& ec) {
  if (entry.is_symlink(ec)) return fs::file_type::symlink;
  if (entry.is_directory(ec)) return fs::file_type::directory;
  if (entry.is_regular_file(ec)) return fs::file_type::regular;
  return fs::file_type::unknown;
}

// `type`: the entry's type as the directory listing gave it (no system call), or `none` when
// it is not known (a root named on the command line, a file system without d_type).
void add_file(const fs::path& file, fs::file_type type, const std::string& display, const std::string& key,
              const fs::path& canonical_root, Collected& out) {
  std::error_code ec;
  if (type == fs::file_type::regular) {
    out.files.push_back({file, display, key});
    return;
  }
  const fs::file_status link = fs::symlink_status(file, ec);
  if (ec) {
    out.errors.push_back(fmt::format("{}: {}", display, ec.message()));
    return;
  }
  if (fs::is_symlink(link)) {
    const fs::path target = fs::canonical(file, ec);
    if (ec) {
      out.skipped.push_back({display, "broken symlink"});
      return;
    }
    if (!inside(canonical_root, target)) {
      out.skipped.push_back({display, "symlink out of the tree"});
      return;
    }
    if (!fs::is_regular_file(target, ec)) return;  // a symlink to a directory is not followed
  } else if (!fs::is_regular_file(link)) {
    return;  // sockets, fifos, devices
  }
  out.files.push_back({file, display, key});
}

}  // namespace

Collected collect_paths(const std::vector<std::string>& roots, bool use_ignore_rules) {
  Collected out;
  for (const std::string& root : roots) {
    std::error_code ec;
    const fs::path base(root);
    const fs::file_status status = fs::status(base, ec);
    if (ec || !fs::exists(status)) {
      out.errors.push_back(fmt::format("{}: no such file or directory", root));
      continue;
    }
    const fs::path canonical_root = fs::canonical(base, ec);
    const bool directory = fs::is_directory(status);
    std::string git_error;
    const std::unique_ptr<GitRepository> repo =
        GitRepository::discover(directory ? canonical_root : canonical_root.parent_path(), git_error);
    if (!git_error.empty()) out.errors.push_back(fmt::format("{}: git: {}", root, git_error));
    const fs::path key_base = key_base_of(repo.get());
    if (!directory) {
      add_file(base, fs::file_type::none, root, fingerprint_key(canonical_root, key_base), canonical_root.parent_path(),
               out);
      continue;
    }
    // A root the user names is read even when git ignores it (generated code, a vendored tree):
    // git's rules would leave out everything below it.
    const GitRepository* rules =
        use_ignore_rules && repo && !repo->ignored(canonical_root, true) ? repo.get() : nullptr;
    // Paths below the root are built as strings from the root's ("src" + '/' + "a.ts"), not
    // with std::filesystem's lexical operations, which cost more than reading the directory.
    const auto join = [](const std::string& prefix, const std::string& rest) {
      return prefix.empty() ? rest : rest.empty() ? prefix : prefix + '/' + rest;
    };
    // Reported as the root was written, joined with the path below it: "." gives "src/a.ts".
    std::string display_prefix = base.lexically_normal().generic_string();
    while (display_prefix.size() > 1 && display_prefix.back() == '/') display_prefix.pop_back();
    if (display_prefix == ".") display_prefix.clear();
    std::string key_prefix = fingerprint_key(canonical_root, key_base);
    if (key_prefix == ".") key_prefix.clear();
    // Depth first with a stack of directories, each listed on its own: one that cannot be
    // listed is an error naming it, and the walk goes on with its siblings (a recursive
    // directory iterator stops at the first).
    // git's rules, each directory's .gitignore read once, when the walk enters it.
    std::optional<GitIgnoreRules> ignore_rules;
    if (rules != nullptr) ignore_rules.emplace(*rules, key_prefix);
    using IgnoreDirectory = const GitIgnoreRules::Directory*;
    // (directory, path below the root, the ignore rules of its parent)
    std::vector<std::tuple<fs::path, std::string, IgnoreDirectory>> pending{
        {base, "", ignore_rules ? ignore_rules->start() : nullptr}};
    while (!pending.empty()) {
      const auto [dir, below, parent_rules] = std::move(pending.back());
      pending.pop_back();
      const IgnoreDirectory here =
          ignore_rules && !below.empty() ? ignore_rules->enter(parent_rules, join(key_prefix, below)) : parent_rules;
      fs::directory_iterator it(dir, ec);
      if (ec) {
        out.errors.push_back(fmt::format("{}: {}", join(display_prefix, below).empty() ? "." : join(display_prefix, below),
                                         ec.message()));
        ec.clear();
        continue;
      }
      for (const fs::directory_iterator end; it != end;) {
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        const fs::file_type type = listed_type(*it, ec);
        const bool is_dir = type == fs::file_type::directory;
        std::string child = join(below, name);
        if (is_dir && name == ".git") {
          // never entered: git's own files
        } else if (ignore_rules && ignore_rules->ignored(here, join(key_prefix, child), is_dir)) {
          ++out.ignored;
        } else if (is_dir) {
          pending.emplace_back(p, std::move(child), here);
        } else {
          add_file(p, type, join(display_prefix, child), join(key_prefix, child), canonical_root, out);
        }
        it.increment(ec);
        if (ec) {
          out.errors.push_back(fmt::format("{}: {}", join(display_prefix, below), ec.message()));
          ec.clear();
          break;
        }
      }
    }
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const ScanFile& a, const ScanFile& b) { return a.display < b.display; });
  return out;
}

}  // namespace ptl::scan
