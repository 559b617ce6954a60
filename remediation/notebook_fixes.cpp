#include "remediation/notebook_fixes.h"

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

// The cell's "source" written back from `python`: an array of one string per line (each but
// the last ending in "\n"), laid out as the original array was (its first item's indentation),
// or one string when the source was one.
std::string encode_source(std::string_view t, const CellSource& cell, std::string_view python) {
  if (t[cell.begin] == '"') return json_encode(python);
  std::string lead, close;
  if (!cell.parts.empty()) {
    lead = std::string(t.substr(cell.begin + 1, cell.parts.front().first - cell.begin - 1));
    close = std::string(t.substr(cell.parts.back().second, cell.end - 1 - cell.parts.back().second));
  }
  std::string out = "[";
  std::size_t from = 0;
  bool first = true;
  while (from < python.size()) {
    const auto nl = python.find('\n', from);
    const std::size_t stop = nl == npos ? python.size() : nl + 1;
    out += (first ? "" : ",") + lead + json_encode(python.substr(from, stop - from));
    first = false;
    from = stop;
  }
  return out + close + "]";
}

// `fixed` without the helper functions it defines that `original` does not, when the notebook
// defines them already in another cell (cells share one namespace: a second definition would
// shadow the first, and pyright reports it). A helper runs from its `def` line to the next line
// at column 0, with the blank lines after it.
std::string drop_known_helpers(std::string fixed, std::string_view original, std::string_view notebook,
                               const CellSource& cell) {
  for (std::size_t at = fixed.find("def "); at != std::string::npos; at = fixed.find("def ", at + 1)) {
    if (at > 0 && fixed[at - 1] != '\n') continue;
    const auto paren = fixed.find('(', at);
    if (paren == std::string::npos) break;
    const std::string signature = fixed.substr(at, paren + 1 - at);
    if (original.find(signature) != std::string_view::npos) continue;
    const auto elsewhere = notebook.find(signature);
    const bool other_cell = elsewhere != std::string_view::npos &&
                            (elsewhere < cell.begin || elsewhere >= cell.end ||
                             notebook.find(signature, cell.end) != std::string_view::npos);
    if (!other_cell) continue;
    std::size_t end = fixed.find('\n', at);
    while (end != std::string::npos && end + 1 < fixed.size() &&
           (fixed[end + 1] == ' ' || fixed[end + 1] == '\t' || fixed[end + 1] == '\n')) {
      end = fixed.find('\n', end + 1);
    }
    fixed.erase(at, end == std::string::npos ? std::string::npos : end + 1 - at);
    --at;
  }
  return fixed;
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
  for (const auto& [b, e] : cell->parts) {
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
  for (Fix& fix : fixes_for(python, token_at, token_at + (c.token_end - c.token_begin), Language::Python, c.names)) {
    const std::string fixed = drop_known_helpers(apply_edits(python, fix.edits), python, c.text, *cell);
    fix.edits = {TextEdit{cell->begin, cell->end, encode_source(c.text, *cell, fixed)}};
    out.push_back(std::move(fix));
  }
  return out;
}

}  // namespace ptl::remediation
