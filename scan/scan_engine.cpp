#include "scan/scan_engine.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "detectors/line_scan.h"
#include "detectors/pulumi_token_detector.h"
#include "detectors/token_mask.h"
#include "remediation/remediation.h"
#include "scan/fingerprint.h"
#include "scan/line_hash.h"
#include "scan/text_position.h"

namespace ptl::scan {
namespace {

using detectors::PulumiTokenDetector;

const PulumiTokenDetector& detector() {
  static const PulumiTokenDetector instance;  // immutable after construction: shared by threads
  return instance;
}

bool looks_binary(std::string_view text) { return text.substr(0, 8192).find('\0') != std::string_view::npos; }

// The whole file, in one read of its size (a second read catches a file that grew).
bool read_file(const std::filesystem::path& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open";
    return false;
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  out.resize(size > 0 ? static_cast<std::size_t>(size) : 0);
  if (size > 0) in.read(out.data(), size);
  out.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  if (in.bad()) {
    error = "read error";
    return false;
  }
  in.clear();
  out.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool by_position(const ScanFinding& a, const ScanFinding& b) {
  if (a.path != b.path) return a.path < b.path;
  if (a.line != b.line) return a.line < b.line;
  return a.column < b.column;
}

}  // namespace

std::size_t ScanReport::real_findings() const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [](const ScanFinding& f) { return !f.placeholder; }));
}

std::vector<ScanFinding> scan_text(const std::string& path, std::string_view text, const ScanOptions& options) {
  std::vector<detectors::Finding> found;
  detectors::scan_lines(detector(), text, 0, text.size(), found);
  std::vector<ScanFinding> out;
  PositionWalker walker(text);
  for (const detectors::Finding& f : found) {
    if (f.placeholder && !options.report_placeholders) continue;
    const std::string_view token = text.substr(f.begin, PulumiTokenDetector::kTokenLength);
    const TextPosition start = walker.at(f.begin);
    ScanFinding s;
    s.path = path;
    s.line = start.line;
    s.column = start.column;
    s.end_line = start.line;  // a token never spans a line break
    s.end_column = start.column + PulumiTokenDetector::kTokenLength;
    s.placeholder = f.placeholder;
    s.preview = detectors::mask_token(token);
    s.fingerprint = finding_fingerprint(kRuleId, path, token);
    if (options.with_fixes && !f.placeholder) {
      const remediation::Language language = remediation::detect_language("", path);
      for (remediation::Fix& fix :
           remediation::fixes_for(text, f.begin, f.begin + PulumiTokenDetector::kTokenLength, language, options.names)) {
        s.fixes.push_back(std::move(fix.title));
      }
    }
    out.push_back(std::move(s));
  }
  if (!out.empty()) {
    std::set<std::size_t> lines;
    for (const ScanFinding& s : out) lines.insert(s.line);
    const auto hashes = primary_location_line_hashes(text, lines);
    for (ScanFinding& s : out) {
      if (const auto it = hashes.find(s.line); it != hashes.end()) s.line_hash = it->second;
    }
  }
  return out;
}

ScanReport scan_paths(const std::vector<std::string>& roots, const ScanOptions& options) {
  Collected collected = collect_paths(roots, options.max_file_size, options.use_ignore_rules);
  ScanReport report;
  report.ignored = collected.ignored;
  report.skipped = std::move(collected.skipped);
  report.errors = std::move(collected.errors);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = std::clamp<unsigned>(options.threads == 0 ? cores : options.threads, 1,
                                                static_cast<unsigned>(std::max<std::size_t>(collected.files.size(), 1)));
  // Each worker takes the next file and keeps its own results; they are joined and sorted at
  // the end, so the report does not depend on the scheduling.
  std::vector<ScanReport> partials(threads);
  std::atomic<std::size_t> next{0};
  const auto work = [&](ScanReport& mine) {
    std::string text;
    for (std::size_t i = next++; i < collected.files.size(); i = next++) {
      const ScanFile& file = collected.files[i];
      std::string error;
      if (!read_file(file.path, text, error)) {
        mine.errors.push_back(fmt::format("{}: {}", file.display, error));
        continue;
      }
      if (text.size() > options.max_file_size) {
        mine.skipped.push_back({file.display, fmt::format("larger than {} bytes", options.max_file_size)});
        continue;
      }
      if (looks_binary(text)) {
        mine.skipped.push_back({file.display, "binary"});
        continue;
      }
      ++mine.files;
      mine.bytes += text.size();
      for (ScanFinding& f : scan_text(file.display, text, options)) mine.findings.push_back(std::move(f));
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, std::ref(partials[t]));
  work(partials[0]);
  for (std::thread& t : pool) t.join();
  for (ScanReport& p : partials) {
    std::move(p.findings.begin(), p.findings.end(), std::back_inserter(report.findings));
    std::move(p.skipped.begin(), p.skipped.end(), std::back_inserter(report.skipped));
    std::move(p.errors.begin(), p.errors.end(), std::back_inserter(report.errors));
    report.files += p.files;
    report.bytes += p.bytes;
  }
  std::sort(report.findings.begin(), report.findings.end(), by_position);
  std::sort(report.skipped.begin(), report.skipped.end(),
            [](const Skipped& a, const Skipped& b) { return a.path < b.path; });
  std::sort(report.errors.begin(), report.errors.end());
  return report;
}

ScanReport scan_stream(std::istream& in, const std::string& name, const ScanOptions& options) {
  ScanReport report;
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > options.max_file_size) {
      report.skipped.push_back({name, fmt::format("larger than {} bytes", options.max_file_size)});
      return report;
    }
  }
  if (in.bad()) {
    report.errors.push_back(fmt::format("{}: read error", name));
    return report;
  }
  if (looks_binary(text)) {
    report.skipped.push_back({name, "binary"});
    return report;
  }
  report.files = 1;
  report.bytes = text.size();
  report.findings = scan_text(name, text, options);
  return report;
}

}  // namespace ptl::scan
