#include "server/diagnostic_writer.h"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "detectors/encoded_tokens.h"
#include "detectors/token_mask.h"
#include "remediation/remediation.h"
#include "scan/fingerprint.h"
#include "scan/report.h"
#include "server/code_actions.h"

namespace ptl::server {
namespace {

// Appends s as a JSON string literal. Messages are our own text, but the env var name comes
// from settings, so escape properly.
void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else out.push_back(c);
    }
  }
  out.push_back('"');
}

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void append_range(std::string& out, const LinePosition& start, const LinePosition& end) {
  out += R"("range":{"start":{"line":)";
  append_uint(out, start.line);
  out += R"(,"character":)";
  append_uint(out, start.character);
  out += R"(},"end":{"line":)";
  append_uint(out, end.line);
  out += R"(,"character":)";
  append_uint(out, end.character);
  out += "}}";
}

// What follows the range up to the message's opening quote.
std::string diagnostic_head(int severity) {
  return fmt::format(R"(,"severity":{},"code":"{}","codeDescription":{{"href":"{}"}},"source":"{}","message":)",
                     severity, kDiagnosticCode, kReadmeUrl, kDiagnosticSource);
}

// JSON text of `j`; paths and branch names are bytes from git, so invalid UTF-8 is replaced.
std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

nlohmann::json position_json(std::uint64_t line, std::uint64_t character) {
  return {{"line", line}, {"character", character}};
}

// The JSON of what the Pulumi API said about a token (never the token): data.verification.
nlohmann::json verification_json(const verify::Verification& v) {
  nlohmann::json j = {{"status", verify::liveness_name(v.liveness)}};
  if (v.liveness == verify::Liveness::Unknown) j["reason"] = v.reason;
  if (v.liveness == verify::Liveness::Live) {
    j["owner"] = v.owner;
    j["kind"] = verify::token_kind_name(v.kind);
    if (!v.token_name.empty()) j["tokenName"] = v.token_name;
  }
  return j;
}

// A finding whose token a commit holds, or whose liveness the Pulumi API answered: its own
// message, and for a commit relatedInformation pointing at the place and data.committed, for an
// answer data.verification. Few findings are either, so this one is written field by field; the
// parts that hold git's or the API's bytes (paths, branch names, owners) go through nlohmann::json.
void append_annotated(std::string& out, const TextDocument& doc, const DocumentFinding& f, const DiagnosticContext& ctx,
                      const CommittedNote& note, const verify::Verification* verification) {
  const scan::Committed* c = note.committed;
  out.push_back('{');
  append_range(out, f.start, f.end_position);
  out += diagnostic_head(static_cast<int>(ctx.settings.severity));
  const std::string encoding = f.encoded() ? detectors::describe_encoding(f.layers) : std::string();
  out += dump(diagnostic_message(false, encoding, masked_token(doc, f), ctx, c, verification));
  if (c) {
    // The place: the work tree's file at the line the commit has it on (the commit's file has no
    // file: URI), else the finding itself.
    nlohmann::json location;
    std::string where;
    const std::string short_id = c->commit.id.substr(0, 12);
    if (!note.file_uri.empty() && note.file_uri != ctx.uri) {
      const std::uint64_t line = c->line > 0 ? c->line - 1 : 0;
      location = {{"uri", note.file_uri},
                  {"range", {{"start", position_json(line, 0)}, {"end", position_json(line, 0)}}}};
      where = fmt::format("committed in {} as {} (line {} there)", short_id, c->path, c->line);
    } else {
      location = {{"uri", ctx.uri},
                  {"range", {{"start", position_json(f.start.line, f.start.character)},
                             {"end", position_json(f.end_position.line, f.end_position.character)}}}};
      where = note.file_uri.empty()
                  ? fmt::format("committed in {} as {}, a file the work tree no longer has", short_id, c->path)
                  : fmt::format("committed in {} in this file (line {} there)", short_id, c->line);
    }
    out += R"(,"relatedInformation":)";
    out += dump(nlohmann::json::array({{{"location", std::move(location)}, {"message", std::move(where)}}}));
  }
  out += R"(,"data":{"offset":)";
  append_uint(out, f.begin);
  if (f.encoded()) {
    out += R"(,"encoding":)";
    append_json_string(out, encoding);
  }
  fmt::format_to(std::back_inserter(out), R"(,"version":{},"placeholder":false)", ctx.version);
  if (c) {
    out += R"(,"committed":)";
    out += dump({{"commit", c->commit.id},
                 {"date", c->commit.date},
                 {"path", c->path},
                 {"line", c->line},
                 {"inHead", c->in_head},
                 {"pushed", !c->remote_branches.empty()},
                 {"pushedTo", c->remote_branches}});
  }
  if (verification) {
    out += R"(,"verification":)";
    out += dump(verification_json(*verification));
  }
  out += "}}";
}

// The JSON of every diagnostic is the same text around four variable parts (range, masked token,
// offset, placeholder flag), so it is rendered once per publish and the per-finding work is a few
// appends: on 1,000 findings this is what keeps a keystroke's publish well under a millisecond.
// The message comes from diagnostic_message() itself (with a marker where the masked token
// goes), so the text has one definition. An encoded token (rare) has its message, which names
// its encoding, written whole.
class DiagnosticTemplate {
 public:
  explicit DiagnosticTemplate(const DiagnosticContext& ctx) : ctx_(ctx) {
    for (bool placeholder : {false, true}) {
      Parts& p = parts_[placeholder];
      int severity = placeholder ? static_cast<int>(Severity::Hint) : static_cast<int>(ctx.settings.severity);
      p.head = diagnostic_head(severity);
      p.before_message = p.head.size();
      std::string message;
      append_json_string(message, diagnostic_message(placeholder, "", kMarker, ctx));
      std::size_t at = message.find(kEscapedMarker);
      p.head.append(message, 0, at);
      p.tail.assign(message, at + kEscapedMarker.size());
      p.tail += R"(,"data":{"offset":)";
      p.end = fmt::format(R"(,"version":{},"placeholder":{}}}}})", ctx.version, placeholder ? "true" : "false");
    }
  }

  void append(std::string& out, const TextDocument& doc, const DocumentFinding& f) const {
    const Parts& p = parts_[f.placeholder];
    out.push_back('{');
    append_range(out, f.start, f.end_position);
    if (f.encoded()) {
      const std::string encoding = detectors::describe_encoding(f.layers);
      out.append(p.head, 0, p.before_message);
      append_json_string(out, diagnostic_message(f.placeholder, encoding, masked_token(doc, f), ctx_));
      out += R"(,"data":{"offset":)";
      append_uint(out, f.begin);
      out += R"(,"encoding":)";
      append_json_string(out, encoding);
      out += p.end;
      return;
    }
    out += p.head;
    // The masked preview is "pul-", hex digits and "…": nothing in it needs escaping.
    out += masked_token(doc, f);
    out += p.tail;
    append_uint(out, f.begin);
    out += p.end;
  }

 private:
  static constexpr std::string_view kMarker = "\x01";
  static constexpr std::string_view kEscapedMarker = "\\u0001";  // as append_json_string writes it
  struct Parts {
    std::string head, tail, end;
    std::size_t before_message = 0;  // where the message starts in head
  };
  const DiagnosticContext& ctx_;
  Parts parts_[2];
};

}  // namespace

std::string masked_token(const TextDocument& doc, const DocumentFinding& f) {
  std::string scratch;
  if (!f.encoded()) return detectors::mask_token(doc.view(f.begin, f.begin + 8, scratch));
  return detectors::mask_token(doc.token_of(f, scratch));
}

CommittedEntry find_committed(const scan::HistoryIndex& index, const std::filesystem::path& workdir,
                              std::string_view token) {
  CommittedEntry entry;
  entry.committed = index.find(scan::sha256_hex(token));
  std::error_code ec;
  if (entry.committed) {
    const std::filesystem::path file = workdir / entry.committed->path;
    if (std::filesystem::is_regular_file(file, ec)) entry.file_uri = file_uri(file.generic_string());
  }
  return entry;
}

std::string verification_sentence(const verify::Verification& v) {
  switch (v.liveness) {
    case verify::Liveness::Live: {
      const std::string what = verify::describe(v);  // "live: personal token of alice"
      return fmt::format("The Pulumi API accepts it ({}).", std::string_view(what).substr(what.find(':') + 2));
    }
    case verify::Liveness::NotLive:
      return "The Pulumi API rejects it (revoked or expired); it still belongs out of the file.";
    case verify::Liveness::Unknown: break;
  }
  return fmt::format("Whether it is live is unknown ({}).", v.reason);
}

std::string committed_sentence(const scan::Committed& c) {
  return fmt::format(
      "already committed in {}: removing it from the file does not take it out of the git history; rotate it",
      scan::committed_summary(c));
}

std::string diagnostic_message(bool placeholder, std::string_view encoding, std::string_view masked,
                               const DiagnosticContext& ctx, const scan::Committed* committed,
                               const verify::Verification* verification) {
  const std::string encoded = encoding.empty() ? std::string() : fmt::format(", encoded as {}", encoding);
  if (placeholder)
    return fmt::format("Placeholder-shaped Pulumi access token {}{} (not a real secret, so only a hint).", masked,
                       encoded);
  std::string msg = fmt::format("Hard-coded Pulumi access token {}{}", masked, encoded);
  msg += committed ? fmt::format(", {}. ", committed_sentence(*committed)) : std::string(": ");
  const std::size_t sentence = msg.size();
  if (!encoding.empty()) msg += "the encoding hides it from the eye, not from anyone who decodes it, and ";
  msg += "anyone who can read this file can act as its owner in the Pulumi organisation. ";
  if (committed) msg[sentence] = static_cast<char>(msg[sentence] - 'a' + 'A');
  if (ctx.environment_note.empty())
    msg += fmt::format("Read it from ${} or a secrets manager instead, and rotate this token.", ctx.settings.env_var);
  else
    msg += ctx.environment_note;
  if (verification) msg += " " + verification_sentence(*verification);
  return msg;
}

namespace {

CommittedNote committed_note(const DocumentFinding& f, const DiagnosticContext& ctx) {
  return ctx.committed && !f.placeholder ? (*ctx.committed)(f) : CommittedNote{};
}

const verify::Verification* verification_of(const DocumentFinding& f, const DiagnosticContext& ctx) {
  return ctx.verified && !f.placeholder ? (*ctx.verified)(f) : nullptr;
}

}  // namespace

void append_diagnostic(std::string& out, const TextDocument& doc, const DocumentFinding& f,
                       const DiagnosticContext& ctx) {
  const CommittedNote note = committed_note(f, ctx);
  const verify::Verification* verification = verification_of(f, ctx);
  if (note.committed || verification)
    append_annotated(out, doc, f, ctx, note, verification);
  else
    DiagnosticTemplate(ctx).append(out, doc, f);
}

DiagnosticCounts append_diagnostics(std::string& out, const TextDocument& doc, const DiagnosticContext& ctx) {
  out.push_back('[');
  std::size_t written = 0, skipped = 0;
  LinePosition last{}, last_end{};
  const DiagnosticTemplate diagnostic(ctx);
  doc.for_each_finding([&](const DocumentFinding& f) {
    if (f.placeholder && !ctx.settings.report_placeholders) return;
    if (ctx.suppressed && (*ctx.suppressed)(f)) return;
    if (written >= ctx.settings.max_findings) {
      ++skipped;
      return;
    }
    if (written) out.push_back(',');
    const CommittedNote note = committed_note(f, ctx);
    const verify::Verification* verification = verification_of(f, ctx);
    if (note.committed || verification)
      append_annotated(out, doc, f, ctx, note, verification);
    else
      diagnostic.append(out, doc, f);
    last = f.start;
    last_end = f.end_position;
    ++written;
  });
  if (skipped) {
    if (written) out.push_back(',');
    out.push_back('{');
    append_range(out, last, last_end);
    fmt::format_to(std::back_inserter(out), R"(,"severity":3,"source":"{}","message":)", kDiagnosticSource);
    append_json_string(out, fmt::format("{} more Pulumi access tokens in this file are not shown (limit "
                                        "maxFindingsPerDocument = {}).",
                                        skipped, ctx.settings.max_findings));
    out.push_back('}');
  }
  out.push_back(']');
  return DiagnosticCounts{written, skipped};
}

DiagnosticCounts append_scoped_diagnostics(std::string& out, const TextDocument& doc, std::string_view uri,
                                           std::string_view language_id, std::int64_t version,
                                           const ProjectConfigs& configs, const ProjectConfigs::Scope& scope,
                                           const Settings& client,
                                           std::unordered_map<std::size_t, bool>& allowlist_cache,
                                           const CommittedLookup* committed, const VerificationLookup* verified) {
  if (scope.ignored) {
    out += "[]";
    return {};
  }
  const Settings settings = configs.settings_for(scope, client);
  // A real token is random, so no one can make one collide with an allowlisted token's hash;
  // an accidental collision of 64-bit hashes in one document is below 1e-15.
  if (allowlist_cache.size() > 4 * doc.finding_count() + 1024) allowlist_cache.clear();
  const std::function<bool(const DocumentFinding&)> allowlisted = [&](const DocumentFinding& f) {
    std::string scratch;
    const std::string_view token = doc.token_of(f, scratch);
    auto [it, added] = allowlist_cache.try_emplace(std::hash<std::string_view>{}(token), false);
    if (added) it->second = configs.allowlisted(scope, token);
    return it->second;
  };
  const std::string_view note = remediation::environment_note(document_language(language_id, uri));
  DiagnosticContext ctx{settings, note, version, configs.has_allowlist(scope) ? &allowlisted : nullptr, committed,
                        uri, verified};
  return append_diagnostics(out, doc, ctx);
}

}  // namespace ptl::server
