#include "server/progress_line.h"

#include <fmt/format.h>

namespace ptl::server {

ProgressLine::ProgressLine(const scan::ScanProgress& progress, std::ostream& err, std::chrono::milliseconds delay,
                           bool line_per_update)
    : progress_(progress), err_(err), delay_(delay), line_per_update_(line_per_update), thread_([this] { run(); }) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::finish() {
  {
    const std::lock_guard lock(mutex_);
    if (done_ && !thread_.joinable()) return;
    done_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (drawn_ && !line_per_update_) err_ << "\r\x1b[K" << std::flush;  // erase: the report follows
}

void ProgressLine::run() {
  const auto start = std::chrono::steady_clock::now();
  const auto period = line_per_update_ ? std::chrono::milliseconds(1000) : std::chrono::milliseconds(200);
  std::unique_lock lock(mutex_);
  if (wake_.wait_for(lock, delay_, [this] { return done_; })) return;  // a short scan shows nothing
  do {
    draw(std::chrono::steady_clock::now() - start);
  } while (!wake_.wait_for(lock, period, [this] { return done_; }));
}

void ProgressLine::draw(std::chrono::steady_clock::duration elapsed) {
  const double seconds = std::max(std::chrono::duration<double>(elapsed).count(), 1e-3);
  const std::size_t files = progress_.files.load(std::memory_order_relaxed);
  const std::size_t total = progress_.total_files.load(std::memory_order_relaxed);
  const double mb = static_cast<double>(progress_.bytes.load(std::memory_order_relaxed)) / 1e6;
  const std::string counted = total > 0 ? fmt::format("{}/{}", files, total) : fmt::format("{}", files);
  const std::string text = fmt::format("scanning: {} files, {:.0f} MB/s, {} token(s)", counted, mb / seconds,
                                       progress_.findings.load(std::memory_order_relaxed));
  if (line_per_update_) {
    err_ << text << "\n" << std::flush;
  } else {
    err_ << "\r\x1b[K" << text << std::flush;
  }
  drawn_ = true;
}

}  // namespace ptl::server
