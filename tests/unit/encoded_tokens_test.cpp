#include "detectors/encoded_tokens.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "detectors/pulumi_token_detector.h"
#include "test_encodings.h"
#include "test_tokens.h"

using ptl::detectors::describe_encoding;
using ptl::detectors::EncodedFinding;
using ptl::detectors::EncodedScanStats;
using ptl::detectors::EncodedTokenFinder;
using ptl::detectors::Encoding;
using ptl::detectors::PulumiTokenDetector;
using ptl::testing::b64;
using ptl::testing::json_escape;
using ptl::testing::make_pul;
using ptl::testing::percent;
using ptl::testing::make_token;

namespace {

const PulumiTokenDetector& detector() {
  static const PulumiTokenDetector instance;
  return instance;
}

std::vector<EncodedFinding> find_encoded(const std::string& text, EncodedScanStats* stats = nullptr) {
  static const EncodedTokenFinder finder(detector());
  std::vector<EncodedFinding> out;
  finder.find(text, out, stats);
  return out;
}

}  // namespace

TEST_CASE("encoded tokens: base64 of a token is found at each byte alignment, padded or not, in either alphabet") {
  const std::string token = make_token(11);
  for (const std::string prefix : {"", "T=", "TK=", "key: "}) {
    for (const std::string suffix : {"", "\n", "!", "\nnext"}) {
      for (const bool url : {false, true}) {
        for (const bool pad : {false, true}) {
          const std::string encoded = b64(prefix + token + suffix, url, pad);
          const std::string text = "data:\n  token: " + encoded + "\n";
          CAPTURE(prefix);
          CAPTURE(suffix);
          CAPTURE(url);
          CAPTURE(pad);
          const auto found = find_encoded(text);
          REQUIRE(found.size() == 1);
          CHECK(found[0].token == token);
          CHECK_FALSE(found[0].placeholder);
          CHECK(found[0].layers.size() == 1);
          // The smallest whole quads: [the quad holding "p", the quad holding the last digit].
          const std::size_t start = text.find(encoded);
          const std::size_t first_quad = prefix.size() / 3, end_quad = (prefix.size() + token.size() + 2) / 3;
          CHECK(found[0].begin == start + 4 * first_quad);
          const std::size_t alpha_end = start + std::min(encoded.find('='), encoded.size());
          const std::size_t end = start + 4 * end_quad;
          CHECK(found[0].end == (end >= alpha_end ? start + encoded.size() : end));
        }
      }
    }
  }
}

TEST_CASE("encoded tokens: the encoding is named: base64 unless the run uses the URL-safe characters only") {
  // "?" "?>" encodes to characters 62/63, so the alphabets differ in the run.
  const std::string token = make_token(12);
  const std::string plain = b64(std::string("?") + "?>" + token);
  const std::string url = b64(std::string("?") + "?>" + token, true);
  REQUIRE(plain != url);
  CHECK(find_encoded("x: " + plain).at(0).layers == std::vector{Encoding::Base64});
  CHECK(find_encoded("x: " + url).at(0).layers == std::vector{Encoding::Base64Url});
  CHECK(describe_encoding({Encoding::Base64, Encoding::JsonEscape}) == "base64 > json-escape");
}

TEST_CASE("encoded tokens: a Kubernetes Secret, a .dockerconfigjson and an env file") {
  const std::string token = make_token(13);
  SUBCASE("Secret.data") {
    const std::string value = b64(token);
    const std::string yaml = "apiVersion: v1\nkind: Secret\ndata: {token: " + value + "}\n";
    const auto found = find_encoded(yaml);
    REQUIRE(found.size() == 1);
    CHECK(found[0].begin == yaml.find(value));
    CHECK(found[0].end == yaml.find(value) + value.size());
  }
  SUBCASE(".dockerconfigjson: base64 of JSON whose auth is base64 of user:token") {
    const std::string auth = b64("ci-user:" + token);
    const std::string config = b64("{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"}}}");
    const std::string yaml = "type: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: " + config + "\n";
    const auto found = find_encoded(yaml);
    REQUIRE(found.size() == 1);
    CHECK(found[0].token == token);
    CHECK(found[0].layers == std::vector{Encoding::Base64, Encoding::Base64});
    CHECK(found[0].begin > yaml.find(config));
    CHECK(found[0].end <= yaml.find(config) + config.size());
    CHECK((found[0].end - found[0].begin) % 4 == 0);
  }
  SUBCASE("an env file") {
    const std::string value = b64(token, false, false);
    const std::string env = "A=1\nPULUMI_ACCESS_TOKEN_B64=" + value + "\nB=2\n";
    const auto found = find_encoded(env);
    REQUIRE(found.size() == 1);
    CHECK(found[0].begin == env.find(value));
  }
}

TEST_CASE("encoded tokens: JSON and JavaScript escapes hide a token: \\u0070, \\u002d, hex digits as \\u00XX") {
  const std::string token = make_token(14);
  struct Row {
    const char* name;
    std::string escaped;
  };
  const Row rows[] = {
      {"p escaped", json_escape(token.substr(0, 1), "p") + token.substr(1)},
      {"dash escaped", "pul" + json_escape("-", "-") + token.substr(4)},
      {"every character", json_escape(token, token)},
      {"one hex digit", token.substr(0, 20) + json_escape(token.substr(20, 1), token.substr(20, 1)) + token.substr(21)},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.name));
    const std::string text = "{\"note\":\"x\\/y\",\"token\":\"" + row.escaped + "\"}";
    const auto found = find_encoded(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].token == token);
    CHECK(found[0].layers == std::vector{Encoding::JsonEscape});
    CHECK(found[0].begin == text.find(row.escaped));
    CHECK(found[0].end == text.find(row.escaped) + row.escaped.size());
  }
}

TEST_CASE("encoded tokens: a token the plain detector finds is not reported again, even beside escapes") {
  const std::string token = make_token(15);
  for (const std::string& text : {"\"a\\nb\\u0041 " + token + "\"", "{\"t\":\"\\n" + token + "\\u0041\"}",
                                 "\"\\t" + token + "\\/\"", "https://x.example/?t=" + token + "&u=%41"}) {
    CAPTURE(text.size());
    CHECK(find_encoded(text).empty());
  }
}

TEST_CASE("encoded tokens: an escape that is a boundary only after decoding: \\u000a right before the token") {
  const std::string token = make_token(16);
  const std::string text = "\"\\u000a" + token + "\"";
  const auto found = find_encoded(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].begin == text.find(token));
  CHECK(found[0].end == text.find(token) + token.size());
}

TEST_CASE("encoded tokens: percent-encoding in a URL: %70ul-, pul%2D, every character") {
  const std::string token = make_token(17);
  for (const std::string& encoded :
       {percent(token.substr(0, 1), "p") + token.substr(1), "pul" + percent("-", "-") + token.substr(4),
        percent(token, token)}) {
    CAPTURE(encoded);
    const std::string text = "curl 'https://api.example.com/hook?token=" + encoded + "&x=1'";
    const auto found = find_encoded(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].token == token);
    CHECK(found[0].layers == std::vector{Encoding::PercentEncoding});
    CHECK(found[0].begin == text.find(encoded));
    CHECK(found[0].end == text.find(encoded) + encoded.size());
  }
}

TEST_CASE("encoded tokens: nested encodings up to two layers") {
  const std::string token = make_token(18);
  struct Row {
    const char* name;
    std::string text;
    std::vector<Encoding> layers;
  };
  const Row rows[] = {
      {"base64 of JSON with an escaped token",
       "v: " + b64("{\"t\":\"" + json_escape(token, "p-") + "\"}"),
       {Encoding::Base64, Encoding::JsonEscape}},
      {"base64 of base64", "v: " + b64("x=" + b64(token)), {Encoding::Base64, Encoding::Base64}},
      {"JSON-escaped base64 (\\/ inside)",
       "{\"v\":\"" + [&] {
         // Bytes FF F0 before the token make its first quad "//Bw": JSON escapes those slashes as
         // "\/\/Bw", and the base64 run outside the string breaks inside that quad.
         const std::string e = b64("\xff\xf0" + token);
         std::string out;
         for (char c : e) out += c == '/' ? std::string("\\/") : std::string(1, c);
         return out;
       }() + "\"}",
       {Encoding::JsonEscape, Encoding::Base64}},
      {"percent-encoded base64 in a URL", "https://x.example/?a=" + percent(b64("k=" + token + "?"), "+/="),
       {Encoding::Base64}},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.name));
    const auto found = find_encoded(row.text);
    for (const auto& f : found) CAPTURE(describe_encoding(f.layers));
    REQUIRE(found.size() == 1);
    CHECK(found[0].token == token);
    CHECK(describe_encoding(found[0].layers) == describe_encoding(row.layers));
  }
  SUBCASE("three layers are past the limit") {
    CHECK(find_encoded("v: " + b64(b64(b64(token)))).empty());
  }
}

TEST_CASE("encoded tokens: near misses stay quiet when encoded: 39 and 41 digits, uppercase, glued words") {
  const std::string token = make_token(19);
  std::string upper = token;
  for (std::size_t i = 4; i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
  const std::string misses[] = {token.substr(0, 43), token + "a", upper, "x" + token, token + "_",
                                make_pul(token.substr(4, 39))};
  for (const std::string& miss : misses) {
    CAPTURE(miss.size());
    CHECK(find_encoded("v: " + b64(miss)).empty());
    CHECK(find_encoded("v: " + b64(" " + miss + " ")).empty());
    CHECK(find_encoded("\"" + json_escape(miss, "p-") + "\"").empty());
    CHECK(find_encoded("?t=" + percent(miss, "p-")).empty());
  }
}

TEST_CASE("encoded tokens: placeholders are marked, and two tokens in one run have distinct spans") {
  const std::string a = make_token(20), b = make_token(21);
  const std::string placeholder = make_pul(std::string(40, '0'));
  const auto found = find_encoded("v: " + b64(a + "\n" + placeholder + "\n" + b));
  REQUIRE(found.size() == 3);
  CHECK(found[0].token == a);
  CHECK(found[1].placeholder);
  CHECK(found[2].token == b);
  CHECK(found[0].end <= found[1].begin);
  CHECK(found[1].end <= found[2].begin);
}

TEST_CASE("encoded tokens: find(text, from, to) reports the spans that begin in the range") {
  const std::string token = make_token(22);
  const std::string line1 = "a: " + b64(token) + "\n", line2 = "b: " + b64(" " + token) + "\n";
  const std::string text = line1 + line2;
  static const EncodedTokenFinder finder(detector());
  std::vector<EncodedFinding> out;
  finder.find(text, line1.size(), text.size(), out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].begin > line1.size());
}

TEST_CASE("encoded tokens: adversarial input is decoded in linear time: counted work, not timed") {
  SUBCASE("10 MB of base64 characters with prefilter hits at every phase") {
    std::string text;
    const std::string unit = "cHVsLB1bCwdWwtXHUwM";  // hits of all three alignments, odd length
    while (text.size() < (10u << 20)) text += unit;
    EncodedScanStats stats;
    CHECK(find_encoded(text, &stats).empty());
    CAPTURE(stats.decoded_bytes);
    CAPTURE(stats.scanned_bytes);
    // Four phases of 3/4 of the run, then the escapes and base64 in those bytes once more.
    CHECK(stats.decoded_bytes <= 4 * text.size());
    CHECK(stats.scanned_bytes <= 5 * text.size());
  }
  SUBCASE("a long run of \\u0070") {
    std::string text = "\"";
    while (text.size() < (10u << 20)) text += "\\u0070";
    text += "ul-\"";
    EncodedScanStats stats;
    CHECK(find_encoded(text, &stats).empty());
    CHECK(stats.runs == 1);
    CHECK(stats.decoded_bytes <= text.size());
    CHECK(stats.scanned_bytes <= 2 * text.size());
  }
  SUBCASE("many short escape and percent runs") {
    std::string text;
    while (text.size() < (4u << 20)) text += "\\u0070%70 ";
    EncodedScanStats stats;
    CHECK(find_encoded(text, &stats).empty());
    CHECK(stats.decoded_bytes <= text.size());
  }
}

TEST_CASE("encoded tokens: finding_at decodes exactly the finding find() reports at a span, from its stretch alone") {
  static const EncodedTokenFinder finder(detector());
  const std::string a = make_token(71), b = make_token(72);
  const std::vector<std::string> texts = {
      "data:\n  token: " + b64("PULUMI_ACCESS_TOKEN=" + a) + "\n  other: " + b64(b) + "\n",
      "{\"auths\":{\"r\":{\"auth\":\"" + b64("user:" + b64(a)) + "\"}}} " + json_escape(b, "p-"),
      // The run starts at an escape before the span: the stretch, not the span, must be decoded.
      "url=https://x.example/?t=" + percent("-", "-") + percent(a, "-") + "&u=" + percent(b, b),
      "x \"" + json_escape("\"", "\"") + "pul" + json_escape("-", "-") + a.substr(4) + "\", " + b64(a, true, false),
  };
  for (const std::string& text : texts) {
    CAPTURE(text.size());
    const auto found = find_encoded(text);
    CHECK(found.size() == 2);
    for (const EncodedFinding& f : found) {
      const auto again = finder.finding_at(text, f.begin, f.end);
      REQUIRE(again.has_value());
      CHECK(again->token == f.token);
      CHECK(again->layers == f.layers);
      CHECK(again->begin == f.begin);
      CHECK(again->end == f.end);
      // From the stretch between separators only, as the server passes it.
      std::size_t s = f.begin, e = f.end;
      while (s > 0 && !EncodedTokenFinder::separates_runs(text[s - 1])) --s;
      while (e < text.size() && !EncodedTokenFinder::separates_runs(text[e])) ++e;
      const auto from_stretch = finder.finding_at(std::string_view(text).substr(s, e - s), f.begin - s, f.end - s);
      REQUIRE(from_stretch.has_value());
      CHECK(from_stretch->token == f.token);
      // A span that is not a finding's gives nothing.
      CHECK_FALSE(finder.finding_at(text, f.begin + 1, f.end).has_value());
      CHECK_FALSE(finder.finding_at(text, f.begin, f.end - 1).has_value());
    }
  }
}
