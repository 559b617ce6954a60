#pragma once
// BackgroundWork: work that can take long (reading a repository's history), run off the thread
// that answers keystrokes (STYLE.md). One worker thread, started on the first submit; jobs run
// in the order they were submitted. A job returns a completion, which runs on the server's
// thread when that thread calls drain(): the server's state is only ever touched there.
//
// The transport learns that completions are ready through the notify callback (called on the
// worker thread; the asio transport posts a drain to its own thread). Without one (the blocking
// transport, in-process tests), the server drains before each batch of messages.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace ptl::server {

class BackgroundWork {
 public:
  using Completion = std::function<void()>;
  using Job = std::function<Completion()>;

  BackgroundWork() = default;
  // Stops the worker: jobs not started are dropped, a running one finishes and its completion is
  // dropped. No notify call runs after the destructor returns.
  ~BackgroundWork();
  BackgroundWork(const BackgroundWork&) = delete;
  BackgroundWork& operator=(const BackgroundWork&) = delete;

  // Sets (or clears, with nullptr) what the worker calls after it queued a completion. Once this
  // returns, the previous callback is not running and will not be called again.
  void set_notify(std::function<void()> notify);

  // Queues `job` for the worker thread. A job that throws is dropped (logged by nobody: jobs
  // catch their own errors and report them in their completion).
  void submit(Job job);

  // Queues `completion` to run on the server's thread at the next drain, from any thread (a job
  // that must ask the server something while it runs: the rotation flow's questions), and
  // notifies as a finished job does. Dropped after the destructor started.
  void post(Completion completion);

  // Runs the completions that are ready, in order, on the calling thread (the server's). Returns
  // how many ran.
  std::size_t drain();

  // Blocks until every submitted job has finished and queued its completion (tests).
  void wait_idle();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<Job> jobs_;
  std::deque<Completion> done_;
  std::function<void()> notify_;
  std::mutex notify_mutex_;  // held while notify_ runs, so set_notify can wait it out
  bool running_job_ = false;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace ptl::server
