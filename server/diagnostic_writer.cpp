#include "server/diagnostic_writer.h"

#include <charconv>

#include <fmt/format.h>

#include "detectors/encoded_tokens.h"
#include "detectors/token_mask.h"
#include "remediation/remediation.h"
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
      p.head = fmt::format(R"(,"severity":{},"code":"{}","codeDescription":{{"href":"{}"}},"source":"{}","message":)",
                           severity, kDiagnosticCode, kReadmeUrl, kDiagnosticSource);
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

std::string diagnostic_message(bool placeholder, std::string_view encoding, std::string_view masked,
                               const DiagnosticContext& ctx) {
  const std::string encoded = encoding.empty() ? std::string() : fmt::format(", encoded as {}", encoding);
  if (placeholder)
    return fmt::format("Placeholder-shaped Pulumi access token {}{} (not a real secret, so only a hint).", masked,
                       encoded);
  std::string msg =
      encoding.empty()
          ? fmt::format(
                "Hard-coded Pulumi access token {}: anyone who can read this file can act as its owner in the "
                "Pulumi organisation. ",
                masked)
          : fmt::format(
                "Hard-coded Pulumi access token {}{}: the encoding hides it from the eye, not from anyone who "
                "decodes it, and anyone who can read this file can act as its owner in the Pulumi organisation. ",
                masked, encoded);
  if (ctx.environment_note.empty())
    msg += fmt::format("Read it from ${} or a secrets manager instead, and rotate this token.", ctx.settings.env_var);
  else
    msg += ctx.environment_note;
  return msg;
}

void append_diagnostic(std::string& out, const TextDocument& doc, const DocumentFinding& f,
                       const DiagnosticContext& ctx) {
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
                                           std::unordered_map<std::size_t, bool>& allowlist_cache) {
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
  DiagnosticContext ctx{settings, note, version, configs.has_allowlist(scope) ? &allowlisted : nullptr};
  return append_diagnostics(out, doc, ctx);
}

}  // namespace ptl::server
