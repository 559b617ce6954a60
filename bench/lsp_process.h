#pragma once
// LspProcess: the real pulumi-token-lsp binary spawned with pipes, as an editor runs it.
//
// A reader thread takes every framed message off the server's stdout as soon as it arrives and
// stamps it with the arrival time, so the server never blocks on a full pipe and latencies do
// not include the time the benchmark spends looking at earlier messages. The server's stderr
// goes to /dev/null. One writer (the calling thread).

#include <sys/types.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bench/stats.h"

namespace ptl::bench {

struct Received {
  std::string body;
  Clock::time_point at;
};

class LspProcess {
 public:
  LspProcess(const std::string& binary, const std::vector<std::string>& args);
  ~LspProcess();
  LspProcess(const LspProcess&) = delete;
  LspProcess& operator=(const LspProcess&) = delete;

  // Frames `body` and writes it whole (blocking).
  void send(std::string_view body);
  // Writes bytes already framed.
  void send_raw(std::string_view bytes);
  // The next message, or nothing after `timeout_s` seconds or once the server has closed stdout.
  std::optional<Received> next(double timeout_s = 60);
  // Skips messages until a publishDiagnostics for `version`; nothing on timeout.
  std::optional<Received> wait_publish(long long version, double timeout_s = 60);
  // Skips messages until the reply to request `id`.
  std::optional<Received> wait_reply(int id, double timeout_s = 60);

  // Resident set size of the server now (VmRSS) and at its peak (VmHWM), from
  // /proc/<pid>/status, in bytes.
  std::size_t rss_bytes() const { return status_kb("VmRSS:") * 1024; }
  std::size_t peak_rss_bytes() const { return status_kb("VmHWM:") * 1024; }
  // CPU time the server has used so far (user + system, from /proc/<pid>/stat), in seconds.
  double cpu_seconds() const;
  pid_t pid() const { return pid_; }
  // Sends shutdown and exit, closes the pipes and returns the exit status.
  int stop();

 private:
  void read_loop();
  std::size_t status_kb(const std::string& key) const;

  pid_t pid_ = -1;
  int to_server_ = -1;
  int from_server_ = -1;
  std::thread reader_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Received> inbox_;
  bool closed_ = false;
  bool stopped_ = false;
};

// The version of a publishDiagnostics body, or nothing for any other message.
std::optional<long long> publish_version(std::string_view body);
// Number of Diagnostic objects in a publishDiagnostics body.
std::size_t diagnostic_count(std::string_view body);

}  // namespace ptl::bench
