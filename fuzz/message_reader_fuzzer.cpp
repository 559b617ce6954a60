// Fuzzes the Content-Length framing reader (protocol/message_reader.h).
//
// Input: byte 0 picks the size limit, byte 1 seeds the split points, the rest is the stream.
// Checks: the reader never crashes; splitting the stream anywhere yields exactly the events
// of feeding it at once (the parser is a pure function of the bytes); no message body is over
// the limit; a Message event's size equals its body length; and at_message_boundary() holds
// after a stream of whole messages.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/message_reader.h"

namespace {

using ptl::protocol::FramingEvent;
using ptl::protocol::MessageReader;

void check(bool ok) {
  if (!ok) std::abort();
}

std::vector<FramingEvent> drain(MessageReader& r) {
  std::vector<FramingEvent> out;
  FramingEvent ev;
  while (r.next(ev)) out.push_back(std::move(ev));
  return out;
}

bool same(const FramingEvent& a, const FramingEvent& b) {
  return a.kind == b.kind && a.body == b.body && a.size == b.size && a.detail == b.detail;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t limits[] = {0, 1, 16, 100, 4096, MessageReader::kDefaultMaxMessageBytes};
  const std::size_t limit = limits[data[0] % 6];
  std::uint32_t seed = data[1] * 2654435761u + 1;
  std::string_view stream(reinterpret_cast<const char*>(data) + 2, size - 2);

  MessageReader whole(limit);
  whole.feed(stream);
  std::vector<FramingEvent> expected = drain(whole);

  MessageReader pieces(limit);
  std::vector<FramingEvent> got;
  for (std::size_t i = 0; i < stream.size();) {
    seed = seed * 1103515245u + 12345u;
    std::size_t n = 1 + (seed >> 16) % 37;
    if (n > stream.size() - i) n = stream.size() - i;
    pieces.feed(stream.substr(i, n));
    i += n;
    if ((seed >> 8) & 1) {  // drain at arbitrary moments, too
      for (auto& ev : drain(pieces)) got.push_back(std::move(ev));
    }
  }
  for (auto& ev : drain(pieces)) got.push_back(std::move(ev));

  check(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) check(same(got[i], expected[i]));
  check(whole.at_message_boundary() == pieces.at_message_boundary());
  for (const FramingEvent& ev : expected) {
    if (ev.kind == FramingEvent::Kind::Message) {
      check(ev.body.size() <= limit);
      check(ev.size == ev.body.size());
    }
  }

  // A well-formed message appended after arbitrary bytes is still read, once the reader is
  // back at a header (the stream recovers after garbage).
  if (whole.at_message_boundary()) {
    whole.feed("Content-Length: 2\r\n\r\n{}");
    std::vector<FramingEvent> tail = drain(whole);
    bool found = limit < 2;
    for (const auto& ev : tail)
      if (ev.kind == FramingEvent::Kind::Message && ev.body == "{}") found = true;
    check(found);
  }
  return 0;
}
