#include "scan/git_repository.h"

#include <git2.h>

#include <mutex>

namespace ptl::scan {
namespace {

// libgit2 keeps global state that must be set up once per process, before any other call.
void init_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

std::string last_error() {
  const git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
}

}  // namespace

std::unique_ptr<GitRepository> GitRepository::discover(const std::filesystem::path& path, std::string& error) {
  init_libgit2();
  git_repository* repo = nullptr;
  const int rc = git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
  if (rc == GIT_ENOTFOUND) return nullptr;
  if (rc < 0) {
    error = last_error();
    return nullptr;
  }
  const char* workdir = git_repository_workdir(repo);
  if (workdir == nullptr) {  // a bare repository has no work tree to walk
    git_repository_free(repo);
    return nullptr;
  }
  std::error_code ec;
  std::filesystem::path root = std::filesystem::canonical(workdir, ec);
  if (ec) root = workdir;
  return std::unique_ptr<GitRepository>(new GitRepository(repo, std::move(root)));
}

GitRepository::~GitRepository() { git_repository_free(repo_); }

bool GitRepository::ignored(const std::filesystem::path& path, bool directory) const {
  std::string relative = path.lexically_relative(workdir_).generic_string();
  if (relative.empty() || relative == "." || relative.starts_with("..")) return false;
  if (directory) relative += '/';
  int result = 0;
  return git_ignore_path_is_ignored(&result, repo_, relative.c_str()) == 0 && result == 1;
}

}  // namespace ptl::scan
