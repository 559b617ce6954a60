#include "server/logger.h"

#include <cstdio>

namespace ptl::server {

bool parse_log_level(std::string_view s, LogLevel& out) {
  if (s == "error") out = LogLevel::Error;
  else if (s == "info") out = LogLevel::Info;
  else if (s == "debug") out = LogLevel::Debug;
  else return false;
  return true;
}

void Logger::write(LogLevel l, std::string_view line) {
  static constexpr std::string_view kNames[] = {"error", "info", "debug"};
  std::string out = fmt::format("pulumi-token-lsp [{}] {}\n", kNames[static_cast<int>(l)], line);
  std::fwrite(out.data(), 1, out.size(), stderr);
  std::fflush(stderr);
}

}  // namespace ptl::server
