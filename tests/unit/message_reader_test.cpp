#include "protocol/message_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using ptl::protocol::FramingEvent;
using ptl::protocol::MessageReader;

namespace {

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::vector<FramingEvent> drain(MessageReader& r) {
  std::vector<FramingEvent> out;
  FramingEvent ev;
  while (r.next(ev)) out.push_back(std::move(ev));
  return out;
}

}  // namespace

TEST_CASE("a stream split at every byte yields the same messages") {
  const std::string a = R"({"jsonrpc":"2.0","id":1,"method":"initialize"})";
  const std::string b = R"({"jsonrpc":"2.0","method":"x","params":{"s":"\r\n\r\n"}})";
  const std::string stream = framed(a) + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + framed(b);
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    CAPTURE(cut);
    MessageReader r;
    r.feed(std::string_view(stream).substr(0, cut));
    auto first = drain(r);
    r.feed(std::string_view(stream).substr(cut));
    auto second = drain(r);
    first.insert(first.end(), second.begin(), second.end());
    REQUIRE(first.size() == 2);
    CHECK(first[0].body == a);
    CHECK(first[1].body == b);
    CHECK(r.at_message_boundary());
  }
}

TEST_CASE("byte-at-a-time feeding works") {
  const std::string body = R"({"jsonrpc":"2.0","method":"exit"})";
  const std::string stream = framed(body) + framed(body);
  MessageReader r;
  std::vector<FramingEvent> all;
  for (char c : stream) {
    r.feed(std::string_view(&c, 1));
    auto got = drain(r);
    all.insert(all.end(), got.begin(), got.end());
  }
  REQUIRE(all.size() == 2);
  CHECK(all[1].body == body);
}

TEST_CASE("header names are case-insensitive and extra headers are ignored") {
  MessageReader r;
  r.feed("content-length:  2 \r\nX-Other: 1\r\n\r\n{}");
  auto ev = drain(r);
  REQUIRE(ev.size() == 1);
  CHECK(ev[0].kind == FramingEvent::Kind::Message);
  CHECK(ev[0].body == "{}");
}

TEST_CASE("a header block without Content-Length is skipped and the next message is read") {
  MessageReader r;
  r.feed("Content-Type: x\r\n\r\n" + framed("{}"));
  auto ev = drain(r);
  REQUIRE(ev.size() == 2);
  CHECK(ev[0].kind == FramingEvent::Kind::MissingContentLength);
  CHECK(ev[1].kind == FramingEvent::Kind::Message);
}

TEST_CASE("bad Content-Length values are reported as bad headers") {
  for (const char* v : {"-1", "abc", "", "12x", "99999999999999999999999"}) {
    CAPTURE(v);
    MessageReader r;
    r.feed(std::string("Content-Length: ") + v + "\r\n\r\n" + framed("[]"));
    auto ev = drain(r);
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].kind == FramingEvent::Kind::BadHeader);
    CHECK(ev[1].body == "[]");
  }
}

TEST_CASE("an oversized message is skipped without being buffered and the next one is read") {
  MessageReader r(16);
  std::string big(100, 'x');
  std::string stream = framed(big) + framed("{\"a\":1}");
  for (std::size_t i = 0; i < stream.size(); i += 7) r.feed(std::string_view(stream).substr(i, 7));
  auto ev = drain(r);
  REQUIRE(ev.size() == 2);
  CHECK(ev[0].kind == FramingEvent::Kind::Oversized);
  CHECK(ev[0].size == 100);
  CHECK(ev[1].body == "{\"a\":1}");
}

TEST_CASE("garbage without any header end is discarded once it exceeds the header limit") {
  MessageReader r;
  r.feed(std::string(MessageReader::kMaxHeaderBytes + 10, 'g'));
  auto ev = drain(r);
  REQUIRE(ev.size() == 1);
  CHECK(ev[0].kind == FramingEvent::Kind::BadHeader);
  r.feed("\r\n\r\n" + framed("{}"));
  ev = drain(r);
  REQUIRE(!ev.empty());
  CHECK(ev.back().body == "{}");
}

TEST_CASE("a partial message is visible as not being at a message boundary") {
  MessageReader r;
  r.feed("Content-Length: 10\r\n\r\n{\"a\"");
  CHECK_FALSE(r.at_message_boundary());
  CHECK(drain(r).empty());
}
