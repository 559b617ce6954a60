#pragma once
// Decoding of LSP params from client JSON, never throwing.
//
// Each decoder returns the value or an error message that names the JSON path of the first bad
// field, for example "textDocument.uri: expected string" — the text of a -32602 reply.
// Decoders that take `json&` move large strings (document text) out of the JSON instead of
// copying them.

#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "protocol/lsp_types.h"

namespace ptl::protocol {

template <class T>
struct Decoded {
  std::optional<T> value;
  std::string error;  // set when value is empty
  explicit operator bool() const { return value.has_value(); }
};

Decoded<Position> decode_position(const nlohmann::json& j, const std::string& path);
Decoded<Range> decode_range(const nlohmann::json& j, const std::string& path);
Decoded<DidOpenTextDocumentParams> decode_did_open(nlohmann::json& params);
Decoded<DidChangeTextDocumentParams> decode_did_change(nlohmann::json& params);
Decoded<TextDocumentIdentifierParams> decode_text_document_identifier(const nlohmann::json& params);
Decoded<TextDocumentPositionParams> decode_text_document_position(const nlohmann::json& params);
Decoded<CodeActionParams> decode_code_action(const nlohmann::json& params);
Decoded<CodeActionResolveParams> decode_code_action_resolve(const nlohmann::json& params);
Decoded<ExecuteCommandParams> decode_execute_command(const nlohmann::json& params);
// Lenient: capabilities a client leaves out or mistypes count as unsupported.
Decoded<InitializeParams> decode_initialize(const nlohmann::json& params);
Decoded<DidChangeWatchedFilesParams> decode_did_change_watched_files(const nlohmann::json& params);
Decoded<DidChangeWorkspaceFoldersParams> decode_did_change_workspace_folders(const nlohmann::json& params);
Decoded<WorkspaceDiagnosticParams> decode_workspace_diagnostic(const nlohmann::json& params);
Decoded<WorkDoneProgressCancelParams> decode_work_done_progress_cancel(const nlohmann::json& params);

}  // namespace ptl::protocol
