#pragma once
// Logging to stderr, the only place the server writes anything but protocol messages.
//
// Guarantee (README, "Secrets"): callers pass masked previews only (detectors/token_mask.h);
// nothing in the server formats document text into a log line.

#include <string_view>

#include <fmt/core.h>

namespace ptl::server {

enum class LogLevel { Error = 0, Info = 1, Debug = 2 };

// Parses "error" | "info" | "debug"; false on anything else.
bool parse_log_level(std::string_view s, LogLevel& out);

class Logger {
 public:
  explicit Logger(LogLevel level = LogLevel::Info) : level_(level) {}
  void set_level(LogLevel l) { level_ = l; }
  bool enabled(LogLevel l) const { return l <= level_; }

  template <class... Args>
  void error(fmt::format_string<Args...> f, Args&&... args) { write(LogLevel::Error, fmt::format(f, std::forward<Args>(args)...)); }
  template <class... Args>
  void info(fmt::format_string<Args...> f, Args&&... args) {
    if (enabled(LogLevel::Info)) write(LogLevel::Info, fmt::format(f, std::forward<Args>(args)...));
  }
  template <class... Args>
  void debug(fmt::format_string<Args...> f, Args&&... args) {
    if (enabled(LogLevel::Debug)) write(LogLevel::Debug, fmt::format(f, std::forward<Args>(args)...));
  }

 private:
  void write(LogLevel l, std::string_view line);
  LogLevel level_;
};

}  // namespace ptl::server
