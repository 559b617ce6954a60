#include "remediation/edit_set.h"

#include <algorithm>

namespace ptl::remediation {

bool EditSet::add(std::size_t begin, std::size_t end, std::string new_text) {
  if (end < begin) return false;
  for (auto& held : edits_) {
    if (held.begin == begin && held.end == end && held.new_text == new_text) return true;
    const bool both_insert_here = held.begin == begin && held.end == begin && end == begin;
    if (both_insert_here) {
      held.new_text += new_text;
      return true;
    }
    // Touching is fine (an insertion at the edge of a replacement); sharing bytes is not.
    const bool overlap = begin < held.end && held.begin < end;
    const bool insert_inside = (begin == end && held.begin < begin && begin < held.end) ||
                               (held.begin == held.end && begin < held.begin && held.begin < end);
    if (overlap || insert_inside) return false;
  }
  edits_.push_back(TextEdit{begin, end, std::move(new_text)});
  return true;
}

std::vector<TextEdit> EditSet::take() {
  // Stable: an insertion and a replacement starting at the same offset keep
  // the insertion first, which is what every caller means.
  std::stable_sort(edits_.begin(), edits_.end(), [](const TextEdit& a, const TextEdit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return (a.end == a.begin) && (b.end != b.begin);
  });
  return std::move(edits_);
}

std::string apply_edits(std::string_view text, std::span<const TextEdit> edits) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const auto& e : edits) {
    if (e.begin < at || e.end < e.begin || e.end > text.size()) continue;
    out.append(text.substr(at, e.begin - at));
    out.append(e.new_text);
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

SourceText::SourceText(std::string_view text) : text_(text), eol_("\n") {
  const auto nl = text.find('\n');
  if (nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r') eol_ = "\r\n";
}

std::size_t SourceText::line_start(std::size_t pos) const {
  pos = std::min(pos, text_.size());
  const auto nl = pos == 0 ? std::string_view::npos : text_.rfind('\n', pos - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t SourceText::line_end(std::size_t pos) const {
  pos = std::min(pos, text_.size());
  auto nl = text_.find('\n', pos);
  if (nl == std::string_view::npos) return text_.size();
  if (nl > pos && text_[nl - 1] == '\r') --nl;
  return nl;
}

std::size_t SourceText::next_line(std::size_t pos) const {
  const auto nl = text_.find('\n', std::min(pos, text_.size()));
  return nl == std::string_view::npos ? text_.size() : nl + 1;
}

std::string_view SourceText::line_at(std::size_t pos) const {
  const auto b = line_start(pos);
  return text_.substr(b, line_end(pos) - b);
}

std::string_view SourceText::indent_at(std::size_t pos) const {
  const auto line = line_at(pos);
  const auto n = line.find_first_not_of(" \t");
  return line.substr(0, n == std::string_view::npos ? line.size() : n);
}

std::size_t SourceText::first_of(std::string_view needle) const {
  if (const auto known = first_of_.find(needle); known != first_of_.end()) return known->second;
  const std::size_t at = text_.find(needle);
  first_of_.emplace(needle, at);
  return at;
}

bool SourceText::ends_with_eol() const { return text_.empty() || text_.back() == '\n'; }

std::string with_eol(std::string_view snippet, std::string_view eol) {
  if (eol == "\n") return std::string(snippet);
  std::string out;
  out.reserve(snippet.size() + snippet.size() / 16);
  for (char c : snippet) {
    if (c == '\n') {
      out.append(eol);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string escape_double_quoted(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out.append("\\n");
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace ptl::remediation
