#include "protocol/lsp_decode.h"

#include <limits>

namespace ptl::protocol {
namespace {

using nlohmann::json;

std::string join(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

template <class T>
Decoded<T> fail(std::string message) {
  Decoded<T> d;
  d.error = std::move(message);
  return d;
}

template <class T>
Decoded<T> ok(T v) {
  Decoded<T> d;
  d.value = std::move(v);
  return d;
}

// Reads member `key` of object `j` as a string. Returns an error message or empty.
std::string get_string(const json& j, const char* key, const std::string& path, std::string& out) {
  auto it = j.find(key);
  if (it == j.end()) return join(path, key) + ": missing";
  if (!it->is_string()) return join(path, key) + ": expected string";
  out = it->get_ref<const std::string&>();
  return {};
}

std::string take_string(json& j, const char* key, const std::string& path, std::string& out) {
  auto it = j.find(key);
  if (it == j.end()) return join(path, key) + ": missing";
  if (!it->is_string()) return join(path, key) + ": expected string";
  out = std::move(it->get_ref<std::string&>());
  return {};
}

std::string get_int(const json& j, const char* key, const std::string& path, std::int64_t& out) {
  auto it = j.find(key);
  if (it == j.end()) return join(path, key) + ": missing";
  if (it->is_number_unsigned()) {
    auto v = it->get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return join(path, key) + ": integer out of range";
    out = static_cast<std::int64_t>(v);
    return {};
  }
  if (it->is_number_integer()) {
    out = it->get<std::int64_t>();
    return {};
  }
  return join(path, key) + ": expected integer";
}

std::string get_uint32(const json& j, const char* key, const std::string& path, std::uint32_t& out) {
  std::int64_t v = 0;
  if (auto e = get_int(j, key, path, v); !e.empty()) return e;
  if (v < 0 || v > std::numeric_limits<std::uint32_t>::max())
    return join(path, key) + ": expected an unsigned 32-bit integer";
  out = static_cast<std::uint32_t>(v);
  return {};
}

const json* object_member(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return nullptr;
  return &*it;
}

bool bool_member(const json* j, const char* key) {
  if (!j) return false;
  auto it = j->find(key);
  return it != j->end() && it->is_boolean() && it->get<bool>();
}

std::string decode_uri_of(const json& params, const std::string& doc_path, std::string& uri) {
  auto it = params.find("textDocument");
  if (it == params.end()) return doc_path + ": missing";
  if (!it->is_object()) return doc_path + ": expected object";
  return get_string(*it, "uri", doc_path, uri);
}

}  // namespace

Decoded<Position> decode_position(const json& j, const std::string& path) {
  if (!j.is_object()) return fail<Position>(path + ": expected object");
  Position p;
  if (auto e = get_uint32(j, "line", path, p.line); !e.empty()) return fail<Position>(e);
  if (auto e = get_uint32(j, "character", path, p.character); !e.empty()) return fail<Position>(e);
  return ok(p);
}

Decoded<Range> decode_range(const json& j, const std::string& path) {
  if (!j.is_object()) return fail<Range>(path + ": expected object");
  Range r;
  auto s = j.find("start");
  if (s == j.end()) return fail<Range>(join(path, "start") + ": missing");
  auto start = decode_position(*s, join(path, "start"));
  if (!start) return fail<Range>(start.error);
  auto e = j.find("end");
  if (e == j.end()) return fail<Range>(join(path, "end") + ": missing");
  auto end = decode_position(*e, join(path, "end"));
  if (!end) return fail<Range>(end.error);
  r.start = *start.value;
  r.end = *end.value;
  return ok(r);
}

Decoded<DidOpenTextDocumentParams> decode_did_open(json& params) {
  using R = DidOpenTextDocumentParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  auto it = params.find("textDocument");
  if (it == params.end()) return fail<R>("textDocument: missing");
  if (!it->is_object()) return fail<R>("textDocument: expected object");
  R r;
  json& td = *it;
  if (auto e = get_string(td, "uri", "textDocument", r.textDocument.uri); !e.empty()) return fail<R>(e);
  if (auto e = get_string(td, "languageId", "textDocument", r.textDocument.languageId); !e.empty())
    return fail<R>(e);
  if (auto e = get_int(td, "version", "textDocument", r.textDocument.version); !e.empty()) return fail<R>(e);
  if (auto e = take_string(td, "text", "textDocument", r.textDocument.text); !e.empty()) return fail<R>(e);
  return ok(std::move(r));
}

Decoded<DidChangeTextDocumentParams> decode_did_change(json& params) {
  using R = DidChangeTextDocumentParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  R r;
  auto it = params.find("textDocument");
  if (it == params.end()) return fail<R>("textDocument: missing");
  if (!it->is_object()) return fail<R>("textDocument: expected object");
  if (auto e = get_string(*it, "uri", "textDocument", r.uri); !e.empty()) return fail<R>(e);
  if (auto e = get_int(*it, "version", "textDocument", r.version); !e.empty()) return fail<R>(e);
  auto ch = params.find("contentChanges");
  if (ch == params.end()) return fail<R>("contentChanges: missing");
  if (!ch->is_array()) return fail<R>("contentChanges: expected array");
  r.contentChanges.reserve(ch->size());
  std::size_t i = 0;
  for (json& c : *ch) {
    std::string path = "contentChanges[" + std::to_string(i++) + "]";
    if (!c.is_object()) return fail<R>(path + ": expected object");
    TextDocumentContentChangeEvent ev;
    if (auto rg = c.find("range"); rg != c.end() && !rg->is_null()) {
      auto range = decode_range(*rg, path + ".range");
      if (!range) return fail<R>(range.error);
      ev.range = *range.value;
    }
    if (auto e = take_string(c, "text", path, ev.text); !e.empty()) return fail<R>(e);
    r.contentChanges.push_back(std::move(ev));
  }
  return ok(std::move(r));
}

Decoded<TextDocumentIdentifierParams> decode_text_document_identifier(const json& params) {
  using R = TextDocumentIdentifierParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  R r;
  if (auto e = decode_uri_of(params, "textDocument", r.uri); !e.empty()) return fail<R>(e);
  if (auto p = params.find("previousResultId"); p != params.end() && !p->is_null()) {
    if (!p->is_string()) return fail<R>("previousResultId: expected string");
    r.previousResultId = p->get<std::string>();
  }
  return ok(std::move(r));
}

Decoded<TextDocumentPositionParams> decode_text_document_position(const json& params) {
  using R = TextDocumentPositionParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  R r;
  if (auto e = decode_uri_of(params, "textDocument", r.uri); !e.empty()) return fail<R>(e);
  auto p = params.find("position");
  if (p == params.end()) return fail<R>("position: missing");
  auto pos = decode_position(*p, "position");
  if (!pos) return fail<R>(pos.error);
  r.position = *pos.value;
  return ok(std::move(r));
}

Decoded<CodeActionParams> decode_code_action(const json& params) {
  using R = CodeActionParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  R r;
  if (auto e = decode_uri_of(params, "textDocument", r.uri); !e.empty()) return fail<R>(e);
  auto rg = params.find("range");
  if (rg == params.end()) return fail<R>("range: missing");
  auto range = decode_range(*rg, "range");
  if (!range) return fail<R>(range.error);
  r.range = *range.value;
  if (auto ctx = params.find("context"); ctx != params.end() && ctx->is_object()) {
    if (auto only = ctx->find("only"); only != ctx->end() && only->is_array()) {
      for (const json& k : *only)
        if (k.is_string()) r.only.push_back(k.get<std::string>());
    }
  }
  return ok(std::move(r));
}

Decoded<CodeActionResolveParams> decode_code_action_resolve(const json& params) {
  using R = CodeActionResolveParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  R r;
  std::string title;  // required of every CodeAction; only checked here
  if (auto e = get_string(params, "title", "", title); !e.empty()) return fail<R>(e);
  const auto data = params.find("data");
  if (data == params.end()) {
    if (!params.contains("command") && !params.contains("edit")) return fail<R>("data: missing");
    r.complete = true;
    r.action = params;
    return ok(std::move(r));
  }
  if (!data->is_object()) return fail<R>("data: expected object");
  if (auto e = get_string(*data, "uri", "data", r.uri); !e.empty()) return fail<R>(e);
  r.action = params;
  return ok(std::move(r));
}

Decoded<ExecuteCommandParams> decode_execute_command(const json& params) {
  using R = ExecuteCommandParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  R r;
  if (auto e = get_string(params, "command", "", r.command); !e.empty()) return fail<R>(e);
  r.arguments = json::array();
  if (auto a = params.find("arguments"); a != params.end() && !a->is_null()) {
    if (!a->is_array()) return fail<R>("arguments: expected array");
    r.arguments = *a;
  }
  return ok(std::move(r));
}

Decoded<InitializeParams> decode_initialize(const json& params) {
  using R = InitializeParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  R r;
  if (auto p = params.find("processId"); p != params.end() && p->is_number_integer())
    r.processId = p->get<std::int64_t>();
  if (auto o = params.find("initializationOptions"); o != params.end()) r.initializationOptions = *o;
  if (const json* info = object_member(params, "clientInfo")) {
    if (auto n = info->find("name"); n != info->end() && n->is_string()) r.clientName = n->get<std::string>();
  }
  if (auto folders = params.find("workspaceFolders"); folders != params.end() && folders->is_array()) {
    for (const json& f : *folders) {
      if (!f.is_object()) continue;
      if (auto u = f.find("uri"); u != f.end() && u->is_string()) r.workspaceFolders.push_back(u->get<std::string>());
    }
  }
  if (auto u = params.find("rootUri"); u != params.end() && u->is_string()) r.rootUri = u->get<std::string>();
  if (auto u = params.find("rootPath"); u != params.end() && u->is_string()) r.rootPath = u->get<std::string>();
  auto caps = params.find("capabilities");
  if (caps != params.end() && !caps->is_object()) return fail<R>("capabilities: expected object");
  if (caps == params.end()) return ok(std::move(r));
  ClientCapabilities& c = r.capabilities;
  if (const json* general = object_member(*caps, "general")) {
    if (auto pe = general->find("positionEncodings"); pe != general->end() && pe->is_array()) {
      for (const json& e : *pe)
        if (e.is_string()) c.positionEncodings.push_back(e.get<std::string>());
    }
  }
  if (const json* td = object_member(*caps, "textDocument")) {
    c.pullDiagnostics = object_member(*td, "diagnostic") != nullptr;
    if (const json* diag = object_member(*td, "diagnostic"))
      c.relatedDocumentSupport = bool_member(diag, "relatedDocumentSupport");
    if (const json* ca = object_member(*td, "codeAction")) {
      c.codeActionLiteralSupport = object_member(*ca, "codeActionLiteralSupport") != nullptr;
      // Resolving needs the action's data back (dataSupport) as well as resolveSupport for "edit".
      const json* rs = object_member(*ca, "resolveSupport");
      if (rs != nullptr && bool_member(ca, "dataSupport")) {
        if (auto props = rs->find("properties"); props != rs->end() && props->is_array()) {
          for (const json& p : *props)
            if (p.is_string() && p.get_ref<const std::string&>() == "edit") c.codeActionResolveEdit = true;
        }
      }
    }
  }
  if (const json* ws = object_member(*caps, "workspace")) {
    c.workspaceConfiguration = bool_member(ws, "configuration");
    c.didChangeConfigurationDynamic = bool_member(object_member(*ws, "didChangeConfiguration"), "dynamicRegistration");
    c.documentChanges = bool_member(object_member(*ws, "workspaceEdit"), "documentChanges");
    c.diagnosticRefresh = bool_member(object_member(*ws, "diagnostics"), "refreshSupport");
    c.didChangeWatchedFilesDynamic =
        bool_member(object_member(*ws, "didChangeWatchedFiles"), "dynamicRegistration");
    c.workspaceFolders = bool_member(ws, "workspaceFolders");
    c.applyEdit = bool_member(ws, "applyEdit");
  }
  if (const json* win = object_member(*caps, "window")) {
    c.showDocument = bool_member(object_member(*win, "showDocument"), "support");
    c.workDoneProgress = bool_member(win, "workDoneProgress");
  }
  return ok(std::move(r));
}

Decoded<DidChangeWatchedFilesParams> decode_did_change_watched_files(const json& params) {
  using R = DidChangeWatchedFilesParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  auto changes = params.find("changes");
  if (changes == params.end()) return fail<R>("changes: missing");
  if (!changes->is_array()) return fail<R>("changes: expected array");
  R r;
  for (std::size_t i = 0; i < changes->size(); ++i) {
    const std::string path = "changes[" + std::to_string(i) + "]";
    const json& change = (*changes)[i];
    if (!change.is_object()) return fail<R>(path + ": expected object");
    FileEvent event;
    if (auto e = get_string(change, "uri", path, event.uri); !e.empty()) return fail<R>(e);
    auto type = change.find("type");
    if (type == change.end()) return fail<R>(path + ".type: missing");
    if (!type->is_number_integer() || type->get<std::int64_t>() < 1 || type->get<std::int64_t>() > 3)
      return fail<R>(path + ".type: expected 1, 2 or 3 (FileChangeType)");
    event.type = type->get<int>();
    r.changes.push_back(std::move(event));
  }
  return ok(std::move(r));
}

namespace {

// The uri of each object in params[path] (an array of WorkspaceFolder), appended to `out`.
std::string folder_uris(const json& parent, const char* key, const std::string& path, std::vector<std::string>& out) {
  auto list = parent.find(key);
  if (list == parent.end()) return path + ": missing";
  if (!list->is_array()) return path + ": expected array";
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    const json& folder = (*list)[i];
    if (!folder.is_object()) return item_path + ": expected object";
    std::string uri;
    if (auto e = get_string(folder, "uri", item_path, uri); !e.empty()) return e;
    out.push_back(std::move(uri));
  }
  return {};
}

bool is_progress_token(const json& token) { return token.is_string() || token.is_number_integer(); }

}  // namespace

Decoded<DidChangeWorkspaceFoldersParams> decode_did_change_workspace_folders(const json& params) {
  using R = DidChangeWorkspaceFoldersParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  auto event = params.find("event");
  if (event == params.end()) return fail<R>("event: missing");
  if (!event->is_object()) return fail<R>("event: expected object");
  R r;
  if (auto e = folder_uris(*event, "added", "event.added", r.added); !e.empty()) return fail<R>(e);
  if (auto e = folder_uris(*event, "removed", "event.removed", r.removed); !e.empty()) return fail<R>(e);
  return ok(std::move(r));
}

Decoded<WorkspaceDiagnosticParams> decode_workspace_diagnostic(const json& params) {
  using R = WorkspaceDiagnosticParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  R r;
  auto ids = params.find("previousResultIds");
  if (ids == params.end()) return fail<R>("previousResultIds: missing");
  if (!ids->is_array()) return fail<R>("previousResultIds: expected array");
  for (std::size_t i = 0; i < ids->size(); ++i) {
    const std::string path = "previousResultIds[" + std::to_string(i) + "]";
    const json& id = (*ids)[i];
    if (!id.is_object()) return fail<R>(path + ": expected object");
    PreviousResultId p;
    if (auto e = get_string(id, "uri", path, p.uri); !e.empty()) return fail<R>(e);
    if (auto e = get_string(id, "value", path, p.value); !e.empty()) return fail<R>(e);
    r.previousResultIds.push_back(std::move(p));
  }
  if (auto token = params.find("partialResultToken"); token != params.end() && !token->is_null()) {
    if (!is_progress_token(*token)) return fail<R>("partialResultToken: expected string or integer");
    r.partialResultToken = *token;
  }
  return ok(std::move(r));
}

Decoded<WorkDoneProgressCancelParams> decode_work_done_progress_cancel(const json& params) {
  using R = WorkDoneProgressCancelParams;
  if (!params.is_object()) return fail<R>("params: expected object");
  auto token = params.find("token");
  if (token == params.end()) return fail<R>("token: missing");
  if (!is_progress_token(*token)) return fail<R>("token: expected string or integer");
  return ok(R{*token});
}

}  // namespace ptl::protocol
