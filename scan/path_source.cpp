#include "scan/path_source.h"

#include <algorithm>

#include <fmt/format.h>

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

void add_file(const fs::path& file, const std::string& display, const std::string& key, const fs::path& canonical_root,
              std::uintmax_t max_file_size, Collected& out) {
  std::error_code ec;
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
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) {
    out.errors.push_back(fmt::format("{}: {}", display, ec.message()));
    return;
  }
  if (size > max_file_size) {
    out.skipped.push_back({display, fmt::format("larger than {} bytes", max_file_size)});
    return;
  }
  out.files.push_back({file, display, key});
}

}  // namespace

Collected collect_paths(const std::vector<std::string>& roots, std::uintmax_t max_file_size, bool use_ignore_rules) {
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
      add_file(base, root, fingerprint_key(canonical_root, key_base), canonical_root.parent_path(), max_file_size, out);
      continue;
    }
    // A root the user names is read even when git ignores it (generated code, a vendored tree):
    // git's rules would leave out everything below it.
    const GitRepository* rules =
        use_ignore_rules && repo && !repo->ignored(canonical_root, true) ? repo.get() : nullptr;
    // Depth first with a stack of directories, each listed on its own: one that cannot be
    // listed is an error naming it, and the walk goes on with its siblings (a recursive
    // directory iterator stops at the first).
    std::vector<fs::path> pending{base};
    while (!pending.empty()) {
      const fs::path dir = std::move(pending.back());
      pending.pop_back();
      const auto display = [&](const fs::path& p) { return (base / p.lexically_relative(base)).lexically_normal(); };
      fs::directory_iterator it(dir, ec);
      if (ec) {
        out.errors.push_back(fmt::format("{}: {}", display(dir).string(), ec.message()));
        ec.clear();
        continue;
      }
      for (const fs::directory_iterator end; it != end;) {
        const fs::path p = it->path();
        const bool is_dir = it->is_directory(ec) && !it->is_symlink(ec);
        if (is_dir && p.filename() == ".git") {
          // never entered: git's own files
        } else if (rules != nullptr && rules->ignored(canonical_root / p.lexically_relative(base), is_dir)) {
          ++out.ignored;
        } else if (is_dir) {
          pending.push_back(p);
        } else {
          // Reported as the root was written, joined with the path below it: "." gives "src/a.ts".
          add_file(p, display(p).string(),
                   fingerprint_key((canonical_root / p.lexically_relative(base)).lexically_normal(), key_base),
                   canonical_root, max_file_size, out);
        }
        it.increment(ec);
        if (ec) {
          out.errors.push_back(fmt::format("{}: {}", display(dir).string(), ec.message()));
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
