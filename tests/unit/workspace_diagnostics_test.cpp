// Workspace diagnostics (server/workspace_diagnostics.h) through an in-process server: the files
// of the workspace's folders that are not open get diagnostics, pushed or pulled.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "lsp_session.h"
#include "temp_dir.h"
#include "test_tokens.h"

using nlohmann::json;
using ptl::testing::make_token;
using ptl::testing::Session;
using ptl::testing::TempDir;

namespace {

const json kPullCaps = {{"textDocument", {{"diagnostic", json::object()}}},
                        {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}};

// A workspace folder (no git) with a token in src/a.ts, none in src/b.ts, and a token in
// generated/g.ts that the project config ignores.
struct Workspace {
  TempDir dir;
  std::string token = make_token(71);
  Workspace() {
    dir.write("ws/.pulumi-token-lsp.json", R"({"ignore": ["generated/**"]})");
    dir.write("ws/src/a.ts", "// config\nconst token = \"" + token + "\";\n");
    dir.write("ws/src/b.ts", "export const nothing = 1;\n");
    dir.write("ws/generated/g.ts", "const t = \"" + token + "\";\n");
  }
  std::string root() const { return dir.uri("ws"); }
  std::string uri(const std::string& relative) const { return dir.uri("ws/" + relative); }
};

// The diagnostics published for `uri` among `s`'s messages, or null when none were.
json published_for(const Session& s, const std::string& uri) {
  json out;
  for (const json& p : s.published())
    if (p["uri"] == uri) out = p["diagnostics"];
  return out;
}

std::vector<std::string> published_uris(const Session& s) {
  std::vector<std::string> out;
  for (const json& p : s.published()) out.push_back(p["uri"]);
  return out;
}

json request_message(int id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

// The reply to request `id` among the messages `s` collected, or null.
json reply_to(const Session& s, int id) {
  for (const json& m : s.sink.sent)
    if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
  return nullptr;
}

}  // namespace

TEST_CASE("workspace diagnostics: a push client gets the files that have tokens, without opening them") {
  Workspace w;
  Session s;
  initialize_with_folders(s, {w.root()});
  s.settle();
  CHECK(published_uris(s) == std::vector<std::string>{w.uri("src/a.ts")});  // not b.ts, not the ignored g.ts
  const json pushed = published_for(s, w.uri("src/a.ts"));
  REQUIRE(pushed.size() == 1);
  CHECK(pushed[0]["range"]["start"] == json{{"line", 1}, {"character", 15}});
  CHECK(pushed[0]["message"].get<std::string>().find(w.token) == std::string::npos);  // masked

  SUBCASE("opening the file shows the same diagnostics; closing it hands it back to the workspace") {
    s.open(w.uri("src/a.ts"), "typescript", "// config\nconst token = \"" + w.token + "\";\n");
    json opened = published_for(s, w.uri("src/a.ts"));
    REQUIRE(opened.size() == 1);
    CHECK(opened[0]["range"] == pushed[0]["range"]);
    CHECK(opened[0]["message"] == pushed[0]["message"]);
    CHECK(opened[0]["severity"] == pushed[0]["severity"]);
    // Edited in the editor to drop the token: the open document shows none.
    s.notify("textDocument/didChange", {{"textDocument", {{"uri", w.uri("src/a.ts")}, {"version", 2}}},
                                        {"contentChanges", {{{"text", "const token = process.env.T;\n"}}}}});
    CHECK(published_for(s, w.uri("src/a.ts")).empty());
    // Closed without saving: the file on disk still holds the token, and says so again.
    s.notify("textDocument/didClose", {{"textDocument", {{"uri", w.uri("src/a.ts")}}}});
    CHECK(published_for(s, w.uri("src/a.ts")) == pushed);
  }
  SUBCASE("watched-file events keep the results current") {
    w.dir.write("ws/src/c.ts", "const c = \"" + make_token(72) + "\";\n");
    w.dir.write("ws/src/b.ts", "const b = \"" + make_token(73) + "\";\n");
    w.dir.write("ws/generated/h.ts", "const h = \"" + make_token(74) + "\";\n");
    std::filesystem::remove(w.dir.path() / "ws/src/a.ts");
    s.notify("workspace/didChangeWatchedFiles", {{"changes",
                                                  {{{"uri", w.uri("src/c.ts")}, {"type", 1}},
                                                   {{"uri", w.uri("src/b.ts")}, {"type", 2}},
                                                   {{"uri", w.uri("generated/h.ts")}, {"type", 1}},
                                                   {{"uri", w.uri("src/a.ts")}, {"type", 3}}}}});
    CHECK(published_for(s, w.uri("src/a.ts")).empty());  // deleted: cleared at once
    CHECK_FALSE(published_for(s, w.uri("src/a.ts")).is_null());
    s.settle();
    CHECK(published_for(s, w.uri("src/c.ts")).size() == 1);
    CHECK(published_for(s, w.uri("src/b.ts")).size() == 1);
    CHECK(published_for(s, w.uri("generated/h.ts")).is_null());  // created under an ignored path
  }
  SUBCASE("saving a file that no longer has a token clears it") {
    w.dir.write("ws/src/a.ts", "const token = process.env.PULUMI_ACCESS_TOKEN;\n");
    s.notify("textDocument/didSave", {{"textDocument", {{"uri", w.uri("src/a.ts")}}}});
    s.settle();
    const json now = published_for(s, w.uri("src/a.ts"));
    CHECK(now.is_array());
    CHECK(now.empty());
  }
  SUBCASE("workspaceDiagnostics off clears what was shown") {
    s.notify("workspace/didChangeConfiguration", {{"settings", {{"pulumiTokenLsp", {{"workspaceDiagnostics", "off"}}}}}});
    const json now = published_for(s, w.uri("src/a.ts"));
    CHECK(now.is_array());
    CHECK(now.empty());
  }
}

TEST_CASE("workspace diagnostics: off from the start publishes nothing for unopened files") {
  Workspace w;
  Session s;
  initialize_with_folders(s, {w.root()}, json::object(), {{"workspaceDiagnostics", "off"}});
  s.settle();
  CHECK(s.published().empty());
}

TEST_CASE("workspace diagnostics: folders added and removed are scanned and cleared") {
  Workspace w;
  TempDir other;
  other.write("more/x.py", "token = \"" + make_token(75) + "\"\n");
  Session s;
  initialize_with_folders(s, {w.root()});
  s.settle();
  s.notify("workspace/didChangeWorkspaceFolders",
           {{"event", {{"added", {{{"uri", other.uri("more")}, {"name", "more"}}}}, {"removed", json::array()}}}});
  s.settle();
  CHECK(published_for(s, other.uri("more/x.py")).size() == 1);
  s.notify("workspace/didChangeWorkspaceFolders",
           {{"event", {{"added", json::array()}, {"removed", {{{"uri", other.uri("more")}, {"name", "more"}}}}}}});
  s.settle();
  const json now = published_for(s, other.uri("more/x.py"));
  CHECK(now.is_array());
  CHECK(now.empty());
  CHECK(published_for(s, w.uri("src/a.ts")).is_null());  // the other folder's results stay as they were
}

TEST_CASE("workspace diagnostics: the file cap is said in the log and a message, never silently") {
  TempDir dir;
  for (int i = 0; i < 10; ++i) dir.write("ws/f" + std::to_string(i) + ".txt", make_token(80 + i) + "\n");
  Session s;
  initialize_with_folders(s, {dir.uri("ws")}, json::object(), {{"workspaceMaxFiles", 3}});
  s.settle();
  CHECK(s.published().size() == 3);
  bool said = false;
  for (const json& m : s.sink.sent)
    if (m.value("method", "") == "window/showMessage" &&
        m["params"]["message"].get<std::string>().find("workspaceMaxFiles") != std::string::npos)
      said = true;
  CHECK(said);
}

TEST_CASE("workspace diagnostics: the byte cap stops the scan after the batch that reached it, and says so") {
  TempDir dir;
  // 40 files of 1 KB in batches of 16, two in flight: the first batch (16 KB) passes a 1,000-byte
  // cap, the second was already submitted, the third never is.
  for (int i = 0; i < 40; ++i)
    dir.write("ws/f" + std::to_string(10 + i) + ".txt", make_token(100 + i) + "\n" + std::string(1000, 'x') + "\n");
  Session s;
  initialize_with_folders(s, {dir.uri("ws")}, json::object(), {{"workspaceMaxBytes", 1000}});
  s.settle();
  CHECK(s.published().size() == 32);
  bool said = false;
  for (const json& m : messages_of(s, "window/showMessage"))
    said = said || m["params"]["message"].get<std::string>().find("workspaceMaxBytes") != std::string::npos;
  CHECK(said);
}

TEST_CASE("workspace diagnostics: a pull client gets reports with result ids, and a long poll after that") {
  Workspace w;
  Session s;
  initialize_with_folders(s, {w.root()}, kPullCaps);
  CHECK(s.published().empty());  // pull clients are never pushed to

  SUBCASE("a request during the scan is answered when it ends") {
    s.send(request_message(5, "workspace/diagnostic", {{"previousResultIds", json::array()}}));
    CHECK(reply_to(s, 5).is_null());
    s.settle();
    const json r = reply_to(s, 5);
    REQUIRE(r.contains("result"));
    const json& items = r["result"]["items"];
    REQUIRE(items.size() == 1);
    CHECK(items[0]["uri"] == w.uri("src/a.ts"));
    CHECK(items[0]["kind"] == "full");
    CHECK(items[0]["items"].size() == 1);
    const std::string id = items[0]["resultId"];

    // Nothing changed since: the next request waits until something does.
    s.send(request_message(6, "workspace/diagnostic",
                           {{"previousResultIds", {{{"uri", w.uri("src/a.ts")}, {"value", id}}}}}));
    s.settle();
    CHECK(reply_to(s, 6).is_null());
    w.dir.write("ws/src/b.ts", "const b = \"" + make_token(76) + "\";\n");
    s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", w.uri("src/b.ts")}, {"type", 2}}}}});
    s.settle();
    const json r6 = reply_to(s, 6);
    REQUIRE(r6.contains("result"));
    REQUIRE(r6["result"]["items"].size() == 1);  // only what changed
    CHECK(r6["result"]["items"][0]["uri"] == w.uri("src/b.ts"));

    // A file whose token went away is reported empty to a client that had it.
    std::filesystem::remove(w.dir.path() / "ws/src/b.ts");
    s.send(request_message(7, "workspace/diagnostic",
                           {{"previousResultIds",
                             {{{"uri", w.uri("src/a.ts")}, {"value", id}},
                              {{"uri", w.uri("src/b.ts")}, {"value", r6["result"]["items"][0]["resultId"]}}}}}));
    CHECK(reply_to(s, 7).is_null());
    s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", w.uri("src/b.ts")}, {"type", 3}}}}});
    const json r7 = reply_to(s, 7);
    REQUIRE(r7.contains("result"));
    REQUIRE(r7["result"]["items"].size() == 1);
    CHECK(r7["result"]["items"][0]["uri"] == w.uri("src/b.ts"));
    CHECK(r7["result"]["items"][0]["items"].empty());
  }
  SUBCASE("with a partialResultToken, reports stream as $/progress and the response holds none") {
    s.send(request_message(5, "workspace/diagnostic",
                           {{"previousResultIds", json::array()}, {"partialResultToken", "partial-1"}}));
    CHECK(reply_to(s, 5).is_null());
    s.server.wait_background_idle();
    s.server.flush();
    std::vector<std::string> streamed;
    for (const json& m : s.sink.sent)
      if (m.value("method", "") == "$/progress" && m["params"]["token"] == "partial-1")
        for (const json& item : m["params"]["value"]["items"]) streamed.push_back(item["uri"]);
    CHECK(streamed == std::vector<std::string>{w.uri("src/a.ts")});
    const json r = reply_to(s, 5);
    REQUIRE(r.contains("result"));
    CHECK(r["result"]["items"].empty());
  }
  SUBCASE("a held request can be cancelled, and shutdown answers the rest") {
    s.settle();
    s.send(request_message(8, "workspace/diagnostic", {{"previousResultIds", json::array()}}));
    REQUIRE(reply_to(s, 8).contains("result"));  // after the scan, answered at once
    const std::string id = reply_to(s, 8)["result"]["items"][0]["resultId"];
    const json previous = {{"previousResultIds", {{{"uri", w.uri("src/a.ts")}, {"value", id}}}}};
    s.send(request_message(9, "workspace/diagnostic", previous));
    CHECK(reply_to(s, 9).is_null());
    s.notify("$/cancelRequest", {{"id", 9}});
    const json cancelled = reply_to(s, 9);
    REQUIRE(cancelled.contains("error"));
    CHECK(cancelled["error"]["code"] == -32800);
    s.send(request_message(10, "workspace/diagnostic", previous));
    CHECK(reply_to(s, 10).is_null());
    s.send(request_message(11, "shutdown", nullptr));
    const json at_shutdown = reply_to(s, 10);
    REQUIRE(at_shutdown.contains("result"));
    CHECK(at_shutdown["result"]["items"].empty());
    CHECK(reply_to(s, 11).contains("result"));
  }
  SUBCASE("an open document is left out of the workspace's reports, and comes back when closed") {
    s.settle();
    s.open(w.uri("src/a.ts"), "typescript", "const token = 1;\n");
    s.send(request_message(12, "workspace/diagnostic", {{"previousResultIds", json::array()}}));
    CHECK(reply_to(s, 12).is_null());  // nothing to report but the open file: held
    s.notify("textDocument/didClose", {{"textDocument", {{"uri", w.uri("src/a.ts")}}}});
    const json r = reply_to(s, 12);
    REQUIRE(r.contains("result"));
    REQUIRE(r["result"]["items"].size() == 1);
    CHECK(r["result"]["items"][0]["uri"] == w.uri("src/a.ts"));
  }
}

TEST_CASE("workspace diagnostics: a pull client with no request waiting is asked to pull again, once per change") {
  Workspace w;
  Session s;
  initialize_with_folders(s, {w.root()}, kPullCaps);
  s.settle();
  CHECK(messages_of(s, "workspace/diagnostic/refresh").size() == 1);  // the scan found a.ts
  s.send(request_message(5, "workspace/diagnostic", {{"previousResultIds", json::array()}}));
  REQUIRE(reply_to(s, 5).contains("result"));
  // A change while a request waits is its answer, not a refresh.
  const std::string id = reply_to(s, 5)["result"]["items"][0]["resultId"];
  s.send(request_message(6, "workspace/diagnostic",
                         {{"previousResultIds", {{{"uri", w.uri("src/a.ts")}, {"value", id}}}}}));
  w.dir.write("ws/src/b.ts", "const b = \"" + make_token(77) + "\";\n");
  s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", w.uri("src/b.ts")}, {"type", 2}}}}});
  s.settle();
  CHECK(reply_to(s, 6).contains("result"));
  CHECK(messages_of(s, "workspace/diagnostic/refresh").empty());
  // No request waiting now: the next change is announced.
  std::filesystem::remove(w.dir.path() / "ws/src/b.ts");
  s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", w.uri("src/b.ts")}, {"type", 3}}}}});
  CHECK(messages_of(s, "workspace/diagnostic/refresh").size() == 1);
}

TEST_CASE("workspace diagnostics: progress is created, begun, reported and ended; the client can cancel") {
  TempDir dir;
  for (int i = 0; i < 100; ++i) dir.write("ws/f" + std::to_string(i) + ".txt", "nothing here\n");
  dir.write("ws/z.txt", make_token(90) + "\n");
  Session s;
  initialize_with_folders(s, {dir.uri("ws")}, {{"window", {{"workDoneProgress", true}}}});
  auto creates = messages_of(s, "window/workDoneProgress/create");
  REQUIRE(creates.size() == 1);
  const json token = creates[0]["params"]["token"];
  std::vector<json> values;
  auto collect = [&] {
    for (const json& m : s.sink.sent)
      if (m.value("method", "") == "$/progress" && m["params"]["token"] == token) values.push_back(m["params"]["value"]);
  };
  s.send({{"jsonrpc", "2.0"}, {"id", creates[0]["id"]}, {"result", nullptr}});
  collect();
  REQUIRE_FALSE(values.empty());
  CHECK(values[0]["kind"] == "begin");
  CHECK(values[0]["cancellable"] == true);

  SUBCASE("to the end") {
    s.server.wait_background_idle();
    s.server.flush();
    collect();
    CHECK(values.back()["kind"] == "end");
    CHECK(values.back()["message"].get<std::string>().find("101 of 101 files") != std::string::npos);
    int last = -1;
    for (const json& v : values) {
      if (v["kind"] != "report") continue;
      CHECK(v["percentage"].get<int>() >= last);
      last = v["percentage"];
    }
    CHECK(last == 100);
    CHECK(published_for(s, dir.uri("ws/z.txt")).size() == 1);
  }
  SUBCASE("cancelled: the scan stops, what was found stays") {
    s.notify("window/workDoneProgress/cancel", {{"token", token}});
    s.server.wait_background_idle();
    s.server.flush();
    collect();
    CHECK(values.back()["kind"] == "end");
    const std::string message = values.back()["message"];
    CHECK(message.find("cancelled") != std::string::npos);
    CHECK(message.find("101 of 101") == std::string::npos);
  }
}

TEST_CASE("workspace diagnostics: a scan that ends before the client answers the create still begins and ends it") {
  TempDir dir;
  for (int i = 0; i < 20; ++i) dir.write("ws/f" + std::to_string(i) + ".txt", "nothing here\n");
  dir.write("ws/z.txt", make_token(91) + "\n");
  Session s;
  initialize_with_folders(s, {dir.uri("ws")}, {{"window", {{"workDoneProgress", true}}}});
  auto creates = messages_of(s, "window/workDoneProgress/create");
  REQUIRE(creates.size() == 1);
  const json token = creates[0]["params"]["token"];
  s.server.wait_background_idle();
  s.server.flush();
  REQUIRE(published_for(s, dir.uri("ws/z.txt")).size() == 1);  // the scan is over
  auto values = [&] {
    std::vector<json> out;
    for (const json& m : s.sink.sent)
      if (m.value("method", "") == "$/progress" && m["params"]["token"] == token) out.push_back(m["params"]["value"]);
    return out;
  };
  CHECK(values().empty());  // nothing is sent on a token the client has not created

  SUBCASE("created: begin, then end with the summary") {
    s.send({{"jsonrpc", "2.0"}, {"id", creates[0]["id"]}, {"result", nullptr}});
    const auto v = values();
    REQUIRE(v.size() == 2);
    CHECK(v[0]["kind"] == "begin");
    CHECK(v[0]["cancellable"] == false);  // nothing is left to cancel
    CHECK(v[1]["kind"] == "end");
    CHECK(v[1]["message"].get<std::string>().find("21 of 21 files") != std::string::npos);
  }
  SUBCASE("refused by the client: nothing") {
    s.send({{"jsonrpc", "2.0"}, {"id", creates[0]["id"]}, {"error", {{"code", -32603}, {"message", "no"}}}});
    CHECK(values().empty());
  }
}

TEST_CASE("workspace diagnostics: turned on after initialized, the **/* watcher is registered then, once") {
  Workspace w;
  Session s;
  const json caps = {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}};
  ptl::testing::initialize_with_folders(s, {w.root()}, caps, {{"workspaceDiagnostics", "off"}, {"historyCheck", false}});
  auto watchers = [&] {
    int n = 0;
    for (const json& m : ptl::testing::messages_of(s, "client/registerCapability"))
      if (m["params"]["registrations"][0]["id"] == "pulumi-token-lsp-workspace-files") ++n;
    return n;
  };
  CHECK(watchers() == 0);  // what `initialized` sent
  CHECK(ptl::testing::messages_of(s, "client/registerCapability").size() == 1);  // the project config's watcher
  s.settle();
  s.notify("workspace/didChangeConfiguration", {{"settings", {{"pulumiTokenLsp", {{"workspaceDiagnostics", "on"}}}}}});
  CHECK(watchers() == 1);
  s.settle();
  CHECK(s.published().size() == 1);  // src/a.ts, scanned now
  s.notify("workspace/didChangeConfiguration", {{"settings", {{"pulumiTokenLsp", {{"severity", "warning"}}}}}});
  CHECK(watchers() == 0);  // not again
}
