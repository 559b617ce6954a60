#pragma once
// Where the server's outgoing messages go. The transport implements it with a bounded queue;
// tests implement it with a vector.

#include <string>

namespace ptl::server {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // A response, a request or a notification body (unframed JSON). Delivered in order.
  virtual void send(std::string body) = 0;
  // A message that supersedes any queued, not yet started message with the same key
  // (publishDiagnostics for one URI): a slow reader gets the latest, never a pile of stale ones.
  virtual void send_replaceable(const std::string& key, std::string body) = 0;
};

}  // namespace ptl::server
