#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "remediation/fix.h"

namespace ptl::remediation {

// The edits of one fix, collected in any order. Insertions at the same offset
// are joined in the order they were added, an edit identical to one already
// held is dropped, and an edit that overlaps one already held is refused
// (add() returns false) so the result is always sorted and non-overlapping.
class EditSet {
 public:
  bool add(std::size_t begin, std::size_t end, std::string new_text);
  bool insert(std::size_t at, std::string new_text) { return add(at, at, std::move(new_text)); }
  bool empty() const { return edits_.empty(); }
  std::vector<TextEdit> take();

 private:
  std::vector<TextEdit> edits_;
};

// A read-only view of a document with the line arithmetic the fixes share.
class SourceText {
 public:
  explicit SourceText(std::string_view text);
  std::string_view text() const { return text_; }
  std::size_t size() const { return text_.size(); }
  // "\r\n" when the first line break of the document is CRLF, else "\n".
  std::string_view eol() const { return eol_; }
  std::size_t line_start(std::size_t pos) const;
  // The offset of the line's break ('\r' of CRLF, or '\n'), or size().
  std::size_t line_end(std::size_t pos) const;
  // The offset just past the line's break (or size()).
  std::size_t next_line(std::size_t pos) const;
  std::string_view line_at(std::size_t pos) const;
  // The leading spaces and tabs of the line holding pos.
  std::string_view indent_at(std::size_t pos) const;
  // Whether the text ends with a line break (true for empty text).
  bool ends_with_eol() const;
  // The offset of the first occurrence of needle, or npos. Remembered: the fixes of every token
  // of a fix-all round ask for the same file-wide facts (an import, a helper's signature).
  std::size_t first_of(std::string_view needle) const;

 private:
  std::string_view text_;
  std::string_view eol_;
  mutable std::map<std::string, std::size_t, std::less<>> first_of_;
};

// The text with every '\n' of a generated snippet turned into eol.
std::string with_eol(std::string_view snippet, std::string_view eol);

// s without leading and trailing spaces, tabs and carriage returns.
std::string_view trim(std::string_view s);

// Escape for a double-quoted C-family, Python or Go string literal.
std::string escape_double_quoted(std::string_view s);

}  // namespace ptl::remediation
