#include "remediation/notebook_fixes.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "remediation/json_string.h"
#include "remediation/redact.h"
#include "remediation/remediation.h"

namespace ptl::remediation {
namespace {

constexpr auto npos = std::string_view::npos;

bool is_ws(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

// One container on the path from the document's root to the token.
struct Frame {
  char kind;               // '{' or '['
  std::size_t open;        // offset of the bracket
  std::string key;         // the member name this container is the value of ("" for array items)
  std::string pending;     // objects: the last member name read, until its value starts
};

// Where the token sits: the "source" of a code cell, as the offsets of its value (an array of
// strings, or one string) and the strings in it.
struct CellSource {
  std::size_t begin = 0, end = 0;                       // the value, brackets or quotes included
  std::vector<std::pair<std::size_t, std::size_t>> parts;  // each string, quotes included
};

// The end (past the closing bracket) of the container opening at `open`, or npos.
std::size_t container_end(std::string_view t, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < t.size(); ++i) {
    if (t[i] == '"') {
      i = json_string_end(t, i);
      if (i == npos) return npos;
      --i;
    } else if (t[i] == '{' || t[i] == '[') {
      ++depth;
    } else if ((t[i] == '}' || t[i] == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return npos;
}

// Whether the object opening at `open` has the member "cell_type": "code".
bool is_code_cell(std::string_view t, std::size_t open) {
  const std::size_t end = container_end(t, open);
  if (end == npos) return false;
  int depth = 0;
  for (std::size_t i = open; i < end; ++i) {
    if (t[i] == '{' || t[i] == '[') ++depth;
    if (t[i] == '}' || t[i] == ']') --depth;
    if (t[i] != '"') continue;
    const std::size_t e = json_string_end(t, i);
    if (e == npos) return false;
    if (depth == 1 && t.substr(i, e - i) == "\"cell_type\"") {
      std::size_t v = e;
      while (v < end && (is_ws(t[v]) || t[v] == ':')) ++v;
      return t.substr(v, 6) == "\"code\"";
    }
    i = e - 1;
  }
  return false;
}

// The code cell source holding pos, if pos is in one.
std::optional<CellSource> cell_source_at(std::string_view t, std::size_t pos) {
  std::vector<Frame> stack;
  for (std::size_t i = 0; i < t.size() && i <= pos; ++i) {
    const char ch = t[i];
    if (ch == '{' || ch == '[') {
      std::string key = !stack.empty() && stack.back().kind == '{' ? stack.back().pending : "";
      stack.push_back(Frame{ch, i, std::move(key), {}});
    } else if (ch == '}' || ch == ']') {
      if (stack.empty()) return std::nullopt;
      stack.pop_back();
    } else if (ch == '"') {
      const std::size_t e = json_string_end(t, i);
      if (e == npos) return std::nullopt;
      std::size_t next = e;
      while (next < t.size() && is_ws(t[next])) ++next;
      const bool is_key = next < t.size() && t[next] == ':' && !stack.empty() && stack.back().kind == '{';
      if (is_key) {
        stack.back().pending = json_decode(t.substr(i + 1, e - i - 2)).value_or("");
      } else if (pos < e) {
        // The string holding the token: its parent is the source array (or it is the source).
        CellSource out;
        std::size_t cell_open = npos;
        if (!stack.empty() && stack.back().kind == '[' && stack.back().key == "source" && stack.size() >= 2) {
          out.begin = stack.back().open;
          out.end = container_end(t, out.begin);
          cell_open = stack[stack.size() - 2].open;
        } else if (!stack.empty() && stack.back().kind == '{' && stack.back().pending == "source") {
          out.begin = i;
          out.end = e;
          cell_open = stack.back().open;
        } else {
          return std::nullopt;
        }
        if (out.end == npos || !is_code_cell(t, cell_open)) return std::nullopt;
        for (std::size_t j = out.begin; j < out.end; ++j) {
          if (t[j] != '"') continue;
          const std::size_t se = json_string_end(t, j);
          if (se == npos || se > out.end) return std::nullopt;
          out.parts.emplace_back(j, se);
          j = se - 1;
        }
        return out;
      }
      i = e - 1;
    }
  }
  return std::nullopt;
}

// The JSON width and the decoded width (UTF-8 bytes) of the escape starting at t[i] ('\\').
std::pair<std::size_t, std::size_t> escape_width(std::string_view t, std::size_t i) {
  if (i + 1 >= t.size() || t[i + 1] != 'u' || i + 6 > t.size()) return {2, 1};
  unsigned cp = 0;
  for (char ch : t.substr(i + 2, 4)) {
    cp = cp * 16 + static_cast<unsigned>(ch >= 'a' ? ch - 'a' + 10 : ch >= 'A' ? ch - 'A' + 10 : ch - '0');
  }
  if (cp >= 0xD800 && cp < 0xDC00 && t.substr(i + 6, 2) == "\\u") return {12, 4};
  return {6, cp < 0x80 ? 1u : cp < 0x800 ? 2u : 3u};
}

// Where byte `offset` of the cell's decoded source sits in the notebook: inside the string part
// that holds it, at the JSON character where its escape starts; the end of the source maps to
// the last part's closing quote. nullopt when it falls inside a multi-byte escape.
std::optional<std::size_t> notebook_offset(std::string_view t, const CellSource& cell,
                                           const std::vector<std::size_t>& starts, std::size_t offset) {
  std::size_t k = 0;
  while (k + 1 < starts.size() && starts[k + 1] <= offset) ++k;
  const auto [b, e] = cell.parts[k];
  std::size_t decoded = starts[k];
  for (std::size_t i = b + 1; i + 1 < e;) {
    if (decoded == offset) return i;
    if (decoded > offset) return std::nullopt;
    if (t[i] == '\\') {
      const auto [json, bytes] = escape_width(t, i);
      i += json;
      decoded += bytes;
    } else {
      ++i;
      ++decoded;
    }
  }
  return decoded == offset ? std::optional<std::size_t>(e - 1) : std::nullopt;
}

// Whole lines inserted at the start of a string part of a source array (imports, a helper)
// become strings of their own in front of it, one per line, laid out as the part is (the blanks
// before its quote): the cell reads as Jupyter writes it. nullopt for any other edit.
std::optional<TextEdit> as_new_lines(std::string_view t, const CellSource& cell, const std::vector<std::size_t>& starts,
                                     const TextEdit& e) {
  if (t[cell.begin] != '[' || e.begin != e.end || e.new_text.empty() || e.new_text.back() != '\n') return std::nullopt;
  const auto k = std::find(starts.begin(), starts.end(), e.begin) - starts.begin();
  if (static_cast<std::size_t>(k) == starts.size()) return std::nullopt;
  const std::size_t quote = cell.parts[k].first;
  std::size_t blank = quote;
  while (blank > 0 && is_ws(t[blank - 1])) --blank;
  const std::string_view lead = t.substr(blank, quote - blank);
  std::string text;
  for (std::size_t from = 0; from < e.new_text.size();) {
    const std::size_t stop = e.new_text.find('\n', from) + 1;
    text += json_encode(std::string_view(e.new_text).substr(from, stop - from)) + "," + std::string(lead);
    from = stop;
  }
  return TextEdit{quote, quote, std::move(text)};
}

// Whether `text` defines a function that the notebook defines already outside the cell (cells
// share one namespace: a second definition shadows the first, and pyright reports it).
bool defines_known_helper(std::string_view text, std::string_view notebook, const CellSource& cell) {
  for (std::size_t at = text.find("def "); at != std::string_view::npos; at = text.find("def ", at + 1)) {
    const auto paren = text.find('(', at);
    if (paren == std::string_view::npos) return false;
    const std::string_view signature = text.substr(at, paren + 1 - at);
    for (auto i = notebook.find(signature); i != std::string_view::npos; i = notebook.find(signature, i + 1)) {
      if (i < cell.begin || i >= cell.end) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<Fix> notebook_fixes(const FixContext& c) {
  std::vector<Fix> out;
  const auto cell = cell_source_at(c.text, c.token_begin);
  if (!cell) {
    // Not code: an output, a Markdown cell or metadata. The token is text to read.
    out.push_back(Fix{FixKind::Redact, "", true, {TextEdit{c.token_begin, c.token_end, std::string(kRedacted)}}});
    return out;
  }
  std::string python;
  std::size_t token_at = npos;
  std::vector<std::size_t> starts;  // where each part's value starts in `python`
  for (const auto& [b, e] : cell->parts) {
    starts.push_back(python.size());
    if (b < c.token_begin && c.token_end <= e) {
      const auto prefix = json_decode(c.text.substr(b + 1, c.token_begin - b - 1));
      if (!prefix) return {};
      token_at = python.size() + prefix->size();
    }
    const auto value = json_decode(c.text.substr(b + 1, e - b - 2));
    if (!value) return {};
    python += *value;
  }
  if (token_at == npos) return {};
  // Each edit of the Python fix becomes an edit of the JSON text at the same place, its text
  // JSON-escaped: small edits that never rewrite the rest of the cell (which may hold another
  // token). Text inserted at a line start joins that line's string; nbformat joins them all.
  for (Fix& fix : fixes_for(python, token_at, token_at + (c.token_end - c.token_begin), Language::Python, c.names)) {
    std::vector<TextEdit> edits;
    bool mapped = true;
    for (const TextEdit& e : fix.edits) {
      if (defines_known_helper(e.new_text, c.text, *cell)) continue;
      if (auto lines = as_new_lines(c.text, *cell, starts, e)) {
        edits.push_back(std::move(*lines));
        continue;
      }
      const auto b = notebook_offset(c.text, *cell, starts, e.begin);
      const auto end = notebook_offset(c.text, *cell, starts, e.end);
      if (!b || !end) {
        mapped = false;
        break;
      }
      const std::string escaped = json_encode(e.new_text);
      edits.push_back(TextEdit{*b, *end, escaped.substr(1, escaped.size() - 2)});
    }
    if (!mapped || edits.empty()) continue;
    fix.edits = std::move(edits);
    out.push_back(std::move(fix));
  }
  return out;
}

}  // namespace ptl::remediation
