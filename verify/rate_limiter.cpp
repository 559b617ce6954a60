#include "verify/rate_limiter.h"

#include <algorithm>
#include <thread>

namespace ptl::verify {

RateLimiter::RateLimiter(double per_second)
    : interval_(per_second > 0 ? std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                     std::chrono::duration<double>(1.0 / per_second))
                               : std::chrono::steady_clock::duration::zero()) {}

void RateLimiter::acquire() {
  if (interval_ == std::chrono::steady_clock::duration::zero()) return;
  std::chrono::steady_clock::time_point slot;
  {
    // Book the next free slot under the lock; sleep outside it, so others can book theirs.
    const std::lock_guard lock(mutex_);
    slot = std::max(next_, std::chrono::steady_clock::now());
    next_ = slot + interval_;
  }
  std::this_thread::sleep_until(slot);
}

}  // namespace ptl::verify
