// pulumi-token-lsp: the language server executable and its --check mode.

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "server/asio_transport.h"
#include "server/check_command.h"
#include "server/language_server.h"
#include "server/logger.h"
#include "server/output_queue.h"
#include "server/rotate_command.h"
#include "server/scan_command.h"

#include <unistd.h>

namespace {

constexpr std::string_view kVersion = PTL_VERSION;

constexpr std::string_view kHelp =
    "pulumi-token-lsp: a language server that flags hard-coded Pulumi access tokens and rewrites\n"
    "them into environment-variable, Pulumi config or secrets-manager lookups.\n"
    "\n"
    "Usage:\n"
    "  pulumi-token-lsp [--stdio] [options]   serve LSP over stdin/stdout (the default)\n"
    "  pulumi-token-lsp --port N [options]    serve one client over TCP on 127.0.0.1:N\n"
    "  pulumi-token-lsp scan [PATH... | -]    scan files, trees or standard input for CI and hooks\n"
    "                                         (text or JSON; scan --help for the options)\n"
    "  pulumi-token-lsp rotate FILE:LINE[:COL] --store vault|aws|conjur\n"
    "                                         rotate a leaked token: replace it, store the new one,\n"
    "                                         fix the code, revoke it (rotate --help for the options)\n"
    "  pulumi-token-lsp --check PATH...       scan files and directories, print findings and fixes;\n"
    "                                         exit 1 if a token was found, 2 on a read error\n"
    "\n"
    "Options:\n"
    "  --log=error|info|debug      what goes to stderr (default info); never a full token\n"
    "  --max-message-size=BYTES    largest accepted JSON-RPC message (default 67108864)\n"
    "  --placeholders=hint|off     report placeholder-shaped tokens as hints, or not at all\n"
    "  --clientProcessId=N         accepted and ignored (VS Code passes it)\n"
    "  --version, --help\n";

bool parse_size(std::string_view s, std::size_t& out) {
  if (s.empty()) return false;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    if (v > (SIZE_MAX - 9) / 10) return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  out = v;
  return true;
}

int usage_error(std::string_view msg) {
  std::fprintf(stderr, "pulumi-token-lsp: %.*s\nTry --help.\n", static_cast<int>(msg.size()), msg.data());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  if (argc >= 2 && std::string_view(argv[1]) == "scan") {
    return ptl::server::run_scan(std::vector<std::string>(argv + 2, argv + argc), std::cin, std::cout, std::cerr,
                                 isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1);
  }
  if (argc >= 2 && std::string_view(argv[1]) == "rotate") {
    return ptl::server::run_rotate(std::vector<std::string>(argv + 2, argv + argc), std::cin, std::cout, std::cerr,
                                   isatty(STDIN_FILENO) == 1);
  }
  ptl::server::Logger log(ptl::server::LogLevel::Info);
  ptl::server::Settings settings;
  ptl::server::TransportOptions transport;
  bool check = false;
  long port = -1;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
      return 0;
    }
    if (a == "--version") {
      std::printf("pulumi-token-lsp %.*s\n", static_cast<int>(kVersion.size()), kVersion.data());
      return 0;
    }
    if (a == "--stdio" || a.rfind("--clientProcessId", 0) == 0) {
      if (a == "--clientProcessId") ++i;  // "--clientProcessId N" form
      continue;
    }
    if (a.rfind("--log=", 0) == 0) {
      ptl::server::LogLevel level;
      if (!ptl::server::parse_log_level(a.substr(6), level)) return usage_error("--log takes error, info or debug");
      log.set_level(level);
      continue;
    }
    if (a.rfind("--max-message-size=", 0) == 0) {
      if (!parse_size(a.substr(19), transport.max_message_bytes) || transport.max_message_bytes == 0)
        return usage_error("--max-message-size takes a positive number of bytes");
      continue;
    }
    if (a.rfind("--placeholders=", 0) == 0) {
      std::string_view v = a.substr(15);
      if (v != "hint" && v != "off") return usage_error("--placeholders takes hint or off");
      settings.report_placeholders = v == "hint";
      continue;
    }
    if (a == "--port" || a.rfind("--port=", 0) == 0) {
      std::string_view v = a == "--port" ? (i + 1 < argc ? std::string_view(argv[++i]) : std::string_view()) : a.substr(7);
      std::size_t p = 0;
      if (!parse_size(v, p) || p > 65535) return usage_error("--port takes a port number (0-65535)");
      port = static_cast<long>(p);
      continue;
    }
    if (a == "--check") {
      check = true;
      continue;
    }
    if (check && (a.empty() || a[0] != '-')) {
      paths.emplace_back(a);
      continue;
    }
    return usage_error(fmt::format("unknown argument {}", a));
  }
  if (check) {
    if (paths.empty()) return usage_error("--check needs at least one path");
    return ptl::server::run_check(paths, settings, std::cout, log);
  }
  ptl::server::OutputQueue queue;
  ptl::server::LanguageServer server(queue, log, settings);
  if (port >= 0) return ptl::server::serve_tcp(server, queue, log, static_cast<std::uint16_t>(port), transport);
  return ptl::server::serve_stdio(server, queue, log, transport);
}
