#pragma once
// OutputQueue: the server's outgoing messages, framed and waiting for the transport.
//
// Order is kept, except that a replaceable message (diagnostics for one URI) overwrites a queued
// one with the same key in place. So a client that reads slowly, or not at all, holds at most
// one diagnostics message per open document here, always the newest: memory stays bounded by
// the replies it is owed plus one diagnostics list per document. Not thread-safe.

#include <deque>
#include <string>

#include "server/output_sink.h"

namespace ptl::server {

class OutputQueue : public OutputSink {
 public:
  void send(std::string body) override;
  void send_replaceable(const std::string& key, std::string body) override;

  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  std::size_t pending_bytes() const { return bytes_; }
  // Removes and returns the next framed message. Precondition: !empty().
  std::string pop();

 private:
  struct Item {
    std::string framed;
    std::string key;  // empty for messages that are never replaced
  };
  std::deque<Item> items_;
  std::size_t bytes_ = 0;
};

}  // namespace ptl::server
