#include "server/check_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "remediation/remediation.h"
#include "server/code_actions.h"
#include "server/diagnostic_writer.h"
#include "server/text_document.h"

namespace ptl::server {
namespace {

namespace fs = std::filesystem;

bool skipped_directory(const fs::path& p) {
  std::string name = p.filename().string();
  return name == ".git" || name == "node_modules" || name == ".hg" || name == ".svn";
}

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return true;
}

bool looks_binary(std::string_view text) {
  return text.substr(0, 8192).find('\0') != std::string_view::npos;
}

}  // namespace

int run_check(const std::vector<std::string>& paths, const Settings& settings, std::ostream& out, Logger& log) {
  detectors::PulumiTokenDetector detector;
  std::vector<fs::path> files;
  int status = 0;
  for (const std::string& arg : paths) {
    std::error_code ec;
    fs::path p(arg);
    if (fs::is_directory(p, ec)) {
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && skipped_directory(it->path())) {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) files.push_back(it->path());
      }
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      log.error("{}: no such file or directory", arg);
      status = 2;
    }
  }
  std::sort(files.begin(), files.end());
  std::size_t tokens = 0, placeholders = 0;
  for (const fs::path& file : files) {
    std::string text;
    if (!read_file(file, text)) {
      log.error("{}: cannot read", file.string());
      status = 2;
      continue;
    }
    if (looks_binary(text) || text.size() > settings.max_document_bytes) continue;
    const std::string source = text;  // the fixes read the whole text; the document keeps its chunks
    TextDocument doc(std::move(text), PositionEncoding::Utf32, detector);
    const remediation::Language language = remediation::detect_language("", file.string());
    const remediation::Names names = remediation_names(settings);
    DiagnosticContext ctx{settings, remediation::environment_note(language), 0};
    doc.for_each_finding([&](const DocumentFinding& f) {
      if (f.placeholder && !settings.report_placeholders) return;
      (f.placeholder ? placeholders : tokens)++;
      std::string masked = masked_token_at(doc, f.begin);
      out << fmt::format("{}:{}:{}: {}: {}\n", file.string(), f.start.line + 1, f.start.character + 1,
                         f.placeholder ? "hint" : severity_name(settings.severity),
                         diagnostic_message(f, masked, ctx));
      if (f.placeholder) return;
      for (const remediation::Fix& fix :
           remediation::fixes_for(source, f.begin, f.begin + detectors::PulumiTokenDetector::kTokenLength, language, names))
        out << "    fix: " << fix.title << "\n";
    });
  }
  out << fmt::format("{} token(s), {} placeholder(s) in {} file(s)\n", tokens, placeholders, files.size());
  if (status == 0 && tokens > 0) status = 1;
  return status;
}

}  // namespace ptl::server
