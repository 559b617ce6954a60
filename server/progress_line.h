#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <thread>

#include "scan/scan_engine.h"

namespace ptl::server {

// The progress line of `scan` on standard error: "scanning: 1,204/20,000 files, 183 MB/s,
// 3 tokens", redrawn in place on a terminal a few times a second once the scan has run for
// `delay`, and erased when it ends, so the report and messages are never mixed with it. With
// `line_per_update` (not a terminal, --progress=always) each update is a line of its own, once
// a second. Owns one thread from construction to finish() (or destruction).
class ProgressLine {
 public:
  ProgressLine(const scan::ScanProgress& progress, std::ostream& err, std::chrono::milliseconds delay,
               bool line_per_update);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Stops the thread and erases the line; idempotent.
  void finish();

 private:
  void run();
  void draw(std::chrono::steady_clock::duration elapsed);

  const scan::ScanProgress& progress_;
  std::ostream& err_;
  const std::chrono::milliseconds delay_;
  const bool line_per_update_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  bool drawn_ = false;
  std::thread thread_;
};

}  // namespace ptl::server
