#include "scan/ignore_pattern.h"

#include <doctest/doctest.h>

#include <string>

using ptl::scan::IgnorePattern;

namespace {

struct Row {
  const char* pattern;
  const char* path;
  bool ignored;
};

}  // namespace

TEST_CASE("ignore patterns match files as gitignore does") {
  const Row rows[] = {
      // No slash: at any depth, on any segment (so a directory of that name ignores its files).
      {"*.snap", "a.snap", true},
      {"*.snap", "src/__snapshots__/a.test.ts.snap", true},
      {"*.snap", "a.snap.ts", false},
      {"*.snap", "snap", false},
      {"generated", "generated", true},
      {"generated", "src/generated/client.ts", true},
      {"generated", "src/generated.ts", false},
      {"secret?.txt", "secret1.txt", true},
      {"secret?.txt", "secret.txt", false},
      {"secret?.txt", "secret12.txt", false},
      // '?' and '*' never cross '/'.
      {"a?b", "a/b", false},
      {"a*b", "a/b", false},
      {"a*b", "axyzb", true},
      {"*", "anything/at/all.txt", true},
      // A leading or middle '/' anchors at the config's directory.
      {"/build", "build/out.js", true},
      {"/build", "src/build/out.js", false},
      {"docs/examples", "docs/examples/a.md", true},
      {"docs/examples", "site/docs/examples/a.md", false},
      {"docs/*.md", "docs/a.md", true},
      {"docs/*.md", "docs/sub/a.md", false},
      // A trailing '/' matches directories only: the files under one, never a file of that name.
      {"docs/examples/", "docs/examples/a.md", true},
      {"docs/examples/", "docs/examples", false},
      {"fixtures/", "test/fixtures/keys.json", true},
      {"fixtures/", "test/fixtures", false},
      // "**" as a whole segment.
      {"generated/**", "generated/a.ts", true},
      {"generated/**", "generated/x/y/z.ts", true},
      {"generated/**", "generated", false},
      {"generated/**", "src/generated/a.ts", false},
      {"**/testdata", "testdata/a", true},
      {"**/testdata", "x/y/testdata/a", true},
      {"**/testdata/*.json", "pkg/testdata/k.json", true},
      {"**/testdata/*.json", "pkg/testdata/k.yaml", false},
      {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/b", true},
      {"a/**/b", "a/x/y/b", true},
      {"a/**/b", "a/x/y/c", false},
      {"a/**/b/*.ts", "a/q/b/c/d.ts", false},
      {"a/**/b/**/c", "a/1/b/2/3/c", true},
      {"**", "x", true},
      {"**", "x/y", true},
      // "**" inside a segment is a plain '*'.
      {"foo**bar", "foo-x-bar", true},
      {"foo**bar", "foo/bar", false},
      // Sets.
      {"key[0-9].pem", "key7.pem", true},
      {"key[0-9].pem", "keyx.pem", false},
      {"key[!0-9].pem", "keyx.pem", true},
      {"key[^0-9].pem", "key7.pem", false},
      {"[]]", "]", true},
      {"[a-c_]x", "_x", true},
      {"[a-c_]x", "dx", false},
      {"x[a-]", "x-", true},
      // Escapes.
      {"\\*.txt", "*.txt", true},
      {"\\*.txt", "a.txt", false},
      {"\\!important", "!important", true},
      {"a\\[1]", "a[1]", true},
      // Case-sensitive, byte for byte; UTF-8 names work as bytes.
      {"*.SNAP", "a.snap", false},
      {"caf\xC3\xA9/*", "caf\xC3\xA9/menu.txt", true},
      // Paths are normalised: "./" and doubled slashes are skipped.
      {"/build", "./build/out.js", true},
      {"a/b", "a//b", true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern);
    CAPTURE(row.path);
    const IgnorePattern p(row.pattern);
    REQUIRE(p.ok());
    CHECK(p.matches(row.path) == row.ignored);
  }
}

TEST_CASE("ignore patterns that cannot be compiled say why and match nothing") {
  const char* bad[] = {"", "!keep.txt", "/", "a//b", "a/./b", "../x", "key[0-9.pem", "trailing\\", "[[:alpha:]]"};
  for (const char* pattern : bad) {
    CAPTURE(pattern);
    const IgnorePattern p(pattern);
    CHECK_FALSE(p.ok());
    CHECK_FALSE(p.error().empty());
    CHECK_FALSE(p.matches("anything"));
  }
}

TEST_CASE("an error message never repeats the pattern") {
  const std::string pattern = "[unterminated-secret-looking-text";
  const IgnorePattern p(pattern);
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().find("secret-looking") == std::string::npos);
}

TEST_CASE("pathological patterns take at most path length times pattern length steps") {
  // A backtracking matcher tries every way of splitting the path among the stars: with 20
  // stars and a 4,000-byte path that is beyond any machine; the one-restart-point matcher
  // makes at most a small multiple of path length × pattern length comparisons.
  struct Case {
    std::string name, pattern, path;
  };
  std::string many_stars, a_run(4000, 'a');
  for (int i = 0; i < 20; ++i) many_stars += "*a";
  many_stars += "b";
  std::string globstars, a_dirs;
  for (int i = 0; i < 20; ++i) globstars += "**/a/";
  globstars += "b";
  for (int i = 0; i < 1000; ++i) a_dirs += "a/";
  a_dirs += "c";
  std::string sets;
  for (int i = 0; i < 20; ++i) sets += "*[a-c]";
  sets += "d";
  const Case cases[] = {
      {"stars within a segment", many_stars, a_run},
      {"globstars across segments", globstars, a_dirs},
      {"stars and sets", sets, a_run},
      {"unanchored stars on a deep path", "*a*a*a*a*a*a*a*a*b", a_dirs},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const IgnorePattern p(c.pattern);
    REQUIRE(p.ok());
    std::size_t steps = 0;
    CHECK_FALSE(p.matches(c.path, &steps));
    const std::size_t bound = 4 * (c.path.size() + 1) * (c.pattern.size() + 1);
    CAPTURE(steps);
    CAPTURE(bound);
    CHECK(steps > 0);
    CHECK(steps <= bound);
  }
}
