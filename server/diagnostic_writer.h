#pragma once
// Writes the LSP Diagnostic array for one document straight into a string, without building a
// JSON tree: publishing replaces the whole list, so on a file with 10,000 tokens this runs on
// every keystroke and must cost little more than the bytes it writes.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "scan/history_index.h"
#include "scan/scan_finding.h"
#include "server/project_configs.h"
#include "server/settings.h"
#include "server/text_document.h"
#include "verify/token_verifier.h"

namespace ptl::server {

inline constexpr std::string_view kDiagnosticSource = "pulumi-token-lsp";
inline constexpr std::string_view kDiagnosticCode = "pulumi-access-token";
inline constexpr std::string_view kReadmeUrl =
    "https://github.com/pulumi-token-lsp/pulumi-token-lsp/blob/main/README.md#hard-coded-pulumi-access-tokens";

// Where a finding's token already is in the repository's history (the server looks it up in a
// scan::HistoryIndex and caches it per document; looking it up must be cheap).
struct CommittedNote {
  const scan::Committed* committed = nullptr;  // null: no commit holds the token
  // The file: URI of the work tree's file at committed->path; empty when the work tree no longer
  // has that file (relatedInformation then points at the finding itself).
  std::string_view file_uri = {};
};
using CommittedLookup = std::function<CommittedNote(const DocumentFinding&)>;

// What the Pulumi API said about a finding's token (live_checks.h), or null: not asked.
using VerificationLookup = std::function<const verify::Verification*(const DocumentFinding&)>;

// The commit of `index` that holds `token` (null: none), and the file: URI of the work tree's file
// at its path (empty when the work tree at `workdir` no longer has that file). The one way open
// documents and workspace files learn that a token is committed; a SHA-256 of the token and a
// stat, so callers cache it.
struct CommittedEntry {
  const scan::Committed* committed = nullptr;  // into `index`
  std::string file_uri;
};
CommittedEntry find_committed(const scan::HistoryIndex& index, const std::filesystem::path& workdir,
                              std::string_view token);

struct DiagnosticContext {
  const Settings& settings;
  std::string_view environment_note;  // appended to messages when the file type has no env lookup
  std::int64_t version;
  // When set, findings it returns true for get no diagnostic (allowlisted by a project config).
  const std::function<bool(const DocumentFinding&)>* suppressed = nullptr;
  // When set, real findings it names a commit for say so (committed_sentence) with
  // relatedInformation and data.committed; their severity stays the configured one.
  const CommittedLookup* committed = nullptr;
  std::string_view uri = {};  // the document's, for relatedInformation
  // When set, real findings it answers for end their message with verification_sentence and
  // carry data.verification (status, and owner/kind/tokenName or reason; never the token).
  const VerificationLookup* verified = nullptr;
};

// The masked preview of the token `f` stands for ("pul-1a2b…"): read from the document, or
// decoded from it for an encoded finding (TextDocument::token_of).
std::string masked_token(const TextDocument& doc, const DocumentFinding& f);

// The message of one diagnostic. `encoding` is how the token is encoded where it was found
// (detectors::describe_encoding: "base64 > json-escape"), empty for a plain token. With
// `committed`, it says first that the token is already in the history and that removing it is not
// enough; with `verification`, it ends with what the Pulumi API said (verification_sentence).
std::string diagnostic_message(bool placeholder, std::string_view encoding, std::string_view masked,
                               const DiagnosticContext& ctx, const scan::Committed* committed = nullptr,
                               const verify::Verification* verification = nullptr);

// What the Pulumi API said, as the last sentence of a message: "The Pulumi API accepts it
// (personal token of alice).", "... rejects it ...", "Whether it is live is unknown (timed out
// after 10 s)."
std::string verification_sentence(const verify::Verification& v);

// "already committed in 0123abcd4567 on 2026-12-04, pushed to origin/main: removing it from the
// file does not take it out of the git history; rotate it" (no token: Committed holds none).
std::string committed_sentence(const scan::Committed& c);

// Appends one Diagnostic object for `f` (the same JSON that publishing writes, ctx.committed
// included). Its range is the finding's span (for an encoded token the encoded text), its data
// the offset, the version, the placeholder flag and, for an encoded token, "encoding".
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
// type's environment note, the config's allowlist (answers cached in `allowlist_cache` by
// std::hash of the token, never the token) and, when `committed` is given, the commits that
// already hold a token. Open documents and workspace files both go through here, so a file shows
// the same diagnostics whether it is open or not.
DiagnosticCounts append_scoped_diagnostics(std::string& out, const TextDocument& doc, std::string_view uri,
                                           std::string_view language_id, std::int64_t version,
                                           const ProjectConfigs& configs, const ProjectConfigs::Scope& scope,
                                           const Settings& client,
                                           std::unordered_map<std::size_t, bool>& allowlist_cache,
                                           const CommittedLookup* committed = nullptr,
                                           const VerificationLookup* verified = nullptr);

}  // namespace ptl::server
