#include "scan/report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ptl::scan {

bool parse_report_format(std::string_view name, ReportFormat& out) {
  if (name == "text") return out = ReportFormat::Text, true;
  if (name == "json") return out = ReportFormat::Json, true;
  return false;
}

void write_text(std::ostream& out, const ScanReport& report, bool color) {
  for (const ScanFinding& f : report.findings) {
    const std::string_view severity = f.placeholder ? "hint" : "error";
    const std::string shown = color ? fmt::format("\x1b[{}m{}\x1b[0m", f.placeholder ? "36" : "1;31", severity)
                                    : std::string(severity);
    out << fmt::format("{}:{}:{}: {}: {} access token {} (fingerprint {})\n", f.path, f.line, f.column, shown,
                       f.placeholder ? "Placeholder-shaped Pulumi" : "Pulumi", f.preview, f.fingerprint.substr(0, 16));
  }
  for (const Skipped& s : report.skipped) out << fmt::format("{}: skipped: {}\n", s.path, s.reason);
  const std::size_t real = report.real_findings();
  out << fmt::format("{} token(s), {} placeholder(s) in {} file(s) ({} bytes); {} skipped, {} error(s)", real,
                     report.findings.size() - real, report.files, report.bytes, report.skipped.size(),
                     report.errors.size());
  if (report.baselined > 0) out << fmt::format("; {} in the baseline", report.baselined);
  out << "\n";
}

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
                        {"severity", f.placeholder ? "hint" : "error"},
                        {"preview", f.preview},
                        {"fingerprint", f.fingerprint}});
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
                      {"baselined", report.baselined}}}};
  // Paths are bytes from the file system: invalid UTF-8 is replaced, not thrown on.
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace ptl::scan
