#pragma once
// LSP structures the server reads, with LSP's own field names so the mapping reads by eye.
// Positions are in the negotiated encoding's code units; converting them is server/'s job.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ptl::protocol {

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

struct Range {
  Position start;
  Position end;
};

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  std::int64_t version = 0;
  std::string text;
};

struct TextDocumentContentChangeEvent {
  std::optional<Range> range;  // absent: the text replaces the whole document
  std::string text;
};

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};

struct DidChangeTextDocumentParams {
  std::string uri;
  std::int64_t version = 0;
  std::vector<TextDocumentContentChangeEvent> contentChanges;
};

struct TextDocumentIdentifierParams {  // didClose, diagnostic pull
  std::string uri;
  std::optional<std::string> previousResultId;
};

struct TextDocumentPositionParams {
  std::string uri;
  Position position;
};

struct CodeActionParams {
  std::string uri;
  Range range;
  std::vector<std::string> only;  // context.only, empty when absent
};

// codeAction/resolve: the CodeAction the server sent without its edit, carrying the document
// in data.uri.
struct CodeActionResolveParams {
  nlohmann::json action;  // the whole CodeAction as the client sent it back
  std::string uri;        // data.uri
  // No data, and a command or an edit already: nothing to resolve, the answer is the action as it
  // came (Neovim 0.7 resolves every picked action that has no edit, a command-only one included).
  bool complete = false;
};

struct ExecuteCommandParams {
  std::string command;
  nlohmann::json arguments;  // array, possibly empty
};

// What the server needs of the client's capabilities.
struct ClientCapabilities {
  std::vector<std::string> positionEncodings;  // general.positionEncodings, in preference order
  bool pullDiagnostics = false;                // textDocument.diagnostic present
  bool diagnosticRefresh = false;              // workspace.diagnostics.refreshSupport
  bool workspaceConfiguration = false;         // workspace.configuration
  bool didChangeConfigurationDynamic = false;
  bool documentChanges = false;                // workspace.workspaceEdit.documentChanges
  bool codeActionLiteralSupport = false;       // textDocument.codeAction.codeActionLiteralSupport
  bool codeActionResolveEdit = false;          // codeAction.resolveSupport.properties has "edit", dataSupport
  bool showDocument = false;                   // window.showDocument.support
  bool relatedDocumentSupport = false;
  bool didChangeWatchedFilesDynamic = false;   // workspace.didChangeWatchedFiles.dynamicRegistration
  bool workDoneProgress = false;               // window.workDoneProgress
  bool workspaceFolders = false;               // workspace.workspaceFolders
  bool applyEdit = false;                      // workspace.applyEdit
};

struct InitializeParams {
  ClientCapabilities capabilities;
  nlohmann::json initializationOptions;  // null when absent
  std::optional<std::int64_t> processId;
  std::string clientName;
  // The workspace's roots: workspaceFolders[].uri, else rootUri, else rootPath (as given).
  std::vector<std::string> workspaceFolders;
  std::optional<std::string> rootUri;
  std::optional<std::string> rootPath;
};

// workspace/didChangeWatchedFiles: each changed file and how (FileChangeType: 1 created,
// 2 changed, 3 deleted).
struct FileEvent {
  std::string uri;
  int type = 2;
};
struct DidChangeWatchedFilesParams {
  std::vector<FileEvent> changes;
};
// workspace/didChangeWorkspaceFolders: event.added[].uri and event.removed[].uri.
struct DidChangeWorkspaceFoldersParams {
  std::vector<std::string> added;
  std::vector<std::string> removed;
};
// workspace/diagnostic: the result ids the client holds, by document URI.
struct PreviousResultId {
  std::string uri;
  std::string value;
};
struct WorkspaceDiagnosticParams {
  std::vector<PreviousResultId> previousResultIds;
  nlohmann::json partialResultToken;  // null when absent (a string or an integer otherwise)
};
// window/workDoneProgress/cancel
struct WorkDoneProgressCancelParams {
  nlohmann::json token;  // a string or an integer
};

}  // namespace ptl::protocol
