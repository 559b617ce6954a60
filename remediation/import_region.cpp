#include "remediation/import_region.h"

#include <algorithm>
#include <string_view>

namespace ptl::remediation {
namespace {

std::string_view strip_line_comment(std::string_view line) {
  const auto hash = line.find('#');
  return hash == std::string_view::npos ? line : line.substr(0, hash);
}

// The comma-separated names of a Python "import a, b as c" / "from m import a, b" tail.
bool names_contain(std::string_view list, std::string_view name) {
  list = strip_line_comment(list);
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string_view item = trim(list.substr(0, comma));
    if (!item.empty() && item.front() == '(') item = trim(item.substr(1));
    if (!item.empty() && item.back() == ')') item = trim(item.substr(0, item.size() - 1));
    if (item == name) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

// "vault \"github.com/hashicorp/vault/api\"" -> github.com/hashicorp/vault/api
std::string_view go_path(std::string_view spec) {
  const auto q = spec.find('"');
  if (q == std::string_view::npos) return spec;
  const auto e = spec.find('"', q + 1);
  return spec.substr(q + 1, e == std::string_view::npos ? std::string_view::npos : e - q - 1);
}

bool go_std(std::string_view path) {
  const auto slash = path.find('/');
  return path.substr(0, slash).find('.') == std::string_view::npos;
}

std::string js_import_line(std::string_view spec, bool es_module) {
  const auto bar = spec.find('|');
  const std::string_view module = spec.substr(0, bar);
  std::string_view clause = bar == std::string_view::npos ? std::string_view{} : spec.substr(bar + 1);
  if (clause.starts_with("= ")) {  // TypeScript import-equals, for a module that says `export =`
    clause.remove_prefix(2);
    return (es_module ? "import " : "const ") + std::string(clause) + " = require(\"" + std::string(module) + "\");\n";
  }
  if (es_module) return "import " + std::string(clause) + " from \"" + std::string(module) + "\";\n";
  if (clause.starts_with("* as ")) clause.remove_prefix(5);
  return "const " + std::string(clause) + " = require(\"" + std::string(module) + "\");\n";
}

}  // namespace

ImportRegion::ImportRegion(const SourceText& source, const SourceLexer& lexer, Language language)
    : source_(source), lexer_(lexer), language_(language) {
  switch (language) {
    case Language::Python: scan_python(); break;
    case Language::Go: scan_go(); break;
    case Language::Java: scan_lines_with_prefix("import "); break;
    case Language::CSharp: scan_lines_with_prefix("using "); break;
    case Language::TypeScript:
    case Language::JavaScript: scan_js(); break;
    default: break;
  }
}

void ImportRegion::scan_python() {
  const auto text = source_.text();
  std::size_t pos = 0;
  bool seen_statement = false;
  std::size_t first_code = std::string::npos;
  while (pos < text.size()) {
    const std::string_view line = source_.line_at(pos);
    const std::string_view t = trim(line);
    const std::size_t next = source_.next_line(pos);
    if (t.empty() || t.front() == '#' || line.front() == ' ' || line.front() == '\t') {
      if (!t.empty() && t.front() != '#' && first_code == std::string::npos) break;  // indented code first
      pos = next;
      continue;
    }
    const SourceSpan* s = lexer_.innermost_at(pos);
    if (!seen_statement && s != nullptr && s->kind == SourceSpan::Kind::String && s->begin == pos) {
      end_ = source_.next_line(s->end == 0 ? 0 : s->end - 1);  // the module docstring
      pos = end_;
      seen_statement = true;
      continue;
    }
    if (t.starts_with("import ") || t.starts_with("from ")) {
      std::size_t stmt_end = pos;
      // A parenthesised or backslash-continued import spans lines.
      const auto open = line.find('(');
      if (open != std::string_view::npos && line.find(')', open) == std::string_view::npos) {
        const auto close = text.find(')', pos + open);
        stmt_end = close == std::string_view::npos ? text.size() : close;
      } else {
        while (trim(source_.line_at(stmt_end)).ends_with('\\') && source_.next_line(stmt_end) < text.size()) {
          stmt_end = source_.next_line(stmt_end);
        }
      }
      end_ = source_.next_line(stmt_end);
      had_imports_ = true;
      seen_statement = true;
      pos = end_;
      continue;
    }
    first_code = pos;
    break;
  }
  if (!had_imports_ && !seen_statement) end_ = first_code == std::string::npos ? text.size() : first_code;
}

void ImportRegion::scan_lines_with_prefix(std::string_view prefix) {
  const auto text = source_.text();
  for (std::size_t pos = 0; pos < text.size(); pos = source_.next_line(pos)) {
    const std::string_view t = trim(source_.line_at(pos));
    if (!lexer_.in_code(pos + (source_.line_at(pos).size() - t.size()))) continue;
    if (language_ == Language::Java && t.starts_with("package ") && !had_imports_) {
      end_ = source_.next_line(pos);
      continue;
    }
    if (t.starts_with(prefix) && t.ends_with(';') && t.find('(') == std::string_view::npos &&
        t.find('=') == std::string_view::npos && !t.starts_with("using var ")) {
      end_ = source_.next_line(pos);
      had_imports_ = true;
      continue;
    }
    const bool declaration = t.starts_with("namespace ") || t.starts_with("class ") || t.starts_with("public ") ||
                             t.find(" class ") != std::string_view::npos;
    if (declaration) break;
  }
}

void ImportRegion::scan_go() {
  const auto text = source_.text();
  for (std::size_t pos = 0; pos < text.size(); pos = source_.next_line(pos)) {
    const std::string_view line = source_.line_at(pos);
    if (!lexer_.in_code(pos)) continue;
    if (go_package_end_ == std::string::npos) {
      if (line.starts_with("package ")) go_package_end_ = source_.next_line(pos);
      continue;
    }
    const std::string_view t = trim(line);
    if (t.starts_with("import (") || t == "import(") {
      const auto close = text.find("\n)", pos);
      if (go_block_open_ == std::string::npos && close != std::string_view::npos) {
        go_block_open_ = pos + line.find('(');
        go_block_close_ = close + 1;
      }
      continue;
    }
    if (t.starts_with("import ")) go_single_.emplace_back(pos, source_.line_end(pos));
    if (t.starts_with("func ") || t.starts_with("type ") || t.starts_with("var ") || t.starts_with("const ")) break;
  }
}

void ImportRegion::scan_js() {
  const auto text = source_.text();
  es_module_ = language_ == Language::TypeScript;
  for (std::size_t pos = 0; pos < text.size() && !es_module_; pos = source_.next_line(pos)) {
    const std::string_view line = source_.line_at(pos);
    if ((line.starts_with("import ") || line.starts_with("export ")) && lexer_.in_code(pos)) es_module_ = true;
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::string_view line = source_.line_at(pos);
    const std::string_view t = trim(line);
    const std::size_t first = pos + (line.size() - trim(line).size() > 0 ? line.find_first_not_of(" \t") : 0);
    if (t.empty() || t.starts_with("#!") || !lexer_.in_code(std::min(first, text.size() - 1)) ||
        t.starts_with("\"use strict\"") || t.starts_with("'use strict'")) {
      pos = source_.next_line(pos);
      end_ = had_imports_ ? end_ : pos;
      continue;
    }
    const bool import_line = (t.starts_with("import ") || t.starts_with("import{")) ;
    const bool require_line = (t.starts_with("const ") || t.starts_with("let ") || t.starts_with("var ")) &&
                              t.find("require(") != std::string_view::npos;
    if (!import_line && !require_line) break;
    // The statement ends at the line holding its module string.
    std::size_t stmt_end = pos;
    for (const auto& s : lexer_.spans()) {
      if (s.begin >= pos && s.kind == SourceSpan::Kind::String) {
        stmt_end = s.end == 0 ? 0 : s.end - 1;
        break;
      }
    }
    end_ = source_.next_line(stmt_end);
    had_imports_ = true;
    pos = end_;
  }
}

bool ImportRegion::has(const std::string& import) const {
  const auto text = source_.text();
  switch (language_) {
    case Language::Python: {
      const bool from = import.starts_with("from ");
      const auto sep = import.find(" import ");
      const std::string_view head = std::string_view(import).substr(0, from ? sep + 8 : 7);
      const std::string_view names = std::string_view(import).substr(from ? sep + 8 : 7);
      for (std::size_t pos = 0; pos < text.size(); pos = source_.next_line(pos)) {
        const std::string_view line = source_.line_at(pos);
        if (!line.starts_with(head)) continue;
        bool all = true;
        std::string_view rest = names;
        while (!rest.empty()) {
          const auto comma = rest.find(',');
          if (!names_contain(line.substr(head.size()), trim(rest.substr(0, comma)))) all = false;
          if (comma == std::string_view::npos) break;
          rest.remove_prefix(comma + 1);
        }
        if (all) return true;
      }
      return false;
    }
    case Language::Go: {
      const std::string quoted = "\"" + std::string(go_path(import)) + "\"";
      if (go_block_open_ != std::string::npos &&
          text.substr(go_block_open_, go_block_close_ - go_block_open_).find(quoted) != std::string_view::npos) {
        return true;
      }
      return std::any_of(go_single_.begin(), go_single_.end(), [&](const auto& r) {
        return text.substr(r.first, r.second - r.first).find(quoted) != std::string_view::npos;
      });
    }
    case Language::CSharp:
    case Language::Java: {
      const std::string keyword = language_ == Language::Java ? "import " : "using ";
      const std::string exact = keyword + import + ";";
      const auto dot = import.rfind('.');
      const std::string star = dot == std::string::npos ? exact : keyword + import.substr(0, dot) + ".*;";
      for (std::size_t pos = 0; pos < text.size(); pos = source_.next_line(pos)) {
        std::string_view t = trim(source_.line_at(pos));
        if (t.starts_with("global ")) t.remove_prefix(7);
        if (t == exact || (language_ == Language::Java && t == star)) return true;
      }
      return false;
    }
    case Language::TypeScript:
    case Language::JavaScript: {
      const std::string module = import.substr(0, import.find('|'));
      for (const char q : {'"', '\''}) {
        const std::string needle = q + module + q;
        for (auto at = source_.first_of(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
          const std::string_view before = trim(text.substr(source_.line_start(at), at - source_.line_start(at)));
          if (before.ends_with("from") || before.ends_with("require(") || before.ends_with("import")) return true;
        }
      }
      return false;
    }
    default: return true;
  }
}

void ImportRegion::add(const std::vector<std::string>& imports, EditSet& edits) const {
  std::vector<std::string> missing;
  for (const auto& i : imports) {
    if (!has(i) && std::find(missing.begin(), missing.end(), i) == missing.end()) missing.push_back(i);
  }
  if (missing.empty()) return;
  const auto eol = source_.eol();
  if (language_ == Language::Go) return add_go(missing, edits);
  std::string text;
  for (const auto& i : missing) {
    switch (language_) {
      case Language::Python: text += i + "\n"; break;
      case Language::CSharp: text += "using " + i + ";\n"; break;
      case Language::Java: text += "import " + i + ";\n"; break;
      default: text += js_import_line(i, es_module_); break;
    }
  }
  // A Java import list right after the package line is set off by a blank line.
  if (language_ == Language::Java && !had_imports_ && end_ > 0) text = "\n" + text;
  edits.insert(end_, with_eol(text, eol));
}

void ImportRegion::add_go(const std::vector<std::string>& missing_in, EditSet& edits) const {
  const auto text = source_.text();
  const auto eol = source_.eol();
  std::vector<std::string> missing = missing_in;
  std::sort(missing.begin(), missing.end(), [](const std::string& a, const std::string& b) {
    const bool sa = go_std(go_path(a)), sb = go_std(go_path(b));
    return sa != sb ? sa : go_path(a) < go_path(b);
  });
  if (go_block_open_ != std::string::npos) {
    // Standard-library paths go into the first group in sorted position, the
    // others at the end of the block.
    for (const auto& spec : missing) {
      std::size_t at = go_block_close_;
      if (go_std(go_path(spec))) {
        for (std::size_t pos = source_.next_line(go_block_open_); pos < go_block_close_; pos = source_.next_line(pos)) {
          const std::string_view t = trim(source_.line_at(pos));
          if (t.empty()) {
            at = pos;
            break;
          }
          if (t.starts_with("//")) continue;
          if (go_path(t) > go_path(spec)) {
            at = pos;
            break;
          }
        }
      }
      edits.insert(at, with_eol("\t" + spec + "\n", eol));
    }
    return;
  }
  std::string block = "import (\n";
  if (go_single_.size() == 1) {
    // Turn the single import into a block holding both.
    const auto [b, e] = go_single_.front();
    std::string_view existing = trim(text.substr(b, e - b));
    existing.remove_prefix(7);
    std::vector<std::string> all = missing;
    all.emplace_back(trim(existing));
    std::sort(all.begin(), all.end(), [](const std::string& a, const std::string& c) {
      const bool sa = go_std(go_path(a)), sc = go_std(go_path(c));
      return sa != sc ? sa : go_path(a) < go_path(c);
    });
    for (const auto& s : all) block += "\t" + s + "\n";
    block += ")";
    edits.add(b, e, with_eol(block, eol));
    return;
  }
  if (!go_single_.empty()) {
    std::string lines;
    for (const auto& s : missing) lines += "import " + s + "\n";
    edits.insert(source_.next_line(go_single_.back().first), with_eol(lines, eol));
    return;
  }
  for (const auto& s : missing) block += "\t" + s + "\n";
  block += ")\n";
  const std::size_t at = go_package_end_ == std::string::npos ? 0 : go_package_end_;
  edits.insert(at, with_eol((at > 0 ? "\n" : "") + block, eol));
}

}  // namespace ptl::remediation
