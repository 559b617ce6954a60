#include "scan/git_repository.h"

#include <git2.h>

#include <ctime>
#include <mutex>

#include <fmt/format.h>

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

// Every libgit2 handle this file takes is owned by one of these.
struct Free {
  void operator()(git_commit* p) const { git_commit_free(p); }
  void operator()(git_tree* p) const { git_tree_free(p); }
  void operator()(git_diff* p) const { git_diff_free(p); }
  void operator()(git_index* p) const { git_index_free(p); }
  void operator()(git_object* p) const { git_object_free(p); }
  void operator()(git_reference* p) const { git_reference_free(p); }
  void operator()(git_reference_iterator* p) const { git_reference_iterator_free(p); }
  void operator()(git_revwalk* p) const { git_revwalk_free(p); }
  void operator()(git_odb* p) const { git_odb_free(p); }
  void operator()(git_blob* p) const { git_blob_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, Free>;

std::string hex(const git_oid* id) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, id);
  return buffer;
}

bool is_file_mode(std::uint16_t mode) { return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE; }

// The new side of each delta that records content: added, modified, renamed, copied, type
// changed (a symlink that became a file).
void collect_changes(git_diff* diff, std::vector<GitChange>& out) {
  const std::size_t n = git_diff_num_deltas(diff);
  for (std::size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff, i);
    switch (d->status) {
      case GIT_DELTA_ADDED:
      case GIT_DELTA_MODIFIED:
      case GIT_DELTA_RENAMED:
      case GIT_DELTA_COPIED:
      case GIT_DELTA_TYPECHANGE:
        if (is_file_mode(d->new_file.mode)) out.push_back({d->new_file.path, hex(&d->new_file.id)});
        break;
      default:
        break;
    }
  }
}

git_diff_options diff_options() {
  git_diff_options options;
  git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
  // Only the list of changed files is read: no blob is loaded to guess whether it is binary.
  options.flags |= GIT_DIFF_SKIP_BINARY_CHECK;
  return options;
}

std::string iso_date(const git_time& when) {
  const std::time_t local = static_cast<std::time_t>(when.time) + static_cast<std::time_t>(when.offset) * 60;
  std::tm tm{};
  gmtime_r(&local, &tm);
  const int offset = when.offset < 0 ? -when.offset : when.offset;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, when.offset < 0 ? '-' : '+', offset / 60, offset % 60);
}

CommitInfo commit_info(const git_commit* c) {
  const git_signature* author = git_commit_author(c);
  CommitInfo out;
  out.id = hex(git_commit_id(c));
  if (author != nullptr) {
    out.author = author->name != nullptr ? author->name : "";
    out.email = author->email != nullptr ? author->email : "";
    out.date = iso_date(author->when);
  }
  return out;
}

// The commit `object` points at (a tag is peeled), or null.
Owned<git_commit> peel_commit(git_object* object) {
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) < 0) return nullptr;
  return Owned<git_commit>(reinterpret_cast<git_commit*>(peeled));
}

}  // namespace

std::unique_ptr<GitRepository> GitRepository::discover(const std::filesystem::path& path, std::string& error,
                                                       bool allow_bare) {
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
    if (allow_bare) return std::unique_ptr<GitRepository>(new GitRepository(repo, {}));
    git_repository_free(repo);
    return nullptr;
  }
  std::error_code ec;
  std::filesystem::path root = std::filesystem::canonical(workdir, ec);
  if (ec) root = workdir;
  return std::unique_ptr<GitRepository>(new GitRepository(repo, std::move(root)));
}

std::unique_ptr<GitRepository> GitRepository::open(const std::filesystem::path& git_dir, std::string& error) {
  init_libgit2();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, git_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    error = last_error();
    return nullptr;
  }
  const char* workdir = git_repository_workdir(repo);
  return std::unique_ptr<GitRepository>(new GitRepository(repo, workdir != nullptr ? workdir : ""));
}

GitRepository::~GitRepository() { git_repository_free(repo_); }

std::filesystem::path GitRepository::git_dir() const { return git_repository_path(repo_); }

bool GitRepository::shallow() const { return git_repository_is_shallow(repo_) == 1; }

bool GitRepository::ignored(const std::filesystem::path& path, bool directory) const {
  std::string relative = path.lexically_relative(workdir_).generic_string();
  if (relative.empty() || relative == "." || relative.starts_with("..")) return false;
  if (directory) relative += '/';
  int result = 0;
  return git_ignore_path_is_ignored(&result, repo_, relative.c_str()) == 0 && result == 1;
}

bool GitRepository::staged_changes(std::vector<GitChange>& out, std::string& error) const {
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo_) < 0) {
    error = fmt::format("cannot read the index: {}", last_error());
    return false;
  }
  const Owned<git_index> index(raw_index);
  Owned<git_tree> head_tree;
  git_object* head = nullptr;
  const int rc = git_revparse_single(&head, repo_, "HEAD^{tree}");
  if (rc == 0) {
    head_tree.reset(reinterpret_cast<git_tree*>(head));
  } else if (rc != GIT_ENOTFOUND && git_repository_head_unborn(repo_) != 1) {
    error = fmt::format("cannot read HEAD: {}", last_error());
    return false;
  }
  const git_diff_options options = diff_options();
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_index(&raw_diff, repo_, head_tree.get(), index.get(), &options) < 0) {
    error = fmt::format("cannot compare the index with HEAD: {}", last_error());
    return false;
  }
  collect_changes(Owned<git_diff>(raw_diff).get(), out);
  return true;
}

bool GitRepository::walk(const std::string& range, const CommitVisitor& visit, std::vector<std::string>& warnings,
                         std::string& error) const {
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repo_) < 0) {
    error = last_error();
    return false;
  }
  const Owned<git_revwalk> walker(raw_walk);
  git_revwalk_sorting(walker.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  const auto push = [&](git_object* object, bool hide, const std::string& name) {
    const Owned<git_commit> c = peel_commit(object);
    if (!c) {
      error = fmt::format("{}: not a commit", name);
      return false;
    }
    const int rc = hide ? git_revwalk_hide(walker.get(), git_commit_id(c.get()))
                        : git_revwalk_push(walker.get(), git_commit_id(c.get()));
    if (rc < 0) error = fmt::format("{}: {}", name, last_error());
    return rc >= 0;
  };
  if (range.empty()) {
    // `git log --all`: HEAD and every ref that leads to a commit (branches, remote-tracking
    // branches, tags, the stash); refs to other objects (a tagged blob) are not history.
    git_object* head = nullptr;
    if (git_revparse_single(&head, repo_, "HEAD") == 0) {
      const Owned<git_object> owned(head);
      if (!push(head, false, "HEAD")) return false;
    }
    git_reference_iterator* raw_refs = nullptr;
    if (git_reference_iterator_new(&raw_refs, repo_) < 0) {
      error = fmt::format("cannot list the refs: {}", last_error());
      return false;
    }
    const Owned<git_reference_iterator> refs(raw_refs);
    git_reference* ref = nullptr;
    while (git_reference_next(&ref, refs.get()) == 0) {
      const Owned<git_reference> owned_ref(ref);
      git_object* target = nullptr;
      if (git_reference_peel(&target, ref, GIT_OBJECT_COMMIT) < 0) continue;
      const Owned<git_object> owned(target);
      if (!push(target, false, git_reference_name(ref))) return false;
    }
  } else {
    git_revspec spec;
    if (git_revparse(&spec, repo_, range.c_str()) < 0) {
      error = fmt::format("{}: not a revision or range in this repository ({})", range, last_error());
      return false;
    }
    const Owned<git_object> from(spec.from), to(spec.to);
    if (spec.flags & GIT_REVSPEC_SINGLE) {
      if (!push(from.get(), false, range)) return false;
    } else {
      if (!push(to.get(), false, range) || !push(from.get(), (spec.flags & GIT_REVSPEC_MERGE_BASE) == 0, range)) {
        return false;
      }
      if (spec.flags & GIT_REVSPEC_MERGE_BASE) {  // A...B: what either has that the other lacks
        git_oid base;
        if (git_merge_base(&base, repo_, git_object_id(from.get()), git_object_id(to.get())) == 0) {
          git_revwalk_hide(walker.get(), &base);
        }
      }
    }
  }

  const git_diff_options options = diff_options();
  git_oid id;
  int rc = 0;
  while ((rc = git_revwalk_next(&id, walker.get())) == 0) {
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, repo_, &id) < 0) {
      error = fmt::format("commit {}: {}", hex(&id), last_error());
      return false;
    }
    const Owned<git_commit> commit(raw_commit);
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, commit.get()) < 0) {
      error = fmt::format("commit {}: cannot read its tree: {}", hex(&id), last_error());
      return false;
    }
    const Owned<git_tree> tree(raw_tree);
    Owned<git_tree> parent_tree;
    if (git_commit_parentcount(commit.get()) > 0) {
      git_commit* raw_parent = nullptr;
      git_tree* raw_parent_tree = nullptr;
      if (git_commit_parent(&raw_parent, commit.get(), 0) == 0) {
        const Owned<git_commit> parent(raw_parent);
        if (git_commit_tree(&raw_parent_tree, parent.get()) == 0) parent_tree.reset(raw_parent_tree);
      }
      if (!parent_tree) {
        warnings.push_back(fmt::format("commit {}: its parent is not in this repository (a shallow clone?): "
                                       "everything it holds is reported as added there",
                                       hex(&id).substr(0, 12)));
      }
    }
    git_diff* raw_diff = nullptr;
    if (git_diff_tree_to_tree(&raw_diff, repo_, parent_tree.get(), tree.get(), &options) < 0) {
      error = fmt::format("commit {}: cannot compare it with its parent: {}", hex(&id), last_error());
      return false;
    }
    std::vector<GitChange> changes;
    collect_changes(Owned<git_diff>(raw_diff).get(), changes);
    visit(commit_info(commit.get()), changes);
  }
  if (rc != GIT_ITEROVER) {
    error = fmt::format("walking the history: {}", last_error());
    return false;
  }
  return true;
}

bool GitRepository::read_blob(const std::string& id, std::uintmax_t max_size, std::string& out, std::uintmax_t& size,
                              std::string& error) const {
  git_oid oid;
  if (git_oid_fromstr(&oid, id.c_str()) < 0) {
    error = fmt::format("blob {}: not an object id", id);
    return false;
  }
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, repo_) < 0) {
    error = fmt::format("cannot open the object database: {}", last_error());
    return false;
  }
  const Owned<git_odb> odb(raw_odb);
  std::size_t length = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&length, &type, odb.get(), &oid) < 0) {
    error = fmt::format("blob {}: {}", id.substr(0, 12), last_error());
    return false;
  }
  size = length;
  if (length > max_size) return false;
  git_blob* raw_blob = nullptr;
  if (git_blob_lookup(&raw_blob, repo_, &oid) < 0) {
    error = fmt::format("blob {}: {}", id.substr(0, 12), last_error());
    return false;
  }
  const Owned<git_blob> blob(raw_blob);
  out.assign(static_cast<const char*>(git_blob_rawcontent(blob.get())),
             static_cast<std::size_t>(git_blob_rawsize(blob.get())));
  return true;
}

}  // namespace ptl::scan
