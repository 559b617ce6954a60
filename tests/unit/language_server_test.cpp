#include "server/language_server.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <map>
#include <string>
#include <vector>

#include "scan/fingerprint.h"
#include "scan/scan_finding.h"
#include "lsp_session.h"
#include "server/hover_text.h"
#include "temp_dir.h"
#include "test_git_repo.h"
#include "test_tokens.h"

using nlohmann::json;
using ptl::server::LanguageServer;
using ptl::testing::Session;
using ptl::testing::GitRepo;
using ptl::testing::make_token;

namespace {

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
  // A command-only action (rotate, check) has nothing to resolve: Neovim 0.7 resolves it all the
  // same before running its command, and gets it back as it is.
  const json rotate = {{"title", "Rotate this token"},
                       {"kind", "quickfix"},
                       {"command", {{"title", "Rotate"}, {"command", "pulumi-token-lsp.rotateToken"}, {"arguments", json::array()}}}};
  const json resolved_rotate = s.request(6, "codeAction/resolve", rotate);
  CHECK(resolved_rotate["result"] == rotate);
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

// Project config files (.pulumi-token-lsp.json) in the workspace's folders.
namespace {

std::string project_fingerprint(const std::string& relative_path, const std::string& token) {
  return ptl::scan::finding_fingerprint(ptl::scan::kRuleId, relative_path, token);
}

// A git work tree (a .git directory) at `dir`/repo holding `config` as its project config.
std::string make_repo(const ptl::testing::TempDir& dir, const std::string& config, const std::string& name = "repo") {
  std::filesystem::create_directories(dir.path() / name / ".git");
  dir.write(std::filesystem::path(name) / ".pulumi-token-lsp.json", config);
  return dir.uri(name);
}

// Opens a document and returns the diagnostics published for it.
json diagnostics_on_open(Session& s, const std::string& uri, const std::string& text) {
  s.open(uri, "plaintext", text);
  auto pub = s.published();
  REQUIRE(pub.size() == 1);
  return pub[0]["diagnostics"];
}


}  // namespace

TEST_CASE("an ignored path and an allowlisted token get no diagnostic while another token does") {
  ptl::testing::TempDir dir;
  const std::string allowed = make_token(40), other = make_token(41);
  const std::string root = make_repo(dir, json{{"ignore", {"generated/**"}},
                                               {"allowlist", {{{"fingerprint", project_fingerprint("src/a.ts", allowed)},
                                                               {"reason", "test fixture"}}}}}
                                                  .dump());
  Session s;
  initialize_with_folders(s, {root});
  CHECK(messages_of(s, "window/showMessage").empty());

  s.open(root + "/src/a.ts", "typescript", "const a = \"" + allowed + "\";\nconst b = \"" + other + "\";\n");
  auto pub = s.published();
  REQUIRE(pub.size() == 1);
  REQUIRE(pub[0]["diagnostics"].size() == 1);
  CHECK(pub[0]["diagnostics"][0]["range"]["start"] == pos(1, 11));

  SUBCASE("the same token in another file is not allowlisted: fingerprints are per path") {
    s.open(root + "/src/b.ts", "typescript", "const a = \"" + allowed + "\";\n");
    CHECK(s.published()[0]["diagnostics"].size() == 1);
  }
  SUBCASE("a document under an ignored directory publishes an empty list") {
    s.open(root + "/generated/client.ts", "typescript", "const a = \"" + other + "\";\n");
    pub = s.published();
    REQUIRE(pub.size() == 1);
    CHECK(pub[0]["diagnostics"].empty());
  }
  SUBCASE("a document outside the workspace, or not a file, is not under the config") {
    CHECK(diagnostics_on_open(s, "untitled:generated/x", other).size() == 1);
    CHECK(diagnostics_on_open(s, "file:///elsewhere/generated/x.ts", other).size() == 1);
  }
  SUBCASE("pulling clients get the same answer") {
    json r = s.request(7, "textDocument/diagnostic", {{"textDocument", {{"uri", root + "/src/a.ts"}}}});
    CHECK(r["result"]["items"].size() == 1);
  }
}

TEST_CASE("the file's severity and placeholder policy apply, and the client's own settings override them") {
  ptl::testing::TempDir dir;
  const std::string root = make_repo(dir, R"({"severity": "warning", "placeholders": "off"})");
  const std::string text = make_token(42) + "\n" + ptl::testing::make_pul(std::string(40, '0')) + "\n";

  SUBCASE("a client that sets neither") {
    Session s;
    initialize_with_folders(s, {root});
    auto d = diagnostics_on_open(s, root + "/a.txt", text);
    REQUIRE(d.size() == 1);
    CHECK(d[0]["severity"] == 2);
  }
  SUBCASE("a client that sets the severity keeps the file's placeholder policy") {
    Session s;
    initialize_with_folders(s, {root}, json::object(), {{"severity", "hint"}});
    auto d = diagnostics_on_open(s, root + "/a.txt", text);
    REQUIRE(d.size() == 1);
    CHECK(d[0]["severity"] == 4);
  }
  SUBCASE("a client that sets placeholders later, through didChangeConfiguration") {
    Session s;
    initialize_with_folders(s, {root});
    s.open(root + "/a.txt", "plaintext", text);
    s.notify("workspace/didChangeConfiguration", {{"settings", {{"pulumiTokenLsp", {{"placeholders", "hint"}}}}}});
    auto d = s.published()[0]["diagnostics"];
    REQUIRE(d.size() == 2);
    CHECK(d[0]["severity"] == 2);
    CHECK(d[1]["severity"] == 4);
  }
  SUBCASE("documents outside the config keep the client's settings") {
    Session s;
    initialize_with_folders(s, {root});
    auto d = diagnostics_on_open(s, "file:///elsewhere/a.txt", text);
    REQUIRE(d.size() == 2);
    CHECK(d[0]["severity"] == 1);
  }
}

TEST_CASE("each workspace folder has its own config file, and folders of one work tree share one") {
  ptl::testing::TempDir dir;
  const std::string token = make_token(43);
  const std::string one = make_repo(dir, R"({"ignore": ["*.txt"]})", "one");
  const std::string two = make_repo(dir, R"({"severity": "information"})", "two");
  std::filesystem::create_directories(dir.path() / "two" / "sub");
  Session s;
  initialize_with_folders(s, {one, two, dir.uri("two/sub")});
  CHECK(diagnostics_on_open(s, one + "/a.txt", token).empty());
  auto d = diagnostics_on_open(s, two + "/sub/a.txt", token);
  REQUIRE(d.size() == 1);
  CHECK(d[0]["severity"] == 3);
}

TEST_CASE("saving or changing the config file reads it again and republishes open documents") {
  ptl::testing::TempDir dir;
  const std::string token = make_token(44);
  const std::string root = make_repo(dir, "{}");
  Session s;
  initialize_with_folders(s, {root}, {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  s.open(root + "/src/a.ts", "typescript", "const a = \"" + token + "\";\n");
  REQUIRE(s.published()[0]["diagnostics"].size() == 1);

  dir.write("repo/.pulumi-token-lsp.json", R"({"ignore": ["src/"]})");
  SUBCASE("through didSave of the file") {
    s.notify("textDocument/didSave", {{"textDocument", {{"uri", root + "/.pulumi-token-lsp.json"}}}});
  }
  SUBCASE("through a watched-file change") {
    s.notify("workspace/didChangeWatchedFiles",
             {{"changes", {{{"uri", root + "/.pulumi-token-lsp.json"}, {"type", 2}}}}});
  }
  auto pub = s.published();
  REQUIRE(pub.size() == 1);
  CHECK(pub[0]["diagnostics"].empty());

  // Saving another file reads nothing again.
  dir.write("repo/.pulumi-token-lsp.json", "{}");
  s.notify("textDocument/didSave", {{"textDocument", {{"uri", root + "/src/a.ts"}}}});
  CHECK(s.published().empty());
}

TEST_CASE("a fingerprint added to the allowlist silences its token once the file is saved, also after edits") {
  ptl::testing::TempDir dir;
  const std::string token = make_token(46), other = make_token(47);
  // An allowlist from the start, naming another finding: the server has looked up both tokens.
  const std::string root = make_repo(
      dir, json{{"allowlist", {{{"fingerprint", std::string(64, 'c')}, {"reason", "another finding"}}}}}.dump());
  Session s;
  initialize_with_folders(s, {root});
  const std::string uri = root + "/a.txt";
  REQUIRE(diagnostics_on_open(s, uri, token + "\n" + other + "\n").size() == 2);
  dir.write("repo/.pulumi-token-lsp.json",
            json{{"allowlist", {{{"fingerprint", project_fingerprint("a.txt", token)}, {"reason", "fixture"}}}}}.dump());
  s.notify("textDocument/didSave", {{"textDocument", {{"uri", root + "/.pulumi-token-lsp.json"}}}});
  auto pub = s.published();
  REQUIRE(pub.size() == 1);
  REQUIRE(pub[0]["diagnostics"].size() == 1);
  CHECK(pub[0]["diagnostics"][0]["range"]["start"] == pos(1, 0));
  // A line typed above moves both tokens; the allowlisted one stays silent.
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                      {"contentChanges", {{{"range", {{"start", pos(0, 0)}, {"end", pos(0, 0)}}},
                                                           {"text", "// keys\n"}}}}});
  pub = s.published();
  REQUIRE(pub.size() == 1);
  REQUIRE(pub[0]["diagnostics"].size() == 1);
  CHECK(pub[0]["diagnostics"][0]["range"]["start"] == pos(2, 0));
}

TEST_CASE("the server watches config files when the client can register watchers, and advertises didSave") {
  ptl::testing::TempDir dir;
  const std::string root = make_repo(dir, "{}");
  Session s;
  json params = {{"capabilities", {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}},
                 {"rootUri", root}};
  json r = s.request(1, "initialize", params);
  CHECK(r["result"]["capabilities"]["textDocumentSync"]["save"] == json{{"includeText", false}});
  s.notify("initialized");
  auto requests = messages_of(s, "client/registerCapability");
  REQUIRE(requests.size() == 2);
  std::map<std::string, std::string> globs;  // registration id -> its one glob
  for (const json& request : requests) {
    const json& reg = request["params"]["registrations"][0];
    CHECK(reg["method"] == "workspace/didChangeWatchedFiles");
    REQUIRE(reg["registerOptions"]["watchers"].size() == 1);
    globs[reg["id"]] = reg["registerOptions"]["watchers"][0]["globPattern"];
  }
  CHECK(globs["pulumi-token-lsp-project-config"] == "**/.pulumi-token-lsp.json");
  CHECK(globs["pulumi-token-lsp-workspace-files"] == "**/*");  // workspace diagnostics follow every file
}

TEST_CASE("a config file with problems is shown once as a warning and the rest of it applies") {
  ptl::testing::TempDir dir;
  const std::string token = make_token(45);
  const std::string root = make_repo(dir, R"({"ignore": [7, "generated/**"], "severity": "loud"})");
  Session s;
  initialize_with_folders(s, {root});
  auto shown = messages_of(s, "window/showMessage");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["params"]["type"] == 2);
  const std::string message = shown[0]["params"]["message"];
  CHECK(message.find(".pulumi-token-lsp.json: ignore[0]: expected a string (and 1 more") != std::string::npos);

  CHECK(diagnostics_on_open(s, root + "/generated/a.ts", token).empty());
  CHECK(diagnostics_on_open(s, root + "/b.ts", token)[0]["severity"] == 1);

  // Saved again with the same problems: not shown again; with other problems: shown.
  s.notify("textDocument/didSave", {{"textDocument", {{"uri", root + "/.pulumi-token-lsp.json"}}}});
  CHECK(messages_of(s, "window/showMessage").empty());
  dir.write("repo/.pulumi-token-lsp.json", "{ not json");
  s.notify("textDocument/didSave", {{"textDocument", {{"uri", root + "/.pulumi-token-lsp.json"}}}});
  REQUIRE(messages_of(s, "window/showMessage").size() == 1);
  CHECK(s.published().size() == 2);  // both documents republished, neither ignored now
  for (const json& p : s.published()) CHECK(p["diagnostics"].size() == 1);
}

TEST_CASE("a bad didChangeWatchedFiles is logged and changes nothing") {
  Session s;
  s.initialize();
  s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"type", 1}}}}});
  CHECK(s.sink.sent.empty());
  s.notify("workspace/didChangeWatchedFiles", {{"changes", "x"}});
  CHECK(s.sink.sent.empty());
}

namespace {

json find_diagnostic(const json& published, int line) {
  for (const json& d : published["diagnostics"])
    if (d["range"]["start"]["line"] == line) return d;
  FAIL("no diagnostic on line " << line);
  return {};
}

// Initializes with the repository as the workspace folder, opens `docs` before `initialized`
// (so the history arrives after they were published), then sends `initialized`.
void start_in(Session& s, const GitRepo& repo, const std::vector<std::pair<std::string, std::string>>& docs,
              json options = nullptr) {
  json params = {{"capabilities", json::object()},
                 {"workspaceFolders", {{{"uri", repo.uri()}, {"name", "repo"}}}}};
  // Open documents only, unless the test asks for workspace diagnostics.
  if (options.is_null()) options = json::object();
  if (!options.contains("workspaceDiagnostics")) options["workspaceDiagnostics"] = "off";
  params["initializationOptions"] = options;
  REQUIRE(s.request(1, "initialize", params).contains("result"));
  for (const auto& [name, text] : docs) s.open(repo.uri(name), "typescript", text);
  s.notify("initialized");
}

// Waits for the history and collects what the server then publishes.
std::vector<json> after_history(Session& s) {
  s.sink.sent.clear();
  s.server.wait_background_idle();
  s.server.flush();
  return s.published();
}

}  // namespace

TEST_CASE("a token already in git history says so: message, relatedInformation, data, hover, rotate first") {
  GitRepo repo;
  const std::string pushed = make_token(101), local = make_token(102), fresh = make_token(103);
  repo.write("b.ts", "// b\nconst b = \"" + pushed + "\";\n");
  const std::string first = repo.commit("one");
  repo.push();
  repo.write("gone.ts", "const g = \"" + local + "\";\n");
  const std::string second = repo.commit("two", "2026-03-02T12:00:00+00:00");
  std::filesystem::remove(repo.root / "gone.ts");
  repo.commit("three", "2026-03-03T12:00:00+00:00");  // removed: still in the history

  Session s;
  const std::string text = "const a = \"" + pushed + "\";\nconst l = \"" + local + "\";\nconst f = \"" + fresh + "\";\n";
  start_in(s, repo, {{"a.ts", text}, {"other.ts", "const o = \"" + fresh + "\";\n"}});
  const std::vector<json> pub = after_history(s);
  REQUIRE(pub.size() == 1);  // other.ts holds no committed token: not published again
  CHECK(pub[0]["uri"] == repo.uri("a.ts"));
  for (const json& p : pub) CHECK(p.dump().find(pushed) == std::string::npos);

  const json d0 = find_diagnostic(pub[0], 0);
  const std::string m0 = d0["message"];
  CAPTURE(m0);
  CHECK(d0["severity"] == 1);
  CHECK(m0.find("already committed in " + first.substr(0, 12) + " on 2026-03-01, pushed to origin/main") !=
        std::string::npos);
  CHECK(m0.find("does not take it out of the git history; rotate it") != std::string::npos);
  CHECK(m0.find(pushed.substr(0, 8) + "\xE2\x80\xA6") != std::string::npos);
  REQUIRE(d0["relatedInformation"].size() == 1);
  CHECK(d0["relatedInformation"][0]["location"]["uri"] == repo.uri("b.ts"));
  CHECK(d0["relatedInformation"][0]["location"]["range"]["start"] == pos(1, 0));
  CHECK(d0["relatedInformation"][0]["message"].get<std::string>().find("b.ts") != std::string::npos);
  const json& c0 = d0["data"]["committed"];
  CHECK(c0["commit"] == first);
  CHECK(c0["date"] == "2026-03-01T12:00:00+00:00");
  CHECK(c0["path"] == "b.ts");
  CHECK(c0["line"] == 2);
  CHECK(c0["pushed"] == true);
  CHECK(c0["pushedTo"] == json::array({"origin/main"}));
  CHECK(d0["data"]["offset"] == 11);

  // Committed in a file the work tree no longer has, never pushed: the place is the finding.
  const json d1 = find_diagnostic(pub[0], 1);
  CHECK(d1["message"].get<std::string>().find("already committed in " + second.substr(0, 12) + " on 2026-03-02, not pushed") !=
        std::string::npos);
  CHECK(d1["relatedInformation"][0]["location"]["uri"] == repo.uri("a.ts"));
  CHECK(d1["relatedInformation"][0]["location"]["range"]["start"] == pos(1, 11));
  CHECK(d1["relatedInformation"][0]["message"].get<std::string>().find("gone.ts, a file the work tree no longer has") !=
        std::string::npos);
  CHECK(d1["data"]["committed"]["pushed"] == false);

  // Never committed: the usual diagnostic.
  const json d2 = find_diagnostic(pub[0], 2);
  CHECK(d2["message"].get<std::string>().find("committed") == std::string::npos);
  CHECK_FALSE(d2.contains("relatedInformation"));
  CHECK_FALSE(d2["data"].contains("committed"));

  SUBCASE("the hover names the commit and says removing the text is not enough") {
    const json h = s.request(2, "textDocument/hover", {{"textDocument", {{"uri", repo.uri("a.ts")}}}, {"position", pos(0, 14)}});
    const std::string md = h["result"]["contents"]["value"];
    CAPTURE(md);
    CHECK(md.find("Already in git history") != std::string::npos);
    CHECK(md.find(first.substr(0, 12) + " on 2026-03-01, pushed to origin/main") != std::string::npos);
    CHECK(md.find("Removing it from this file is not enough") != std::string::npos);
    CHECK(md.find(ptl::server::kCommittedReadmeUrl) != std::string::npos);
    CHECK(md.find("/account/tokens") != std::string::npos);
    CHECK(md.find(pushed) == std::string::npos);
    const json fresh_hover =
        s.request(3, "textDocument/hover", {{"textDocument", {{"uri", repo.uri("a.ts")}}}, {"position", pos(2, 14)}});
    CHECK(fresh_hover["result"]["contents"]["value"].get<std::string>().find("git history") == std::string::npos);
  }
  SUBCASE("the rotate action comes first and is preferred; the rewrites follow") {
    auto actions_at = [&](int id, int line) {
      return s.request(id, "textDocument/codeAction",
                       {{"textDocument", {{"uri", repo.uri("a.ts")}}},
                        {"range", {{"start", pos(line, 14)}, {"end", pos(line, 14)}}},
                        {"context", {{"diagnostics", json::array()}, {"only", {"quickfix"}}}}})["result"];
    };
    const json committed = actions_at(4, 0);
    REQUIRE(committed.size() >= 2);
    CHECK(committed[0]["command"]["command"] == "pulumi-token-lsp.rotateToken");
    CHECK(committed[0]["isPreferred"] == true);
    CHECK(committed[0]["diagnostics"][0]["data"]["committed"]["commit"] == first);
    for (std::size_t i = 1; i < committed.size(); ++i) {
      CAPTURE(i);
      CHECK_FALSE(committed[i].contains("isPreferred"));
      CHECK(committed[i].contains("edit"));
      CHECK(committed[i]["diagnostics"][0]["data"]["committed"]["commit"] == first);
    }
    const json plain = actions_at(5, 2);
    REQUIRE(plain.size() >= 2);
    CHECK(plain.back()["command"]["command"] == "pulumi-token-lsp.rotateToken");
    CHECK_FALSE(plain.back().contains("isPreferred"));
    CHECK(plain[0]["isPreferred"] == true);
    CHECK(plain[0].contains("edit"));
  }
  SUBCASE("a document opened after the history arrived is published with it at once") {
    s.open(repo.uri("c.ts"), "typescript", "const c = \"" + local + "\";\n");
    REQUIRE(s.published().size() == 1);
    CHECK(s.published()[0]["diagnostics"][0]["data"]["committed"]["commit"] == second);
  }
  SUBCASE("a commit reported through .git/logs/HEAD reads the history again and the new token turns committed") {
    repo.write("a.ts", text);
    const std::string fourth = repo.commit("four", "2026-03-04T12:00:00+00:00");
    s.notify("workspace/didChangeWatchedFiles",
             {{"changes", {{{"uri", repo.uri(".git/logs/HEAD")}, {"type", 2}}}}});
    const std::vector<json> again = after_history(s);
    REQUIRE(again.size() == 2);  // a.ts and other.ts both hold the token just committed
    for (const json& p : again) {
      const json d = find_diagnostic(p, p["uri"] == repo.uri("a.ts") ? 2 : 0);
      CHECK(d["data"]["committed"]["commit"] == fourth);
      CHECK(d["data"]["committed"]["pushed"] == false);
    }
  }
  SUBCASE("a repository deleted meanwhile keeps the history last read, and the server keeps serving") {
    std::filesystem::remove_all(repo.root / ".git");
    s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", repo.uri(".git/logs/HEAD")}, {"type", 2}}}}});
    CHECK(after_history(s).empty());  // what was pushed is still out there
    const json h = s.request(6, "textDocument/hover", {{"textDocument", {{"uri", repo.uri("a.ts")}}}, {"position", pos(0, 14)}});
    CHECK(h["result"]["contents"]["value"].get<std::string>().find("Already in git history") != std::string::npos);
  }
}

TEST_CASE("with historyCheck false the history is not read and nothing is marked committed") {
  GitRepo repo;
  const std::string tok = make_token(111);
  repo.write("a.ts", "const a = \"" + tok + "\";\n");
  repo.commit("one");
  Session s;
  start_in(s, repo, {{"a.ts", "const a = \"" + tok + "\";\n"}}, {{"historyCheck", false}});
  CHECK(after_history(s).empty());
  s.open(repo.uri("b.ts"), "typescript", "const b = \"" + tok + "\";\n");
  REQUIRE(s.published().size() == 1);
  CHECK(s.published()[0]["diagnostics"][0]["message"].get<std::string>().find("committed") == std::string::npos);
  SUBCASE("turned on later, it reads the history then") {
    s.notify("workspace/didChangeConfiguration", {{"settings", {{"pulumiTokenLsp", {{"historyCheck", true}}}}}});
    const std::vector<json> pub = after_history(s);
    REQUIRE(pub.size() == 2);
    for (const json& p : pub) CHECK(p["diagnostics"][0]["data"].contains("committed"));
  }
}

TEST_CASE("a workspace folder outside any git repository gets no history check and no error") {
  ptl::testing::TempDir dir;
  Session s;
  REQUIRE(s.request(1, "initialize", {{"capabilities", json::object()},
                                      {"workspaceFolders", {{{"uri", dir.uri("")}, {"name", "plain"}}}}})
              .contains("result"));
  s.notify("initialized");
  s.open(dir.uri("a.ts"), "typescript", "const a = \"" + make_token(121) + "\";\n");
  CHECK(after_history(s).empty());
  CHECK(s.request(2, "shutdown", nullptr)["result"].is_null());
}

TEST_CASE("a workspace file that is not open says its token is committed, as an open one does") {
  GitRepo repo;
  const std::string pushed = make_token(141), fresh = make_token(142);
  repo.write("b.ts", "// b\nconst b = \"" + pushed + "\";\n");
  const std::string first = repo.commit("one");
  repo.push();
  repo.write("c.ts", "const c = \"" + fresh + "\";\n");  // not committed

  Session s;
  start_in(s, repo, {}, {{"workspaceDiagnostics", "on"}});
  s.server.wait_background_idle();
  s.server.flush();
  // The scan and the history arrive in either order; the last publication of each file counts.
  std::map<std::string, json> last;
  for (const json& p : s.published()) last[p["uri"]] = p;
  REQUIRE(last.count(repo.uri("b.ts")) == 1);
  REQUIRE(last.count(repo.uri("c.ts")) == 1);
  const json b = find_diagnostic(last[repo.uri("b.ts")], 1);
  const std::string message = b["message"];
  CAPTURE(message);
  CHECK(message.find("already committed in " + first.substr(0, 12) + " on 2026-03-01, pushed to origin/main") !=
        std::string::npos);
  CHECK(b["data"]["committed"]["commit"] == first);
  // The commit has the token in this very file: relatedInformation points at the finding.
  CHECK(b["relatedInformation"][0]["location"]["uri"] == repo.uri("b.ts"));
  const json c = find_diagnostic(last[repo.uri("c.ts")], 0);
  CHECK_FALSE(c["data"].contains("committed"));
  CHECK(c["message"].get<std::string>().find("already committed") == std::string::npos);
  for (const json& p : s.published()) CHECK(p.dump().find(pushed) == std::string::npos);

  // A commit of c.ts, reported as the watcher reports it, marks it too, unopened.
  const std::string second = repo.commit("two", "2026-03-02T12:00:00+00:00");
  s.sink.sent.clear();
  s.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", repo.uri(".git/logs/HEAD")}, {"type", 2}}}}});
  s.server.wait_background_idle();
  s.server.flush();
  last.clear();
  for (const json& p : s.published()) last[p["uri"]] = p;
  REQUIRE(last.count(repo.uri("c.ts")) == 1);
  const json c2 = find_diagnostic(last[repo.uri("c.ts")], 0);
  CHECK(c2["data"]["committed"]["commit"] == second);
  CHECK(c2["data"]["committed"]["pushed"] == false);
  CHECK(s.request(2, "shutdown", nullptr)["result"].is_null());
}

TEST_CASE("a pulling client is asked to pull again when the history arrives, and pulls the committed note") {
  GitRepo repo;
  const std::string tok = make_token(131);
  repo.write("a.ts", "const a = \"" + tok + "\";\n");
  const std::string id = repo.commit("one");
  Session s;
  const json caps = {{"textDocument", {{"diagnostic", json::object()}}},
                     {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}};
  REQUIRE(s.request(1, "initialize",
                    {{"capabilities", caps},
                     {"workspaceFolders", {{{"uri", repo.uri()}, {"name", "r"}}}},
                     {"initializationOptions", {{"workspaceDiagnostics", "off"}}}})
              .contains("result"));
  s.open(repo.uri("a.ts"), "typescript", "const a = \"" + tok + "\";\n");
  const json before = s.request(2, "textDocument/diagnostic", {{"textDocument", {{"uri", repo.uri("a.ts")}}}});
  CHECK_FALSE(before["result"]["items"][0]["data"].contains("committed"));
  s.notify("initialized");
  s.sink.sent.clear();
  s.server.wait_background_idle();
  s.server.flush();
  REQUIRE(s.sink.sent.size() == 1);
  CHECK(s.sink.sent[0]["method"] == "workspace/diagnostic/refresh");
  const json after = s.request(3, "textDocument/diagnostic",
                               {{"textDocument", {{"uri", repo.uri("a.ts")}}},
                                {"previousResultId", before["result"]["resultId"]}});
  REQUIRE(after["result"]["kind"] == "full");
  CHECK(after["result"]["items"][0]["data"]["committed"]["commit"] == id);
}

namespace {

// Runs the server's posted work until a message with `method` was sent (the rotation flow asks
// from its own thread); empty when none came within ~5 s.
json await_message(Session& s, const std::string& method) {
  for (int i = 0; i < 500; ++i) {
    s.server.drain_background();
    s.server.flush();
    for (const json& m : s.sink.sent)
      if (m.value("method", "") == method) return m;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return {};
}

}  // namespace

TEST_CASE("the rotate action starts the guided rotation: the store is asked for, one rotation at a time, Cancel "
          "changes nothing, and shutdown ends one that waits") {
  Session s;
  s.initialize({{"workspace", {{"applyEdit", true}}}}, {{"workspaceDiagnostics", "off"}, {"historyCheck", false}});
  const std::string tok = make_token(151);
  s.open("file:///w/a.ts", "typescript", "const a = \"" + tok + "\";\n");
  const json actions = s.request(2, "textDocument/codeAction",
                                 {{"textDocument", {{"uri", "file:///w/a.ts"}}},
                                  {"range", {{"start", pos(0, 12)}, {"end", pos(0, 12)}}},
                                  {"context", {{"diagnostics", json::array()}}}});
  json rotate;
  for (const json& a : actions["result"])
    if (a.contains("command") && a["command"]["command"] == "pulumi-token-lsp.rotateToken") rotate = a["command"];
  REQUIRE(rotate.is_object());
  CHECK(rotate["arguments"] == json::array({{{"uri", "file:///w/a.ts"}, {"offset", 11}}}));

  // The first question: where to store the new token.
  CHECK(s.request(3, "workspace/executeCommand", rotate)["result"].is_null());
  json ask = await_message(s, "window/showMessageRequest");
  REQUIRE(ask.is_object());
  CHECK(ask["params"]["message"].get<std::string>().find(tok.substr(0, 8) + "\xE2\x80\xA6") != std::string::npos);
  CHECK(ask["params"]["actions"].size() == 3);
  CHECK(ask["params"]["actions"][0]["title"].get<std::string>().find("HashiCorp Vault (secret/pulumi") == 0);
  CHECK(ask.dump().find(tok) == std::string::npos);
  // One at a time.
  CHECK(s.request(4, "workspace/executeCommand", rotate)["error"]["message"] == "a rotation is already running");
  // Dismissed: nothing changes, and the user is told.
  s.send({{"jsonrpc", "2.0"}, {"id", ask["id"]}, {"result", nullptr}});
  const json told = await_message(s, "window/showMessage");
  REQUIRE(told.is_object());
  CHECK(told["params"]["message"] == "Rotation cancelled: nothing was changed.");

  // Another one, left waiting: shutdown ends it (the server's destructor would otherwise wait).
  CHECK(s.request(5, "workspace/executeCommand", rotate)["result"].is_null());
  REQUIRE(await_message(s, "window/showMessageRequest").is_object());
  CHECK(s.request(6, "shutdown", nullptr)["result"].is_null());
  const json ended = await_message(s, "window/showMessage");
  REQUIRE(ended.is_object());
  CHECK(ended["params"]["message"] == "Rotation cancelled: nothing was changed.");
}

TEST_CASE("executeCommand of the check and rotate commands: bad arguments and verify off are refused") {
  Session s;
  s.initialize();
  s.open("file:///w/a.ts", "typescript", "const a = \"" + make_token(152) + "\";\n");
  const json check = {{"command", "pulumi-token-lsp.checkToken"}, {"arguments", {{{"uri", "file:///w/a.ts"}, {"offset", 11}}}}};
  CHECK(s.request(2, "workspace/executeCommand", check)["error"]["code"] == -32600);  // verify is off
  const json moved = {{"command", "pulumi-token-lsp.rotateToken"}, {"arguments", {{{"uri", "file:///w/a.ts"}, {"offset", 3}}}}};
  CHECK(s.request(3, "workspace/executeCommand", moved)["error"]["code"] == -32801);  // no token there
  const json closed = {{"command", "pulumi-token-lsp.rotateToken"}, {"arguments", {{{"uri", "file:///w/b.ts"}, {"offset", 11}}}}};
  CHECK(s.request(4, "workspace/executeCommand", closed)["error"]["code"] == -32602);
  const json bad = {{"command", "pulumi-token-lsp.rotateToken"}, {"arguments", {"file:///w/a.ts"}}};
  CHECK(s.request(5, "workspace/executeCommand", bad)["error"]["code"] == -32602);
}
