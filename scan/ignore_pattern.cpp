#include "scan/ignore_pattern.h"

#include <optional>

namespace ptl::scan {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (!segment.empty() && segment != ".") out.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

}  // namespace

IgnorePattern::IgnorePattern(std::string_view pattern) : pattern_(pattern) {
  if (!compile(pattern)) {
    exact_.clear();
    within_.clear();
  }
}

bool IgnorePattern::compile(std::string_view p) {
  if (p.empty()) {
    error_ = "empty pattern";
    return false;
  }
  if (p.front() == '!') {
    error_ = "a leading '!' (negation) is not supported; write \\! for a literal '!'";
    return false;
  }
  if (p.size() > 1 && p.back() == '/') {
    directory_only_ = true;
    p.remove_suffix(1);
  }
  // git: a '/' at the start or in the middle anchors the pattern at the file's directory.
  const bool anchored = p.find('/') != std::string_view::npos;
  if (!p.empty() && p.front() == '/') p.remove_prefix(1);
  if (p.empty()) {
    error_ = "the pattern names no file (\"/\")";
    return false;
  }
  if (!anchored) exact_.push_back(Segment{true, {}});  // at any depth: "**/" + pattern
  while (true) {
    const std::size_t slash = p.find('/');
    const std::string_view text = p.substr(0, slash);
    Segment segment;
    if (!compile_segment(text, segment)) return false;
    exact_.push_back(std::move(segment));
    if (slash == std::string_view::npos) break;
    p.remove_prefix(slash + 1);
  }
  // A trailing "**" is one segment or more ("dir/**" is what is inside dir, not dir itself).
  if (exact_.size() > 1 && exact_.back().globstar) {
    exact_.back() = Segment{false, {Element{Element::Kind::Star}}};
    exact_.push_back(Segment{true, {}});
  }
  within_ = exact_;
  within_.push_back(Segment{false, {Element{Element::Kind::Star}}});
  within_.push_back(Segment{true, {}});
  return true;
}

bool IgnorePattern::compile_segment(std::string_view text, Segment& out) {
  if (text.empty()) {
    error_ = "an empty path segment (\"//\")";
    return false;
  }
  if (text == "**") {
    out.globstar = true;
    return true;
  }
  if (text == "." || text == "..") {
    error_ = "\".\" and \"..\" segments are not supported; patterns are relative to the config's directory";
    return false;
  }
  using Kind = Element::Kind;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      if (i + 1 == text.size()) {
        error_ = "a trailing backslash escapes nothing";
        return false;
      }
      out.elements.push_back(Element{Kind::Literal, text[++i]});
    } else if (c == '?') {
      out.elements.push_back(Element{Kind::AnyChar});
    } else if (c == '*') {
      // A run of stars is one star: "a**b" within a segment is "a*b".
      if (out.elements.empty() || out.elements.back().kind != Kind::Star) out.elements.push_back(Element{Kind::Star});
    } else if (c == '[') {
      std::bitset<256> set;
      std::size_t j = i + 1;
      const bool negated = j < text.size() && (text[j] == '!' || text[j] == '^');
      if (negated) ++j;
      bool first = true;
      bool closed = false;
      for (; j < text.size(); ++j) {
        char lo = text[j];
        if (lo == ']' && !first) {
          closed = true;
          break;
        }
        first = false;
        if (lo == '[' && j + 1 < text.size() && text[j + 1] == ':') {
          error_ = "character classes such as [:alpha:] are not supported";
          return false;
        }
        if (lo == '\\' && j + 1 < text.size()) lo = text[++j];
        char hi = lo;
        if (j + 2 < text.size() && text[j + 1] == '-' && text[j + 2] != ']') {
          hi = text[j + 2];
          j += 2;
          if (hi == '\\' && j + 1 < text.size()) hi = text[++j];
        }
        for (unsigned v = static_cast<unsigned char>(lo); v <= static_cast<unsigned char>(hi); ++v) set.set(v);
      }
      if (!closed) {
        error_ = "an unterminated '[' (write \\[ for a literal '[')";
        return false;
      }
      if (negated) set.flip();
      set.reset('/');
      sets_.push_back(set);
      out.elements.push_back(Element{Kind::Set, 0, sets_.size() - 1});
      i = j;
    } else {
      out.elements.push_back(Element{Kind::Literal, c});
    }
  }
  return true;
}

// Wildcard matching with one restart point, for both levels: characters of a segment against
// its elements ('*' is the star), and segments of a path against the pattern's segments ("**"
// is the star). On a mismatch, the latest star takes one more item and matching resumes after
// it. Earlier stars never need to take more, because what follows the latest star is matched
// at its leftmost place, which leaves the most room to the rest. Each (item, element) pair is
// compared at most once per star, and a star's restarts never revisit pairs of an earlier one,
// so the loop runs at most (items + 1) × (elements + 1) times.
namespace {

template <class Pattern, class Items, class IsStar, class Matches>
bool wildcard_match(const Pattern& pattern, const Items& items, IsStar is_star, Matches matches, std::size_t& steps) {
  std::size_t p = 0, n = 0;
  std::optional<std::size_t> star_p, star_n;
  while (n < items.size()) {
    ++steps;
    if (p < pattern.size() && is_star(pattern[p])) {
      star_p = p++;
      star_n = n;
    } else if (p < pattern.size() && matches(pattern[p], items[n])) {
      ++p;
      ++n;
    } else if (star_p) {
      p = *star_p + 1;
      n = ++*star_n;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && is_star(pattern[p])) ++p;
  return p == pattern.size();
}

}  // namespace

bool IgnorePattern::segment_matches(const Segment& s, std::string_view name, std::size_t& steps) const {
  using Kind = Element::Kind;
  return wildcard_match(
      s.elements, name, [](const Element& e) { return e.kind == Kind::Star; },
      [&](const Element& e, char c) {
        return e.kind == Kind::AnyChar || (e.kind == Kind::Literal && e.literal == c) ||
               (e.kind == Kind::Set && sets_[e.set].test(static_cast<unsigned char>(c)));
      },
      steps);
}

bool IgnorePattern::segments_match(const std::vector<Segment>& pattern, const std::vector<std::string_view>& path,
                                   std::size_t& steps) const {
  return wildcard_match(
      pattern, path, [](const Segment& s) { return s.globstar; },
      [&](const Segment& s, std::string_view name) { return segment_matches(s, name, steps); }, steps);
}

bool IgnorePattern::matches(std::string_view path, std::size_t* steps) const {
  if (!ok()) return false;
  std::size_t local = 0;
  std::size_t& count = steps ? *steps : local;
  const std::vector<std::string_view> segments = split_path(path);
  if (segments.empty()) return false;
  if (!directory_only_ && segments_match(exact_, segments, count)) return true;
  return segments_match(within_, segments, count);
}

bool IgnorePattern::matches_itself(std::string_view path) const {
  if (!ok()) return false;
  std::size_t steps = 0;
  const std::vector<std::string_view> segments = split_path(path);
  return !segments.empty() && segments_match(exact_, segments, steps);
}

}  // namespace ptl::scan
