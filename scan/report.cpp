#include "scan/report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ptl::scan {

std::string uri_of(std::string_view path) {
  std::string out;
  for (const char ch : path) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    out += keep ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  if (out.starts_with("./")) out.erase(0, 2);
  return out;
}

std::string committed_summary(const Committed& c) {
  std::string where = c.remote_branches.empty() ? "not pushed" : "pushed to " + c.remote_branches.front();
  if (c.remote_branches.size() > 1) where += fmt::format(" and {} other branch(es)", c.remote_branches.size() - 1);
  return fmt::format("{} on {}{}, {}", c.commit.id.substr(0, 12), c.commit.date.substr(0, 10),
                     c.in_head ? "" : ", not in HEAD's history", where);
}

bool parse_report_format(std::string_view name, ReportFormat& out) {
  if (name == "text") return out = ReportFormat::Text, true;
  if (name == "json") return out = ReportFormat::Json, true;
  if (name == "sarif") return out = ReportFormat::Sarif, true;
  return false;
}

namespace {

std::string_view severity_color(std::string_view severity) {
  return severity == "error" ? "1;31" : severity == "warning" ? "1;33" : "36";
}

// SARIF has error, warning and note.
std::string sarif_level(std::string_view severity) {
  return severity == "error" || severity == "warning" ? std::string(severity) : "note";
}

// " (base64-encoded)" after the preview of an encoded token; nothing for a plain one.
std::string encoded_text(const ScanFinding& f) {
  return f.encoding.empty() ? std::string() : fmt::format(" ({}-encoded)", f.encoding);
}

// " (live: personal token of alice)" after the preview of a verified token; nothing otherwise.
std::string verification_text(const ScanFinding& f) {
  return f.verification ? fmt::format(" ({})", f.verification->text) : std::string();
}

// The verification's fields as JSON findings and SARIF result properties carry them.
void add_verification(nlohmann::json& into, const TokenVerification& v) {
  into["verification"] = v.state;
  if (!v.reason.empty()) into["verificationReason"] = v.reason;
  if (!v.owner.empty()) into["tokenOwner"] = v.owner;
  if (!v.kind.empty()) into["tokenKind"] = v.kind;
  if (!v.name.empty()) into["tokenName"] = v.name;
}

}  // namespace

void write_text(std::ostream& out, const ScanReport& report, bool color) {
  for (const ScanFinding& f : report.findings) {
    const std::string_view severity = f.placeholder ? std::string_view("hint") : std::string_view(report.severity);
    const std::string shown = color ? fmt::format("\x1b[{}m{}\x1b[0m", severity_color(severity), severity)
                                    : std::string(severity);
    out << fmt::format("{}:{}:{}: {}: {} access token {}{}{} (fingerprint {})", f.path, f.line, f.column, shown,
                       f.placeholder ? "Placeholder-shaped Pulumi" : "Pulumi", f.preview, verification_text(f),
                       encoded_text(f), f.fingerprint.substr(0, 16));
    if (f.commit) {
      out << fmt::format(" added in commit {} by {} on {}", f.commit->id.substr(0, 12), f.commit->author,
                         f.commit->date.substr(0, 10));
    }
    if (f.committed) out << " [already committed in " << committed_summary(*f.committed) << ": rotate it]";
    out << "\n";
  }
  for (const Skipped& s : report.skipped) out << fmt::format("{}: skipped: {}\n", s.path, s.reason);
  const std::size_t real = report.real_findings();
  out << fmt::format("{} token(s), {} placeholder(s) in {} file(s) ({} bytes); {} skipped, {} error(s)", real,
                     report.findings.size() - real, report.files, report.bytes, report.skipped.size(),
                     report.errors.size());
  if (report.commits > 0) out << fmt::format("; {} commit(s)", report.commits);
  if (report.ignored > 0) out << fmt::format("; {} ignored (git, project config)", report.ignored);
  if (report.baselined > 0) out << fmt::format("; {} in the baseline", report.baselined);
  if (report.allowlisted > 0) out << fmt::format("; {} allowlisted", report.allowlisted);
  out << "\n";
}

namespace {

nlohmann::json commit_json(const CommitInfo& c) {
  return {{"id", c.id}, {"author", c.author}, {"email", c.email}, {"date", c.date}};
}

nlohmann::json committed_json(const Committed& c) {
  return {{"commit", commit_json(c.commit)}, {"path", c.path}, {"line", c.line}, {"inHead", c.in_head}, {"pushedTo", c.remote_branches}};
}

}  // namespace

void write_json(std::ostream& out, const ScanReport& report) {
  using nlohmann::json;
  json findings = json::array();
  for (const ScanFinding& f : report.findings) {
    findings.push_back({{"path", f.path},
                        {"line", f.line},
                        {"column", f.column},
                        {"endLine", f.end_line},
                        {"endColumn", f.end_column},
                        {"rule", kRuleId},
                        {"severity", f.placeholder ? "hint" : report.severity},
                        {"preview", f.preview},
                        {"fingerprint", f.fingerprint}});
    if (!f.encoding.empty()) findings.back()["encoding"] = f.encoding;
    if (f.commit) findings.back()["commit"] = commit_json(*f.commit);
    if (f.committed) findings.back()["committed"] = committed_json(*f.committed);
    if (f.verification) add_verification(findings.back(), *f.verification);
  }
  json skipped = json::array();
  for (const Skipped& s : report.skipped) skipped.push_back({{"path", s.path}, {"reason", s.reason}});
  const std::size_t real = report.real_findings();
  const json doc = {{"version", 1},
                    {"findings", std::move(findings)},
                    {"skipped", std::move(skipped)},
                    {"errors", report.errors},
                    {"stats",
                     {{"files", report.files},
                      {"bytes", report.bytes},
                      {"findings", real},
                      {"placeholders", report.findings.size() - real},
                      {"baselined", report.baselined},
                      {"allowlisted", report.allowlisted},
                      {"ignored", report.ignored},
                      {"commits", report.commits}}},
                    {"warnings", report.warnings}};
  // Paths are bytes from the file system: invalid UTF-8 is replaced, not thrown on.
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

namespace {

// Relative to the repository's root (%SRCROOT%), as code scanning matches alerts to files; a
// file outside any repository and the current directory gets an absolute file URI.
nlohmann::json artifact_location(std::string_view root_path) {
  if (root_path.starts_with("/")) return {{"uri", "file://" + uri_of(root_path)}};
  return {{"uri", uri_of(root_path)}, {"uriBaseId", "%SRCROOT%"}};
}

constexpr std::string_view kHelpUri =
    "https://github.com/pulumi-token-lsp/pulumi-token-lsp/blob/main/README.md#hard-coded-pulumi-access-tokens";

constexpr std::string_view kHelpMarkdown =
    "A Pulumi access token gives whoever holds it its owner's whole Pulumi organisation: every "
    "stack, its state and secrets, and the cloud credentials behind them. Removing it from the "
    "file is not enough once it was committed or shared.\n\n"
    "1. Create a new token in the Pulumi console (Settings, Access Tokens).\n"
    "2. Put it where programs read it: the `PULUMI_ACCESS_TOKEN` environment variable, "
    "`pulumi config set --secret`, or a secrets manager (AWS Secrets Manager, HashiCorp Vault, "
    "CyberArk Conjur); the editor integration rewrites the literal in one keystroke.\n"
    "3. Revoke the old token once nothing uses it.\n"
    "4. Check the organisation's audit log for activity you do not recognise.";

}  // namespace

void write_sarif(std::ostream& out, const ScanReport& report, std::string_view version) {
  using nlohmann::json;
  json results = json::array();
  for (const ScanFinding& f : report.findings) {
    json fingerprints = {{"pulumiTokenLsp/v1", f.fingerprint}};
    if (!f.line_hash.empty()) fingerprints["primaryLocationLineHash"] = f.line_hash;
    results.push_back(
        {{"ruleId", kRuleId},
         {"ruleIndex", 0},
         {"level", f.placeholder ? "note" : sarif_level(report.severity)},
         {"message",
          {{"text", fmt::format("{} Pulumi access token {}{}: rotate it, then read it from the environment or a "
                                "secrets manager.",
                                f.placeholder ? "Placeholder-shaped" : "Hard-coded", f.preview, encoded_text(f))}}},
         {"locations",
          json::array({{{"physicalLocation",
                         {{"artifactLocation", artifact_location(f.root_path)},
                          {"region",
                           {{"startLine", f.line},
                            {"startColumn", f.column},
                            {"endLine", f.end_line},
                            {"endColumn", f.end_column}}}}}}})},
         {"partialFingerprints", std::move(fingerprints)}});
    if (!f.encoding.empty()) results.back()["properties"]["encoding"] = f.encoding;
    if (f.commit) results.back()["properties"]["commit"] = commit_json(*f.commit);
    if (f.committed) results.back()["properties"]["committed"] = committed_json(*f.committed);
    if (f.verification) add_verification(results.back()["properties"], *f.verification);
  }
  const json rule = {
      {"id", kRuleId},
      {"name", "HardCodedPulumiAccessToken"},
      {"shortDescription", {{"text", "Hard-coded Pulumi access token"}}},
      {"fullDescription",
       {{"text", "A Pulumi access token (pul- and 40 hex digits) in a file: anyone who can read the file can act as "
                 "its owner in the Pulumi organisation."}}},
      {"help", {{"text", std::string(kHelpMarkdown)}, {"markdown", std::string(kHelpMarkdown)}}},
      {"helpUri", std::string(kHelpUri)},
      {"defaultConfiguration", {{"level", sarif_level(report.severity)}}},
      {"properties", {{"tags", {"security", "secrets"}}, {"precision", "very-high"}, {"security-severity", "9.8"}}}};
  const json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::array({{{"tool",
                      {{"driver",
                        {{"name", "pulumi-token-lsp"},
                         {"semanticVersion", std::string(version)},
                         {"informationUri", "https://github.com/pulumi-token-lsp/pulumi-token-lsp"},
                         {"rules", json::array({rule})}}}}},
                     {"columnKind", "unicodeCodePoints"},
                     {"originalUriBaseIds", {{"%SRCROOT%", {{"description", {{"text", "The scanned tree's root."}}}}}}},
                     {"results", std::move(results)}}})}};
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace ptl::scan
