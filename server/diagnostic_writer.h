#pragma once
// Writes the LSP Diagnostic array for one document straight into a string, without building a
// JSON tree: publishing replaces the whole list, so on a file with 10,000 tokens this runs on
// every keystroke and must cost little more than the bytes it writes.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/project_configs.h"
#include "server/settings.h"
#include "server/text_document.h"

namespace ptl::server {

inline constexpr std::string_view kDiagnosticSource = "pulumi-token-lsp";
inline constexpr std::string_view kDiagnosticCode = "pulumi-access-token";
inline constexpr std::string_view kReadmeUrl =
    "https://github.com/pulumi-token-lsp/pulumi-token-lsp/blob/main/README.md#hard-coded-pulumi-access-tokens";

struct DiagnosticContext {
  const Settings& settings;
  std::string_view environment_note;  // appended to messages when the file type has no env lookup
  std::int64_t version;
  // When set, findings it returns true for get no diagnostic (allowlisted by a project config).
  const std::function<bool(const DocumentFinding&)>* suppressed = nullptr;
};

// The masked preview of the token `f` stands for ("pul-1a2b…"): read from the document, or
// decoded from it for an encoded finding (TextDocument::token_of).
std::string masked_token(const TextDocument& doc, const DocumentFinding& f);

// The message of one diagnostic. `encoding` is how the token is encoded where it was found
// (detectors::describe_encoding: "base64 > json-escape"), empty for a plain token.
std::string diagnostic_message(bool placeholder, std::string_view encoding, std::string_view masked,
                               const DiagnosticContext& ctx);

// Appends one Diagnostic object for `f` (the same JSON that publishing writes). Its range is the
// finding's span (for an encoded token the encoded text), its data the offset, the version, the
// placeholder flag and, for an encoded token, "encoding".
void append_diagnostic(std::string& out, const TextDocument& doc, const DocumentFinding& f,
                       const DiagnosticContext& ctx);

// Appends "[...]" holding a Diagnostic per finding (placeholders as hints, or none when the
// settings turn them off; none for a finding ctx.suppressed returns true for), at most
// settings.max_findings of them plus one Information diagnostic saying how many more were left out.
struct DiagnosticCounts {
  std::size_t written = 0;  // findings written as diagnostics
  std::size_t skipped = 0;  // findings past settings.max_findings, summed up in one diagnostic
};
DiagnosticCounts append_diagnostics(std::string& out, const TextDocument& doc, const DiagnosticContext& ctx);

// What publishing writes for a document at `uri` with project-config scope `scope`: "[]" when
// the config ignores it, else append_diagnostics with the settings that apply there, the file
// type's environment note, and the config's allowlist (answers cached in `allowlist_cache` by
// std::hash of the token, never the token). Open documents and workspace files both go through
// here, so a file shows the same diagnostics whether it is open or not.
DiagnosticCounts append_scoped_diagnostics(std::string& out, const TextDocument& doc, std::string_view uri,
                                           std::string_view language_id, std::int64_t version,
                                           const ProjectConfigs& configs, const ProjectConfigs::Scope& scope,
                                           const Settings& client,
                                           std::unordered_map<std::size_t, bool>& allowlist_cache);

}  // namespace ptl::server
