#include "scan/git_repository.h"

#include <git2.h>

#include <ctime>
#include <fstream>
#include <unordered_map>
#include <unordered_set>
#include <mutex>

#include <fmt/format.h>

namespace ptl::scan {
namespace {

// libgit2 keeps global state that must be set up once per process, before any other call.
void init_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // libgit2 re-hashes every object it reads to check its id: 18 % of a history scan. A scan
    // reads objects only to look at them (zlib still catches a damaged object); git itself does
    // not verify on read either.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  });
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
        if (is_file_mode(d->new_file.mode)) {
          out.push_back({d->new_file.path, hex(&d->new_file.id),
                         d->status == GIT_DELTA_RENAMED ? std::string(d->old_file.path) : std::string()});
        }
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

std::filesystem::path GitRepository::common_dir() const { return git_repository_commondir(repo_); }

bool GitRepository::shallow() const { return git_repository_is_shallow(repo_) == 1; }

bool GitRepository::ignored(const std::filesystem::path& path, bool directory) const {
  return ignored_relative(path.lexically_relative(workdir_).generic_string(), directory);
}

bool GitRepository::ignored_relative(std::string relative, bool directory) const {
  if (relative.empty() || relative == "." || relative.starts_with("..") || relative.starts_with("/")) return false;
  if (directory) relative += '/';
  int result = 0;
  return git_ignore_path_is_ignored(&result, repo_, relative.c_str()) == 0 && result == 1;
}

bool GitRepository::staged_changes(const std::filesystem::path& index_file, std::vector<GitChange>& out,
                                   std::string& error) const {
  git_index* raw_index = nullptr;
  if (index_file.empty() ? git_repository_index(&raw_index, repo_) < 0
                         : git_index_open(&raw_index, index_file.c_str()) < 0) {
    error = index_file.empty() ? fmt::format("cannot read the index: {}", last_error())
                               : fmt::format("cannot read the index {}: {}", index_file.string(), last_error());
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

namespace {

std::string raw_key(const git_oid& id) { return std::string(reinterpret_cast<const char*>(id.id), GIT_OID_RAWSZ); }

// The commit graph of one walk, built as it is explored. libgit2 1.5 does not read a shallow
// clone's .git/shallow (its revwalk fails at the first missing parent), and a corrupt or
// missing object must cost only what it hides: so the walk is ours. Each commit is looked up
// once here (libgit2 caches it for the diff that follows).
class CommitGraph {
 public:
  CommitGraph(git_repository* repo, std::vector<std::string>& warnings, std::vector<std::string>& errors)
      : repo_(repo), warnings_(warnings), errors_(errors) {
    // .git/shallow lists the boundary commits whose parents a shallow clone does not have.
    std::ifstream in(std::filesystem::path(git_repository_path(repo)) / "shallow");
    std::string line;
    git_oid id;
    while (std::getline(in, line)) {
      if (git_oid_fromstr(&id, line.c_str()) == 0) shallow_.insert(raw_key(id));
    }
  }

  // Marks `root` and its ancestors as outside the walk (the A of A..B).
  void hide(const git_oid& root) {
    std::vector<std::size_t> stack{node(root)};
    while (!stack.empty()) {
      const std::size_t n = stack.back();
      stack.pop_back();
      if (nodes_[n].hidden) continue;
      nodes_[n].hidden = true;
      for (std::size_t p : parents(n)) stack.push_back(p);
    }
  }

  // Appends `root` and its ancestors that are not hidden and not yet listed to `order`,
  // parents before children (a post-order depth-first walk, iterative: histories are deep).
  void list(const git_oid& root, std::vector<git_oid>& order) {
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // (node, next parent to enter)
    const auto enter = [&](std::size_t n) {
      if (nodes_[n].hidden || nodes_[n].listed) return;
      nodes_[n].listed = true;
      stack.emplace_back(n, 0);
    };
    enter(node(root));
    while (!stack.empty()) {
      auto& [n, next] = stack.back();
      const std::vector<std::size_t>& ps = parents(n);
      if (next < ps.size()) {
        enter(ps[next++]);
        continue;
      }
      if (nodes_[n].exists) order.push_back(nodes_[n].id);
      stack.pop_back();
    }
  }

 private:
  struct Node {
    git_oid id;
    bool hidden = false, listed = false, loaded = false, exists = false;
    std::vector<std::size_t> parents;
  };

  std::size_t node(const git_oid& id) {
    const auto [it, added] = index_.try_emplace(raw_key(id), nodes_.size());
    if (added) {
      nodes_.emplace_back();
      nodes_.back().id = id;
    }
    return it->second;
  }

  const std::vector<std::size_t>& parents(std::size_t n) {
    if (nodes_[n].loaded) return nodes_[n].parents;
    nodes_[n].loaded = true;
    const git_oid id = nodes_[n].id;
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo_, &id) < 0) {
      errors_.push_back(fmt::format("commit {}: cannot be read: {}", hex(&id), last_error()));
      return nodes_[n].parents;
    }
    const Owned<git_commit> commit(raw);
    nodes_[n].exists = true;
    if (shallow_.count(raw_key(id)) > 0) {
      warnings_.push_back(fmt::format("commit {}: a shallow clone's boundary: history before it is not here, and "
                                      "what it holds is reported as added there",
                                      hex(&id).substr(0, 12)));
      return nodes_[n].parents;
    }
    const unsigned count = git_commit_parentcount(commit.get());
    std::vector<std::size_t> ps;
    for (unsigned i = 0; i < count; ++i) ps.push_back(node(*git_commit_parent_id(commit.get(), i)));
    nodes_[n].parents = std::move(ps);  // node() may have moved nodes_: assign after
    return nodes_[n].parents;
  }

  git_repository* repo_;
  std::vector<std::string>& warnings_;
  std::vector<std::string>& errors_;
  std::unordered_set<std::string> shallow_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<Node> nodes_;
};

// The files `tree` records with content `base` does not have at that path (base null: all of
// them), and exact renames (a file gone from one path, the same blob at a new one). Subtrees
// with the same id on both sides are skipped unread: libgit2 1.5's tree diff walks into them,
// which made it most of a history scan's time.
class TreeComparison {
 public:
  explicit TreeComparison(git_repository* repo) : repo_(repo) {}

  bool run(const git_tree* base, const git_tree* tree, std::vector<GitChange>& out) {
    if (!compare(base, tree, "", out)) return false;
    if (gone_.empty()) return true;
    for (GitChange& c : out) {  // exact renames: each gone file pairs with one new path
      const auto it = gone_.find(c.blob);
      if (it == gone_.end() || it->second.empty()) continue;
      c.renamed_from = std::move(it->second.back());
      it->second.pop_back();
    }
    return true;
  }

 private:
  static bool is_file(const git_tree_entry* e) { return is_file_mode(static_cast<std::uint16_t>(git_tree_entry_filemode(e))); }
  static bool is_tree(const git_tree_entry* e) { return git_tree_entry_type(e) == GIT_OBJECT_TREE; }

  Owned<git_tree> subtree(const git_tree_entry* e) {
    git_tree* t = nullptr;
    return Owned<git_tree>(git_tree_lookup(&t, repo_, git_tree_entry_id(e)) == 0 ? t : nullptr);
  }

  bool compare(const git_tree* base, const git_tree* tree, const std::string& prefix, std::vector<GitChange>& out) {
    std::unordered_map<std::string_view, const git_tree_entry*> before;
    if (base != nullptr) {
      for (std::size_t i = 0, n = git_tree_entrycount(base); i < n; ++i) {
        const git_tree_entry* e = git_tree_entry_byindex(base, i);
        before.emplace(git_tree_entry_name(e), e);
      }
    }
    for (std::size_t i = 0, n = git_tree_entrycount(tree); i < n; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree, i);
      const std::string_view name = git_tree_entry_name(e);
      const git_tree_entry* b = nullptr;
      if (const auto it = before.find(name); it != before.end()) {
        b = it->second;
        before.erase(it);
      }
      const bool same = b != nullptr && git_oid_equal(git_tree_entry_id(b), git_tree_entry_id(e)) == 1;
      const std::string path = prefix + std::string(name);
      if (is_file(e)) {
        if (same && is_file(b)) continue;
        if (b != nullptr && !forget(b, path)) return false;
        out.push_back({path, hex(git_tree_entry_id(e)), {}});
      } else if (is_tree(e)) {
        if (same && is_tree(b)) continue;
        const Owned<git_tree> now = subtree(e);
        if (!now) return false;
        Owned<git_tree> was;
        if (b != nullptr && is_tree(b)) {
          was = subtree(b);
          if (!was) return false;
        } else if (b != nullptr && !forget(b, path)) {
          return false;
        }
        if (!compare(was.get(), now.get(), path + '/', out)) return false;
      }  // submodules and symlinks hold no file content of this repository
    }
    for (const auto& [name, b] : before) {
      if (!forget(b, prefix + std::string(name))) return false;
    }
    return true;
  }

  // Notes the files of an entry that is gone (or replaced by another kind), for renames.
  bool forget(const git_tree_entry* e, const std::string& path) {
    if (is_file(e)) {
      gone_[hex(git_tree_entry_id(e))].push_back(path);
    } else if (is_tree(e)) {
      const Owned<git_tree> t = subtree(e);
      if (!t) return false;
      for (std::size_t i = 0, n = git_tree_entrycount(t.get()); i < n; ++i) {
        const git_tree_entry* child = git_tree_entry_byindex(t.get(), i);
        if (!forget(child, path + '/' + git_tree_entry_name(child))) return false;
      }
    }
    return true;
  }

  git_repository* repo_;
  std::unordered_map<std::string, std::vector<std::string>> gone_;  // blob -> paths it left
};

}  // namespace

bool GitRepository::walk(const std::string& range, const CommitVisitor& visit, std::vector<std::string>& warnings,
                         std::vector<std::string>& errors, const std::atomic<bool>* cancel) const {
  // The walk's ends: what to list and what to leave out, as commit ids.
  std::vector<git_oid> tips, hidden;
  const auto add = [&](git_object* object, std::vector<git_oid>& into, const std::string& name) {
    const Owned<git_commit> c = peel_commit(object);
    if (!c) {
      errors.push_back(fmt::format("{}: not a commit", name));
      return false;
    }
    into.push_back(*git_commit_id(c.get()));
    return true;
  };
  if (range.empty()) {
    // `git log --all`: HEAD and every ref that leads to a commit (branches, remote-tracking
    // branches, tags, the stash); refs to other objects (a tagged blob) are not history.
    git_object* head = nullptr;
    if (git_revparse_single(&head, repo_, "HEAD") == 0) {
      const Owned<git_object> owned(head);
      add(head, tips, "HEAD");
    }
    git_reference_iterator* raw_refs = nullptr;
    if (git_reference_iterator_new(&raw_refs, repo_) < 0) {
      errors.push_back(fmt::format("cannot list the refs: {}", last_error()));
      return false;
    }
    const Owned<git_reference_iterator> refs(raw_refs);
    git_reference* ref = nullptr;
    while (git_reference_next(&ref, refs.get()) == 0) {
      const Owned<git_reference> owned_ref(ref);
      git_object* target = nullptr;
      if (git_reference_peel(&target, ref, GIT_OBJECT_COMMIT) < 0) continue;
      const Owned<git_object> owned(target);
      add(target, tips, git_reference_name(ref));
    }
  } else {
    git_revspec spec;
    if (git_revparse(&spec, repo_, range.c_str()) < 0) {
      errors.push_back(fmt::format("{}: not a revision or range in this repository ({})", range, last_error()));
      return false;
    }
    const Owned<git_object> from(spec.from), to(spec.to);
    if (spec.flags & GIT_REVSPEC_SINGLE) {
      if (!add(from.get(), tips, range)) return false;
    } else if (spec.flags & GIT_REVSPEC_MERGE_BASE) {  // A...B: what either has that the other lacks
      if (!add(from.get(), tips, range) || !add(to.get(), tips, range)) return false;
      git_oid base;
      if (git_merge_base(&base, repo_, &tips[0], &tips[1]) == 0) hidden.push_back(base);
    } else {  // A..B: in B, not in A
      if (!add(to.get(), tips, range) || !add(from.get(), hidden, range)) return false;
    }
  }

  CommitGraph graph(repo_, warnings, errors);
  for (const git_oid& h : hidden) graph.hide(h);
  std::vector<git_oid> order;
  for (const git_oid& t : tips) graph.list(t, order);

  for (const git_oid& id : order) {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) break;
    git_commit* raw_commit = nullptr;
    git_tree* raw_tree = nullptr;
    if (git_commit_lookup(&raw_commit, repo_, &id) < 0) {
      errors.push_back(fmt::format("commit {}: cannot be read: {}", hex(&id), last_error()));
      continue;
    }
    const Owned<git_commit> commit(raw_commit);
    if (git_commit_tree(&raw_tree, commit.get()) < 0) {
      errors.push_back(fmt::format("commit {}: cannot read its tree: {}", hex(&id), last_error()));
      continue;
    }
    const Owned<git_tree> tree(raw_tree);
    // Against the first parent, as `git log -p --first-parent` shows it; a parent that is not
    // here (a shallow clone's boundary, a missing object) makes this commit a root.
    Owned<git_tree> parent_tree;
    git_commit* raw_parent = nullptr;
    git_tree* raw_parent_tree = nullptr;
    if (git_commit_parentcount(commit.get()) > 0 && git_commit_parent(&raw_parent, commit.get(), 0) == 0) {
      const Owned<git_commit> parent(raw_parent);
      if (git_commit_tree(&raw_parent_tree, parent.get()) == 0) parent_tree.reset(raw_parent_tree);
    }
    std::vector<GitChange> changes;
    if (!TreeComparison(repo_).run(parent_tree.get(), tree.get(), changes)) {
      errors.push_back(fmt::format("commit {}: cannot compare it with its parent: {}", hex(&id), last_error()));
      continue;
    }
    // A merge brings in what its other parents had: a file as one of them has it is not new
    // here (it is reported at the commit that made it, if the range holds that commit).
    for (unsigned i = 1; i < git_commit_parentcount(commit.get()); ++i) {
      git_commit* raw_other = nullptr;
      git_tree* raw_other_tree = nullptr;
      if (git_commit_parent(&raw_other, commit.get(), i) < 0) continue;
      const Owned<git_commit> other(raw_other);
      if (git_commit_tree(&raw_other_tree, other.get()) < 0) continue;
      const Owned<git_tree> other_tree(raw_other_tree);
      std::erase_if(changes, [&](const GitChange& c) {
        git_tree_entry* entry = nullptr;
        if (git_tree_entry_bypath(&entry, other_tree.get(), c.path.c_str()) < 0) return false;
        const bool same = hex(git_tree_entry_id(entry)) == c.blob;
        git_tree_entry_free(entry);
        return same;
      });
    }
    visit(commit_info(commit.get()), changes);
  }
  return true;
}

GitRepository::CommitReach GitRepository::reach(const std::string& id) const {
  CommitReach out;
  git_oid commit;
  if (git_oid_fromstr(&commit, id.c_str()) < 0) return out;
  const auto holds = [&](const git_oid& tip) {
    return git_oid_equal(&tip, &commit) == 1 || git_graph_descendant_of(repo_, &tip, &commit) == 1;
  };
  git_oid head;
  out.in_head = git_reference_name_to_id(&head, repo_, "HEAD") == 0 && holds(head);
  git_reference_iterator* raw_refs = nullptr;
  if (git_reference_iterator_glob_new(&raw_refs, repo_, "refs/remotes/*") < 0) return out;
  const Owned<git_reference_iterator> refs(raw_refs);
  git_reference* ref = nullptr;
  while (git_reference_next(&ref, refs.get()) == 0) {
    const Owned<git_reference> owned(ref);
    const git_oid* tip = git_reference_target(ref);  // null for a symbolic ref (origin/HEAD)
    if (tip != nullptr && holds(*tip)) out.remote_branches.emplace_back(git_reference_shorthand(ref));
  }
  return out;
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

namespace ptl::scan {

GitRepository::IgnoreSources GitRepository::ignore_sources() const {
  IgnoreSources out;
  out.info_exclude = std::filesystem::path(git_repository_commondir(repo_)) / "info" / "exclude";
  git_config* raw_config = nullptr;
  if (git_repository_config_snapshot(&raw_config, repo_) < 0) return out;
  const std::unique_ptr<git_config, void (*)(git_config*)> config(raw_config, git_config_free);
  int ignore_case = 0;
  if (git_config_get_bool(&ignore_case, config.get(), "core.ignorecase") == 0) out.ignore_case = ignore_case != 0;
  // libgit2's attribute cache takes the value as written, expanding only a leading "~/".
  git_buf buf = GIT_BUF_INIT;
  git_config_entry* raw_entry = nullptr;
  if (git_config_get_entry(&raw_entry, config.get(), "core.excludesfile") == 0) {
    const std::string value = raw_entry->value != nullptr ? raw_entry->value : "";
    git_config_entry_free(raw_entry);
    if (value.starts_with("~/")) {
      if (git_config_get_path(&buf, config.get(), "core.excludesfile") == 0) out.excludes_file = buf.ptr;
    } else {
      out.excludes_file = value;
    }
  } else if (git_libgit2_opts(GIT_OPT_GET_SEARCH_PATH, GIT_CONFIG_LEVEL_XDG, &buf) == 0 && buf.ptr != nullptr) {
    // A list of directories (GIT_PATH_LIST_SEPARATOR); the first holding "ignore" wins.
    const std::string list = buf.ptr;
    for (std::size_t start = 0; start <= list.size();) {
      const std::size_t end = std::min(list.find(GIT_PATH_LIST_SEPARATOR, start), list.size());
      const std::filesystem::path candidate = std::filesystem::path(list.substr(start, end - start)) / "ignore";
      std::error_code ec;
      if (end > start && std::filesystem::exists(candidate, ec)) {
        out.excludes_file = candidate;
        break;
      }
      start = end + 1;
    }
  }
  git_buf_dispose(&buf);
  return out;
}

}  // namespace ptl::scan
