#include "scan/git_source.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "scan/fingerprint.h"
#include "scan/git_repository.h"

namespace ptl::scan {
namespace {

// A blob to read, under the first path that names it.
struct BlobJob {
  std::string id;
  std::string path;
  std::string where;  // how errors and skips name it: "path" or "path (commit 0123abcd)"
};

std::unique_ptr<GitRepository> open_repository(const std::filesystem::path& start, ScanReport& report) {
  std::string error;
  std::unique_ptr<GitRepository> repo = GitRepository::discover(start, error, /*allow_bare=*/true);
  if (!repo) {
    report.errors.push_back(error.empty() ? fmt::format("{}: not in a git repository", start.string())
                                          : fmt::format("{}: git: {}", start.string(), error));
  }
  return repo;
}

// Reads and scans each job's blob once, on options.threads threads; result i is job i's.
std::vector<ScanReport> scan_blobs(const GitRepository& repo, const std::vector<BlobJob>& jobs,
                                   const ScanOptions& options) {
  if (options.progress != nullptr) options.progress->total_files.store(jobs.size());
  std::vector<ScanReport> results(jobs.size());
  std::vector<std::unique_ptr<GitRepository>> handles(256);
  std::vector<std::string> buffers(256);
  const std::filesystem::path git_dir = repo.git_dir();
  for_each_parallel(jobs.size(), options.threads, [&](unsigned worker, std::size_t i) {
    if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) return;
    const BlobJob& job = jobs[i];
    ScanReport& out = results[i];
    std::string error;
    if (!handles[worker]) handles[worker] = GitRepository::open(git_dir, error);
    if (!handles[worker]) {
      out.errors.push_back(fmt::format("{}: git: {}", job.where, error));
      return;
    }
    std::uintmax_t size = 0;
    if (!handles[worker]->read_blob(job.id, options.max_file_size, buffers[worker], size, error)) {
      if (error.empty()) {
        out.skipped.push_back({job.where, fmt::format("larger than {} bytes", options.max_file_size)});
      } else {
        out.errors.push_back(fmt::format("{}: {}", job.where, error));
      }
      return;
    }
    scan_contents(job.path, job.path, buffers[worker], options, out);
    for (Skipped& s : out.skipped) s.path = job.where;
  });
  return results;
}

// The findings of a blob scanned under one path, reported under another.
void report_under(const ScanReport& scanned, const std::string& path, ScanReport& into) {
  for (const ScanFinding& f : scanned.findings) {
    ScanFinding g = f;
    g.path = g.root_path = path;
    g.fingerprint = fingerprint_from_token_hash(kRuleId, path, f.token_hash);
    into.findings.push_back(std::move(g));
  }
}

}  // namespace

ScanReport scan_staged(const std::filesystem::path& start, const ScanOptions& options) {
  ScanReport report;
  const std::unique_ptr<GitRepository> repo = open_repository(start, report);
  if (!repo) return report;
  // `git commit -a` and `git commit PATH` stage into a temporary index and name it to the hooks
  // in GIT_INDEX_FILE (relative to the directory git runs them in): that is what is committed.
  std::filesystem::path index_file;
  if (const char* env = std::getenv("GIT_INDEX_FILE"); env != nullptr && *env != '\0') {
    index_file = std::filesystem::absolute(env);
  }
  std::vector<GitChange> changes;
  std::string error;
  if (!repo->staged_changes(index_file, changes, error)) {
    report.errors.push_back(fmt::format("git: {}", error));
    return report;
  }
  std::vector<BlobJob> jobs;
  for (const GitChange& c : changes) {
    if (options.exclude && options.exclude(c.path)) {
      ++report.ignored;
    } else {
      jobs.push_back({c.blob, c.path, c.path});
    }
  }
  for (ScanReport& r : scan_blobs(*repo, jobs, options)) merge_report(report, std::move(r));
  sort_report(report);
  return report;
}

ScanReport scan_history(const std::filesystem::path& start, const std::string& range, const ScanOptions& options) {
  ScanReport report;
  const std::unique_ptr<GitRepository> repo = open_repository(start, report);
  if (!repo) return report;

  // 1. The walk (one thread): each commit, the files it adds or changes, and a job for each blob
  // no earlier change had.
  struct Added {
    std::size_t commit;
    GitChange change;
    std::size_t job;  // index into jobs
  };
  std::vector<CommitInfo> commits;
  std::vector<Added> added;
  std::vector<BlobJob> jobs;
  std::unordered_map<std::string, std::size_t> job_of;  // blob -> job
  std::vector<std::string> errors;
  repo->walk(
      range,
      [&](const CommitInfo& commit, std::vector<GitChange>& changes) {
        for (GitChange& c : changes) {
          if (options.exclude && options.exclude(c.path)) {
            ++report.ignored;
            continue;
          }
          const auto [it, is_new] = job_of.try_emplace(c.blob, jobs.size());
          if (is_new) jobs.push_back({c.blob, c.path, fmt::format("{} (commit {})", c.path, commit.id.substr(0, 12))});
          added.push_back({commits.size(), std::move(c), it->second});
        }
        commits.push_back(commit);
      },
      report.warnings, errors, options.cancel);
  for (const std::string& e : errors) report.errors.push_back(fmt::format("git: {}", e));

  // 2. Every blob read and scanned once, in parallel.
  std::vector<ScanReport> scanned = scan_blobs(*repo, jobs, options);

  // 3. In history order, each token under each path reported at the first commit holding it
  // there: later edits of the file do not repeat it, nor does a rename (the tokens the old
  // path had go with it); a copy to another file does.
  std::unordered_map<std::string, std::set<std::string>> tokens_at;  // path -> token hashes reported there
  for (const Added& a : added) {
    std::set<std::string>& known = tokens_at[a.change.path];
    if (!a.change.renamed_from.empty()) {
      const std::set<std::string>& before = tokens_at[a.change.renamed_from];
      known.insert(before.begin(), before.end());
    }
    ScanReport here;
    if (jobs[a.job].path == a.change.path) {
      here.findings = scanned[a.job].findings;
    } else {
      report_under(scanned[a.job], a.change.path, here);
    }
    for (ScanFinding& f : here.findings) {
      if (!known.insert(f.token_hash).second) continue;
      f.commit = commits[a.commit];
      report.findings.push_back(std::move(f));
    }
  }
  for (ScanReport& r : scanned) {
    r.findings.clear();
    merge_report(report, std::move(r));
  }
  std::sort(report.skipped.begin(), report.skipped.end(),
            [](const Skipped& a, const Skipped& b) { return a.path < b.path; });
  report.commits = commits.size();
  return report;
}

}  // namespace ptl::scan
