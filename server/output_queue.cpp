#include "server/output_queue.h"

#include "protocol/json_rpc.h"

namespace ptl::server {

void OutputQueue::send(std::string body) {
  std::string framed = protocol::frame(body);
  bytes_ += framed.size();
  items_.push_back(Item{std::move(framed), {}});
}

void OutputQueue::send_replaceable(const std::string& key, std::string body) {
  std::string framed = protocol::frame(body);
  for (Item& item : items_) {
    if (!item.key.empty() && item.key == key) {
      bytes_ = bytes_ - item.framed.size() + framed.size();
      item.framed = std::move(framed);
      return;
    }
  }
  bytes_ += framed.size();
  items_.push_back(Item{std::move(framed), key});
}

std::string OutputQueue::pop() {
  std::string out = std::move(items_.front().framed);
  items_.pop_front();
  bytes_ -= out.size();
  return out;
}

}  // namespace ptl::server
