#pragma once
// LanguageServer: maps LSP methods onto documents, detectors and remediation. No I/O of its own:
// message bodies come in through handle_batch(), everything it says goes to an OutputSink.
//
// Guarantees (each tested in tests/unit/language_server_test.cpp and the transcripts):
//   - every request gets exactly one reply, notifications none; no exception escapes;
//   - the error codes of JSON-RPC and LSP: -32700, -32600, -32601, -32602 (naming the bad field),
//     -32603, -32002 before initialize, -32800 for a request cancelled before it was answered;
//   - diagnostics for a document are published at most once per flush(), for its latest version;
//   - no document text, and so no token, is ever written to the log;
//   - the workspace's project config files (.pulumi-token-lsp.json, project_configs.h) apply:
//     an ignored document publishes no diagnostics, an allowlisted finding none, and the file's
//     severity and placeholder policy apply unless the client set them; the files are read
//     again when one is saved or a watched one changes, and a file with problems is logged and
//     shown once (window/showMessage) while the rest of it applies;
//   - with historyCheck (default), the history of each workspace folder's git repository is
//     read off this thread (scan::HistoryIndex, one per repository, read again when the client
//     reports a commit or a push through the watched .git/logs/HEAD and .git/refs/remotes/**,
//     one build in flight per repository); a finding whose token a commit holds says so
//     (diagnostic message, relatedInformation, data.committed, hover, the rotate action first).
//     When an index arrives, only the open documents whose committed findings changed are
//     published again. A repository that cannot be read is logged once; the server goes on;
//   - with verify "on" (opt-in; off by default, and then nothing goes to the network), the
//     tokens of a document are asked of the Pulumi API when it is opened or saved, and one token
//     when the user runs the "Check whether this token is live" action (live_checks.h); the
//     answer ends the diagnostic's message, is in data.verification and in the hover.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "detectors/encoded_tokens.h"
#include "detectors/pulumi_token_detector.h"
#include "protocol/json_rpc.h"
#include "protocol/lsp_types.h"
#include "protocol/message_reader.h"
#include "scan/history_index.h"
#include "server/background_work.h"
#include "server/diagnostic_writer.h"
#include "server/live_checks.h"
#include "server/logger.h"
#include "server/output_sink.h"
#include "server/project_configs.h"
#include "server/settings.h"
#include "server/text_document.h"
#include "server/workspace_diagnostics.h"
#include "verify/rotation.h"

namespace ptl::server {

class LanguageServer {
 public:
  LanguageServer(OutputSink& out, Logger& log, Settings defaults = {});
  // Cancels the history reads in flight (they stop at the next commit or blob), so that exiting
  // does not wait for a large repository's history.
  ~LanguageServer();
  LanguageServer(const LanguageServer&) = delete;
  LanguageServer& operator=(const LanguageServer&) = delete;

  // Handles the message bodies read together, in order. A $/cancelRequest among them cancels
  // a request of the same batch that comes before it and was not yet answered.
  void handle_batch(std::vector<std::string> bodies);
  void handle(std::string body);
  // Reports a framing problem (logged; the stream goes on).
  void handle_framing_event(const protocol::FramingEvent& ev);
  // Publishes diagnostics for every document changed since the last flush.
  void flush();

  bool exit_requested() const { return exit_requested_; }
  // 0 after shutdown then exit; 1 otherwise (also when the stream ends without exit).
  int exit_code() const { return exit_requested_ && shutdown_ ? 0 : 1; }

  // Work that runs off this thread (background_work.h). `notify` is called on a worker thread
  // when completions are ready; the transport then calls drain_background() and flush() on the
  // server's thread. Without a notify, handle_batch drains before each batch.
  void set_background_notify(std::function<void()> notify);
  // Runs the ready completions (they update documents and publish); returns how many ran.
  std::size_t drain_background();
  // Blocks until all background jobs have finished (tests), then drains.
  void wait_background_idle();

  PositionEncoding encoding() const { return encoding_; }
  const Settings& settings() const { return settings_; }

 private:
  struct OpenDocument {
    std::string uri;
    std::string language_id;
    std::int64_t version = 0;
    std::uint64_t revision = 0;  // bumped on every content or settings change
    std::unique_ptr<TextDocument> text;  // null when the document is over the size limit
    std::size_t size = 0;
    bool over_findings_limit = false;  // said once in the log when it became true
    ProjectConfigs::Scope scope;       // what the project config says about it
    // Whether a token is allowlisted, by std::hash of its bytes (never the token itself): a
    // fingerprint is two SHA-256, too slow to compute for every finding at every keystroke.
    // Cleared when the configs are read again.
    std::unordered_map<std::size_t, bool> allowlisted;
    // The repository (repositories_) whose work tree holds the document, or -1.
    std::ptrdiff_t repository = -1;
    // Where a token is committed, by std::hash of its bytes as `allowlisted`: a SHA-256 per
    // finding per keystroke is too slow. Cleared when the repository's index is replaced.
    std::unordered_map<std::size_t, CommittedEntry> committed;
  };
  // A git repository holding a workspace folder, and what its history holds.
  struct Repository {
    std::filesystem::path workdir;  // the work tree's root, canonical
    std::vector<std::filesystem::path> folders;  // the workspace folders in it, as the client named them
    std::string git_dir, common_dir;  // with a trailing '/', lexically normal
    std::shared_ptr<const scan::HistoryIndex> index;  // null until the first build ends
    bool building = false;     // a build is queued or running
    bool build_again = false;  // a commit or push was reported meanwhile: one more build after it
    std::string logged_errors;  // what was last logged, so the same failure is logged once
  };
  struct Reply {
    nlohmann::json result;
    std::optional<protocol::ErrorCode> error;
    std::string message;
    bool deferred = false;  // answered later (a held workspace/diagnostic)
  };
  static Reply error(protocol::ErrorCode code, std::string message);

  void dispatch(protocol::Incoming& msg, const std::unordered_set<std::string>& cancelled);
  Reply on_request(const std::string& method, nlohmann::json& params);
  void on_notification(const std::string& method, nlohmann::json& params);
  void on_response(const protocol::Incoming& msg);

  Reply on_initialize(nlohmann::json& params);
  Reply on_shutdown();
  Reply on_hover(nlohmann::json& params);
  Reply on_code_action(nlohmann::json& params);
  Reply on_code_action_resolve(nlohmann::json& params);
  Reply on_diagnostic(nlohmann::json& params);
  Reply on_execute_command(nlohmann::json& params);
  void on_initialized();
  void on_did_open(nlohmann::json& params);
  void on_did_change(nlohmann::json& params);
  void on_did_close(nlohmann::json& params);
  void on_did_change_configuration(nlohmann::json& params);
  void on_did_save(nlohmann::json& params);
  void on_did_change_watched_files(nlohmann::json& params);
  void on_did_change_workspace_folders(nlohmann::json& params);
  Reply on_workspace_diagnostic(nlohmann::json& params);

  // Finds the repositories of the workspace folders not looked at yet, registers the watchers
  // (once) and builds the indexes of the repositories found now, or of all with `rebuild`
  // (historyCheck on).
  void start_history_check(bool rebuild);
  // Queues a build of repositories_[r]'s index, or one more after the one in flight.
  void build_history(std::size_t r);
  // A build ended (on the server's thread): stores the index, logs what failed (once), and
  // publishes again the documents whose committed findings changed.
  void history_arrived(std::size_t r, std::shared_ptr<const scan::HistoryIndex> index, std::vector<std::string> errors,
                       double seconds);
  // The repository of `uri` (the longest work tree or folder holding it), or -1.
  std::ptrdiff_t repository_of(const std::string& uri) const;
  // Where each finding of `doc` is committed (cached in doc.committed); empty when nothing can
  // be (historyCheck off, no repository, index not built or holding no token).
  CommittedLookup committed_lookup(OpenDocument& doc);
  // What the Pulumi API said about each finding of `doc`; empty when nothing was asked.
  VerificationLookup verification_lookup(const OpenDocument& doc) const;
  // Asks the Pulumi API about the real tokens of `doc` (verify on; on open and save).
  void check_live(const OpenDocument& doc);
  // An answer arrived: the documents holding that token are published again; one the user asked
  // about is also shown.
  void verification_arrived(std::size_t key, const verify::Verification& answer, bool asked, bool fresh);
  // The finding named by executeCommand's arguments [{"uri", "offset"}] (a real token starting at
  // offset in an open document), or nullopt with `error_message` (and `doc` set when the
  // document is open but the token is gone).
  std::optional<DocumentFinding> token_argument(const nlohmann::json& arguments, const OpenDocument*& doc,
                                        std::string& error_message);
  // workspace/executeCommand of kCheckCommand.
  Reply check_command(const nlohmann::json& arguments);
  // workspace/executeCommand of kRotateCommand: without arguments, the console's token page; with
  // a token, the guided rotation (editor_rotation.h) on rotation_work_, one at a time.
  Reply rotate_command(const nlohmann::json& arguments);
  void rotation_finished(const verify::RotationResult& result, const std::string& masked);

  // What to do with the client's answer to one of our requests: the result, or null with the
  // error (an object) when the client answered with one.
  using ResponseHandler = std::function<void(const nlohmann::json& result, const nlohmann::json& error)>;
  void send_request(std::string_view method, nlohmann::json params, ResponseHandler on_response = {});
  // Registers the **/* watcher of workspace diagnostics, once, when the client can and the
  // setting is on (at initialized, or when the setting or the first folder comes later).
  void register_workspace_watcher();
  void request_configuration();
  void apply_client_settings(const nlohmann::json& section);
  // Reads the project config files again, re-scopes every open document and republishes.
  void reload_project_configs();
  // Logs the problems of each config file and shows them once (window/showMessage).
  void report_project_config_problems();
  ProjectConfigs::Scope scope_of(const std::string& uri) const;
  void mark_dirty(OpenDocument& doc);
  void mark_all_dirty();
  void publish(OpenDocument& doc);
  // Appends the document's diagnostics as a JSON array; logs once when the findings limit is
  // first passed.
  void append_diagnostics_array(std::string& out, OpenDocument& doc);
  // Drops the text of a document over maxDocumentSize (logged); true if it was dropped.
  bool drop_if_over_size_limit(OpenDocument& doc, std::size_t size);
  OpenDocument* find_document(const std::string& uri);

  OutputSink& out_;
  Logger& log_;
  Settings settings_;
  detectors::PulumiTokenDetector detector_;
  detectors::EncodedTokenFinder finder_{detector_};  // built once, like the detector; reads it
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  protocol::ClientCapabilities client_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exit_requested_ = false;
  std::unordered_map<std::string, OpenDocument> documents_;
  ProjectConfigs project_configs_;
  std::map<std::string, std::string> shown_config_problems_;  // config file -> problems last shown
  std::vector<std::string> dirty_;  // URIs to publish at the next flush
  struct PendingRequest {
    std::string method;
    ResponseHandler on_response;
  };
  std::unordered_map<std::string, PendingRequest> pending_requests_;  // by our request's id
  std::uint64_t next_request_id_ = 1;
  std::vector<std::filesystem::path> folders_;  // the workspace's folders (file: URIs only)
  nlohmann::json current_request_id_;           // the id of the request being answered
  bool got_initialized_ = false;   // the client sent `initialized`
  bool history_registered_ = false;  // the .git watchers are registered
  bool workspace_watcher_registered_ = false;  // the **/* watcher of workspace diagnostics
  std::set<std::filesystem::path> history_folders_;  // folders whose repository was looked for
  std::vector<Repository> repositories_;  // never shrinks: documents keep indices into it
  // Set when the server goes away: the history jobs read it (shared, so it outlives neither).
  std::shared_ptr<std::atomic<bool>> history_cancel_ = std::make_shared<std::atomic<bool>>(false);
  WorkspaceDiagnostics workspace_;              // uses workspace_work_, declared (and destroyed) after it
  LiveChecks live_;                             // uses verify_work_, likewise
  bool rotation_running_ = false;
  // Set at shutdown and when the server goes away: a rotation waiting for an answer stops.
  std::shared_ptr<std::atomic<bool>> rotation_cancel_ = std::make_shared<std::atomic<bool>>(false);
  // Last members: destroyed first, so no job outlives the state its completion touches.
  BackgroundWork history_work_;    // reading git history (one job per repository)
  BackgroundWork workspace_work_;  // scanning the workspace's files
  BackgroundWork verify_work_;     // asking the Pulumi API whether tokens are live (verify on)
  BackgroundWork rotation_work_;   // the guided rotation (blocks on the user's answers)
};

}  // namespace ptl::server
