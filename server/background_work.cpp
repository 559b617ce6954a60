#include "server/background_work.h"

namespace ptl::server {

BackgroundWork::~BackgroundWork() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
    jobs_.clear();
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void BackgroundWork::set_notify(std::function<void()> notify) {
  const std::lock_guard lock(notify_mutex_);
  notify_ = std::move(notify);
}

void BackgroundWork::submit(Job job) {
  {
    const std::lock_guard lock(mutex_);
    if (stop_) return;
    jobs_.push_back(std::move(job));
    if (!worker_.joinable()) worker_ = std::thread([this] { run(); });
  }
  wake_.notify_one();
}

void BackgroundWork::post(Completion completion) {
  {
    const std::lock_guard lock(mutex_);
    if (stop_ || !completion) return;
    done_.push_back(std::move(completion));
  }
  const std::lock_guard notify_lock(notify_mutex_);
  if (notify_) notify_();
}

std::size_t BackgroundWork::drain() {
  std::deque<Completion> ready;
  {
    const std::lock_guard lock(mutex_);
    ready.swap(done_);
  }
  for (Completion& c : ready) {
    if (c) c();
  }
  return ready.size();
}

void BackgroundWork::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return (jobs_.empty() && !running_job_) || stop_; });
}

void BackgroundWork::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
    if (stop_) return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    running_job_ = true;
    lock.unlock();
    Completion completion;
    try {
      completion = job();
    } catch (...) {  // a job reports its own errors; one that throws anyway must not end the server
      completion = nullptr;
    }
    lock.lock();
    running_job_ = false;
    if (stop_) return;
    const bool queued = completion != nullptr;
    if (queued) done_.push_back(std::move(completion));
    lock.unlock();
    if (queued) {
      const std::lock_guard notify_lock(notify_mutex_);
      if (notify_) notify_();
    }
    idle_.notify_all();
    lock.lock();
  }
}

}  // namespace ptl::server
