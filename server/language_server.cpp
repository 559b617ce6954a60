#include "server/language_server.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

#include <fmt/format.h>

#include "detectors/token_mask.h"
#include "protocol/lsp_decode.h"
#include "remediation/remediation.h"
#include "scan/fingerprint.h"
#include "scan/git_repository.h"
#include "scan/report.h"
#include "server/code_actions.h"
#include "server/diagnostic_writer.h"
#include "server/editor_rotation.h"
#include "server/rotate_command.h"
#include "server/hover_text.h"
#include "verify/pulumi_tokens.h"

namespace ptl::server {

using nlohmann::json;
using protocol::ErrorCode;

namespace {

constexpr std::string_view kServerVersion = "0.1.0";

std::string id_key(const json& id) { return id.dump(); }


// The workspace's folders as directories: workspaceFolders, else rootUri, else rootPath. Only
// file: URIs name a place a project config can be read from.
std::vector<std::filesystem::path> workspace_folders(const protocol::InitializeParams& p) {
  std::vector<std::filesystem::path> out;
  for (const std::string& uri : p.workspaceFolders)
    if (is_file_uri(uri)) out.emplace_back(uri_path(uri));
  if (out.empty() && p.rootUri && is_file_uri(*p.rootUri)) out.emplace_back(uri_path(*p.rootUri));
  if (out.empty() && p.rootPath && !p.rootPath->empty()) out.emplace_back(*p.rootPath);
  return out;
}

// `path` with a trailing '/', for prefix tests on whole components.
std::string as_dir(const std::filesystem::path& path) {
  std::string s = path.lexically_normal().generic_string();
  if (s.empty() || s.back() != '/') s += '/';
  return s;
}

// Whether a watched file is one a commit (.git/logs/HEAD) or a push or fetch
// (.git/refs/remotes/..., .git/logs/refs/remotes/...) writes.
bool history_changed_by(std::string_view path_in_git_dir) {
  return path_in_git_dir == "logs/HEAD" || path_in_git_dir.starts_with("refs/remotes/") ||
         path_in_git_dir.starts_with("logs/refs/remotes/") || path_in_git_dir == "packed-refs";
}

json range_json(LinePosition a, LinePosition b) {
  return {{"start", {{"line", a.line}, {"character", a.character}}},
          {"end", {{"line", b.line}, {"character", b.character}}}};
}

}  // namespace

LanguageServer::LanguageServer(OutputSink& out, Logger& log, Settings defaults)
    : out_(out),
      log_(log),
      settings_(std::move(defaults)),
      workspace_(out_, log_, workspace_work_, detector_, finder_,
                 [this](std::string_view method, json params, std::function<void(bool ok)> answered) {
                   ResponseHandler on_response;
                   if (answered)
                     on_response = [answered = std::move(answered)](const json&, const json& error) {
                       answered(error.is_null());
                     };
                   send_request(method, std::move(params), std::move(on_response));
                 }),
      live_(log_, verify_work_,
            [this](std::size_t key, const verify::Verification& answer, bool asked, bool fresh) {
              verification_arrived(key, answer, asked, fresh);
            }) {
  if (!detector_.ok()) log_.error("detector failed to build: {}", detector_.error());
}

LanguageServer::~LanguageServer() {
  history_cancel_->store(true);
  rotation_cancel_->store(true);
}

LanguageServer::Reply LanguageServer::error(ErrorCode code, std::string message) {
  Reply r;
  r.error = code;
  r.message = std::move(message);
  return r;
}

void LanguageServer::handle(std::string body) {
  std::vector<std::string> one;
  one.push_back(std::move(body));
  handle_batch(std::move(one));
}

void LanguageServer::handle_framing_event(const protocol::FramingEvent& ev) {
  using K = protocol::FramingEvent::Kind;
  if (ev.kind == K::Oversized)
    log_.error("skipped a message of {} bytes: {}", ev.size, ev.detail);
  else if (ev.kind != K::Message)
    log_.error("framing: {}", ev.detail);
}

void LanguageServer::set_background_notify(std::function<void()> notify) {
  history_work_.set_notify(notify);
  workspace_work_.set_notify(notify);
  verify_work_.set_notify(notify);
  rotation_work_.set_notify(std::move(notify));
}

std::size_t LanguageServer::drain_background() {
  return history_work_.drain() + workspace_work_.drain() + verify_work_.drain() + rotation_work_.drain();
}

void LanguageServer::wait_background_idle() {
  // A completion may submit more work (a rescan after a change): wait until nothing is left.
  do {
    history_work_.wait_idle();
    workspace_work_.wait_idle();
    verify_work_.wait_idle();
  } while (drain_background() > 0);
}

void LanguageServer::handle_batch(std::vector<std::string> bodies) {
  drain_background();
  std::vector<protocol::Classified> parsed;
  parsed.reserve(bodies.size());
  std::unordered_set<std::string> cancelled;
  for (std::string& body : bodies) {
    parsed.push_back(protocol::classify(std::move(body)));
    body = std::string();
    const auto& c = parsed.back();
    if (c.message && c.message->kind == protocol::Incoming::Kind::Notification &&
        c.message->method == "$/cancelRequest" && c.message->params.is_object()) {
      auto id = c.message->params.find("id");
      if (id != c.message->params.end()) cancelled.insert(id_key(*id));
    }
  }
  for (protocol::Classified& c : parsed) {
    if (exit_requested_) break;
    if (c.repaired_utf8) log_.info("message held invalid UTF-8; each bad byte was replaced by U+007F (one character, as before)");
    if (c.error) {
      log_.error("rejected message ({}): {}", static_cast<int>(c.error->code), c.error->message);
      out_.send(protocol::make_error(c.error->id, c.error->code, c.error->message));
      continue;
    }
    dispatch(*c.message, cancelled);
    // A cancellation applies to a request at most once.
    if (c.message->kind == protocol::Incoming::Kind::Request) cancelled.erase(id_key(c.message->id));
  }
}

void LanguageServer::dispatch(protocol::Incoming& msg, const std::unordered_set<std::string>& cancelled) {
  using Kind = protocol::Incoming::Kind;
  if (msg.kind == Kind::Response) {
    on_response(msg);
    return;
  }
  if (msg.kind == Kind::Notification) {
    try {
      on_notification(msg.method, msg.params);
    } catch (const std::exception& e) {
      log_.error("internal error in notification {}: {}", msg.method, e.what());
    }
    return;
  }
  log_.debug("request {} id={}", msg.method, msg.id.dump());
  Reply reply;
  current_request_id_ = msg.id;
  if (cancelled.count(id_key(msg.id))) {
    reply = error(ErrorCode::RequestCancelled, "request cancelled");
  } else {
    try {
      reply = on_request(msg.method, msg.params);
    } catch (const std::exception& e) {
      log_.error("internal error in {}: {}", msg.method, e.what());
      reply = error(ErrorCode::InternalError, fmt::format("internal error in {}", msg.method));
    }
  }
  if (reply.deferred) return;
  if (reply.error) {
    log_.info("{} -> error {}: {}", msg.method, static_cast<int>(*reply.error), reply.message);
    out_.send(protocol::make_error(msg.id, *reply.error, reply.message));
  } else {
    out_.send(protocol::make_result(msg.id, reply.result));
  }
}

LanguageServer::Reply LanguageServer::on_request(const std::string& method, json& params) {
  if (method == "initialize") {
    if (initialized_) return error(ErrorCode::InvalidRequest, "initialize may only be sent once");
    return on_initialize(params);
  }
  if (!initialized_) return error(ErrorCode::ServerNotInitialized, fmt::format("{} before initialize", method));
  if (shutdown_) return error(ErrorCode::InvalidRequest, fmt::format("{} after shutdown", method));
  if (method == "shutdown") return on_shutdown();
  if (method == "textDocument/hover") return on_hover(params);
  if (method == "textDocument/codeAction") return on_code_action(params);
  if (method == "codeAction/resolve") return on_code_action_resolve(params);
  if (method == "textDocument/diagnostic") return on_diagnostic(params);
  if (method == "workspace/diagnostic") return on_workspace_diagnostic(params);
  if (method == "workspace/executeCommand") return on_execute_command(params);
  return error(ErrorCode::MethodNotFound, fmt::format("unknown method {}", method));
}

void LanguageServer::on_notification(const std::string& method, json& params) {
  if (method == "exit") {
    exit_requested_ = true;
    return;
  }
  if (!initialized_) {
    log_.info("notification {} before initialize dropped", method);
    return;
  }
  if (shutdown_) {
    log_.info("notification {} after shutdown dropped", method);
    return;
  }
  if (method == "initialized") on_initialized();
  else if (method == "textDocument/didOpen") on_did_open(params);
  else if (method == "textDocument/didChange") on_did_change(params);
  else if (method == "textDocument/didClose") on_did_close(params);
  else if (method == "workspace/didChangeConfiguration") on_did_change_configuration(params);
  else if (method == "textDocument/didSave") on_did_save(params);
  else if (method == "workspace/didChangeWatchedFiles") on_did_change_watched_files(params);
  else if (method == "workspace/didChangeWorkspaceFolders") on_did_change_workspace_folders(params);
  else if (method == "$/cancelRequest" && params.is_object() && params.contains("id")) workspace_.cancel_request(params["id"]);
  else if (method == "window/workDoneProgress/cancel") {
    auto decoded = protocol::decode_work_done_progress_cancel(params);
    if (decoded) workspace_.on_progress_cancel(decoded.value->token);
    else log_.error("window/workDoneProgress/cancel ignored: {}", decoded.error);
  }
  else log_.debug("notification {} ignored", method);
}

void LanguageServer::on_response(const protocol::Incoming& msg) {
  auto it = pending_requests_.find(id_key(msg.id));
  if (it == pending_requests_.end()) {
    log_.info("response to unknown request {} ignored", msg.id.dump());
    return;
  }
  std::string method = std::move(it->second.method);
  const ResponseHandler handler = std::move(it->second.on_response);
  pending_requests_.erase(it);
  if (handler) handler(msg.error.is_null() ? msg.result : json(nullptr), msg.error);
  if (!msg.error.is_null()) {
    log_.info("client answered {} with an error", method);
    return;
  }
  if (method == "workspace/configuration" && msg.result.is_array() && !msg.result.empty())
    apply_client_settings(msg.result[0]);
}

void LanguageServer::send_request(std::string_view method, json params, ResponseHandler on_response) {
  json id = fmt::format("ptl-{}", next_request_id_++);
  pending_requests_[id_key(id)] = PendingRequest{std::string(method), std::move(on_response)};
  out_.send(protocol::make_request(id, method, params));
}

LanguageServer::Reply LanguageServer::on_initialize(json& params) {
  auto decoded = protocol::decode_initialize(params);
  if (!decoded) return error(ErrorCode::InvalidParams, decoded.error);
  client_ = decoded.value->capabilities;
  encoding_ = negotiate_encoding(client_.positionEncodings);
  const json& opts = decoded.value->initializationOptions;
  if (opts.is_object()) {
    auto section = opts.find("pulumiTokenLsp");
    apply_client_settings(section != opts.end() ? *section : opts);
  }
  folders_ = workspace_folders(*decoded.value);
  project_configs_.load(folders_);
  workspace_.set_client(client_, encoding_);
  initialized_ = true;
  log_.info("initialized for {} (positions in {}, diagnostics {})",
            decoded.value->clientName.empty() ? std::string("an unnamed client") : decoded.value->clientName,
            encoding_name(encoding_), client_.pullDiagnostics ? "pulled" : "pushed");
  json caps = {
      {"positionEncoding", encoding_name(encoding_)},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"codeActionProvider",
       {{"codeActionKinds", {"quickfix", kFixAllKind}}, {"resolveProvider", client_.codeActionResolveEdit}}},
      {"executeCommandProvider", {{"commands", {kRotateCommand, kCheckCommand}}}},
      {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
  };
  if (client_.pullDiagnostics)
    caps["diagnosticProvider"] = {{"identifier", "pulumi-token-lsp"}, {"interFileDependencies", false},
                                  {"workspaceDiagnostics", true}};
  return Reply{json{{"capabilities", caps}, {"serverInfo", {{"name", "pulumi-token-lsp"}, {"version", kServerVersion}}}},
               std::nullopt, {}};
}

void LanguageServer::register_workspace_watcher() {
  if (workspace_watcher_registered_ || !client_.didChangeWatchedFilesDynamic || !settings_.workspace_diagnostics ||
      folders_.empty())
    return;
  // Files changed outside the editor (a checkout, a generator) keep the workspace's results current.
  workspace_watcher_registered_ = true;
  send_request("client/registerCapability",
               {{"registrations",
                 {{{"id", "pulumi-token-lsp-workspace-files"}, {"method", "workspace/didChangeWatchedFiles"},
                   {"registerOptions", {{"watchers", {{{"globPattern", "**/*"}}}}}}}}}});
}

void LanguageServer::on_initialized() {
  if (client_.didChangeConfigurationDynamic) {
    send_request("client/registerCapability",
                 {{"registrations",
                   {{{"id", "pulumi-token-lsp-configuration"}, {"method", "workspace/didChangeConfiguration"},
                     {"registerOptions", {{"section", "pulumiTokenLsp"}}}}}}});
  }
  // Saves in the editor reach the server as didSave; a watcher also sees a checkout or another
  // program change the file.
  if (client_.didChangeWatchedFilesDynamic && !project_configs_.files().empty()) {
    send_request("client/registerCapability",
                 {{"registrations",
                   {{{"id", "pulumi-token-lsp-project-config"}, {"method", "workspace/didChangeWatchedFiles"},
                     {"registerOptions",
                      {{"watchers", {{{"globPattern", fmt::format("**/{}", scan::kProjectConfigFileName)}}}}}}}}}});
  }
  register_workspace_watcher();
  report_project_config_problems();
  workspace_.rescan_all(folders_, settings_, project_configs_);
  got_initialized_ = true;
  if (settings_.history_check) start_history_check(true);
  request_configuration();
}

void LanguageServer::start_history_check(bool rebuild) {
  const std::size_t known = repositories_.size();
  for (const std::filesystem::path& folder : folders_) {
    if (!history_folders_.insert(folder).second) continue;  // looked at already
    std::string error;
    const std::unique_ptr<scan::GitRepository> git = scan::GitRepository::discover(folder, error);
    if (!git) {
      if (error.empty()) log_.info("{} is not in a git work tree: no history check", folder.string());
      else log_.error("history check: {}: {}", folder.string(), error);
      continue;
    }
    const std::string git_dir = as_dir(git->git_dir());
    auto same = [&](const Repository& r) { return r.git_dir == git_dir; };
    auto it = std::find_if(repositories_.begin(), repositories_.end(), same);
    if (it == repositories_.end()) {
      Repository r;
      r.workdir = git->workdir();
      r.git_dir = git_dir;
      r.common_dir = as_dir(git->common_dir());
      repositories_.push_back(std::move(r));
      it = repositories_.end() - 1;
    }
    it->folders.push_back(folder);
  }
  for (auto& [uri, doc] : documents_) doc.repository = repository_of(uri);
  // A commit writes .git/logs/HEAD; a push or fetch writes .git/refs/remotes/**.
  if (!history_registered_ && client_.didChangeWatchedFilesDynamic && !repositories_.empty()) {
    history_registered_ = true;
    send_request("client/registerCapability",
                 {{"registrations",
                   {{{"id", "pulumi-token-lsp-git-history"},
                     {"method", "workspace/didChangeWatchedFiles"},
                     {"registerOptions",
                      {{"watchers",
                        {{{"globPattern", "**/.git/logs/HEAD"}}, {{"globPattern", "**/.git/refs/remotes/**"}}}}}}}}}});
  }
  for (std::size_t r = rebuild ? 0 : known; r < repositories_.size(); ++r) build_history(r);
}

void LanguageServer::build_history(std::size_t r) {
  Repository& repo = repositories_[r];
  if (repo.building) {
    repo.build_again = true;
    return;
  }
  repo.building = true;
  log_.info("history check: reading the history of {}", repo.workdir.string());
  history_work_.submit([this, r, start = repo.workdir, cancel = history_cancel_]() -> BackgroundWork::Completion {
    const auto began = std::chrono::steady_clock::now();
    std::vector<std::string> errors;
    std::shared_ptr<const scan::HistoryIndex> index;
    try {
      scan::ScanOptions options;
      // Half the cores: the editor and the user's build keep the rest.
      options.threads = std::max(1u, std::thread::hardware_concurrency() / 2);
      options.cancel = cancel.get();
      // Outside a repository, build() gives an empty index and no error: a work tree deleted
      // meanwhile is worth a line.
      std::error_code ec;
      if (!std::filesystem::exists(start / ".git", ec))
        errors.push_back(fmt::format("{} is no longer a git work tree", start.string()));
      else
        index = std::make_shared<const scan::HistoryIndex>(scan::HistoryIndex::build(start, options, errors));
    } catch (const std::exception& e) {
      errors.push_back(fmt::format("reading the history failed: {}", e.what()));
    } catch (...) {
      errors.emplace_back("reading the history failed");
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    return [this, r, index = std::move(index), errors = std::move(errors), seconds]() mutable {
      history_arrived(r, std::move(index), std::move(errors), seconds);
    };
  });
}

void LanguageServer::history_arrived(std::size_t r, std::shared_ptr<const scan::HistoryIndex> index,
                                     std::vector<std::string> errors, double seconds) {
  Repository& repo = repositories_[r];
  repo.building = false;
  std::string all;
  for (const std::string& e : errors) all += e + '\n';
  if (all != repo.logged_errors) {
    repo.logged_errors = all;
    // Each unreadable object is one line: the first few say what is wrong.
    for (std::size_t i = 0; i < errors.size() && i < 3; ++i)
      log_.error("history check: {}: {}", repo.workdir.string(), errors[i]);
    if (errors.size() > 3) log_.error("history check: {}: {} more errors", repo.workdir.string(), errors.size() - 3);
  }
  if (index) {
    log_.info("history check: {}: {} commits, {} distinct tokens, read in {:.2f} s", repo.workdir.string(),
              index->commits(), index->size(), seconds);
    const std::shared_ptr<const scan::HistoryIndex> old = std::move(repo.index);
    repo.index = std::move(index);
    std::vector<WorkspaceDiagnostics::History> histories;
    for (const Repository& each : repositories_)
      if (each.index) histories.push_back({each.workdir, each.index});
    workspace_.set_histories(std::move(histories));
    // Publish again only the documents whose findings the old or the new index holds: a
    // document no commit touches stays as it was published.
    bool changed = false;
    for (auto& entry : documents_) {
      OpenDocument& doc = entry.second;  // not a structured binding: clang 14 cannot capture one
      if (doc.repository != static_cast<std::ptrdiff_t>(r)) continue;
      doc.committed.clear();
      if (!settings_.history_check || !doc.text || doc.scope.ignored) continue;
      bool affected = false;
      std::string scratch;
      doc.text->for_each_finding([&](const DocumentFinding& f) {
        if (affected || f.placeholder) return;
        const std::string hash = scan::sha256_hex(doc.text->token_of(f, scratch));
        affected = repo.index->find(hash) != nullptr || (old && old->find(hash) != nullptr);
      });
      if (affected) {
        mark_dirty(doc);
        changed = true;
      }
    }
    if (changed && client_.pullDiagnostics && client_.diagnosticRefresh)
      send_request("workspace/diagnostic/refresh", nullptr);
  }
  if (repo.build_again) {
    repo.build_again = false;
    build_history(r);
  }
}

std::ptrdiff_t LanguageServer::repository_of(const std::string& uri) const {
  if (!is_file_uri(uri)) return -1;
  const std::string path = std::filesystem::path(uri_path(uri)).lexically_normal().generic_string();
  std::ptrdiff_t best = -1;
  std::size_t best_length = 0;
  for (std::size_t r = 0; r < repositories_.size(); ++r) {
    auto consider = [&](const std::filesystem::path& root) {
      const std::string dir = as_dir(root);
      if (path.starts_with(dir) && dir.size() > best_length) {
        best = static_cast<std::ptrdiff_t>(r);
        best_length = dir.size();
      }
    };
    consider(repositories_[r].workdir);
    for (const std::filesystem::path& folder : repositories_[r].folders) consider(folder);
  }
  return best;
}

CommittedLookup LanguageServer::committed_lookup(OpenDocument& doc) {
  if (!settings_.history_check || doc.repository < 0 || !doc.text) return {};
  const Repository& repo = repositories_[static_cast<std::size_t>(doc.repository)];
  if (!repo.index || repo.index->size() == 0) return {};
  if (doc.committed.size() > 4 * doc.text->finding_count() + 1024) doc.committed.clear();
  return [&doc, &repo](const DocumentFinding& f) {
    std::string scratch;
    const std::string_view token = doc.text->token_of(f, scratch);
    auto [it, added] = doc.committed.try_emplace(std::hash<std::string_view>{}(token));
    if (added) it->second = find_committed(*repo.index, repo.workdir, token);
    return CommittedNote{it->second.committed, it->second.file_uri};
  };
}

VerificationLookup LanguageServer::verification_lookup(const OpenDocument& doc) const {
  if (!live_.enabled() || !doc.text) return {};
  return [this, &doc](const DocumentFinding& f) {
    std::string scratch;
    return live_.find(LiveChecks::token_key(doc.text->token_of(f, scratch)));
  };
}

void LanguageServer::check_live(const OpenDocument& doc) {
  if (!live_.enabled() || !doc.text || doc.scope.ignored) return;
  std::vector<std::string> scratch(doc.text->finding_count());
  std::vector<std::string_view> tokens;
  doc.text->for_each_finding([&](const DocumentFinding& f) {
    if (!f.placeholder) tokens.push_back(doc.text->token_of(f, scratch[tokens.size()]));
  });
  live_.check(tokens, false);
  for (std::string& s : scratch) verify::wipe(s);
}

void LanguageServer::verification_arrived(std::size_t key, const verify::Verification& answer, bool asked,
                                          bool fresh) {
  std::string masked;
  bool changed = false;
  for (auto& entry : documents_) {
    OpenDocument& doc = entry.second;  // not a structured binding: clang 14 cannot capture one
    if (!doc.text) continue;
    bool holds = false;
    std::string scratch;
    doc.text->for_each_finding([&](const DocumentFinding& f) {
      if (holds || f.placeholder || LiveChecks::token_key(doc.text->token_of(f, scratch)) != key) return;
      holds = true;
      if (masked.empty()) masked = masked_token(*doc.text, f);
    });
    if (holds && fresh) {
      mark_dirty(doc);
      changed = true;
    }
  }
  if (fresh)
    log_.info("verify: {} is {}", masked.empty() ? std::string("a token no longer open") : masked,
            verify::describe(answer));
  if (asked) {
    const int type = answer.liveness == verify::Liveness::Live ? 2 : 3;  // Warning: act on it; else Info
    out_.send(protocol::make_notification(
        "window/showMessage",
        {{"type", type},
         {"message", fmt::format("Pulumi access token {}: {}", masked.empty() ? std::string("(closed)") : masked,
                                 verification_sentence(answer))}}));
  }
  if (changed && client_.pullDiagnostics && client_.diagnosticRefresh)
    send_request("workspace/diagnostic/refresh", nullptr);
}

void LanguageServer::report_project_config_problems() {
  for (const ProjectConfigs::File& f : project_configs_.files()) {
    const std::string file = f.path.string();
    if (f.problems.empty()) {
      shown_config_problems_.erase(file);
      log_.info("project config {}: {} ignore patterns, {} allowlisted findings", file, f.config.ignore.size(),
                f.config.allowlist.size());
      continue;
    }
    std::string all;
    for (const scan::ProjectConfigProblem& p : f.problems) {
      if (p.error) log_.error("project config {}: {}", file, p.message);
      else log_.info("project config {}: warning: {}", file, p.message);
      all += p.message;
      all += '\n';
    }
    std::string& shown = shown_config_problems_[file];
    if (shown == all) continue;  // shown once; saved again unchanged, it is not shown again
    shown = all;
    std::string message = fmt::format("pulumi-token-lsp: {}: {}", file, f.problems.front().message);
    if (f.problems.size() > 1) message += fmt::format(" (and {} more, in the server's log)", f.problems.size() - 1);
    message += ". What has a problem is not applied; the rest of the file is.";
    out_.send(protocol::make_notification("window/showMessage", {{"type", 2}, {"message", message}}));
  }
}

ProjectConfigs::Scope LanguageServer::scope_of(const std::string& uri) const {
  if (!is_file_uri(uri)) return {};
  return project_configs_.scope_of(uri_path(uri));
}

void LanguageServer::reload_project_configs() {
  project_configs_.load(folders_);
  report_project_config_problems();
  for (auto& [uri, doc] : documents_) {
    doc.scope = scope_of(uri);
    doc.allowlisted.clear();
  }
  mark_all_dirty();
  workspace_.rescan_all(folders_, settings_, project_configs_);
  if (client_.pullDiagnostics && client_.diagnosticRefresh && !documents_.empty())
    send_request("workspace/diagnostic/refresh", nullptr);
}

void LanguageServer::on_did_save(json& params) {
  auto decoded = protocol::decode_text_document_identifier(params);
  if (!decoded) {
    log_.error("didSave ignored: {}", decoded.error);
    return;
  }
  if (is_file_uri(decoded.value->uri) && ProjectConfigs::is_config_file(uri_path(decoded.value->uri))) {
    log_.info("{} saved: reading the project config files again", decoded.value->uri);
    reload_project_configs();
  } else if (is_file_uri(decoded.value->uri)) {
    workspace_.rescan_files({uri_path(decoded.value->uri)}, false);
  }
  if (const OpenDocument* doc = find_document(decoded.value->uri)) check_live(*doc);
}

void LanguageServer::on_did_change_watched_files(json& params) {
  auto decoded = protocol::decode_did_change_watched_files(params);
  if (!decoded) {
    log_.error("didChangeWatchedFiles ignored: {}", decoded.error);
    return;
  }
  bool configs = false;
  for (const protocol::FileEvent& change : decoded.value->changes) {
    if (!is_file_uri(change.uri)) continue;
    const std::string path = std::filesystem::path(uri_path(change.uri)).lexically_normal().generic_string();
    if (ProjectConfigs::is_config_file(path)) {
      if (!configs) {
        log_.info("{} changed: reading the project config files again", change.uri);
        reload_project_configs();  // scans the workspace again too
      }
      configs = true;
      continue;
    }
    if (!settings_.history_check) continue;
    for (std::size_t r = 0; r < repositories_.size(); ++r) {
      const Repository& repo = repositories_[r];
      const std::string dot_git = as_dir(repo.workdir / ".git");
      for (const std::string& dir : {repo.git_dir, repo.common_dir, dot_git}) {
        if (path.starts_with(dir) && history_changed_by(std::string_view(path).substr(dir.size()))) {
          log_.info("{} changed: reading the history of {} again", change.uri, repo.workdir.string());
          build_history(r);  // one build in flight per repository: the rest waits for it
          break;
        }
      }
    }
  }
  if (configs) return;  // the workspace is being scanned again whole
  std::vector<std::filesystem::path> created, changed, deleted;
  for (const protocol::FileEvent& change : decoded.value->changes) {
    if (!is_file_uri(change.uri)) continue;
    auto& list = change.type == 1 ? created : change.type == 3 ? deleted : changed;
    list.emplace_back(uri_path(change.uri));
  }
  if (!deleted.empty()) workspace_.remove_files(deleted);
  if (!created.empty()) workspace_.rescan_files(created, true);
  if (!changed.empty()) workspace_.rescan_files(changed, false);
}

void LanguageServer::on_did_change_workspace_folders(json& params) {
  auto decoded = protocol::decode_did_change_workspace_folders(params);
  if (!decoded) {
    log_.error("didChangeWorkspaceFolders ignored: {}", decoded.error);
    return;
  }
  for (const std::string& uri : decoded.value->removed) {
    if (!is_file_uri(uri)) continue;
    const std::filesystem::path path = uri_path(uri);
    folders_.erase(std::remove(folders_.begin(), folders_.end(), path), folders_.end());
  }
  for (const std::string& uri : decoded.value->added) {
    if (!is_file_uri(uri)) continue;
    std::filesystem::path path = uri_path(uri);
    if (std::find(folders_.begin(), folders_.end(), path) == folders_.end()) folders_.push_back(std::move(path));
  }
  log_.info("workspace folders changed: {} folders", folders_.size());
  reload_project_configs();
  if (settings_.history_check && got_initialized_) start_history_check(false);
  register_workspace_watcher();  // the first folder of a workspace that had none
}

LanguageServer::Reply LanguageServer::on_workspace_diagnostic(json& params) {
  auto decoded = protocol::decode_workspace_diagnostic(params);
  if (!decoded) return error(ErrorCode::InvalidParams, decoded.error);
  std::optional<json> result = workspace_.on_pull(current_request_id_, *decoded.value);
  if (!result) {
    Reply held;
    held.deferred = true;
    return held;
  }
  return Reply{std::move(*result), std::nullopt, {}};
}

void LanguageServer::request_configuration() {
  if (!client_.workspaceConfiguration) return;
  send_request("workspace/configuration", {{"items", {{{"section", "pulumiTokenLsp"}}}}});
}

void LanguageServer::apply_client_settings(const json& section) {
  const bool history_check = settings_.history_check;
  for (const std::string& w : apply_settings(settings_, section)) log_.error("settings: {}", w);
  if (settings_.history_check && !history_check && got_initialized_) start_history_check(true);
  if (!settings_.history_check)
    for (auto& [uri, doc] : documents_) doc.committed.clear();
  live_.configure(settings_);
  if (got_initialized_) register_workspace_watcher();  // workspaceDiagnostics turned on later
  mark_all_dirty();
  if (initialized_) workspace_.update_settings(settings_);
  // Pulling clients learn of the change only when asked to pull again.
  if (client_.pullDiagnostics && client_.diagnosticRefresh && !documents_.empty())
    send_request("workspace/diagnostic/refresh", nullptr);
}

LanguageServer::Reply LanguageServer::on_shutdown() {
  shutdown_ = true;
  workspace_.shutdown();
  rotation_cancel_->store(true);
  return Reply{nullptr, std::nullopt, {}};
}

LanguageServer::OpenDocument* LanguageServer::find_document(const std::string& uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

void LanguageServer::mark_dirty(OpenDocument& doc) {
  ++doc.revision;
  if (std::find(dirty_.begin(), dirty_.end(), doc.uri) == dirty_.end()) dirty_.push_back(doc.uri);
}

void LanguageServer::mark_all_dirty() {
  for (auto& [uri, doc] : documents_) mark_dirty(doc);
}

void LanguageServer::on_did_open(json& params) {
  auto decoded = protocol::decode_did_open(params);
  if (!decoded) {
    log_.error("didOpen ignored: {}", decoded.error);
    return;
  }
  auto& item = decoded.value->textDocument;
  if (documents_.count(item.uri)) log_.info("didOpen of an already open document replaces it: {}", item.uri);
  OpenDocument doc;
  doc.uri = item.uri;
  doc.language_id = item.languageId;
  doc.version = item.version;
  doc.scope = scope_of(item.uri);
  if (doc.scope.ignored) log_.debug("{} is ignored by the project config", item.uri);
  if (!drop_if_over_size_limit(doc, item.text.size())) {
    doc.size = item.text.size();
    doc.text = std::make_unique<TextDocument>(std::move(item.text), encoding_, detector_, finder_);
  }
  doc.repository = repository_of(item.uri);
  std::string uri = doc.uri;
  OpenDocument& stored = documents_[uri] = std::move(doc);
  workspace_.document_opened(uri);
  mark_dirty(stored);
  check_live(stored);
  log_.debug("opened {} ({} bytes, {} findings)", uri, stored.size, stored.text ? stored.text->finding_count() : 0);
}

void LanguageServer::on_did_change(json& params) {
  auto decoded = protocol::decode_did_change(params);
  if (!decoded) {
    log_.error("didChange ignored: {}", decoded.error);
    return;
  }
  OpenDocument* doc = find_document(decoded.value->uri);
  if (!doc) {
    log_.info("didChange for a document that is not open ignored: {}", decoded.value->uri);
    return;
  }
  doc->version = decoded.value->version;
  for (auto& change : decoded.value->contentChanges) {
    if (!change.range) {  // a whole new text: scanned again if it fits
      if (drop_if_over_size_limit(*doc, change.text.size())) continue;
      if (doc->text) doc->text->replace_all(std::move(change.text));
      else doc->text = std::make_unique<TextDocument>(std::move(change.text), encoding_, detector_, finder_);
      continue;
    }
    if (!doc->text) continue;  // over the limit: only a whole new text brings it back
    const auto& r = *change.range;
    doc->text->replace(LinePosition{r.start.line, r.start.character}, LinePosition{r.end.line, r.end.character},
                       change.text);
  }
  if (doc->text) drop_if_over_size_limit(*doc, doc->text->size());
  if (doc->text) doc->size = doc->text->size();
  mark_dirty(*doc);
}

bool LanguageServer::drop_if_over_size_limit(OpenDocument& doc, std::size_t size) {
  if (size <= settings_.max_document_bytes) return false;
  // Say so once, when it crosses the limit: on open (size still 0), or when a scanned text grows
  // past it; an unscanned text that is replaced by another too large one is not logged again.
  if (doc.text || doc.size <= settings_.max_document_bytes)
    log_.error("{} has {} bytes, over maxDocumentSize ({}); not scanned", doc.uri, size, settings_.max_document_bytes);
  doc.text.reset();
  doc.size = size;
  return true;
}

void LanguageServer::on_did_close(json& params) {
  auto decoded = protocol::decode_text_document_identifier(params);
  if (!decoded) {
    log_.error("didClose ignored: {}", decoded.error);
    return;
  }
  const std::string& uri = decoded.value->uri;
  if (!documents_.erase(uri)) {
    log_.info("didClose for a document that is not open ignored: {}", uri);
    return;
  }
  dirty_.erase(std::remove(dirty_.begin(), dirty_.end(), uri), dirty_.end());
  // The file goes back to the workspace's results (those of the file on disk; none outside the
  // workspace or with workspaceDiagnostics off: then a push client gets an empty list).
  workspace_.document_closed(uri);
}

void LanguageServer::on_did_change_configuration(json& params) {
  if (params.is_object()) {
    auto settings = params.find("settings");
    if (settings != params.end() && settings->is_object()) {
      auto section = settings->find("pulumiTokenLsp");
      if (section != settings->end()) apply_client_settings(*section);
    }
  }
  request_configuration();
}

void LanguageServer::append_diagnostics_array(std::string& out, OpenDocument& doc) {
  if (!doc.text) {
    if (doc.scope.ignored) {
      out += "[]";
      return;
    }
    json d = {{"range", range_json({0, 0}, {0, 0})},
              {"severity", 3},
              {"source", kDiagnosticSource},
              {"message", fmt::format("pulumi-token-lsp did not scan this file: {} bytes is over the maxDocumentSize "
                                      "limit of {} bytes.",
                                      doc.size, settings_.max_document_bytes)}};
    out += json::array({d}).dump();
    return;
  }
  out.reserve(out.size() + 64 + doc.text->finding_count() * 480);
  const CommittedLookup committed = committed_lookup(doc);
  const VerificationLookup verified = verification_lookup(doc);
  DiagnosticCounts counts = append_scoped_diagnostics(
      out, *doc.text, doc.uri, doc.language_id, doc.version, project_configs_, doc.scope, settings_, doc.allowlisted,
      committed ? &committed : nullptr, verified ? &verified : nullptr);
  bool over = counts.skipped > 0;
  if (over && !doc.over_findings_limit)
    log_.error("{} has {} Pulumi access tokens, over maxFindingsPerDocument ({}); {} are summed up in one diagnostic",
               doc.uri, counts.written + counts.skipped, settings_.max_findings, counts.skipped);
  doc.over_findings_limit = over;
}

void LanguageServer::publish(OpenDocument& doc) {
  std::string body = R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":)";
  body += json(doc.uri).dump(-1, ' ', false, json::error_handler_t::replace);
  body += fmt::format(R"(,"version":{},"diagnostics":)", doc.version);
  append_diagnostics_array(body, doc);
  body += "}}";
  out_.send_replaceable(doc.uri, std::move(body));
}

void LanguageServer::flush() {
  if (dirty_.empty()) return;
  std::vector<std::string> dirty;
  dirty.swap(dirty_);
  if (client_.pullDiagnostics) return;  // the client asks with textDocument/diagnostic
  for (const std::string& uri : dirty)
    if (OpenDocument* doc = find_document(uri)) publish(*doc);
}

LanguageServer::Reply LanguageServer::on_diagnostic(json& params) {
  auto decoded = protocol::decode_text_document_identifier(params);
  if (!decoded) return error(ErrorCode::InvalidParams, decoded.error);
  OpenDocument* doc = find_document(decoded.value->uri);
  if (!doc) return Reply{json{{"kind", "full"}, {"items", json::array()}}, std::nullopt, {}};
  std::string result_id = std::to_string(doc->revision);
  if (decoded.value->previousResultId && *decoded.value->previousResultId == result_id)
    return Reply{json{{"kind", "unchanged"}, {"resultId", result_id}}, std::nullopt, {}};
  std::string items_text;
  append_diagnostics_array(items_text, *doc);
  json items = json::parse(items_text, nullptr, false);
  return Reply{json{{"kind", "full"}, {"resultId", result_id}, {"items", std::move(items)}}, std::nullopt, {}};
}

LanguageServer::Reply LanguageServer::on_hover(json& params) {
  auto decoded = protocol::decode_text_document_position(params);
  if (!decoded) return error(ErrorCode::InvalidParams, decoded.error);
  OpenDocument* doc = find_document(decoded.value->uri);
  if (!doc || !doc->text) return Reply{nullptr, std::nullopt, {}};
  const TextDocument& text = *doc->text;
  const CommittedLookup committed = committed_lookup(*doc);
  const VerificationLookup verified = verification_lookup(*doc);
  const auto& p = decoded.value->position;
  std::size_t offset = text.offset_of(LinePosition{p.line, p.character});
  for (const DocumentFinding& f : text.findings_touching(offset, offset)) {
    if (offset < f.begin || offset > f.end) continue;
    const scan::Committed* in_history = committed && !f.placeholder ? committed(f).committed : nullptr;
    const verify::Verification* answer = verified && !f.placeholder ? verified(f) : nullptr;
    std::string md = hover_markdown(masked_token(text, f), f.placeholder, detectors::describe_encoding(f.layers),
                                    settings_, in_history, answer);
    return Reply{json{{"contents", {{"kind", "markdown"}, {"value", md}}}, {"range", range_json(f.start, f.end_position)}},
                 std::nullopt, {}};
  }
  return Reply{nullptr, std::nullopt, {}};
}

LanguageServer::Reply LanguageServer::on_code_action(json& params) {
  auto decoded = protocol::decode_code_action(params);
  if (!decoded) return error(ErrorCode::InvalidParams, decoded.error);
  OpenDocument* doc = find_document(decoded.value->uri);
  if (!doc || !doc->text) return Reply{json::array(), std::nullopt, {}};
  const TextDocument& text = *doc->text;
  const auto& r = decoded.value->range;
  std::size_t a = text.offset_of(LinePosition{r.start.line, r.start.character});
  std::size_t b = text.offset_of(LinePosition{r.end.line, r.end.character});
  if (b < a) std::swap(a, b);
  const CommittedLookup committed = committed_lookup(*doc);
  const VerificationLookup verified = verification_lookup(*doc);
  CodeActionRequest req{doc->uri, doc->language_id, doc->version, a, b, decoded.value->only,
                        committed ? &committed : nullptr, verified ? &verified : nullptr};
  return Reply{code_actions(text, req, settings_, client_), std::nullopt, {}};
}

LanguageServer::Reply LanguageServer::on_code_action_resolve(json& params) {
  auto decoded = protocol::decode_code_action_resolve(params);
  if (!decoded) return error(ErrorCode::InvalidParams, decoded.error);
  if (decoded.value->complete) return Reply{std::move(decoded.value->action), std::nullopt, {}};
  const OpenDocument* doc = find_document(decoded.value->uri);
  if (!doc || !doc->text) return error(ErrorCode::ContentModified, "data.uri: the document is not open");
  const std::vector<std::string> no_filter;
  CodeActionRequest req{doc->uri, doc->language_id, doc->version, 0, 0, no_filter};
  return Reply{resolve_code_action(*doc->text, req, settings_, client_, std::move(decoded.value->action)), std::nullopt,
               {}};
}

std::optional<DocumentFinding> LanguageServer::token_argument(const json& arguments, const OpenDocument*& doc,
                                                              std::string& error_message) {
  const json* arg = arguments.size() == 1 && arguments[0].is_object() ? &arguments[0] : nullptr;
  if (!arg || !arg->contains("uri") || !(*arg)["uri"].is_string() || !arg->contains("offset") ||
      !(*arg)["offset"].is_number_unsigned()) {
    error_message = "arguments: expected [{\"uri\": string, \"offset\": unsigned}]";
    return std::nullopt;
  }
  doc = find_document((*arg)["uri"].get<std::string>());
  if (!doc || !doc->text) {
    error_message = "arguments[0].uri: the document is not open";
    return std::nullopt;
  }
  const std::size_t offset = (*arg)["offset"].get<std::size_t>();
  for (const DocumentFinding& f : doc->text->findings_touching(offset, offset)) {
    if (f.begin == offset && !f.placeholder) return f;
  }
  error_message = "arguments[0].offset: no token there any more";
  return std::nullopt;
}

LanguageServer::Reply LanguageServer::check_command(const json& arguments) {
  if (!live_.enabled())
    return error(ErrorCode::InvalidRequest, "verification is off: set pulumiTokenLsp.verify to \"on\" to ask the Pulumi API");
  const OpenDocument* doc = nullptr;
  std::string why;
  const std::optional<DocumentFinding> f = token_argument(arguments, doc, why);
  if (!f) return error(doc ? ErrorCode::ContentModified : ErrorCode::InvalidParams, why);
  std::string scratch;
  live_.check({doc->text->token_of(*f, scratch)}, true);
  verify::wipe(scratch);
  return Reply{nullptr, std::nullopt, {}};
}

LanguageServer::Reply LanguageServer::rotate_command(const json& arguments) {
  if (arguments.empty()) {  // no token named: the console's token page
    std::string url = rotation_url(settings_);
    if (client_.showDocument)
      send_request("window/showDocument", {{"uri", url}, {"external", true}});
    else
      out_.send(protocol::make_notification(
          "window/showMessage", {{"type", 3}, {"message", fmt::format("Rotate the token at {}", url)}}));
    return Reply{nullptr, std::nullopt, {}};
  }
  const OpenDocument* doc = nullptr;
  std::string why;
  const std::optional<DocumentFinding> f = token_argument(arguments, doc, why);
  if (!f) return error(doc ? ErrorCode::ContentModified : ErrorCode::InvalidParams, why);
  if (f->encoded())
    return error(ErrorCode::InvalidParams, "an encoded token is rotated by hand: its file has no rewrite to apply");
  if (rotation_running_) return error(ErrorCode::InvalidRequest, "a rotation is already running");
  rotation_running_ = true;
  std::string scratch;
  std::shared_ptr<std::string> token = verify::shared_secret(std::string(doc->text->token_of(*f, scratch)));
  verify::wipe(scratch);
  const std::string uri = doc->uri;
  const std::size_t offset = f->begin;
  const std::size_t key = LiveChecks::token_key(*token);
  const remediation::Names names = remediation_names(settings_);

  EditorRotationUi::Editor editor;
  editor.request = [this](std::string_view method, json params, EditorRotationUi::Answer answer) {
    send_request(method, std::move(params),
                 [answer = std::move(answer)](const json& result, const json&) { answer(result); });
  };
  editor.notify = [this](std::string_view method, json params) {
    out_.send(protocol::make_notification(method, std::move(params)));
  };
  editor.fix_edit = [this, uri, offset, key, names](verify::StoreConfig::Kind kind) -> json {
    const OpenDocument* now = find_document(uri);
    if (!now || !now->text || !client_.applyEdit) return nullptr;
    // The token must still be where it was: the user may have typed meanwhile.
    bool there = false;
    std::string scratch;
    for (const DocumentFinding& g : now->text->findings_touching(offset, offset))
      if (g.begin == offset && !g.encoded() && LiveChecks::token_key(now->text->token_of(g, scratch)) == key) there = true;
    verify::wipe(scratch);
    if (!there) return nullptr;
    const std::optional<remediation::Fix> fix =
        store_fix(now->text->text(), offset, offset + detectors::PulumiTokenDetector::kTokenLength, uri_path(uri), names,
                  kind);
    if (!fix) return nullptr;
    const std::vector<std::string> no_filter;
    const CodeActionRequest req{now->uri, now->language_id, now->version, offset, offset, no_filter};
    return {{"label", fix->title}, {"edit", workspace_edit(*now->text, req, fix->edits, client_)}};
  };
  editor.show_document = client_.showDocument;

  verify::RotationRequest request;
  request.file = is_file_uri(uri) ? uri_path(uri) : uri;
  request.backend = settings_.verify_backend;
  request.timeout = std::chrono::seconds(settings_.verify_timeout_seconds);
  request.mask = [](std::string_view t) { return detectors::mask_token(t); };
  const std::string masked = detectors::mask_token(*token);
  log_.info("rotation of {} in {} started", masked, uri);
  rotation_work_.submit([this, editor = std::move(editor), request = std::move(request), token, names, masked,
                         cancel = rotation_cancel_]() mutable -> BackgroundWork::Completion {
    EditorRotationUi ui(std::move(editor), [this](std::function<void()> fn) { rotation_work_.post(std::move(fn)); },
                        *cancel);
    verify::RotationResult result;
    const std::vector<std::string> stores = {
        fmt::format("HashiCorp Vault ({}/{}, field {})", names.vault_mount, names.vault_path, names.vault_field),
        fmt::format("AWS Secrets Manager ({})", names.aws_secret_id),
        fmt::format("CyberArk Conjur ({})", names.conjur_variable)};
    const std::optional<std::size_t> picked =
        ui.choose(fmt::format("Rotate the Pulumi access token {}: a new token is created with your own Pulumi "
                              "credentials and stored in a secrets manager, the code is changed to read it, and "
                              "the leaked one is revoked, each step after you confirm it. Where should the new "
                              "token be stored?",
                              masked),
                  stores);
    if (!picked) {
      result.status = verify::RotationStatus::Declined;
      result.message = "Rotation cancelled: nothing was changed.";
    } else {
      const auto kind = static_cast<verify::StoreConfig::Kind>(*picked);
      ui.set_store_kind(kind);
      auto client = std::make_shared<verify::HttpsClient>();
      const verify::HttpsTransport transport = [client](const verify::HttpsRequest& r) { return client->send(r); };
      std::string store_error;
      std::unique_ptr<verify::SecretStore> store = verify::make_secret_store(store_config(kind, names), transport,
                                                                             store_error);
      if (!store) {
        result.status = verify::RotationStatus::Refused;
        result.message = fmt::format("Rotation not started: {}. Nothing was changed.", store_error);
      } else {
        request.token = *token;
        result = verify::rotate_token(request, *store, transport, ui, *cancel);
        verify::wipe(request.token);
      }
    }
    token.reset();  // wiped (also when the job is dropped unrun)
    return [this, result = std::move(result), masked] { rotation_finished(result, masked); };
  });
  return Reply{nullptr, std::nullopt, {}};
}

void LanguageServer::rotation_finished(const verify::RotationResult& result, const std::string& masked) {
  rotation_running_ = false;
  log_.info("rotation of {} ended: {} at {}", masked, verify::rotation_status_name(result.status),
            verify::rotation_step_name(result.step));
  const bool done = result.status == verify::RotationStatus::Rotated || result.status == verify::RotationStatus::NotLive;
  out_.send(protocol::make_notification("window/showMessage",
                                        {{"type", done ? 3 : 2}, {"message", result.message}}));
}

LanguageServer::Reply LanguageServer::on_execute_command(json& params) {
  auto decoded = protocol::decode_execute_command(params);
  if (!decoded) return error(ErrorCode::InvalidParams, decoded.error);
  if (decoded.value->command == kCheckCommand) return check_command(decoded.value->arguments);
  if (decoded.value->command == kRotateCommand) return rotate_command(decoded.value->arguments);
  return error(ErrorCode::InvalidParams, fmt::format("command: unknown command {}", decoded.value->command));
}

}  // namespace ptl::server
