#include "remediation/kubernetes_secret.h"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "remediation/edit_set.h"
#include "remediation/titles.h"

namespace ptl::remediation {
namespace {

struct Line {
  std::size_t begin = 0, end = 0;  // end: before the line break
  std::string_view text;
  std::size_t indent = 0;  // leading spaces (YAML indents with spaces only)
  bool blank = false;      // empty, spaces only, or a comment only
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (true) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::size_t content_end = end > pos && text[end - 1] == '\r' ? end - 1 : end;
    Line l;
    l.begin = pos;
    l.end = content_end;
    l.text = text.substr(pos, content_end - pos);
    while (l.indent < l.text.size() && l.text[l.indent] == ' ') ++l.indent;
    l.blank = l.indent == l.text.size() || l.text[l.indent] == '#';
    lines.push_back(l);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

// A plain scalar value without its trailing comment and quotes: "Secret", 'Secret', Secret # x.
std::string_view scalar(std::string_view v) {
  const std::size_t hash = v.find(" #");
  if (hash != std::string_view::npos) v = v.substr(0, hash);
  v = trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
  return v;
}

// For "key: value" (at the line's indentation), the key and where the value starts; the key is
// what Kubernetes allows in Secret keys and names: [A-Za-z0-9._-]+.
bool split_entry(const Line& l, std::string_view& key, std::size_t& value_at) {
  const std::string_view rest = l.text.substr(l.indent);
  const std::size_t colon = rest.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  if (colon + 1 < rest.size() && rest[colon + 1] != ' ' && rest[colon + 1] != '\t') return false;
  key = rest.substr(0, colon);
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  value_at = l.begin + l.indent + colon + 1;
  return true;
}

// A name fit for a command line and a title: a Kubernetes name, and nothing that could be a token.
bool safe_name(std::string_view s) {
  if (s.empty() || s.size() > 253 || s.find("pul-") != std::string_view::npos) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) return false;
  return true;
}

// The value of the top-level `key:` of the document's lines [lo, hi), or of its child `child:`.
std::string_view top_level(const std::vector<Line>& lines, std::size_t lo, std::size_t hi, std::string_view key,
                           std::string_view child = {}) {
  for (std::size_t i = lo; i < hi; ++i) {
    std::string_view k;
    std::size_t at = 0;
    if (lines[i].blank || lines[i].indent != 0 || !split_entry(lines[i], k, at) || k != key) continue;
    if (child.empty()) return scalar(lines[i].text.substr(at - lines[i].begin));
    std::size_t child_indent = 0;
    for (std::size_t j = i + 1; j < hi && (lines[j].blank || lines[j].indent > 0); ++j) {
      if (lines[j].blank) continue;
      if (child_indent == 0) child_indent = lines[j].indent;
      if (lines[j].indent == child_indent && split_entry(lines[j], k, at) && k == child)
        return scalar(lines[j].text.substr(at - lines[j].begin));
    }
    return {};
  }
  return {};
}

bool is_separator(const Line& l) {
  return l.text.substr(0, 3) == "---" && (l.text.size() == 3 || l.text[3] == ' ' || l.text[3] == '\t');
}

}  // namespace

std::optional<Fix> recreate_secret_fix(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= end || end > text.size()) return std::nullopt;
  const std::vector<Line> lines = split_lines(text);
  std::size_t at = 0;
  while (at + 1 < lines.size() && lines[at + 1].begin <= begin) ++at;
  const Line& entry = lines[at];
  if (end > entry.end || entry.indent == 0 || entry.blank) return std::nullopt;
  // The YAML document around the entry.
  std::size_t lo = at, hi = at + 1;
  while (lo > 0 && !is_separator(lines[lo - 1])) --lo;
  while (hi < lines.size() && !is_separator(lines[hi])) ++hi;
  if (top_level(lines, lo, hi, "kind") != "Secret") return std::nullopt;
  // The entry: "key: <value holding the span>" on one line...
  std::string_view key;
  std::size_t value_at = 0;
  if (!split_entry(entry, key, value_at) || begin < value_at) return std::nullopt;
  // ... whose parent is the top-level "data:" ...
  std::size_t parent = at;
  while (parent > lo && (lines[parent - 1].blank || lines[parent - 1].indent >= entry.indent)) --parent;
  if (parent == lo) return std::nullopt;
  const Line& data = lines[parent - 1];
  std::string_view data_key;
  std::size_t data_value = 0;
  if (data.indent != 0 || !split_entry(data, data_key, data_value) || data_key != "data" ||
      !scalar(text.substr(data_value, data.end - data_value)).empty())
    return std::nullopt;
  // ... and that does not go on over the next lines.
  for (std::size_t j = at + 1; j < hi; ++j) {
    if (lines[j].blank) continue;
    if (lines[j].indent > entry.indent) return std::nullopt;
    break;
  }
  std::string_view name = top_level(lines, lo, hi, "metadata", "name");
  if (!safe_name(name)) name = "NAME";
  const std::string_view ns = top_level(lines, lo, hi, "metadata", "namespace");
  const std::string safe_key = key.find("pul-") == std::string_view::npos ? std::string(key) : std::string("KEY");
  const std::string command =
      fmt::format("kubectl create secret generic {}{} --from-env-file={}.env", name,
                  safe_name(ns) ? fmt::format(" --namespace {}", ns) : std::string(), name);
  const std::string indent(entry.indent, ' ');
  const std::string_view eol = SourceText(text).eol();
  std::string comment = fmt::format("{0}# {1}: taken out; it held a Pulumi access token, so rotate that token.{2}"
                                    "{0}# Create this Secret from an env file that is never committed, with a line{2}"
                                    "{0}# {1}=<the new token> (and the Secret's other keys):{2}"
                                    "{0}#   {3}",
                                    indent, safe_key, eol, command);
  return Fix{FixKind::RecreateSecret, recreate_secret_title(safe_key, name), false,
             {TextEdit{entry.begin, entry.end, std::move(comment)}}};
}

}  // namespace ptl::remediation
