#pragma once

#include <chrono>
#include <mutex>

namespace ptl::verify {

// At most `per_second` acquisitions a second, spread evenly (one every 1/per_second seconds; the
// first at once). Thread-safety: acquire() may be called from any number of threads; each caller
// is given its own slot and sleeps until it.
class RateLimiter {
 public:
  // `per_second` <= 0: no limit.
  explicit RateLimiter(double per_second);

  // Blocks until the caller may go.
  void acquire();

 private:
  std::mutex mutex_;
  std::chrono::steady_clock::duration interval_{};
  std::chrono::steady_clock::time_point next_{};
};

}  // namespace ptl::verify
