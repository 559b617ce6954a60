#include "server/check_command.h"

#include <fmt/format.h>

#include "remediation/remediation.h"
#include "scan/scan_engine.h"
#include "server/code_actions.h"
#include "server/diagnostic_writer.h"
#include "server/text_document.h"

namespace ptl::server {

// --check is the scan engine (scan/scan_engine.h: the same walk, reads, skips and findings as
// `scan`) with the editor's diagnostic messages and fix titles for each finding.
int run_check(const std::vector<std::string>& paths, const Settings& settings, std::ostream& out, Logger& log) {
  scan::ScanOptions options;
  options.max_file_size = settings.max_document_bytes;
  options.report_placeholders = settings.report_placeholders;
  options.with_fixes = true;
  options.names = remediation_names(settings);
  const scan::ScanReport report = scan::scan_paths(paths, options);
  for (const std::string& error : report.errors) log.error("{}", error);
  for (const scan::Skipped& s : report.skipped) log.debug("{}: skipped: {}", s.path, s.reason);
  for (const scan::ScanFinding& f : report.findings) {
    const DiagnosticContext ctx{settings, remediation::environment_note(remediation::detect_language("", f.path)), 0};
    out << fmt::format("{}:{}:{}: {}: {}\n", f.path, f.line, f.column,
                       f.placeholder ? "hint" : severity_name(settings.severity),
                       diagnostic_message(f.placeholder, f.encoding, f.preview, ctx));
    for (const std::string& title : f.fixes) out << "    fix: " << title << "\n";
  }
  const std::size_t tokens = report.real_findings();
  out << fmt::format("{} token(s), {} placeholder(s) in {} file(s)\n", tokens, report.findings.size() - tokens,
                     report.files);
  if (!report.errors.empty()) return 2;
  return tokens > 0 ? 1 : 0;
}

}  // namespace ptl::server
