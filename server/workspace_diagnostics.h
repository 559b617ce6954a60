#pragma once
// WorkspaceDiagnostics: diagnostics for the files of the workspace's folders that are not open,
// so the Problems panel lists every token in the project without the user opening a file.
//
// What is scanned: scan::collect_paths over the folders (git's ignore rules at every level, never
// `.git`, no symlink out of the tree), minus the paths the project config ignores, files over 10
// MB and binary files (scan::scan_collected): the same files `scan` reads. Caps: settings
// workspaceMaxFiles and workspaceMaxBytes; reaching one is logged and shown once, never silent.
//
// How: on the server's BackgroundWork (one worker thread), in batches of files, each read and
// filtered by scan_collected on all cores but one (the server's thread keeps a core for
// keystrokes). A file with findings is read again and written by append_scoped_diagnostics, the
// writer of open documents, so a file shows the same diagnostics open or closed. Batches
// complete on the server's thread (drain), where all the state below lives; a change of
// generation (a new full scan) makes the completions of older batches no-ops.
//
// Delivery:
//   - push clients: textDocument/publishDiagnostics without a version for each file whose
//     diagnostics changed, as batches complete; an empty list when a file's findings are gone;
//   - pull clients: workspace/diagnostic. While a scan runs the request is held and, when it
//     carries a partialResultToken, the reports stream through $/progress as batches complete
//     (the final response then holds no items, as LSP asks); otherwise it is answered when the
//     scan ends. After the scan, reports go only for files whose resultId differs from the
//     client's previousResultIds; when none does, the request is held until something changes
//     (a long poll, answered at the next change, $/cancelRequest or shutdown); a change while no
//     request waits is announced with workspace/diagnostic/refresh where the client supports it;
//   - progress: window/workDoneProgress/create, then $/progress begin (cancellable), report
//     (percentage, files), end; window/workDoneProgress/cancel stops the scan and keeps what was
//     found.
// Open documents belong to the server's open-document path: their files are left out of the
// workspace's reports; closing one hands it back to the workspace results (the file on disk).
// Kept current by rescan_files (didSave, didChangeWatchedFiles), remove_files (deleted) and
// rescan_all (folders, settings, project config or .gitignore changed).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "detectors/encoded_tokens.h"
#include "detectors/pulumi_token_detector.h"
#include "protocol/lsp_types.h"
#include "scan/history_index.h"
#include "server/background_work.h"
#include "server/logger.h"
#include "server/output_sink.h"
#include "server/position_encoding.h"
#include "server/project_configs.h"
#include "server/settings.h"

namespace ptl::server {

class WorkspaceDiagnostics {
 public:
  // Sends a request to the client (the server's send_request, which keeps it by id); `answered`,
  // when set, is called with whether the client's response was a result rather than an error.
  using SendRequest =
      std::function<void(std::string_view method, nlohmann::json params, std::function<void(bool ok)> answered)>;

  // `detector` and `finder` are the server's (thread-safe, immutable); they must outlive this.
  WorkspaceDiagnostics(OutputSink& out, Logger& log, BackgroundWork& work,
                       const detectors::PulumiTokenDetector& detector, const detectors::EncodedTokenFinder& finder,
                       SendRequest send_request);

  // What the client can do (after initialize).
  void set_client(const protocol::ClientCapabilities& client, PositionEncoding encoding);

  // Scans the folders from the start with these settings and project configs; a scan that was
  // running is abandoned. With settings.workspace_diagnostics off, clears every result instead.
  void rescan_all(std::vector<std::filesystem::path> folders, const Settings& settings, const ProjectConfigs& configs);
  // rescan_all, but only when the settings differ from those of the last scan in what they
  // change in diagnostics (a workspace/configuration answer that repeats the defaults costs nothing).
  void update_settings(const Settings& settings);

  // The git histories of the workspace's repositories (the server's history check; empty when it
  // is off): a file whose token a commit holds says so, as an open document does. The files that
  // have findings are read again with them.
  struct History {
    std::filesystem::path workdir;                     // the work tree's root
    std::shared_ptr<const scan::HistoryIndex> index;   // immutable, read on the worker
  };
  void set_histories(std::vector<History> histories);

  // Files created or changed on disk (absolute paths): read again. A created file is first
  // checked against git's ignore rules and the project config.
  void rescan_files(const std::vector<std::filesystem::path>& paths, bool created);
  // Files deleted on disk: their diagnostics go.
  void remove_files(const std::vector<std::filesystem::path>& paths);

  // The server opened or closed a document (file: URIs only). Closing publishes (push) or
  // re-reports (pull) the file's workspace results.
  void document_opened(const std::string& uri);
  void document_closed(const std::string& uri);

  // workspace/diagnostic: the result now, or nullopt when the request is held (answered later
  // through the OutputSink under `id`).
  std::optional<nlohmann::json> on_pull(const nlohmann::json& id, const protocol::WorkspaceDiagnosticParams& params);
  // $/cancelRequest for a held request: answered with RequestCancelled. False if none is held.
  bool cancel_request(const nlohmann::json& id);
  // window/workDoneProgress/cancel
  void on_progress_cancel(const nlohmann::json& token);
  // Shutdown: answers the held requests with what is known, stops scanning.
  void shutdown();

  bool scanning() const { return running_; }
  // Files with findings now (tests).
  std::size_t files_with_findings() const { return entries_.size(); }

 private:
  // One file that has findings: the diagnostics array as published.
  struct Entry {
    std::string uri;
    std::string diagnostics;
    std::uint64_t result_id = 0;
  };
  struct Held {
    nlohmann::json id;
    nlohmann::json partial_token;  // null: answer in one response
    std::unordered_map<std::string, std::string> previous;  // uri -> resultId the client has (updated as reports go)
    bool streamed = false;  // a partial result was sent: the final response holds no items
  };
  // What the worker thread needs, fixed for one generation.
  struct Snapshot {
    Settings settings;
    ProjectConfigs configs;
    PositionEncoding encoding = PositionEncoding::Utf16;
    std::vector<std::filesystem::path> folders;
    unsigned threads = 1;
  };
  struct Found {
    std::string path;
    std::string uri;
    std::string diagnostics;
  };
  struct BatchResult {
    std::vector<std::string> scanned;  // every path of the batch that was looked at
    std::vector<Found> found;          // those with diagnostics
    std::vector<std::string> errors;
    std::vector<std::string> added;    // created files found not ignored (rescan_files(created))
    std::size_t files = 0;
    std::uintmax_t bytes = 0;
    std::shared_ptr<const std::vector<History>> histories;  // what the batch was written with
  };

  void submit_collect();
  void submit_next_batch();
  // Reads `paths` on the worker; `created`: check each against the ignore rules first;
  // `part_of_scan`: a batch of the running full scan (counted in its progress).
  void submit_files(std::vector<std::string> paths, bool created, bool part_of_scan);
  void on_collected(std::uint64_t generation, std::vector<std::string> files, std::vector<std::string> errors,
                    std::size_t ignored);
  void on_batch(std::uint64_t generation, BatchResult result, bool part_of_scan);
  void finish_scan(std::string_view why);
  // A cap was reached: logged each time, shown to the user once.
  void report_cap(const std::string& what);
  void clear_all();
  // Applies a batch's outcome to entries_ (publishing to push clients what changed).
  void apply(BatchResult& result);
  void set_entry(const std::string& path, std::string uri, std::string diagnostics);
  // True if `path` had an entry (now gone).
  bool drop_entry(const std::string& path);
  bool is_open(const std::string& path) const { return open_.count(path) > 0; }
  void publish(const std::string& uri, const std::string& diagnostics);
  // The reports `held` lacks (entries whose resultId differs, files whose findings are gone);
  // marks them reported in held.previous.
  nlohmann::json reports_for(Held& held);
  // Answers (or streams to) the held pull requests what changed for them.
  void answer_held();
  // A pull client with no request waiting learns of a change through workspace/diagnostic/refresh.
  void refresh_if_unreported();
  void send_partial(const Held& held, const nlohmann::json& items);
  void progress_begin();
  void progress_report();
  void progress_end(const std::string& message);
  // The client answered the window/workDoneProgress/create of progress `serial`.
  void on_progress_created(std::uint64_t serial, bool ok);

  OutputSink& out_;
  Logger& log_;
  BackgroundWork& work_;
  const detectors::PulumiTokenDetector& detector_;
  const detectors::EncodedTokenFinder& finder_;
  SendRequest send_request_;
  bool pull_ = false;
  bool progress_supported_ = false;
  bool refresh_supported_ = false;  // workspace/diagnostic/refresh
  bool unreported_change_ = false;  // a change no pull request has carried yet
  bool stopped_ = false;  // after shutdown
  std::shared_ptr<const Snapshot> snapshot_;  // of the current generation
  std::shared_ptr<const std::vector<History>> histories_ = std::make_shared<const std::vector<History>>();
  std::uint64_t generation_ = 0;
  std::uint64_t next_result_id_ = 1;
  std::map<std::string, Entry> entries_;     // path -> what it shows
  std::unordered_set<std::string> known_;    // paths the last collection listed (not ignored)
  std::set<std::string> open_;               // paths of open documents
  std::vector<Held> held_;
  // The running full scan.
  bool running_ = false;
  bool collecting_ = false;
  std::vector<std::string> queue_;  // files not yet submitted, in reverse order
  std::size_t total_ = 0, done_ = 0;
  std::uintmax_t bytes_ = 0;
  bool cancelled_ = false;
  bool capped_ = false;
  int in_flight_ = 0;  // batches of the scan submitted and not yet completed
  bool cap_reported_ = false;
  std::size_t errors_ = 0;
  std::chrono::steady_clock::time_point started_;
  // Progress: the token of the current scan's progress, once the client created it.
  std::string progress_token_;
  // EndedWhileCreating: the scan ended before the client answered the create; the answer then
  // sends begin and end (with ended_message_), so a created progress is always closed.
  enum class ProgressState { None, Creating, Begun, EndedWhileCreating } progress_ = ProgressState::None;
  std::string ended_message_;
  int last_percent_ = -1;
  std::uint64_t progress_serial_ = 0;
};

}  // namespace ptl::server
