#include "server/scan_command.h"

#include <cstdlib>
#include <fstream>
#include <istream>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <ostream>

#include <fmt/format.h>

#include "scan/baseline.h"
#include "scan/git_source.h"
#include "scan/history_index.h"
#include "scan/project_config.h"
#include "scan/report.h"
#include "scan/scan_engine.h"
#include "server/progress_line.h"
#include "server/scan_verification.h"
#include "verify/token_verifier.h"

namespace ptl::server {

const char* const kScanHelp =
    "Usage: pulumi-token-lsp scan [OPTIONS] [PATH... | - | --staged | --git [RANGE]]\n"
    "Scans files and directory trees (default: .), standard input (-), the git index or git history\n"
    "for Pulumi access tokens, with the rules the editor uses. Never prints a token: a masked preview\n"
    "and a fingerprint.\n"
    "\n"
    "  --staged                  what `git commit` would record: the staged files that differ from HEAD,\n"
    "                            as staged (for pre-commit hooks)\n"
    "  --git [RANGE]             every file content the commits of RANGE added (git syntax: A..B, A...B,\n"
    "                            one revision for its whole history; default: every ref, as git log --all),\n"
    "                            each blob read once; findings name the commit, author and date that\n"
    "                            introduced them\n"
    "  --since-commit REV        --git REV..HEAD\n"
    "  --repo DIR                the repository --staged and --git read (default: the one holding .)\n"
    "  --format text|json|sarif  report format (default text: path:line:col: severity: message;\n"
    "                            sarif: SARIF 2.1.0 for GitHub code scanning)\n"
    "  --output FILE             write the report to FILE instead of standard output\n"
    "  --stdin-name NAME         the path standard input is reported under (default <stdin>)\n"
    "  --max-file-size BYTES     skip (and list) larger files (default 10485760)\n"
    "  --threads N               files scanned at once (default: one per core)\n"
    "  --no-ignore               also scan what git ignores (.gitignore, .git/info/exclude)\n"
    "  --config FILE             the project config (default: .pulumi-token-lsp.json at the repository's\n"
    "                            root, else in the scanned directory): ignore globs, placeholders,\n"
    "                            severity, allowlisted fingerprints, as the editor reads it\n"
    "  --no-config               read no project config\n"
    "  --committed               also read the repository's whole history and mark each token it already\n"
    "                            holds (commit, date, whether pushed): those need rotating, not only removing\n"
    "  --placeholders=hint|off   report placeholder-shaped tokens as hints, or not at all\n"
    "  --exit-zero               exit 0 when tokens are found (report-only pipelines)\n"
    "  --progress=auto|always|never  a progress line on standard error (auto: on a terminal, for scans\n"
    "                            longer than a second, never when CI is set)\n"
    "  --baseline FILE           leave out the findings FILE records (adopt the scan on an old repository)\n"
    "  --write-baseline FILE     record today's findings in FILE (by fingerprint, never the token); exit 0\n"
    "  --verify                  ask the Pulumi API whether each token found is live (GET /api/user with the\n"
    "                            token, once per distinct token, a few requests a second): live (and whose),\n"
    "                            not live, or unknown with the reason. Sends the tokens over HTTPS to the\n"
    "                            backend; HTTPS_PROXY, NO_PROXY, SSL_CERT_FILE and SSL_CERT_DIR are honoured\n"
    "  --verify-backend URL      the Pulumi API to ask (default: PULUMI_BACKEND_URL, else\n"
    "                            https://api.pulumi.com; a DIY backend has no API: every answer is unknown)\n"
    "  --verify-timeout SECONDS  how long one request may take (default 10)\n"
    "\n"
    "Exit codes: 0 no tokens, 1 tokens found, 2 usage error or something could not be read\n"
    "(the findings that were made are still reported).\n";

namespace {

bool parse_count(const std::string& s, std::uintmax_t& out) {
  if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::strtoull(s.c_str(), nullptr, 10);
  return true;
}

}  // namespace

int run_scan(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
             bool out_is_terminal, bool err_is_terminal) {
  scan::ScanOptions options;
  scan::ReportFormat format = scan::ReportFormat::Text;
  std::string output, stdin_name = "<stdin>", baseline_in, baseline_out, range, repo_dir = ".";
  bool exit_zero = false, use_stdin = false, staged = false, history = false;
  std::string progress_mode = "auto", config_file;
  bool no_config = false, placeholders_given = false, committed = false, verify = false;
  std::string verify_backend;
  std::uintmax_t verify_timeout = 10;
  std::vector<std::string> paths;
  const auto usage = [&](const std::string& msg) {
    err << "pulumi-token-lsp scan: " << msg << "\nTry pulumi-token-lsp scan --help.\n";
    return 2;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      out << kScanHelp;
      return 0;
    } else if (a == "--format") {
      if (!value(v) || !scan::parse_report_format(v, format)) return usage("--format takes text, json or sarif");
    } else if (a == "--output") {
      if (!value(output) || output.empty()) return usage("--output takes a file name");
    } else if (a == "--stdin-name") {
      if (!value(stdin_name) || stdin_name.empty()) return usage("--stdin-name takes a name");
    } else if (a == "--max-file-size") {
      if (!value(v) || !parse_count(v, options.max_file_size)) return usage("--max-file-size takes a number of bytes");
    } else if (a == "--threads") {
      std::uintmax_t n = 0;
      if (!value(v) || !parse_count(v, n) || n == 0 || n > 256) return usage("--threads takes a number from 1 to 256");
      options.threads = static_cast<unsigned>(n);
    } else if (a == "--placeholders=hint" || a == "--placeholders=off") {
      options.report_placeholders = a.ends_with("hint");
      placeholders_given = true;
    } else if (a == "--config") {
      if (!value(config_file) || config_file.empty()) return usage("--config takes a file name");
    } else if (a == "--committed") {
      committed = true;
    } else if (a == "--verify") {
      verify = true;
    } else if (a == "--verify-backend") {
      if (!value(verify_backend) || verify_backend.empty()) return usage("--verify-backend takes a URL");
    } else if (a == "--verify-timeout") {
      if (!value(v) || !parse_count(v, verify_timeout) || verify_timeout == 0 || verify_timeout > 600) {
        return usage("--verify-timeout takes a number of seconds from 1 to 600");
      }
    } else if (a == "--no-config") {
      no_config = true;
    } else if (a == "--baseline") {
      if (!value(baseline_in) || baseline_in.empty()) return usage("--baseline takes a file name");
    } else if (a == "--write-baseline") {
      if (!value(baseline_out) || baseline_out.empty()) return usage("--write-baseline takes a file name");
    } else if (a == "--staged") {
      staged = true;
    } else if (a == "--git" || a.starts_with("--git=")) {
      history = true;
      if (a.starts_with("--git=")) {
        range = a.substr(6);
      } else if (i + 1 < args.size() && !args[i + 1].empty() && args[i + 1][0] != '-') {
        range = args[++i];
      }
    } else if (a == "--since-commit") {
      if (!value(v) || v.empty()) return usage("--since-commit takes a revision");
      history = true;
      range = v + "..HEAD";
    } else if (a == "--repo") {
      if (!value(repo_dir) || repo_dir.empty()) return usage("--repo takes a directory");
    } else if (a == "--progress=auto" || a == "--progress=always" || a == "--progress=never") {
      progress_mode = a.substr(11);
    } else if (a == "--no-ignore") {
      options.use_ignore_rules = false;
    } else if (a == "--exit-zero") {
      exit_zero = true;
    } else if (a == "-") {
      use_stdin = true;
    } else if (a == "--") {
      paths.insert(paths.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    } else if (!a.empty() && a[0] == '-') {
      return usage(fmt::format("unknown option {}", a));
    } else {
      paths.push_back(a);
    }
  }
  if (int(use_stdin) + int(staged) + int(history) + int(!paths.empty()) > 1) {
    return usage("choose one source: paths, - (standard input), --staged or --git");
  }
  if (!use_stdin && !staged && !history && paths.empty()) paths.emplace_back(".");

  scan::Baseline baseline;
  std::string error;
  if (!baseline_in.empty() && !scan::load_baseline(baseline_in, baseline, error)) {
    err << "pulumi-token-lsp scan: " << error << "\n";
    return 2;
  }
  options.line_hashes = format == scan::ReportFormat::Sarif;

  // The project config: the one the editor reads for this repository (project_config.h).
  scan::ProjectConfig config;
  bool config_ok = true;
  if (!no_config) {
    std::optional<std::filesystem::path> file;
    if (!config_file.empty()) {
      file = config_file;
    } else {
      file = scan::find_project_config(staged || history ? repo_dir : use_stdin ? "." : paths.front());
    }
    if (file) {
      std::vector<scan::ProjectConfigProblem> problems;
      config_ok = scan::load_project_config(*file, config, problems);
      for (const scan::ProjectConfigProblem& p : problems) {
        err << fmt::format("pulumi-token-lsp scan: {}: {}{}\n", file->string(), p.error ? "" : "warning: ", p.message);
      }
      if (config.report_placeholders && !placeholders_given) options.report_placeholders = *config.report_placeholders;
      if (!config.ignore.empty()) {
        options.exclude = [&config](std::string_view root_path) { return scan::ignored_by(config, root_path); };
      }
    }
  }

  // The progress line: on a terminal, never in CI logs (CI set, or standard error redirected).
  scan::ScanProgress progress;
  std::unique_ptr<ProgressLine> progress_line;
  if (progress_mode == "always") {
    progress_line = std::make_unique<ProgressLine>(progress, err, std::chrono::milliseconds(0), !err_is_terminal);
  } else if (progress_mode == "auto" && err_is_terminal && std::getenv("CI") == nullptr) {
    progress_line = std::make_unique<ProgressLine>(progress, err, std::chrono::seconds(1), false);
  }
  if (progress_line) options.progress = &progress;
  TokenStash tokens;  // scan --verify: the tokens met, until they are verified
  if (verify) options.on_token = tokens.hook();
  scan::ScanReport report = use_stdin ? scan::scan_stream(in, stdin_name, options)
                            : staged  ? scan::scan_staged(repo_dir, options)
                            : history ? scan::scan_history(repo_dir, range, options)
                                      : scan::scan_paths(paths, options);
  if (committed && !history) {
    // The history is read after the scan, and only when there is something to look up.
    std::vector<std::string> errors;
    if (report.real_findings() > 0) {
      const scan::HistoryIndex index =
          scan::HistoryIndex::build(staged || use_stdin ? repo_dir : paths.front(), options, errors);
      index.annotate(report.findings);
    }
    for (std::string& e : errors) report.errors.push_back("history: " + e);
  }
  if (progress_line) progress_line->finish();
  for (const std::string& e : report.errors) err << "pulumi-token-lsp scan: " << e << "\n";
  for (const std::string& w : report.warnings) err << "pulumi-token-lsp scan: warning: " << w << "\n";
  if (config.severity) report.severity = *config.severity;
  std::set<std::string> allowlist;
  for (const auto& [fingerprint, reason] : config.allowlist) allowlist.insert(fingerprint);
  report.allowlisted = scan::drop_fingerprints(report, allowlist);
  // Written before the old baseline is applied: the new file holds today's findings, old and
  // new, and drops those that are gone.
  if (!baseline_out.empty()) {
    if (!scan::write_baseline(baseline_out, report, error)) {
      err << "pulumi-token-lsp scan: " << error << "\n";
      return 2;
    }
    err << fmt::format("pulumi-token-lsp scan: {} finding(s) recorded in {}\n", report.real_findings(), baseline_out);
    exit_zero = true;  // adopting: today's findings are accepted
  }
  scan::apply_baseline(report, baseline);
  // Verified last: only what is reported is sent to the API (not what a baseline or the config
  // leaves out).
  if (verify) {
    verify::TokenVerifierOptions verify_options;
    verify_options.backend = verify_backend;
    verify_options.timeout = std::chrono::seconds(verify_timeout);
    verify::TokenVerifier verifier(verify_options);
    verify_findings(report, tokens, verifier, 4);
  }

  std::ofstream file;
  if (!output.empty()) {
    file.open(output, std::ios::binary | std::ios::trunc);
    if (!file) {
      err << "pulumi-token-lsp scan: " << output << ": cannot write\n";
      return 2;
    }
  }
  std::ostream& sink = output.empty() ? out : file;
  const bool color = output.empty() && out_is_terminal && std::getenv("NO_COLOR") == nullptr;
  if (format == scan::ReportFormat::Json) {
    scan::write_json(sink, report);
  } else if (format == scan::ReportFormat::Sarif) {
    scan::write_sarif(sink, report, PTL_VERSION);
  } else {
    scan::write_text(sink, report, color);
  }
  sink.flush();
  if (!sink) {
    err << "pulumi-token-lsp scan: " << (output.empty() ? "standard output" : output) << ": write error\n";
    return 2;
  }
  if (!report.errors.empty() || !config_ok) return 2;
  return report.real_findings() > 0 && !exit_zero ? 1 : 0;
}

}  // namespace ptl::server
