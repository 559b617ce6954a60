#pragma once
// Content-Length framing of JSON-RPC messages (LSP base protocol), as a pure byte-fed parser.
//
// Feed it bytes in pieces of any size; it yields complete message bodies and framing errors in
// the order they occur in the stream. It never throws and never blocks, so it can be tested by
// splitting input at every byte. Memory is bounded by the largest accepted message plus one
// header block: an oversized body is skipped without being buffered.

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>

namespace ptl::protocol {

struct FramingEvent {
  enum class Kind {
    Message,               // body holds one complete message body
    MissingContentLength,  // a header block without Content-Length was skipped
    BadHeader,             // an unparsable Content-Length or an over-long header block was skipped
    Oversized,             // a body larger than the limit is being skipped (size = its length)
  };
  Kind kind = Kind::Message;
  std::string body;
  std::size_t size = 0;
  std::string detail;  // human-readable; never contains message bytes
};

class MessageReader {
 public:
  static constexpr std::size_t kDefaultMaxMessageBytes = 64u << 20;
  static constexpr std::size_t kMaxHeaderBytes = 8192;

  explicit MessageReader(std::size_t max_message_bytes = kDefaultMaxMessageBytes);

  // Appends bytes of the stream. Complexity: amortised linear in the bytes fed.
  void feed(std::string_view bytes);

  // Moves the next complete event into `out`; false when none is ready.
  bool next(FramingEvent& out);

  // True when no partial header or body is buffered (a clean place for the stream to end).
  bool at_message_boundary() const;

  std::size_t max_message_bytes() const { return max_message_bytes_; }

 private:
  void parse();
  bool parse_header();
  std::size_t header_block_end(std::string_view bytes) const;

  enum class State { Header, Body, Skip };
  std::size_t max_message_bytes_;
  State state_ = State::Header;
  std::string buffer_;      // unconsumed header bytes
  std::size_t scanned_ = 0; // bytes of buffer_ already searched for the header end
  std::string body_;
  std::size_t body_size_ = 0;
  std::size_t skip_left_ = 0;
  std::deque<FramingEvent> events_;
};

}  // namespace ptl::protocol
