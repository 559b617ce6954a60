#pragma once
// IgnorePattern: one gitignore-style glob of a project config's "ignore" list, compiled once.
//
// Syntax (git's, minus negation):
//   *        any run of characters within one path segment (never '/')
//   ?        one character other than '/'
//   [a-z_]   one character of the set; [!..] or [^..] negates; "]" first is literal
//   **       as a whole segment: any number of segments ("**/x", "a/**/b"); a trailing "/**"
//            is everything inside the directory (one segment or more); "**" elsewhere is "*"
//   \c       the character c itself
//   /x       a leading '/' anchors the pattern at the config's directory; so does a '/' in
//            the middle ("docs/examples"); a pattern without one matches at any depth ("*.snap")
//   x/       a trailing '/' matches directories only
// A pattern that matches a directory ignores every file under it. Matching is on bytes and
// case-sensitive, as git on Linux. Not supported (a construction error, see ok()): a leading
// '!', "[:alpha:]" classes, an empty pattern or segment, "." or ".." segments.
//
// Complexity: matches() takes O(path length × pattern length) time and no allocation beyond
// splitting the path into segments: '*' and '**' are matched by keeping only the latest star's
// restart point, never by backtracking into earlier ones, so no pattern is exponential.
// Thread-safety: immutable after construction; matches() may be called from any thread.
//
// Example:
//   IgnorePattern p("generated/**");
//   p.matches("generated/api/client.ts");  // true
//   p.matches("src/generated.ts");         // false

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ptl::scan {

class IgnorePattern {
 public:
  explicit IgnorePattern(std::string_view pattern);

  // False when the pattern could not be compiled; error() says why (never echoing the pattern).
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // The pattern as written.
  const std::string& pattern() const { return pattern_; }

  // True if the file at `path` is ignored: the pattern matches it, or a directory holding it.
  // `path` is relative to the config's directory, '/'-separated ("src/a.ts"); empty and "."
  // segments are skipped. Always false when !ok(). If `steps` is not null, the number of
  // elementary comparisons made is added to it (tests check the complexity bound with it).
  bool matches(std::string_view path, std::size_t* steps = nullptr) const;
  // True if the pattern matches `path` itself: unlike matches(), a directory holding it does
  // not count, and a trailing '/' is not checked (the caller knows which paths are
  // directories). For rule lists with negation, where each directory was judged on its own
  // (git's ignore files: git_ignore_rules.h). Always false when !ok().
  bool matches_itself(std::string_view path) const;

 private:
  struct Element {
    enum class Kind { Literal, AnyChar, Set, Star } kind;
    char literal = 0;
    std::size_t set = 0;  // index into sets_
  };
  struct Segment {
    bool globstar = false;  // "**": any number of segments
    std::vector<Element> elements;
  };

  bool compile(std::string_view pattern);
  bool compile_segment(std::string_view text, Segment& out);
  bool segment_matches(const Segment& s, std::string_view name, std::size_t& steps) const;
  bool segments_match(const std::vector<Segment>& pattern, const std::vector<std::string_view>& path,
                      std::size_t& steps) const;

  std::string pattern_;
  std::string error_;
  bool directory_only_ = false;
  std::vector<Segment> exact_;   // matches the path itself
  std::vector<Segment> within_;  // exact_ then one segment or more: a directory holding the path
  std::vector<std::bitset<256>> sets_;
};

}  // namespace ptl::scan
