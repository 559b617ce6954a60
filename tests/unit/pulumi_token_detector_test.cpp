#include "detectors/pulumi_token_detector.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "detectors/line_scan.h"
#include "detectors/placeholder.h"
#include "detectors/suppression.h"
#include "detectors/token_mask.h"
#include "test_tokens.h"

using ptl::detectors::PulumiTokenDetector;
using ptl::testing::make_pul;
using ptl::testing::make_token;

namespace {

std::vector<std::size_t> find_all(const std::string& text) {
  static PulumiTokenDetector detector;
  std::vector<std::size_t> out;
  detector.find(text, out);
  return out;
}

// Replaces every "@" in the template by the token.
std::string with_token(std::string tmpl, const std::string& token) {
  std::string out;
  for (char c : tmpl) {
    if (c == '@') out += token;
    else out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("the detector builds and reports ok") {
  PulumiTokenDetector d;
  CHECK(d.ok());
  CHECK(d.error().empty());
}

TEST_CASE("tokens are found in every context a user pastes them into") {
  const std::string tok = make_token(7);
  struct Row {
    const char* name;
    std::string tmpl;
  };
  const Row rows[] = {
      {"whole file", "@"},
      {"start of file", "@ trailing"},
      {"end of file", "leading @"},
      {"double-quoted string", "const t = \"@\";"},
      {"single-quoted string", "t = '@'"},
      {"comment", "# token: @\n"},
      {"url query string", "https://api.example.com/x?t=@&x=1"},
      {"json next to a \\n escape", "{\"note\": \"line\\n@\\nmore\"}"},
      {"json next to a \\t escape", "\"a\\t@\""},
      {"markdown table", "| dev | `@` |"},
      {"xml", "<token>@</token>"},
      {"shell heredoc", "cat <<EOF\n@\nEOF\n"},
      {"minified bundle", "var a=1;var t=\"@\";function f(){return t}"},
      {"crlf line", "x = 1\r\ny = \"@\"\r\n"},
      {"lone cr line", "x = 1\ry = @\r"},
      {"after utf-8 text", "caf\xC3\xA9 @"},
      {"after emoji", "\xF0\x9F\x98\x80@"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    std::string text = with_token(row.tmpl, tok);
    auto found = find_all(text);
    REQUIRE(found.size() == 1);
    CHECK(text.compare(found[0], PulumiTokenDetector::kTokenLength, tok) == 0);
  }
}

TEST_CASE("near misses are not tokens") {
  const std::string tok = make_token(9);
  const std::string hex = tok.substr(4);
  struct Row {
    const char* name;
    std::string text;
  };
  std::string upper = hex;
  for (char& c : upper)
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  if (upper == hex) upper[0] = 'A';
  const Row rows[] = {
      {"39 digits", make_pul(hex.substr(0, 39))},
      {"41 digits", make_pul(hex + "a")},
      {"uppercase hex", make_pul(upper)},
      {"letter glued before", "x" + tok},
      {"digit glued before", "7" + tok},
      {"underscore glued before", "_" + tok},
      {"letter glued after", tok + "g"},
      {"underscore glued after", tok + "_"},
      {"non-hex digit inside", make_pul(hex.substr(0, 20) + "g" + hex.substr(21))},
      {"wrong prefix", "pal-" + hex},
      {"uppercase prefix", "PUL-" + hex},
      {"split by a line break", make_pul(hex.substr(0, 20) + "\n" + hex.substr(20))},
      {"too short file", "pul-"},
      {"empty", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(find_all(row.text).empty());
  }
}

TEST_CASE("a token is found at every alignment of the vector prefilter") {
  const std::string tok = make_token(3);
  for (std::size_t pad = 0; pad < 200; ++pad) {
    CAPTURE(pad);
    std::string text(pad, ' ');
    text += tok;
    text += std::string(pad % 67, '.');
    auto found = find_all(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0] == pad);
  }
}

TEST_CASE("adjacent and many tokens are all found in order") {
  std::string text;
  std::vector<std::size_t> expected;
  for (std::uint32_t i = 0; i < 50; ++i) {
    expected.push_back(text.size());
    text += make_token(i);
    text += (i % 3 == 0) ? "," : (i % 3 == 1 ? " " : "\n");
  }
  CHECK(find_all(text) == expected);
}

TEST_CASE("find looks only at starts inside the range but reads boundaries outside it") {
  PulumiTokenDetector d;
  const std::string tok = make_token(4);
  std::string text = "ab" + tok + " " + tok;
  std::vector<std::size_t> out;
  d.find(text, 2, 3, out);  // "b" glued before the first token
  CHECK(out.empty());
  d.find(text, 3, text.size(), out);
  CHECK(out == std::vector<std::size_t>{3 + tok.size()});
}

TEST_CASE("placeholders follow the documented rules") {
  CHECK(ptl::detectors::is_placeholder_token(make_pul(std::string(40, '0'))));
  CHECK(ptl::detectors::is_placeholder_token(make_pul(std::string(40, 'f'))));
  std::string beef;
  for (int i = 0; i < 5; ++i) beef += "deadbeef";
  CHECK(ptl::detectors::is_placeholder_token(make_pul(beef)));
  std::string cycle;
  for (int i = 0; i < 40; ++i) cycle += "0123456789abcdef"[i % 16];
  CHECK(ptl::detectors::is_placeholder_token(make_pul(cycle)));
  std::string down;
  for (int i = 0; i < 40; ++i) down += "fedcba9876543210"[i % 16];
  CHECK(ptl::detectors::is_placeholder_token(make_pul(down)));
  CHECK(ptl::detectors::is_placeholder_token(make_pul("a" + std::string(38, '0') + "1")));
  for (std::uint32_t seed = 0; seed < 200; ++seed) {
    CAPTURE(seed);
    CHECK_FALSE(ptl::detectors::is_placeholder_token(make_token(seed)));
  }
}

TEST_CASE("the masked preview shows the prefix and four digits only") {
  std::string tok = make_token(5);
  std::string masked = ptl::detectors::mask_token(tok);
  CHECK(masked == tok.substr(0, 8) + "\xE2\x80\xA6");
  CHECK(masked.find(tok.substr(8, 4)) == std::string::npos);
  CHECK(ptl::detectors::mask_token("junk") == "pul-\xE2\x80\xA6");
}

TEST_CASE("ignore markers silence the line, or the next line, they are on") {
  PulumiTokenDetector d;
  const std::string tok = make_token(11);
  struct Row {
    const char* name;
    std::string text;
    std::size_t expected;
  };
  const Row rows[] = {
      {"own marker", "t = \"" + tok + "\"  # pulumi-token-lsp:ignore", 0},
      {"gitleaks", "t = \"" + tok + "\" // gitleaks:allow", 0},
      {"trufflehog", "t = \"" + tok + "\" # trufflehog:ignore", 0},
      {"detect-secrets", "t = \"" + tok + "\" # pragma: allowlist secret", 0},
      {"ggshield", "t = \"" + tok + "\" # ggignore", 0},
      {"secretlint line", "t = '" + tok + "' // secretlint-disable-line", 0},
      {"devskim", "t = '" + tok + "' // DevSkim: ignore DS117838", 0},
      {"detect-secrets next line", "# pragma: allowlist nextline secret\nt = \"" + tok + "\"", 0},
      {"secretlint next line crlf", "// secretlint-disable-next-line\r\nt = '" + tok + "'", 0},
      {"marker two lines up does not count", "# pragma: allowlist nextline secret\n\nt = \"" + tok + "\"", 1},
      {"marker on another line does not count", "# gitleaks:allow\nt = \"" + tok + "\"", 1},
      {"no marker", "t = \"" + tok + "\"", 1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    std::vector<ptl::detectors::Finding> out;
    ptl::detectors::scan_lines(d, row.text, 0, row.text.size(), out);
    CHECK(out.size() == row.expected);
  }
}
