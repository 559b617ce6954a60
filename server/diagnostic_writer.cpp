#include "server/diagnostic_writer.h"

#include <fmt/format.h>

#include "detectors/token_mask.h"

namespace ptl::server {
namespace {

constexpr std::size_t kTokenLength = detectors::PulumiTokenDetector::kTokenLength;

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

void append_range(std::string& out, const LinePosition& start) {
  fmt::format_to(std::back_inserter(out),
                 R"("range":{{"start":{{"line":{},"character":{}}},"end":{{"line":{},"character":{}}}}})",
                 start.line, start.character, start.line, start.character + kTokenLength);
}

}  // namespace

std::string masked_token_at(const TextDocument& doc, std::size_t begin) {
  std::string scratch;
  return detectors::mask_token(doc.view(begin, begin + 8, scratch));
}

std::string diagnostic_message(const DocumentFinding& f, std::string_view masked, const DiagnosticContext& ctx) {
  if (f.placeholder)
    return fmt::format("Placeholder-shaped Pulumi access token {} (not a real secret, so only a hint).", masked);
  std::string msg = fmt::format(
      "Hard-coded Pulumi access token {}: anyone who can read this file can act as its owner in the "
      "Pulumi organisation. ",
      masked);
  if (ctx.environment_note.empty())
    msg += fmt::format("Read it from ${} or a secrets manager instead, and rotate this token.", ctx.settings.env_var);
  else
    msg += ctx.environment_note;
  return msg;
}

void append_diagnostic(std::string& out, const TextDocument& doc, const DocumentFinding& f,
                       const DiagnosticContext& ctx) {
  out.push_back('{');
  append_range(out, f.start);
  int severity = f.placeholder ? static_cast<int>(Severity::Hint) : static_cast<int>(ctx.settings.severity);
  fmt::format_to(std::back_inserter(out),
                 R"(,"severity":{},"code":"{}","codeDescription":{{"href":"{}"}},"source":"{}","message":)",
                 severity, kDiagnosticCode, kReadmeUrl, kDiagnosticSource);
  append_json_string(out, diagnostic_message(f, masked_token_at(doc, f.begin), ctx));
  fmt::format_to(std::back_inserter(out), R"(,"data":{{"offset":{},"version":{},"placeholder":{}}}}})", f.begin,
                 ctx.version, f.placeholder ? "true" : "false");
}

std::size_t append_diagnostics(std::string& out, const TextDocument& doc, const DiagnosticContext& ctx) {
  out.push_back('[');
  std::size_t written = 0, skipped = 0;
  LinePosition last{};
  doc.for_each_finding([&](const DocumentFinding& f) {
    if (f.placeholder && !ctx.settings.report_placeholders) return;
    if (written >= ctx.settings.max_findings) {
      ++skipped;
      return;
    }
    if (written) out.push_back(',');
    append_diagnostic(out, doc, f, ctx);
    last = f.start;
    ++written;
  });
  if (skipped) {
    if (written) out.push_back(',');
    out.push_back('{');
    append_range(out, last);
    fmt::format_to(std::back_inserter(out), R"(,"severity":3,"source":"{}","message":)", kDiagnosticSource);
    append_json_string(out, fmt::format("{} more Pulumi access tokens in this file are not shown (limit "
                                        "maxFindingsPerDocument = {}).",
                                        skipped, ctx.settings.max_findings));
    out.push_back('}');
  }
  out.push_back(']');
  return written;
}

}  // namespace ptl::server
