#pragma once
// An in-process language server session for unit tests: requests and notifications go in
// through handle(), everything the server sends is collected, parsed.

#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "server/language_server.h"

namespace ptl::testing {

using nlohmann::json;

// Collects everything the server sends, parsed.
struct CapturingSink : ptl::server::OutputSink {
  std::vector<json> sent;
  void send(std::string body) override { sent.push_back(json::parse(body)); }
  void send_replaceable(const std::string&, std::string body) override { sent.push_back(json::parse(body)); }
};

struct Session {
  CapturingSink sink;
  ptl::server::Logger log{ptl::server::LogLevel::Error};
  ptl::server::LanguageServer server{sink, log};

  json request(int id, const std::string& method, json params = json::object()) {
    sink.sent.clear();
    server.handle(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    server.flush();
    for (const json& m : sink.sent)
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
    FAIL("no reply to " << method);
    return {};
  }
  // Sends any message (a request that may be held, a response to the server's request).
  void send(const json& message) {
    sink.sent.clear();
    server.handle(message.dump());
    server.flush();
  }
  void notify(const std::string& method, json params = json::object()) {
    sink.sent.clear();
    server.handle(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
    server.flush();
  }
  std::vector<json> published() const {
    std::vector<json> out;
    for (const json& m : sink.sent)
      if (m.value("method", "") == "textDocument/publishDiagnostics") out.push_back(m["params"]);
    return out;
  }
  void initialize(json caps = json::object(), json options = nullptr) {
    json params = {{"capabilities", caps}};
    if (!options.is_null()) params["initializationOptions"] = options;
    json r = request(1, "initialize", params);
    REQUIRE(r.contains("result"));
    notify("initialized");
  }
  // Waits for the server's background work (workspace scans, history) and runs its completions.
  void settle() {
    sink.sent.clear();
    server.wait_background_idle();
    server.flush();
  }
  void open(const std::string& uri, const std::string& lang, const std::string& text) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", lang}, {"version", 1}, {"text", text}}}});
  }
};


// Initializes with these workspace folders (file: URIs), then sends initialized.
inline void initialize_with_folders(Session& s, const std::vector<std::string>& folders, json caps = json::object(),
                             json options = nullptr) {
  json params = {{"capabilities", caps}, {"rootUri", folders.empty() ? json(nullptr) : json(folders[0])}};
  json list = json::array();
  for (const std::string& f : folders) list.push_back({{"uri", f}, {"name", "folder"}});
  params["workspaceFolders"] = list;
  if (!options.is_null()) params["initializationOptions"] = options;
  REQUIRE(s.request(1, "initialize", params).contains("result"));
  s.notify("initialized");
}

inline std::vector<json> messages_of(const Session& s, const std::string& method) {
  std::vector<json> out;
  for (const json& m : s.sink.sent)
    if (m.value("method", "") == method) out.push_back(m);
  return out;
}

}  // namespace ptl::testing
