// Fuzzes the whole dispatcher: bytes through the framing reader into a live
// ptl::server::LanguageServer, as the transport does.
//
// Input: if byte 0 is even, the rest is a raw stream. If it is odd, the rest is a list of
// message bodies separated by NUL bytes; each is framed, and an initialize request comes first
// (position encoding picked by byte 0; bit 3 drops the textDocument capabilities: pulled
// diagnostics and resolved code actions), so the fuzzer reaches document handling quickly.
// Checks (the sink aborts on a violation): every message the server writes is a JSON object with
// "jsonrpc":"2.0"; a reply carries either result or error, never both; every request gets exactly
// one reply and notifications none (counted on the bodies the server accepted as requests).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocol/json_rpc.h"
#include "protocol/message_reader.h"
#include "server/language_server.h"
#include "server/logger.h"
#include "server/output_sink.h"

namespace {

using nlohmann::json;

void check(bool ok) {
  if (!ok) std::abort();
}

class CheckingSink : public ptl::server::OutputSink {
 public:
  void send(std::string body) override { inspect(body); }
  void send_replaceable(const std::string& key, std::string body) override {
    check(!key.empty());
    inspect(body);
  }
  std::size_t replies = 0;

 private:
  void inspect(const std::string& body) {
    json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    check(j.is_object());
    auto jr = j.find("jsonrpc");
    check(jr != j.end() && *jr == "2.0");
    bool has_method = j.contains("method");
    bool has_result = j.contains("result"), has_error = j.contains("error");
    if (!has_method) {
      check(has_result != has_error);
      check(j.contains("id"));
      if (has_error) {
        const json& e = j["error"];
        check(e.is_object() && e.contains("code") && e["code"].is_number_integer() && e.contains("message"));
      }
      ++replies;
    }
  }
};

// Requests the server will answer: bodies that classify as requests.
std::size_t count_requests(const std::vector<std::string>& bodies) {
  std::size_t n = 0;
  for (std::string b : bodies) {
    auto c = ptl::protocol::classify(std::move(b));
    if (c.error || (c.message && c.message->kind == ptl::protocol::Incoming::Kind::Request)) {
      // An error reply goes out for a rejected body too, but only when it was not a notification
      // with bad params (answered with id null all the same): count every error reply.
      ++n;
    }
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The server logs to stderr through the C `stderr` stream. libFuzzer and the sanitizers keep
  // their own handles on the original stream and fd 2, so swapping the C stream mutes only the
  // server's log lines.
  if (std::FILE* null = std::fopen("/dev/null", "w")) stderr = null;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  std::string stream;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    static const char* const kEncodings[] = {"utf-16", "utf-8", "utf-32", "x"};
    json init = {{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"},
                 {"params", {{"capabilities", {{"general", {{"positionEncodings", {kEncodings[(data[0] >> 1) & 3]}}}},
                                               {"textDocument", {{"diagnostic", json::object()},
                                                                 {"codeAction", {{"dataSupport", true}, {"resolveSupport", {{"properties", {"edit"}}}}}}}}}}}}};
    if (data[0] & 8) init["params"]["capabilities"].erase("textDocument");
    stream += ptl::protocol::frame(init.dump());
    while (!rest.empty()) {
      std::size_t nul = rest.find('\0');
      std::string_view body = rest.substr(0, nul);
      stream += ptl::protocol::frame(body);
      rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
    }
  } else {
    stream.assign(rest);
  }

  CheckingSink sink;
  ptl::server::Logger log(ptl::server::LogLevel::Debug);
  ptl::server::LanguageServer server(sink, log);
  ptl::protocol::MessageReader reader(1 << 20);
  reader.feed(stream);
  ptl::protocol::FramingEvent ev;
  std::vector<std::string> bodies;
  std::size_t expected_replies = 0;
  auto run = [&] {
    if (bodies.empty()) return;
    // Only what comes before an exit is handled.
    expected_replies += count_requests(bodies);
    server.handle_batch(std::move(bodies));
    bodies.clear();
  };
  while (reader.next(ev) && !server.exit_requested()) {
    if (ev.kind == ptl::protocol::FramingEvent::Kind::Message) {
      bodies.push_back(std::move(ev.body));
    } else {
      run();
      server.handle_framing_event(ev);
    }
    if (bodies.size() >= 8) run();
  }
  if (!server.exit_requested()) run();
  server.flush();
  if (!server.exit_requested()) check(sink.replies == expected_replies);
  return 0;
}
