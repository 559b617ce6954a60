#include "server/output_queue.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "protocol/json_rpc.h"

namespace {

using ptl::server::OutputQueue;

std::vector<std::string> drain(OutputQueue& q) {
  std::vector<std::string> out;
  while (!q.empty()) out.push_back(q.pop());
  return out;
}

std::string framed(const std::string& body) { return ptl::protocol::frame(body); }

}  // namespace

TEST_CASE("messages leave the queue framed and in the order they were sent") {
  OutputQueue q;
  q.send(R"({"id":1})");
  q.send_replaceable("file:///a", R"({"v":1})");
  q.send(R"({"id":2})");
  CHECK(q.size() == 3);
  CHECK(q.pending_bytes() == framed(R"({"id":1})").size() * 2 + framed(R"({"v":1})").size());
  CHECK(drain(q) == std::vector<std::string>{framed(R"({"id":1})"), framed(R"({"v":1})"), framed(R"({"id":2})")});
  CHECK(q.pending_bytes() == 0);
}

TEST_CASE("a client that does not read holds one diagnostics message per document, the newest, in place") {
  OutputQueue q;
  q.send(R"({"id":1})");
  for (int v = 1; v <= 10000; ++v) {
    q.send_replaceable("file:///a", R"({"uri":"a","version":)" + std::to_string(v) + "}");
    q.send_replaceable("file:///b", R"({"uri":"b","version":)" + std::to_string(v) + "}");
    if (v == 5000) q.send(R"({"id":2})");
  }
  // Replies are never dropped or merged; diagnostics keep the place of their first queued copy.
  std::vector<std::string> expected = {framed(R"({"id":1})"), framed(R"({"uri":"a","version":10000})"),
                                       framed(R"({"uri":"b","version":10000})"), framed(R"({"id":2})")};
  std::size_t bytes = 0;
  for (const std::string& m : expected) bytes += m.size();
  CHECK(q.size() == 4);
  CHECK(q.pending_bytes() == bytes);  // bounded: not 20,000 messages' worth
  CHECK(drain(q) == expected);
}

TEST_CASE("after a diagnostics message left the queue, the next one for that document is queued anew") {
  OutputQueue q;
  q.send_replaceable("file:///a", "1");
  CHECK(q.pop() == framed("1"));  // being written to the client: no longer replaceable
  q.send_replaceable("file:///a", "2");
  q.send_replaceable("file:///a", "3");
  CHECK(drain(q) == std::vector<std::string>{framed("3")});
}
