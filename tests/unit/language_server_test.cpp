#include "server/language_server.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_tokens.h"

using nlohmann::json;
using ptl::server::LanguageServer;
using ptl::testing::make_token;

namespace {

// Collects everything the server sends, parsed.
struct CapturingSink : ptl::server::OutputSink {
  std::vector<json> sent;
  void send(std::string body) override { sent.push_back(json::parse(body)); }
  void send_replaceable(const std::string&, std::string body) override { sent.push_back(json::parse(body)); }
};

struct Session {
  CapturingSink sink;
  ptl::server::Logger log{ptl::server::LogLevel::Error};
  LanguageServer server{sink, log};

  json request(int id, const std::string& method, json params = json::object()) {
    sink.sent.clear();
    server.handle(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    server.flush();
    for (const json& m : sink.sent)
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
    FAIL("no reply to " << method);
    return {};
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
  void open(const std::string& uri, const std::string& lang, const std::string& text) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", lang}, {"version", 1}, {"text", text}}}});
  }
};

json pos(int line, int character) { return {{"line", line}, {"character", character}}; }

// Applies LSP "changes" edits (single-line ranges sorted in reverse) to text split into lines.
std::string apply_lsp_edits(std::string text, const json& edits) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  auto offset = [&](const json& p) {
    std::size_t o = 0;
    for (int l = 0; l < p["line"].get<int>(); ++l) o = text.find('\n', o) + 1;
    return o + p["character"].get<std::size_t>();  // ASCII test texts: characters are bytes
  };
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> ops;
  for (const json& e : edits) ops.emplace_back(offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]);
  std::sort(ops.begin(), ops.end(), [](auto& a, auto& b) { return std::get<0>(a) > std::get<0>(b); });
  for (auto& [a, b, t] : ops) text.replace(a, b - a, t);
  return text;
}

}  // namespace

TEST_CASE("requests before initialize get -32002 and notifications are dropped") {
  Session s;
  json r = s.request(5, "textDocument/hover", {{"textDocument", {{"uri", "file:///x"}}}, {"position", pos(0, 0)}});
  CHECK(r["error"]["code"] == -32002);
  s.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///x"}, {"languageId", "x"}, {"version", 1}, {"text", make_token()}}}});
  CHECK(s.published().empty());
}

TEST_CASE("initialize negotiates the position encoding and advertises incremental sync") {
  Session s;
  json r = s.request(1, "initialize", {{"capabilities", {{"general", {{"positionEncodings", {"utf-32", "utf-16"}}}}}}});
  CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-32");
  CHECK(r["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
  CHECK(s.request(2, "initialize", {{"capabilities", json::object()}})["error"]["code"] == -32600);
}

TEST_CASE("diagnostics follow the document through open, edits and close") {
  Session s;
  s.initialize();
  const std::string tok = make_token(3);
  s.open("file:///p/index.ts", "typescript", "// \xF0\x9F\x98\x80\nconst t = \"" + tok + "\";\n");
  auto pub = s.published();
  REQUIRE(pub.size() == 1);
  CHECK(pub[0]["version"] == 1);
  REQUIRE(pub[0]["diagnostics"].size() == 1);
  const json& d = pub[0]["diagnostics"][0];
  CHECK(d["range"]["start"] == pos(1, 11));
  CHECK(d["range"]["end"] == pos(1, 55));
  CHECK(d["severity"] == 1);
  CHECK(d["source"] == "pulumi-token-lsp");
  CHECK(d["code"] == "pulumi-access-token");
  CHECK(d["message"].get<std::string>().find(tok) == std::string::npos);
  CHECK(d["message"].get<std::string>().find(tok.substr(0, 8) + "\xE2\x80\xA6") != std::string::npos);

  s.notify("textDocument/didChange",
           {{"textDocument", {{"uri", "file:///p/index.ts"}, {"version", 2}}},
            {"contentChanges", {{{"range", {{"start", pos(1, 20)}, {"end", pos(1, 21)}}}, {"text", ""}}}}});
  pub = s.published();
  REQUIRE(pub.size() == 1);
  CHECK(pub[0]["version"] == 2);
  CHECK(pub[0]["diagnostics"].empty());

  s.notify("textDocument/didClose", {{"textDocument", {{"uri", "file:///p/index.ts"}}}});
  pub = s.published();
  REQUIRE(pub.size() == 1);
  CHECK(pub[0]["diagnostics"].empty());
}

TEST_CASE("several changes in one notification apply in order and publish once") {
  Session s;
  s.initialize();
  s.open("file:///a.txt", "plaintext", "");
  const std::string tok = make_token(4);
  json changes = json::array();
  changes.push_back({{"text", "x\n"}});  // no range: replaces everything
  changes.push_back({{"range", {{"start", pos(1, 0)}, {"end", pos(1, 0)}}}, {"text", tok}});
  changes.push_back({{"range", {{"start", pos(0, 0)}, {"end", pos(0, 1)}}}, {"text", "y = "}});
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///a.txt"}, {"version", 7}}}, {"contentChanges", changes}});
  auto pub = s.published();
  REQUIRE(pub.size() == 1);
  CHECK(pub[0]["version"] == 7);
  REQUIRE(pub[0]["diagnostics"].size() == 1);
  CHECK(pub[0]["diagnostics"][0]["range"]["start"] == pos(1, 0));
}

TEST_CASE("invalid params get -32602 naming the field, unknown methods -32601") {
  Session s;
  s.initialize();
  json r = s.request(3, "textDocument/hover", {{"textDocument", {{"uri", 7}}}, {"position", pos(0, 0)}});
  CHECK(r["error"]["code"] == -32602);
  CHECK(r["error"]["message"] == "textDocument.uri: expected string");
  r = s.request(4, "textDocument/hover", {{"textDocument", {{"uri", "file:///x"}}}, {"position", {{"line", -1}, {"character", 0}}}});
  CHECK(r["error"]["message"] == "position.line: expected an unsigned 32-bit integer");
  CHECK(s.request(5, "textDocument/definition")["error"]["code"] == -32601);
  CHECK(s.request(6, "$/whatever")["error"]["code"] == -32601);
}

TEST_CASE("a request cancelled in the same batch is answered with -32800") {
  Session s;
  s.initialize();
  s.sink.sent.clear();
  std::vector<std::string> batch = {
      json{{"jsonrpc", "2.0"}, {"id", 9}, {"method", "textDocument/hover"},
           {"params", {{"textDocument", {{"uri", "file:///none"}}}, {"position", pos(0, 0)}}}}.dump(),
      json{{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 9}}}}.dump()};
  s.server.handle_batch(batch);
  REQUIRE(s.sink.sent.size() == 1);
  CHECK(s.sink.sent[0]["id"] == 9);
  CHECK(s.sink.sent[0]["error"]["code"] == -32800);
}

TEST_CASE("shutdown then exit gives exit code 0, requests after shutdown get -32600") {
  Session s;
  s.initialize();
  CHECK(s.request(2, "shutdown").contains("result"));
  CHECK(s.request(3, "textDocument/hover")["error"]["code"] == -32600);
  CHECK_FALSE(s.server.exit_requested());
  s.notify("exit");
  CHECK(s.server.exit_requested());
  CHECK(s.server.exit_code() == 0);
}

TEST_CASE("exit without shutdown gives exit code 1") {
  Session s;
  s.initialize();
  s.notify("exit");
  CHECK(s.server.exit_code() == 1);
}

TEST_CASE("hover on a token explains the risk with the masked token only") {
  Session s;
  s.initialize();
  const std::string tok = make_token(6);
  s.open("file:///a.py", "python", "t = '" + tok + "'\n");
  json r = s.request(2, "textDocument/hover", {{"textDocument", {{"uri", "file:///a.py"}}}, {"position", pos(0, 20)}});
  std::string md = r["result"]["contents"]["value"];
  CHECK(md.find(tok) == std::string::npos);
  CHECK(md.find("Rotate") != std::string::npos);
  CHECK(md.find("https://app.pulumi.com/account/tokens") != std::string::npos);
  CHECK(r["result"]["range"]["start"] == pos(0, 5));
  r = s.request(3, "textDocument/hover", {{"textDocument", {{"uri", "file:///a.py"}}}, {"position", pos(0, 1)}});
  CHECK(r["result"].is_null());
}

TEST_CASE("the preferred code action reads the configured environment variable and removes the token") {
  Session s;
  s.initialize(json::object(), {{"pulumiTokenLsp", {{"environmentVariable", "MY_TOKEN"}}}});
  const std::string tok = make_token(8);
  const std::string text = "import pulumi\n\ntoken = \"" + tok + "\"\n";
  s.open("file:///app/__main__.py", "python", text);
  json r = s.request(2, "textDocument/codeAction",
                     {{"textDocument", {{"uri", "file:///app/__main__.py"}}},
                      {"range", {{"start", pos(2, 12)}, {"end", pos(2, 12)}}},
                      {"context", {{"diagnostics", json::array()}}}});
  const json& actions = r["result"];
  REQUIRE(actions.size() >= 7);
  const json& first = actions[0];
  CHECK(first["kind"] == "quickfix");
  CHECK(first["isPreferred"] == true);
  CHECK(first["diagnostics"].size() == 1);
  std::string fixed = apply_lsp_edits(text, first["edit"]["changes"]["file:///app/__main__.py"]);
  CHECK(fixed.find(tok) == std::string::npos);
  CHECK(fixed.find("os.environ[\"MY_TOKEN\"]") != std::string::npos);
  CHECK(fixed.find("import os") != std::string::npos);
  for (const json& a : actions) CHECK(a.dump().find(tok) == std::string::npos);
  bool rotate = false, fix_all = false;
  for (const json& a : actions) {
    if (a.contains("command") && a["command"]["command"] == "pulumi-token-lsp.rotateToken") rotate = true;
    if (a["kind"] == "source.fixAll.pulumi-token-lsp") fix_all = true;
  }
  CHECK(rotate);
  CHECK(fix_all);
}

TEST_CASE("code actions use documentChanges with the version when the client supports them") {
  Session s;
  s.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  s.open("file:///a.ts", "typescript", "const t = \"" + make_token(9) + "\";\n");
  json r = s.request(2, "textDocument/codeAction",
                     {{"textDocument", {{"uri", "file:///a.ts"}}},
                      {"range", {{"start", pos(0, 0)}, {"end", pos(0, 40)}}},
                      {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  REQUIRE(r["result"].size() == 1);
  const json& dc = r["result"][0]["edit"]["documentChanges"][0];
  CHECK(dc["textDocument"]["version"] == 1);
  CHECK(dc["textDocument"]["uri"] == "file:///a.ts");
}

TEST_CASE("a client that resolves edits gets the fix-all action's edit from codeAction/resolve") {
  Session s;
  const json resolving = {{"dataSupport", true}, {"resolveSupport", {{"properties", {"edit"}}}}};
  s.initialize({{"textDocument", {{"codeAction", resolving}}},
                {"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  const std::string a = make_token(31), b = make_token(32);
  const std::string text = "import json\n\na = \"" + a + "\"\nb = \"" + b + "\"\n";
  s.open("file:///m.py", "python", text);
  const json list = s.request(2, "textDocument/codeAction",
                              {{"textDocument", {{"uri", "file:///m.py"}}},
                               {"range", {{"start", pos(0, 0)}, {"end", pos(0, 0)}}},
                               {"context", {{"diagnostics", json::array()}}}});
  REQUIRE(list["result"].size() == 1);
  json action = list["result"][0];
  CHECK(action["kind"] == "source.fixAll.pulumi-token-lsp");
  CHECK(action["title"] == "Fix all 2 Pulumi access tokens in this file");
  CHECK_FALSE(action.contains("edit"));
  CHECK(action["data"]["uri"] == "file:///m.py");

  // Resolved on the document as it is when resolved: version 2, one line added at the top.
  const json change = {{"range", {{"start", pos(0, 0)}, {"end", pos(0, 0)}}}, {"text", "# header\n"}};
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///m.py"}, {"version", 2}}},
                                      {"contentChanges", json::array({change})}});
  const json resolved = s.request(3, "codeAction/resolve", action);
  REQUIRE(resolved.contains("result"));
  const json& dc = resolved["result"]["edit"]["documentChanges"][0];
  CHECK(dc["textDocument"]["version"] == 2);
  CHECK(resolved["result"]["title"] == action["title"]);
  const std::string fixed = apply_lsp_edits("# header\n" + text, dc["edits"]);
  CHECK(fixed == "# header\nimport json\nimport os\n\na = os.environ[\"PULUMI_ACCESS_TOKEN\"]\n"
                 "b = os.environ[\"PULUMI_ACCESS_TOKEN\"]\n");

  // A closed document: -32801, which clients drop quietly; no data: -32602 naming it.
  s.notify("textDocument/didClose", {{"textDocument", {{"uri", "file:///m.py"}}}});
  CHECK(s.request(4, "codeAction/resolve", action)["error"]["code"] == -32801);
  json bare = action;
  bare.erase("data");
  const json no_data = s.request(5, "codeAction/resolve", bare);
  CHECK(no_data["error"]["code"] == -32602);
  CHECK(no_data["error"]["message"] == "data: missing");
}

TEST_CASE("without resolve support the fix-all edit is inline, and only where a token can be rewritten") {
  Session s;
  // resolveSupport without dataSupport: the data that names the document would not come back.
  s.initialize({{"textDocument", {{"codeAction", {{"resolveSupport", {{"properties", {"edit"}}}}}}}}});
  CHECK(s.request(2, "initialize", {{"capabilities", json::object()}})["error"]["code"] == -32600);
  // The Pulumi CLI's credentials file gets no rewrite (the remedy is `pulumi logout`).
  const std::string credentials = "file:///home/u/.pulumi/credentials.json";
  s.open(credentials, "json", "{\"accessTokens\": {\"https://api.pulumi.com\": \"" + make_token(33) + "\"}}\n");
  const json none = s.request(3, "textDocument/codeAction",
                              {{"textDocument", {{"uri", credentials}}},
                               {"range", {{"start", pos(0, 0)}, {"end", pos(0, 0)}}},
                               {"context", {{"diagnostics", json::array()}}}});
  CHECK(none["result"].empty());
  s.open("file:///c.ts", "typescript", "const t = \"" + make_token(34) + "\";\n");
  const json inline_edit = s.request(4, "textDocument/codeAction",
                                     {{"textDocument", {{"uri", "file:///c.ts"}}},
                                      {"range", {{"start", pos(0, 0)}, {"end", pos(0, 0)}}},
                                      {"context", {{"diagnostics", json::array()}}}});
  REQUIRE(inline_edit["result"].size() == 1);
  // The literal and the requireEnv helper.
  CHECK(inline_edit["result"][0]["edit"]["changes"]["file:///c.ts"].size() == 2);
}

TEST_CASE("settings from workspace/configuration change the severity and republish") {
  Session s;
  json r = s.request(1, "initialize", {{"capabilities", {{"workspace", {{"configuration", true}}}}}});
  s.notify("initialized");
  json config_request;
  for (const json& m : s.sink.sent)
    if (m.value("method", "") == "workspace/configuration") config_request = m;
  REQUIRE(config_request.is_object());
  s.open("file:///a.sh", "shellscript", "export T=" + make_token(10) + "\n");
  s.sink.sent.clear();
  s.server.handle(json{{"jsonrpc", "2.0"}, {"id", config_request["id"]}, {"result", {{{"severity", "warning"}}}}}.dump());
  s.server.flush();
  auto pub = s.published();
  REQUIRE(pub.size() == 1);
  CHECK(pub[0]["diagnostics"][0]["severity"] == 2);
}

TEST_CASE("placeholders are hints, or nothing when the setting is off") {
  Session s;
  s.initialize();
  const std::string zero = ptl::testing::make_pul(std::string(40, '0'));
  s.open("file:///r.md", "markdown", "`" + zero + "`\n");
  auto pub = s.published();
  REQUIRE(pub[0]["diagnostics"].size() == 1);
  CHECK(pub[0]["diagnostics"][0]["severity"] == 4);
  s.notify("workspace/didChangeConfiguration", {{"settings", {{"pulumiTokenLsp", {{"placeholders", "off"}}}}}});
  pub = s.published();
  REQUIRE(pub.size() == 1);
  CHECK(pub[0]["diagnostics"].empty());
}

TEST_CASE("clients that pull diagnostics get full and unchanged reports and no pushes") {
  Session s;
  s.initialize({{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}}});
  s.open("file:///a.go", "go", "package main\nvar t = \"" + make_token(11) + "\"\n");
  CHECK(s.published().empty());
  json r = s.request(2, "textDocument/diagnostic", {{"textDocument", {{"uri", "file:///a.go"}}}});
  CHECK(r["result"]["kind"] == "full");
  CHECK(r["result"]["items"].size() == 1);
  std::string id = r["result"]["resultId"];
  r = s.request(3, "textDocument/diagnostic", {{"textDocument", {{"uri", "file:///a.go"}}}, {"previousResultId", id}});
  CHECK(r["result"]["kind"] == "unchanged");
}

TEST_CASE("a settings change asks pulling clients to pull again") {
  Session s;
  s.initialize({{"textDocument", {{"diagnostic", json::object()}}},
                {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}});
  s.open("file:///a.go", "go", "package main\n");
  s.notify("workspace/didChangeConfiguration", {{"settings", {{"pulumiTokenLsp", {{"severity", "hint"}}}}}});
  bool refreshed = false;
  for (const json& m : s.sink.sent)
    if (m.value("method", "") == "workspace/diagnostic/refresh") refreshed = !m.contains("params");
  CHECK(refreshed);
}

TEST_CASE("the findings limit reports the first findings and says how many more there are") {
  Session s;
  s.initialize(json::object(), {{"maxFindingsPerDocument", 2}});
  std::string text;
  for (std::uint32_t i = 0; i < 5; ++i) text += make_token(100 + i) + "\n";
  s.open("file:///many.txt", "plaintext", text);
  auto pub = s.published();
  REQUIRE(pub[0]["diagnostics"].size() == 3);
  CHECK(pub[0]["diagnostics"][2]["severity"] == 3);
  CHECK(pub[0]["diagnostics"][2]["message"].get<std::string>().find("3 more") != std::string::npos);
}
