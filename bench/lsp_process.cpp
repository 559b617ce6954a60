#include "bench/lsp_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "bench/lsp_messages.h"

extern char** environ;

namespace ptl::bench {

LspProcess::LspProcess(const std::string& binary, const std::vector<std::string>& args) {
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int rc = posix_spawn(&pid_, binary.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(in[0]);
  ::close(out[1]);
  if (rc != 0) throw std::runtime_error("cannot start " + binary + ": " + std::strerror(rc));
  to_server_ = in[1];
  from_server_ = out[0];
  reader_ = std::thread([this] { read_loop(); });
}

LspProcess::~LspProcess() {
  if (!stopped_) {
    ::kill(pid_, SIGKILL);
    stop();
  }
}

void LspProcess::read_loop() {
  std::string buf;
  std::vector<char> chunk(1 << 20);
  for (;;) {
    ssize_t n = ::read(from_server_, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    auto now = Clock::now();
    buf.append(chunk.data(), static_cast<std::size_t>(n));
    std::size_t pos = 0;
    std::vector<Received> got;
    for (;;) {
      std::size_t hdr_end = buf.find("\r\n\r\n", pos);
      if (hdr_end == std::string::npos) break;
      std::size_t cl = buf.find("Content-Length: ", pos);
      std::size_t len = 0;
      std::from_chars(buf.data() + cl + 16, buf.data() + hdr_end, len);
      if (buf.size() < hdr_end + 4 + len) break;
      got.push_back(Received{buf.substr(hdr_end + 4, len), now});
      pos = hdr_end + 4 + len;
    }
    buf.erase(0, pos);
    if (!got.empty()) {
      std::lock_guard lock(mu_);
      for (Received& r : got) inbox_.push_back(std::move(r));
      cv_.notify_all();
    }
  }
  std::lock_guard lock(mu_);
  closed_ = true;
  cv_.notify_all();
}

void LspProcess::send_raw(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(to_server_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("write to the server failed");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void LspProcess::send(std::string_view body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed.append(body);
  send_raw(framed);
}

std::optional<Received> LspProcess::next(double timeout_s) {
  std::unique_lock lock(mu_);
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout_s));
  if (!cv_.wait_until(lock, deadline, [&] { return !inbox_.empty() || closed_; })) return std::nullopt;
  if (inbox_.empty()) return std::nullopt;
  Received r = std::move(inbox_.front());
  inbox_.pop_front();
  return r;
}

std::optional<Received> LspProcess::wait_publish(long long version, double timeout_s) {
  auto t0 = Clock::now();
  while (auto m = next(timeout_s - seconds_since(t0))) {
    auto v = publish_version(m->body);
    if (v && *v == version) return m;
  }
  return std::nullopt;
}

std::optional<Received> LspProcess::wait_reply(int id, double timeout_s) {
  const std::string key = "\"id\":" + std::to_string(id);
  auto t0 = Clock::now();
  while (auto m = next(timeout_s - seconds_since(t0))) {
    if (m->body.find(key) != std::string::npos && m->body.find("\"method\"") == std::string::npos) return m;
  }
  return std::nullopt;
}

std::size_t LspProcess::status_kb(const std::string& wanted) const {
  std::ifstream f("/proc/" + std::to_string(pid_) + "/status");
  std::string key;
  while (f >> key) {
    if (key == wanted) {
      std::size_t kb = 0;
      f >> kb;
      return kb;
    }
  }
  return 0;
}

double LspProcess::cpu_seconds() const {
  std::ifstream f("/proc/" + std::to_string(pid_) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::size_t close = stat.rfind(')');  // the command name may hold spaces
  if (close == std::string::npos) return 0;
  std::istringstream rest(stat.substr(close + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

int LspProcess::stop() {
  if (stopped_) return 0;
  stopped_ = true;
  try {
    send(request_body(999999, "shutdown", "null"));
    send(exit_body());
  } catch (const std::exception&) {
  }
  ::close(to_server_);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  reader_.join();
  ::close(from_server_);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::optional<long long> publish_version(std::string_view body) {
  if (body.find("\"method\":\"textDocument/publishDiagnostics\"") == std::string_view::npos) return std::nullopt;
  std::size_t at = body.find("\"version\":", body.find("\"params\""));
  if (at == std::string_view::npos) return std::nullopt;
  long long v = 0;
  std::from_chars(body.data() + at + 10, body.data() + body.size(), v);
  return v;
}

std::size_t diagnostic_count(std::string_view body) {
  std::size_t n = 0;
  for (std::size_t at = body.find("\"range\":"); at != std::string_view::npos; at = body.find("\"range\":", at + 1)) ++n;
  return n;
}

}  // namespace ptl::bench
