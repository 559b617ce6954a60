#include "scan/scan_engine.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <iterator>
#include <set>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "detectors/encoded_tokens.h"
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

const detectors::EncodedTokenFinder& encoded_finder() {
  static const detectors::EncodedTokenFinder instance(detector());  // immutable too
  return instance;
}

constexpr std::size_t kBinaryProbe = 8192;
constexpr std::size_t kSmallFile = 1 << 20;  // read whole before the binary check

bool looks_binary(std::string_view text) { return text.substr(0, kBinaryProbe).find('\0') != std::string_view::npos; }

enum class ReadResult { Ok, Binary, TooLarge, Gone, Error };

// Reads up to `size` bytes at `into`, retrying short reads and EINTR; how many were read, or -1.
ssize_t read_fully(int fd, char* into, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, into + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  return static_cast<ssize_t>(done);
}

// The file as fstat sizes it, with open/fstat/read into a reused buffer (what it gains while
// being read is left for the next scan): over `max_size` it is left unread (TooLarge); a
// binary file (NULs in the first 8 KB) is read no further. A file deleted since it was listed
// is Gone.
ReadResult read_file(const std::filesystem::path& path, std::uintmax_t max_size, std::string& out, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return ReadResult::Gone;
    error = fmt::format("cannot open: {}", std::error_code(errno, std::generic_category()).message());
    return ReadResult::Error;
  }
  struct stat st {};
  const std::size_t size = ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0;
  if (size > max_size) {
    ::close(fd);
    return ReadResult::TooLarge;
  }
  // A small file in one read; a large one after an 8 KB probe, so a binary is left unread.
  const std::size_t first = size <= kSmallFile ? size : kBinaryProbe;
  out.resize(size);
  ReadResult result = ReadResult::Ok;
  ssize_t got = read_fully(fd, out.data(), first);
  if (got >= 0 && looks_binary(std::string_view(out.data(), static_cast<std::size_t>(got)))) {
    result = ReadResult::Binary;
  } else if (got >= 0 && static_cast<std::size_t>(got) == first && size > first) {
    const ssize_t rest = read_fully(fd, out.data() + got, size - first);
    got = rest < 0 ? -1 : got + rest;
  }
  if (got < 0) {
    error = fmt::format("read error: {}", std::error_code(errno, std::generic_category()).message());
    result = ReadResult::Error;
  } else if (result == ReadResult::Ok) {
    out.resize(static_cast<std::size_t>(got));
  }
  ::close(fd);
  return result;
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

std::vector<ScanFinding> scan_text(const std::string& path, std::string_view text, const ScanOptions& options,
                                   std::string_view key) {
  // Plain tokens (the editor's pipeline) and encoded ones (encoded_tokens.h), in text order for
  // the forward-only PositionWalker.
  struct Found {
    std::size_t begin, end;
    std::string_view token;
    bool placeholder;
    const detectors::EncodedFinding* encoded;  // null: a plain token
  };
  std::vector<detectors::Finding> plain;
  detectors::scan_lines(detector(), text, 0, text.size(), plain);
  std::vector<detectors::EncodedFinding> encoded;
  encoded_finder().find(text, encoded);
  std::vector<Found> found;
  found.reserve(plain.size() + encoded.size());
  for (const detectors::Finding& f : plain) {
    found.push_back({f.begin, f.begin + PulumiTokenDetector::kTokenLength,
                     text.substr(f.begin, PulumiTokenDetector::kTokenLength), f.placeholder, nullptr});
  }
  for (const detectors::EncodedFinding& f : encoded) {
    if (detectors::suppressed_at(text, f.begin)) continue;  // ignore markers apply as to plain tokens
    found.push_back({f.begin, f.end, f.token, f.placeholder, &f});
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
  std::vector<ScanFinding> out;
  PositionWalker walker(text);
  for (const Found& f : found) {
    if (f.placeholder && !options.report_placeholders) continue;
    const TextPosition start = walker.at(f.begin);
    ScanFinding s;
    s.path = path;
    s.root_path = key.empty() ? path : std::string(key);
    s.line = start.line;
    s.column = start.column;
    // Neither a token nor an encoded run spans a line break, and an encoded run is ASCII: one
    // column a byte.
    s.end_line = start.line;
    s.end_column = start.column + (f.end - f.begin);
    s.placeholder = f.placeholder;
    s.preview = detectors::mask_token(f.token);
    s.token_hash = sha256_hex(f.token);
    s.fingerprint = fingerprint_from_token_hash(kRuleId, s.root_path, s.token_hash);
    if (options.on_token && !f.placeholder) options.on_token(f.token, s.token_hash);
    if (f.encoded != nullptr) s.encoding = detectors::describe_encoding(f.encoded->layers);
    if (options.with_fixes && !f.placeholder && f.encoded == nullptr) {
      const remediation::Language language = remediation::detect_language("", path);
      for (remediation::Fix& fix : remediation::fixes_for(text, f.begin, f.end, language, options.names)) {
        s.fixes.push_back(std::move(fix.title));
      }
    }
    out.push_back(std::move(s));
  }
  if (options.line_hashes && !out.empty()) {
    std::set<std::size_t> lines;
    for (const ScanFinding& s : out) lines.insert(s.line);
    const auto hashes = primary_location_line_hashes(text, lines);
    for (ScanFinding& s : out) {
      if (const auto it = hashes.find(s.line); it != hashes.end()) s.line_hash = it->second;
    }
  }
  return out;
}

void scan_contents(const std::string& path, std::string_view key, std::string_view text, const ScanOptions& options,
                   ScanReport& into) {
  if (text.size() > options.max_file_size) {
    into.skipped.push_back({path, fmt::format("larger than {} bytes", options.max_file_size)});
    return;
  }
  if (looks_binary(text)) {
    into.skipped.push_back({path, "binary"});
    return;
  }
  ++into.files;
  into.bytes += text.size();
  std::vector<ScanFinding> found = scan_text(path, text, options, key);
  if (options.progress != nullptr) {
    options.progress->files.fetch_add(1, std::memory_order_relaxed);
    options.progress->bytes.fetch_add(text.size(), std::memory_order_relaxed);
    options.progress->findings.fetch_add(found.size(), std::memory_order_relaxed);
  }
  for (ScanFinding& f : found) into.findings.push_back(std::move(f));
}

unsigned for_each_parallel(std::size_t count, unsigned threads,
                           const std::function<void(unsigned worker, std::size_t item)>& work) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned workers = std::clamp<unsigned>(threads == 0 ? cores : threads, 1,
                                                static_cast<unsigned>(std::clamp<std::size_t>(count, 1, 256)));
  std::atomic<std::size_t> next{0};
  const auto loop = [&](unsigned worker) {
    for (std::size_t i = next++; i < count; i = next++) work(worker, i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < workers; ++t) pool.emplace_back(loop, t);
  loop(0);
  for (std::thread& t : pool) t.join();
  return workers;
}

void sort_report(ScanReport& report) {
  std::sort(report.findings.begin(), report.findings.end(), by_position);
  std::sort(report.skipped.begin(), report.skipped.end(),
            [](const Skipped& a, const Skipped& b) { return a.path < b.path; });
  std::sort(report.errors.begin(), report.errors.end());
}

void merge_report(ScanReport& into, ScanReport&& part) {
  std::move(part.findings.begin(), part.findings.end(), std::back_inserter(into.findings));
  std::move(part.skipped.begin(), part.skipped.end(), std::back_inserter(into.skipped));
  std::move(part.errors.begin(), part.errors.end(), std::back_inserter(into.errors));
  std::move(part.warnings.begin(), part.warnings.end(), std::back_inserter(into.warnings));
  into.files += part.files;
  into.bytes += part.bytes;
  into.ignored += part.ignored;
}

ScanReport scan_paths(const std::vector<std::string>& roots, const ScanOptions& options) {
  return scan_collected(collect_paths(roots, options.use_ignore_rules), options);
}

ScanReport scan_collected(Collected collected, const ScanOptions& options) {
  if (options.progress != nullptr) options.progress->total_files.store(collected.files.size());
  ScanReport report;
  report.ignored = collected.ignored;
  report.skipped = std::move(collected.skipped);
  report.errors = std::move(collected.errors);
  // Each worker keeps its own results; they are joined and sorted at the end, so the report
  // does not depend on the scheduling.
  std::vector<ScanReport> partials(256);
  std::vector<std::string> buffers(256);
  const unsigned workers =
      for_each_parallel(collected.files.size(), options.threads, [&](unsigned worker, std::size_t i) {
        const ScanFile& file = collected.files[i];
        if (options.exclude && options.exclude(file.key)) {
          ++partials[worker].ignored;
          return;
        }
        std::string error;
        switch (read_file(file.path, options.max_file_size, buffers[worker], error)) {
          case ReadResult::Error:
            partials[worker].errors.push_back(fmt::format("{}: {}", file.display, error));
            return;
          case ReadResult::Gone:
            partials[worker].skipped.push_back({file.display, "deleted while the scan ran"});
            return;
          case ReadResult::Binary:
            partials[worker].skipped.push_back({file.display, "binary"});
            return;
          case ReadResult::TooLarge:
            partials[worker].skipped.push_back({file.display, fmt::format("larger than {} bytes", options.max_file_size)});
            return;
          case ReadResult::Ok:
            break;
        }
        scan_contents(file.display, file.key, buffers[worker], options, partials[worker]);
      });
  for (unsigned w = 0; w < workers; ++w) merge_report(report, std::move(partials[w]));
  sort_report(report);
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
  scan_contents(name, name, text, options, report);
  return report;
}

}  // namespace ptl::scan
