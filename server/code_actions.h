#pragma once
// Code actions: the remediation library's fixes turned into LSP CodeActions, plus the rotate
// command and the file-wide source.fixAll.pulumi-token-lsp action.
//
// Edits are computed from the server's own copy of the document, never from ranges a client
// sends back (Neovim 0.7 sends byte columns in context.diagnostics), and carried inline:
// documentChanges with the document version when the client supports them, else changes.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocol/lsp_types.h"
#include "remediation/fix.h"
#include "remediation/language.h"
#include "remediation/names.h"
#include "server/diagnostic_writer.h"
#include "server/settings.h"
#include "server/text_document.h"

namespace ptl::server {

inline constexpr std::string_view kRotateCommand = "pulumi-token-lsp.rotateToken";
// Asks the Pulumi API whether one token is live (verify on); arguments: [{"uri", "offset"}], the
// offset of the finding in the document.
inline constexpr std::string_view kCheckCommand = "pulumi-token-lsp.checkToken";
inline constexpr std::string_view kFixAllKind = "source.fixAll.pulumi-token-lsp";

// The path part of a URI ("file:///a/b%20c.ts" -> "/a/b c.ts"; "untitled:x" -> "x").
std::string uri_path(std::string_view uri);

// Whether `uri` is a file: URI.
inline bool is_file_uri(std::string_view uri) { return uri.rfind("file:", 0) == 0; }

// The file: URI of an absolute path ("/a/b c.ts" -> "file:///a/b%20c.ts"; scan::uri_of escapes it).
std::string file_uri(std::string_view path);

// The language the fixes are written in, from the LSP languageId and the URI's file name.
remediation::Language document_language(std::string_view language_id, std::string_view uri);

remediation::Names remediation_names(const Settings& s);

struct CodeActionRequest {
  std::string_view uri;
  std::string_view language_id;
  std::int64_t version;
  std::size_t begin, end;              // the requested range, as byte offsets (clamped)
  const std::vector<std::string>& only;  // context.only
  // Where a finding's token is already committed (null: the history is not known): the
  // diagnostics the actions carry say so, and the rotate action comes first.
  const CommittedLookup* committed = nullptr;
  // What the Pulumi API said about a finding's token (verify on): the diagnostics say it too.
  const VerificationLookup* verified = nullptr;
};

// `edits` (byte offsets into `doc`) as a WorkspaceEdit for req.uri: documentChanges with the
// version when the client supports them, else changes.
nlohmann::json workspace_edit(const TextDocument& doc, const CodeActionRequest& req,
                              const std::vector<remediation::TextEdit>& edits,
                              const protocol::ClientCapabilities& client);

// The actions for every token touching [begin, end], in the order of issue 3, then the rotate
// command, then the fix-all source action when the file holds a real token written out. An
// encoded token gets no rewrite (it would write the decoded token or break the encoding): in a
// Kubernetes Secret manifest, the action that takes its entry out (remediation/kubernetes_secret.h);
// the rotate command in any file. When a touching token is already committed (req.committed),
// the rotate command comes first and is the preferred action: removing the token is not enough.
// A client that resolves edits (codeAction.resolveSupport lists "edit", with dataSupport) gets
// the fix-all action without its edit, which costs a pass over the whole file, and data.uri to
// resolve it with: an editor asks for code actions at every cursor move.
nlohmann::json code_actions(const TextDocument& doc, const CodeActionRequest& req, const Settings& settings,
                            const protocol::ClientCapabilities& client);

// codeAction/resolve: the fix-all action with its edit, computed on the document as it is now
// (documentChanges carry that version). Any other action comes back as it was sent.
nlohmann::json resolve_code_action(const TextDocument& doc, const CodeActionRequest& req, const Settings& settings,
                                   const protocol::ClientCapabilities& client, nlohmann::json action);

}  // namespace ptl::server
