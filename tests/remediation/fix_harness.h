#pragma once
// Test support for the remediation unit tests: documents written with "@T@"
// where a token goes, tokens built at run time (the repository holds none).

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "remediation/remediation.h"
#include "tests/unit/test_tokens.h"

namespace ptl::remediation::testing {

struct Doc {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> tokens;
  std::vector<std::string> values;
};

// Replaces each "@T@" by a distinct token.
inline Doc make_doc(const std::string& templ) {
  Doc d;
  std::size_t from = 0;
  for (auto at = templ.find("@T@"); at != std::string::npos; at = templ.find("@T@", from)) {
    d.text += templ.substr(from, at - from);
    const std::string token = ptl::testing::make_token(static_cast<std::uint32_t>(d.tokens.size() + 11));
    d.tokens.emplace_back(d.text.size(), d.text.size() + token.size());
    d.values.push_back(token);
    d.text += token;
    from = at + 3;
  }
  d.text += templ.substr(from);
  return d;
}

inline const Fix* find_kind(const std::vector<Fix>& fixes, FixKind kind) {
  const auto it = std::find_if(fixes.begin(), fixes.end(), [&](const Fix& f) { return f.kind == kind; });
  return it == fixes.end() ? nullptr : &*it;
}

// The document after the fix of `kind` for token `index`; "<no fix>" when none is offered.
inline std::string fixed(const std::string& templ, Language language, FixKind kind, std::size_t index = 0,
                         const Names& names = Names{}) {
  const Doc d = make_doc(templ);
  const auto fixes = fixes_for(d.text, d.tokens.at(index).first, d.tokens.at(index).second, language, names);
  const Fix* f = find_kind(fixes, kind);
  return f == nullptr ? std::string("<no fix>") : apply_edits(d.text, f->edits);
}

inline std::vector<FixKind> kinds(const std::string& templ, Language language, std::size_t index = 0) {
  const Doc d = make_doc(templ);
  std::vector<FixKind> out;
  for (const auto& f : fixes_for(d.text, d.tokens.at(index).first, d.tokens.at(index).second, language, Names{})) {
    out.push_back(f.kind);
  }
  return out;
}

inline std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// One table row: the fix of `kind` turns `input` into `expected` (both with "@T@").
struct Row {
  const char* input;
  Language language;
  FixKind kind;
  const char* expected;
};

inline void check_rows(std::initializer_list<Row> rows) {
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CAPTURE(static_cast<int>(row.kind));
    CHECK(fixed(row.input, row.language, row.kind) == make_doc(row.expected).text);
  }
}

}  // namespace ptl::remediation::testing
