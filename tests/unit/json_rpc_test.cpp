#include "protocol/json_rpc.h"
#include "protocol/utf8_repair.h"

#include <string>

#include <doctest/doctest.h>

namespace {

using ptl::protocol::classify;
using ptl::protocol::json;

// A didOpen body whose text member is the JSON literal `text_literal` (already quoted/escaped).
std::string did_open_with(const std::string& text_literal, const std::string& extra = "") {
  return R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.ts",)"
         R"("languageId":"typescript","version":1,"text":)" +
         text_literal + "}" + extra + "}}";
}

// What plain nlohmann makes of the body (the definition the fast path must agree with).
json reference(const std::string& body) { return json::parse(body, nullptr, false); }

}  // namespace

TEST_CASE("large string values are decoded exactly as nlohmann decodes them") {
  std::string filler(100000, 'a');
  const char* const kPieces[] = {
      R"(plain)",      R"(\n\r\t\b\f\/\\\")", R"(\u0000\u001f)", R"(\u00e9\u20ac)", R"(\ud83d\ude00)",
      "\xC3\xA9",      "\xE2\x82\xAC",        "\xF0\x9F\x98\x80", R"(\uD83D\uDE00 upper hex)",
  };
  for (const char* piece : kPieces) {
    for (std::size_t at : {std::size_t{0}, std::size_t{15}, std::size_t{16}, std::size_t{99990}}) {
      std::string content = filler;
      content.insert(at, piece);
      std::string body = did_open_with("\"" + content + "\"");
      CAPTURE(piece);
      CAPTURE(at);
      auto c = classify(std::string(body));
      REQUIRE(c.message);
      CHECK(c.message->params == reference(body)["params"]);
    }
  }
}

TEST_CASE("large strings that nlohmann rejects are still rejected, with the ordinary errors") {
  std::string filler(100000, 'a');
  const char* const kBad[] = {"\x01", R"(\x)", R"(\u12g)", R"(\udc00)", R"(\ud800x)", R"(\ud800\u0041)", "\xC0\xAF",
                              "\xED\xA0\x80", "\xF5\x80\x80\x80"};
  for (const char* bad : kBad) {
    std::string content = filler;
    content.insert(500, bad);
    std::string body = did_open_with("\"" + content + "\"");
    std::string shown = bad;
    CAPTURE(shown);
    CHECK(reference(body).is_discarded() == true);
    auto c = classify(std::string(body));
    bool invalid_utf8 = static_cast<unsigned char>(bad[0]) >= 0x80;
    if (invalid_utf8) {
      CHECK(c.repaired_utf8);  // like any body with bad bytes: repaired, then parsed
      REQUIRE(c.message);
    } else {
      REQUIRE(c.error);
      CHECK(c.error->code == ptl::protocol::ErrorCode::ParseError);
    }
  }
}

TEST_CASE("a later duplicate key overrides a large string as it does in nlohmann") {
  std::string big = "\"" + std::string(100000, 'b') + "\"";
  const std::string kBodies[] = {
      did_open_with(big, R"(,"textDocument":{"uri":"x","languageId":"y","version":2,"text":"small"})"),
      R"({"jsonrpc":"2.0","method":"m","params":{"a":)" + big + R"(,"a":""}})",
      R"({"jsonrpc":"2.0","method":"m","params":{"a":)" + big + R"(,"\u0061":1}})",
      R"({"jsonrpc":"2.0","method":"m","params":{"list":[1,)" + big + R"(,{"k":)" + big + R"(}]}})",
      R"({"jsonrpc":"2.0","method":"m","params":{"a":)" + big + R"(,"b":[)" + big + "]}}",
  };
  for (const std::string& body : kBodies) {
    CAPTURE(body.substr(body.size() - 60));
    auto c = classify(std::string(body));
    REQUIRE(c.message);
    CHECK(c.message->params == reference(body)["params"]);
  }
}

TEST_CASE("malformed large bodies get the same verdict as before") {
  std::string big = "\"" + std::string(100000, 'c') + "\"";
  const std::string kBodies[] = {
      R"({"jsonrpc":"2.0","method":"m","params":{"a":)" + big + "}",          // unclosed
      R"({"jsonrpc":"2.0","method":"m","params":{"a":)" + big + "]}}",        // wrong bracket
      R"({"jsonrpc":"2.0","method":"m","params":{"a":)" + big + ",}}",        // trailing comma
      R"({"jsonrpc":"2.0","method":"m","params":{"a" )" + big + "}}",         // missing colon
      R"({"jsonrpc":"2.0","method":"m","params":{"a":)" + big.substr(0, big.size() - 1),  // unterminated
  };
  for (const std::string& body : kBodies) {
    auto c = classify(std::string(body));
    CHECK(c.error);
    CHECK(reference(body).is_discarded());
  }
  std::string deep = R"({"jsonrpc":"2.0","method":"m","params":{"a":)" + big + ",\"d\":" + std::string(300, '[') +
                     std::string(300, ']') + "}}";
  auto c = classify(std::string(deep));
  REQUIRE(c.error);
  CHECK(c.error->message == "JSON nested deeper than 256 levels");
}

TEST_CASE("each invalid byte becomes one DEL, so it is one unit in UTF-8, UTF-16 and UTF-32") {
  using ptl::protocol::repair_utf8;
  // A lone continuation byte, a truncated 4-byte sequence, an overlong '/', a surrogate, a byte
  // above F4, then a valid two-byte character that must survive.
  CHECK(repair_utf8("a\x80z") == "a\x7Fz");
  CHECK(repair_utf8("\xF0\x9F\x98!") == "\x7F\x7F\x7F!");
  CHECK(repair_utf8("\xC0\xAF") == "\x7F\x7F");
  CHECK(repair_utf8("\xED\xA0\x80") == "\x7F\x7F\x7F");
  CHECK(repair_utf8("\xF5\xC3\xA9") == "\x7F\xC3\xA9");
  CHECK(repair_utf8("ok") == "ok");
  for (std::size_t size : {std::size_t{40}, std::size_t{100000}}) {  // ordinary and fast-path bodies
    std::string content(size, 'a');
    content.replace(size / 2, 3, "\xF0\x9F\x98");
    auto c = classify(did_open_with("\"" + content + "\""));
    REQUIRE(c.message);
    CHECK(c.repaired_utf8);
    std::string text = c.message->params["textDocument"]["text"];
    CHECK(text.size() == size);  // same length: every later byte offset is unchanged
    CHECK(text.substr(size / 2, 3) == "\x7F\x7F\x7F");
  }
}

TEST_CASE("an invalid byte outside a string, or after a backslash, is still a parse error") {
  for (const char* body : {"{\"jsonrpc\":\"2.0\",\xFF\"id\":1,\"method\":\"x\"}",
                           "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\\\xFF\"}"}) {
    auto c = classify(std::string(body));
    REQUIRE(c.error);
    CHECK(c.error->code == ptl::protocol::ErrorCode::ParseError);
  }
}
