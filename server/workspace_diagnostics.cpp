#include "server/workspace_diagnostics.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "protocol/json_rpc.h"
#include "scan/git_repository.h"
#include "scan/report.h"
#include "scan/scan_engine.h"
#include "server/code_actions.h"
#include "server/diagnostic_writer.h"
#include "server/text_document.h"

namespace ptl::server {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {



std::string result_id_text(std::uint64_t id) { return fmt::format("w{}", id); }

// Files a batch holds: enough for a progress step of about 2% and a publish that is not too
// late, few enough that a batch of large files stays short.
std::size_t batch_size(std::size_t total) { return std::clamp<std::size_t>(total / 50, 16, 256); }

// Whether `path` lies under one of `folders`.
bool under_folders(const fs::path& path, const std::vector<fs::path>& folders) {
  for (const fs::path& folder : folders) {
    auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
    if (f == folder.end() || (std::next(f) == folder.end() && f->empty())) return true;
  }
  return false;
}

// Whether changing `path` changes which files are scanned or how: a .gitignore, the project
// config, or git's info/exclude.
bool changes_the_file_set(const fs::path& path) {
  const std::string name = path.filename().string();
  return name == ".gitignore" || ProjectConfigs::is_config_file(path.string()) ||
         (name == "exclude" && path.parent_path().filename() == "info");
}

// Whether git or the project config leaves `path` out (a file created since the last listing).
bool ignored_file(const std::string& path, const ProjectConfigs& configs) {
  if (configs.scope_of(path).ignored) return true;
  std::string error;
  const auto repo = scan::GitRepository::discover(fs::path(path).parent_path(), error);
  if (!repo || repo->workdir().empty()) return false;
  if (path.find("/.git/") != std::string::npos) return true;
  return repo->ignored(path, false);
}

// The history of the repository holding `path` (the longest work tree that does), or null.
const WorkspaceDiagnostics::History* history_of(const std::string& path,
                                                const std::vector<WorkspaceDiagnostics::History>& histories) {
  const WorkspaceDiagnostics::History* best = nullptr;
  std::size_t best_length = 0;
  for (const WorkspaceDiagnostics::History& h : histories) {
    std::string dir = h.workdir.lexically_normal().generic_string();
    if (dir.empty() || dir.back() != '/') dir += '/';
    if (h.index && path.starts_with(dir) && dir.size() > best_length) {
      best = &h;
      best_length = dir.size();
    }
  }
  return best;
}

// The diagnostics of the file at `path`, as an open document's are written; "[]" when none.
std::string file_diagnostics(const std::string& path, const std::string& uri,
                             const detectors::PulumiTokenDetector& detector,
                             const detectors::EncodedTokenFinder& finder, PositionEncoding encoding,
                             const Settings& settings, const ProjectConfigs& configs,
                             const std::vector<WorkspaceDiagnostics::History>& histories) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "[]";
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const TextDocument doc(std::move(text), encoding, detector, finder);
  if (doc.finding_count() == 0) return "[]";
  std::unordered_map<std::size_t, bool> allowlist_cache;
  // As an open document's lookup (LanguageServer::committed_lookup), cached by the token's hash.
  std::unordered_map<std::size_t, CommittedEntry> committed_cache;
  const WorkspaceDiagnostics::History* history = settings.history_check ? history_of(path, histories) : nullptr;
  const CommittedLookup committed = [&](const DocumentFinding& f) {
    std::string scratch;
    const std::string_view token = doc.token_of(f, scratch);
    auto [it, added] = committed_cache.try_emplace(std::hash<std::string_view>{}(token));
    if (added) it->second = find_committed(*history->index, history->workdir, token);
    return CommittedNote{it->second.committed, it->second.file_uri};
  };
  std::string out;
  append_scoped_diagnostics(out, doc, uri, "", 0, configs, configs.scope_of(path), settings, allowlist_cache,
                            history && history->index->size() > 0 ? &committed : nullptr);
  return out;
}

}  // namespace

WorkspaceDiagnostics::WorkspaceDiagnostics(OutputSink& out, Logger& log, BackgroundWork& work,
                                           const detectors::PulumiTokenDetector& detector,
                                           const detectors::EncodedTokenFinder& finder, SendRequest send_request)
    : out_(out),
      log_(log),
      work_(work),
      detector_(detector),
      finder_(finder),
      send_request_(std::move(send_request)) {}

void WorkspaceDiagnostics::set_client(const protocol::ClientCapabilities& client, PositionEncoding encoding) {
  pull_ = client.pullDiagnostics;
  progress_supported_ = client.workDoneProgress;
  refresh_supported_ = client.diagnosticRefresh;
  auto snap = std::make_shared<Snapshot>();
  snap->encoding = encoding;
  snapshot_ = std::move(snap);
}

void WorkspaceDiagnostics::rescan_all(std::vector<fs::path> folders, const Settings& settings,
                                      const ProjectConfigs& configs) {
  if (stopped_) return;
  auto snap = std::make_shared<Snapshot>();
  snap->settings = settings;
  snap->configs = configs;
  snap->encoding = snapshot_ ? snapshot_->encoding : PositionEncoding::Utf16;
  snap->folders = std::move(folders);
  snap->threads = std::max(1u, std::thread::hardware_concurrency()) - (std::thread::hardware_concurrency() > 1 ? 1 : 0);
  snapshot_ = std::move(snap);
  ++generation_;
  if (running_) finish_scan("restarted");
  if (!settings.workspace_diagnostics || snapshot_->folders.empty()) {
    clear_all();
    return;
  }
  running_ = true;
  collecting_ = true;
  cancelled_ = false;
  capped_ = false;
  in_flight_ = 0;
  done_ = total_ = 0;
  bytes_ = 0;
  errors_ = 0;
  queue_.clear();
  started_ = std::chrono::steady_clock::now();
  progress_begin();
  submit_collect();
}

void WorkspaceDiagnostics::update_settings(const Settings& settings) {
  if (!snapshot_ || stopped_) return;
  const Settings& old = snapshot_->settings;
  const bool same = old.severity == settings.severity && old.report_placeholders == settings.report_placeholders &&
                    old.env_var == settings.env_var && old.config_key == settings.config_key &&
                    old.max_findings == settings.max_findings && old.history_check == settings.history_check &&
                    old.workspace_diagnostics == settings.workspace_diagnostics &&
                    old.workspace_max_files == settings.workspace_max_files &&
                    old.workspace_max_bytes == settings.workspace_max_bytes &&
                    old.severity_from_client == settings.severity_from_client &&
                    old.placeholders_from_client == settings.placeholders_from_client;
  if (same) return;
  log_.info("workspace diagnostics: settings changed, scanning the workspace again");
  rescan_all(snapshot_->folders, settings, snapshot_->configs);
}

void WorkspaceDiagnostics::clear_all() {
  while (!entries_.empty()) drop_entry(entries_.begin()->first);
  known_.clear();
  answer_held();
}

void WorkspaceDiagnostics::submit_collect() {
  const std::uint64_t generation = generation_;
  std::shared_ptr<const Snapshot> snap = snapshot_;
  work_.submit([this, generation, snap]() -> BackgroundWork::Completion {
    std::vector<std::string> roots;
    for (const fs::path& f : snap->folders) roots.push_back(f.string());
    scan::Collected collected = scan::collect_paths(roots, true);
    std::vector<std::string> files;
    std::size_t ignored = collected.ignored;
    files.reserve(collected.files.size());
    for (scan::ScanFile& f : collected.files) {
      std::string path = f.path.string();
      if (snap->configs.scope_of(path).ignored) ++ignored;
      else files.push_back(std::move(path));
    }
    return [this, generation, files = std::move(files), errors = std::move(collected.errors), ignored]() mutable {
      on_collected(generation, std::move(files), std::move(errors), ignored);
    };
  });
}

void WorkspaceDiagnostics::on_collected(std::uint64_t generation, std::vector<std::string> files,
                                        std::vector<std::string> errors, std::size_t ignored) {
  if (generation != generation_ || stopped_) return;
  collecting_ = false;
  for (const std::string& e : errors) log_.error("workspace diagnostics: {}", e);
  errors_ += errors.size();
  const Settings& settings = snapshot_->settings;
  if (files.size() > settings.workspace_max_files) {
    report_cap(fmt::format("the workspace has {} files, over workspaceMaxFiles ({}): only the first {} (by path) "
                           "are scanned for tokens",
                           files.size(), settings.workspace_max_files, settings.workspace_max_files));
    files.resize(settings.workspace_max_files);
  }
  log_.debug("workspace diagnostics: {} files to scan, {} ignored", files.size(), ignored);
  // Results for files no longer listed (deleted, now ignored, in a removed folder) go.
  std::unordered_set<std::string> listed(files.begin(), files.end());
  std::vector<std::string> gone;
  for (const auto& [path, entry] : entries_)
    if (!listed.count(path)) gone.push_back(path);
  for (const std::string& path : gone) drop_entry(path);
  known_ = std::move(listed);
  total_ = files.size();
  queue_.assign(files.rbegin(), files.rend());
  progress_report();
  submit_next_batch();
}

void WorkspaceDiagnostics::report_cap(const std::string& what) {
  log_.error("workspace diagnostics: {}", what);
  if (cap_reported_) return;  // shown once a session; every scan logs it
  cap_reported_ = true;
  out_.send(protocol::make_notification("window/showMessage", {{"type", 2}, {"message", "pulumi-token-lsp: " + what}}));
}

void WorkspaceDiagnostics::submit_next_batch() {
  if (!running_ || collecting_) return;
  const Settings& settings = snapshot_->settings;
  if (!cancelled_ && !queue_.empty() && bytes_ >= settings.workspace_max_bytes) {
    report_cap(fmt::format("stopped scanning the workspace after {} bytes (workspaceMaxBytes is {}): {} files were "
                           "not scanned for tokens",
                           bytes_, settings.workspace_max_bytes, queue_.size()));
    queue_.clear();
    capped_ = true;
  }
  if (cancelled_ || queue_.empty()) {
    if (in_flight_ == 0) finish_scan(cancelled_ ? "cancelled" : capped_ ? "capped" : "");
    return;
  }
  // Two batches in flight: the worker reads the next while the server's thread publishes the last.
  while (in_flight_ < 2 && !queue_.empty()) {
    std::vector<std::string> batch;
    const std::size_t n = std::min(queue_.size(), batch_size(total_));
    for (std::size_t i = 0; i < n; ++i) {
      batch.push_back(std::move(queue_.back()));
      queue_.pop_back();
    }
    ++in_flight_;
    submit_files(std::move(batch), false, true);
  }
}

void WorkspaceDiagnostics::submit_files(std::vector<std::string> paths, bool created, bool part_of_scan) {
  const std::uint64_t generation = generation_;
  std::shared_ptr<const Snapshot> snap = snapshot_;
  const detectors::PulumiTokenDetector& detector = detector_;
  const detectors::EncodedTokenFinder& finder = finder_;
  work_.submit([this, generation, snap, histories = histories_, paths = std::move(paths), created, part_of_scan,
                &detector, &finder]() -> BackgroundWork::Completion {
    BatchResult result;
    result.histories = histories;
    scan::Collected collected;
    for (const std::string& p : paths) {
      if (created) {
        if (ignored_file(p, snap->configs)) continue;
        result.added.push_back(p);
      }
      collected.files.push_back(scan::ScanFile{p, p, p});
    }
    result.scanned.reserve(collected.files.size());
    for (const scan::ScanFile& f : collected.files) result.scanned.push_back(f.display);
    scan::ScanOptions options;
    options.threads = snap->threads;
    scan::ScanReport report = scan::scan_collected(std::move(collected), options);
    result.files = report.files;
    result.bytes = report.bytes;
    result.errors = std::move(report.errors);
    std::string last;
    for (const scan::ScanFinding& f : report.findings) {
      if (f.path == last) continue;
      last = f.path;
      Found found{f.path, file_uri(f.path), {}};
      found.diagnostics = file_diagnostics(f.path, found.uri, detector, finder, snap->encoding, snap->settings,
                                           snap->configs, *histories);
      if (found.diagnostics != "[]") result.found.push_back(std::move(found));
    }
    return [this, generation, part_of_scan, result = std::move(result)]() mutable {
      on_batch(generation, std::move(result), part_of_scan);
    };
  });
}

void WorkspaceDiagnostics::on_batch(std::uint64_t generation, BatchResult result, bool part_of_scan) {
  if (generation != generation_ || stopped_) return;
  if (result.histories != histories_ && !result.found.empty()) {
    // Written before the histories changed: those files are read again with the new ones.
    std::vector<std::string> again;
    for (const Found& f : result.found) again.push_back(f.path);
    submit_files(std::move(again), false, false);
  }
  for (const std::string& e : result.errors) log_.error("workspace diagnostics: {}", e);
  errors_ += result.errors.size();
  for (std::string& p : result.added) known_.insert(std::move(p));
  const std::size_t scanned = result.scanned.size();
  const std::uintmax_t bytes = result.bytes;
  apply(result);
  if (part_of_scan) {
    --in_flight_;
    done_ += scanned;
    bytes_ += bytes;
    progress_report();
    answer_held();
    submit_next_batch();
  } else if (!running_) {
    answer_held();
    refresh_if_unreported();
  }
}

void WorkspaceDiagnostics::refresh_if_unreported() {
  if (pull_ && refresh_supported_ && unreported_change_ && held_.empty() && !stopped_)
    send_request_("workspace/diagnostic/refresh", nullptr, {});
  unreported_change_ = false;
}

void WorkspaceDiagnostics::apply(BatchResult& result) {
  std::unordered_set<std::string> with_findings;
  for (Found& f : result.found) {
    with_findings.insert(f.path);
    set_entry(f.path, std::move(f.uri), std::move(f.diagnostics));
  }
  for (const std::string& path : result.scanned)
    if (!with_findings.count(path)) drop_entry(path);
}

void WorkspaceDiagnostics::set_entry(const std::string& path, std::string uri, std::string diagnostics) {
  auto [it, added] = entries_.try_emplace(path);
  Entry& e = it->second;
  if (!added && e.diagnostics == diagnostics) return;
  e.uri = std::move(uri);
  e.diagnostics = std::move(diagnostics);
  e.result_id = next_result_id_++;
  unreported_change_ = true;
  if (!pull_ && !is_open(path)) publish(e.uri, e.diagnostics);
}

bool WorkspaceDiagnostics::drop_entry(const std::string& path) {
  auto it = entries_.find(path);
  if (it == entries_.end()) return false;
  unreported_change_ = true;
  if (!pull_ && !is_open(path)) publish(it->second.uri, "[]");
  entries_.erase(it);  return true;
}

void WorkspaceDiagnostics::publish(const std::string& uri, const std::string& diagnostics) {
  std::string body = R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":)";
  body += json(uri).dump(-1, ' ', false, json::error_handler_t::replace);
  body += R"(,"diagnostics":)";
  body += diagnostics;
  body += "}}";
  out_.send_replaceable(uri, std::move(body));
}

void WorkspaceDiagnostics::finish_scan(std::string_view why) {
  if (!running_) return;
  running_ = false;
  collecting_ = false;
  queue_.clear();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  std::string summary = fmt::format("{} of {} files, {:.1f} MB, {} with tokens, in {:.2f} s", done_, total_,
                                    static_cast<double>(bytes_) / 1e6, entries_.size(), seconds);
  if (errors_) summary += fmt::format(", {} could not be read (logged)", errors_);
  if (!why.empty()) summary += fmt::format(" ({})", why);
  log_.info("workspace diagnostics: {}", summary);
  progress_end(why == "restarted" ? std::string("restarted") : summary);
  if (why != "restarted") {
    answer_held();
    refresh_if_unreported();
  }
}

void WorkspaceDiagnostics::set_histories(std::vector<History> histories) {
  histories_ = std::make_shared<const std::vector<History>>(std::move(histories));
  if (stopped_ || !snapshot_ || !snapshot_->settings.workspace_diagnostics || entries_.empty()) return;
  // Only a file with findings can have a committed one.
  std::vector<std::string> paths;
  for (const auto& [path, entry] : entries_) paths.push_back(path);
  submit_files(std::move(paths), false, false);
}

void WorkspaceDiagnostics::rescan_files(const std::vector<fs::path>& paths, bool created) {
  if (stopped_ || !snapshot_ || !snapshot_->settings.workspace_diagnostics || snapshot_->folders.empty()) return;
  std::vector<std::string> batch;
  for (const fs::path& p : paths) {
    if (changes_the_file_set(p)) {
      log_.info("workspace diagnostics: {} changed, scanning the workspace again", p.string());
      rescan_all(snapshot_->folders, snapshot_->settings, snapshot_->configs);
      return;
    }
    if (!under_folders(p, snapshot_->folders)) continue;
    std::string path = p.string();
    // A changed file that the listing left out is ignored; a created one is checked in the job.
    if (!created && !known_.count(path)) continue;
    batch.push_back(std::move(path));
  }
  if (!batch.empty()) submit_files(std::move(batch), created, false);
}

void WorkspaceDiagnostics::remove_files(const std::vector<fs::path>& paths) {
  if (stopped_) return;
  bool dropped = false;
  for (const fs::path& p : paths) {
    if (snapshot_ && changes_the_file_set(p)) {
      rescan_all(snapshot_->folders, snapshot_->settings, snapshot_->configs);
      return;
    }
    const std::string path = p.string();
    known_.erase(path);
    // A deleted directory arrives as one event: everything under it goes.
    const std::string prefix = path + "/";
    for (auto it = entries_.lower_bound(prefix); it != entries_.end() && it->first.rfind(prefix, 0) == 0;) {
      const std::string child = (it++)->first;
      dropped = drop_entry(child) || dropped;
    }
    dropped = drop_entry(path) || dropped;
  }
  if (dropped && !running_) {
    answer_held();
    refresh_if_unreported();
  }
}

void WorkspaceDiagnostics::document_opened(const std::string& uri) {
  if (is_file_uri(uri)) open_.insert(uri_path(uri));
}

void WorkspaceDiagnostics::document_closed(const std::string& uri) {
  if (!is_file_uri(uri)) {
    if (!pull_) publish(uri, "[]");
    return;
  }
  const std::string path = uri_path(uri);
  open_.erase(path);
  auto it = entries_.find(path);
  if (pull_) {
    // The client forgot the document's own results: report the file's again.
    if (it != entries_.end()) {
      it->second.result_id = next_result_id_++;
      unreported_change_ = true;
    }
    if (!running_) {
      answer_held();
      refresh_if_unreported();
    }
    return;
  }
  publish(uri, it != entries_.end() ? it->second.diagnostics : std::string("[]"));
}

json WorkspaceDiagnostics::reports_for(Held& held) {
  json items = json::array();
  std::unordered_set<std::string> current;
  for (const auto& [path, e] : entries_) {
    current.insert(e.uri);
    if (is_open(path)) continue;
    const std::string id = result_id_text(e.result_id);
    auto prev = held.previous.find(e.uri);
    if (prev != held.previous.end() && prev->second == id) continue;
    json diagnostics = json::parse(e.diagnostics, nullptr, false);
    items.push_back({{"kind", "full"}, {"uri", e.uri}, {"version", nullptr}, {"resultId", id}, {"items", diagnostics}});
    held.previous[e.uri] = id;
  }
  for (auto it = held.previous.begin(); it != held.previous.end();) {
    if (current.count(it->first) || !is_file_uri(it->first) || is_open(uri_path(it->first))) {
      ++it;
      continue;
    }
    items.push_back({{"kind", "full"}, {"uri", it->first}, {"version", nullptr}, {"items", json::array()}});
    it = held.previous.erase(it);
  }
  return items;
}

std::optional<json> WorkspaceDiagnostics::on_pull(const json& id, const protocol::WorkspaceDiagnosticParams& params) {
  Held held;
  held.id = id;
  held.partial_token = params.partialResultToken;
  for (const protocol::PreviousResultId& p : params.previousResultIds) held.previous[p.uri] = p.value;
  if (stopped_ || !snapshot_ || !snapshot_->settings.workspace_diagnostics)
    return json{{"items", reports_for(held)}};
  if (!running_) {
    json items = reports_for(held);
    if (!items.empty()) return json{{"items", std::move(items)}};
  } else if (!held.partial_token.is_null()) {
    json items = reports_for(held);
    if (!items.empty()) {
      send_partial(held, items);
      held.streamed = true;
    }
  }
  held_.push_back(std::move(held));
  return std::nullopt;
}

void WorkspaceDiagnostics::send_partial(const Held& held, const json& items) {
  out_.send(protocol::make_notification("$/progress", {{"token", held.partial_token}, {"value", {{"items", items}}}}));
}

void WorkspaceDiagnostics::answer_held() {
  for (auto it = held_.begin(); it != held_.end();) {
    Held& held = *it;
    if (running_) {
      // Mid-scan: stream what is new to a client that takes partial results; hold the rest.
      if (!held.partial_token.is_null()) {
        json items = reports_for(held);
        if (!items.empty()) {
          send_partial(held, items);
          held.streamed = true;
        }
      }
      ++it;
      continue;
    }
    json items = reports_for(held);
    if (items.empty() && !held.streamed && !stopped_) {  // nothing new for this client: keep it waiting
      ++it;
      continue;
    }
    if (held.streamed && !items.empty()) {  // once streamed, all of the result goes as partial results
      send_partial(held, items);
      items = json::array();
    }
    out_.send(protocol::make_result(held.id, json{{"items", std::move(items)}}));
    it = held_.erase(it);
    unreported_change_ = false;  // the client pulls again after an answer
  }
}

bool WorkspaceDiagnostics::cancel_request(const json& id) {
  for (auto it = held_.begin(); it != held_.end(); ++it) {
    if (it->id != id) continue;
    out_.send(protocol::make_error(it->id, protocol::ErrorCode::RequestCancelled, "request cancelled"));
    held_.erase(it);
    return true;
  }
  return false;
}

void WorkspaceDiagnostics::shutdown() {
  stopped_ = true;
  ++generation_;
  if (running_) {
    running_ = false;
    queue_.clear();
    progress_end("stopped: the server is shutting down");
  }
  progress_ = ProgressState::None;  // a create answered after shutdown begins nothing
  answer_held();
}

void WorkspaceDiagnostics::progress_begin() {
  if (!progress_supported_) return;
  if (progress_ == ProgressState::Begun || progress_ == ProgressState::Creating) progress_end("restarted");
  const std::uint64_t serial = ++progress_serial_;
  progress_token_ = fmt::format("pulumi-token-lsp/workspace-scan/{}", serial);
  progress_ = ProgressState::Creating;
  last_percent_ = -1;
  send_request_("window/workDoneProgress/create", {{"token", progress_token_}},
                [this, serial](bool ok) { on_progress_created(serial, ok); });
}

void WorkspaceDiagnostics::on_progress_created(std::uint64_t serial, bool ok) {
  if (serial != progress_serial_) return;  // a later scan made its own token
  const ProgressState state = progress_;
  if (state != ProgressState::Creating && state != ProgressState::EndedWhileCreating) return;
  progress_ = ProgressState::None;
  if (!ok) return;
  if (state == ProgressState::Creating && !running_) return;
  progress_ = ProgressState::Begun;
  out_.send(protocol::make_notification(
      "$/progress", {{"token", progress_token_},
                     {"value",
                      {{"kind", "begin"},
                       {"title", "Scanning the workspace for Pulumi tokens"},
                       {"cancellable", state == ProgressState::Creating},
                       {"percentage", 0}}}}));
  last_percent_ = 0;
  if (state == ProgressState::EndedWhileCreating) {
    progress_end(std::exchange(ended_message_, {}));
    return;
  }
  progress_report();
}

void WorkspaceDiagnostics::progress_report() {
  if (progress_ != ProgressState::Begun || total_ == 0) return;
  const int percent = static_cast<int>(done_ * 100 / total_);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  out_.send(protocol::make_notification(
      "$/progress",
      {{"token", progress_token_},
       {"value", {{"kind", "report"}, {"percentage", percent}, {"message", fmt::format("{}/{} files", done_, total_)}}}}));
}

void WorkspaceDiagnostics::progress_end(const std::string& message) {
  if (progress_ == ProgressState::Creating) {  // ended before the client answered the create
    progress_ = ProgressState::EndedWhileCreating;
    ended_message_ = message;
    return;
  }
  if (progress_ == ProgressState::Begun)
    out_.send(protocol::make_notification(
        "$/progress", {{"token", progress_token_}, {"value", {{"kind", "end"}, {"message", message}}}}));
  progress_ = ProgressState::None;
}

void WorkspaceDiagnostics::on_progress_cancel(const json& token) {
  if (!running_ || !token.is_string() || token.get<std::string>() != progress_token_) return;
  log_.info("workspace diagnostics: the scan was cancelled by the client; results so far are kept");
  cancelled_ = true;
}

}  // namespace ptl::server
