#include "protocol/message_reader.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace ptl::protocol {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

MessageReader::MessageReader(std::size_t max_message_bytes) : max_message_bytes_(max_message_bytes) {}

bool MessageReader::at_message_boundary() const {
  return state_ == State::Header && buffer_.empty();
}

void MessageReader::feed(std::string_view bytes) {
  while (!bytes.empty()) {
    switch (state_) {
      case State::Skip: {
        std::size_t n = std::min(skip_left_, bytes.size());
        skip_left_ -= n;
        bytes.remove_prefix(n);
        if (skip_left_ == 0) state_ = State::Header;
        break;
      }
      case State::Body: {
        std::size_t n = std::min(body_size_ - body_.size(), bytes.size());
        body_.append(bytes.data(), n);
        bytes.remove_prefix(n);
        if (body_.size() == body_size_) {
          FramingEvent ev;
          ev.kind = FramingEvent::Kind::Message;
          ev.size = body_size_;
          ev.body = std::move(body_);
          body_ = std::string();
          events_.push_back(std::move(ev));
          state_ = State::Header;
        }
        break;
      }
      case State::Header: {
        // Take header bytes only up to the end of the header block, so body bytes go straight
        // into body_ without passing through buffer_. (Appending everything and re-feeding the
        // rest copied the remainder of a read once per message in it, and recursed as deep:
        // a 1 MiB read of 4,000 small didChange messages held gigabytes for a moment.)
        std::size_t take = header_block_end(bytes);
        buffer_.append(bytes.data(), take);
        bytes.remove_prefix(take);
        parse();
        break;
      }
    }
  }
}

// How many bytes of `bytes` to append to buffer_: up to and including the "\r\n\r\n" that ends
// the header block (which may start in buffer_'s last 3 bytes), or all of them.
std::size_t MessageReader::header_block_end(std::string_view bytes) const {
  const std::size_t tail = std::min<std::size_t>(buffer_.size(), 3);
  if (tail > 0) {
    std::string joint = buffer_.substr(buffer_.size() - tail);
    joint.append(bytes.substr(0, 3));
    std::size_t at = joint.find("\r\n\r\n");
    if (at != std::string::npos) return at + 4 - tail;
  }
  std::size_t at = bytes.find("\r\n\r\n");
  return at == std::string_view::npos ? bytes.size() : at + 4;
}

void MessageReader::parse() {
  while (state_ == State::Header && !buffer_.empty()) {
    if (!parse_header()) return;
  }
}

// Finds one header block in buffer_ and consumes it. Returns false when more bytes are needed.
bool MessageReader::parse_header() {
  std::size_t from = scanned_ >= 3 ? scanned_ - 3 : 0;
  std::size_t end = buffer_.find("\r\n\r\n", from);
  if (end == std::string::npos) {
    if (buffer_.size() > kMaxHeaderBytes) {
      FramingEvent ev;
      ev.kind = FramingEvent::Kind::BadHeader;
      ev.detail = "header block longer than 8192 bytes without a blank line; discarded";
      events_.push_back(std::move(ev));
      buffer_.erase(0, buffer_.size() - 3);
      scanned_ = 0;
      return false;
    }
    scanned_ = buffer_.size();
    return false;
  }
  std::string_view block(buffer_.data(), end);
  bool have_length = false;
  bool bad_length = false;
  std::size_t length = 0;
  while (!block.empty()) {
    std::size_t eol = block.find("\r\n");
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (!iequals(trim(line.substr(0, colon)), "content-length")) continue;
    std::string_view value = trim(line.substr(colon + 1));
    std::size_t n = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || ptr != value.data() + value.size() || value.empty()) {
      bad_length = true;
    } else {
      have_length = true;
      length = n;
    }
  }
  std::size_t consumed = end + 4;
  if (bad_length || !have_length) {
    FramingEvent ev;
    ev.kind = bad_length ? FramingEvent::Kind::BadHeader : FramingEvent::Kind::MissingContentLength;
    ev.detail = bad_length ? "Content-Length is not a non-negative integer; header block skipped"
                           : "header block without Content-Length skipped";
    events_.push_back(std::move(ev));
  } else if (length > max_message_bytes_) {
    FramingEvent ev;
    ev.kind = FramingEvent::Kind::Oversized;
    ev.size = length;
    ev.detail = "message body exceeds the size limit; skipped";
    events_.push_back(std::move(ev));
    state_ = length == 0 ? State::Header : State::Skip;
    skip_left_ = length;
  } else if (length == 0) {
    FramingEvent ev;
    ev.kind = FramingEvent::Kind::Message;
    events_.push_back(std::move(ev));
  } else {
    state_ = State::Body;
    body_size_ = length;
    body_.clear();
    body_.reserve(length);
  }
  buffer_.erase(0, consumed);
  scanned_ = 0;
  return true;
}

bool MessageReader::next(FramingEvent& out) {
  if (events_.empty()) return false;
  out = std::move(events_.front());
  events_.pop_front();
  return true;
}

}  // namespace ptl::protocol
