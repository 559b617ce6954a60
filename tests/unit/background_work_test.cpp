#include "server/background_work.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

using ptl::server::BackgroundWork;

TEST_CASE("background work: jobs run off the calling thread, completions on it, in order") {
  BackgroundWork work;
  const auto caller = std::this_thread::get_id();
  std::vector<std::string> log;  // touched only by completions, on this thread
  std::atomic<bool> job_on_caller{false};
  for (int i = 0; i < 3; ++i) {
    work.submit([&, i]() -> BackgroundWork::Completion {
      if (std::this_thread::get_id() == caller) job_on_caller = true;
      return [&, i] {
        CHECK(std::this_thread::get_id() == caller);
        log.push_back("done " + std::to_string(i));
      };
    });
  }
  work.wait_idle();
  CHECK_FALSE(job_on_caller.load());
  CHECK(log.empty());  // nothing runs on the caller's thread before drain()
  CHECK(work.drain() == 3);
  CHECK(log == std::vector<std::string>{"done 0", "done 1", "done 2"});
  CHECK(work.drain() == 0);
}

TEST_CASE("background work: notify is called once per completion, a job that throws or returns none is skipped") {
  BackgroundWork work;
  std::atomic<int> notified{0};
  work.set_notify([&] { ++notified; });
  int ran = 0;
  work.submit([]() -> BackgroundWork::Completion { throw std::runtime_error("job failed"); });
  work.submit([]() -> BackgroundWork::Completion { return nullptr; });
  work.submit([&]() -> BackgroundWork::Completion { return [&] { ++ran; }; });
  work.wait_idle();
  CHECK(notified.load() == 1);
  CHECK(work.drain() == 1);
  CHECK(ran == 1);
  work.set_notify(nullptr);
  work.submit([&]() -> BackgroundWork::Completion { return [&] { ++ran; }; });
  work.wait_idle();
  CHECK(notified.load() == 1);  // cleared: not called again
  CHECK(work.drain() == 1);
  CHECK(ran == 2);
}

TEST_CASE("background work: the destructor drops jobs not started and waits for the running one") {
  std::atomic<bool> release{false};
  std::atomic<int> started{0};
  std::thread releaser;
  {
    BackgroundWork work;
    work.submit([&]() -> BackgroundWork::Completion {
      ++started;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return [] {};
    });
    work.submit([&]() -> BackgroundWork::Completion {
      ++started;
      return [] {};
    });
    while (started.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    releaser = std::thread([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      release = true;
    });
  }
  releaser.join();
  CHECK(release.load());      // the destructor waited for the running job
  CHECK(started.load() == 1);  // the second job never started
}
