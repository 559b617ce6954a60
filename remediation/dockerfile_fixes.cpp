#include "remediation/dockerfile_fixes.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "remediation/config_fixes.h"
#include "remediation/lookup_snippets.h"
#include "remediation/titles.h"

namespace ptl::remediation {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  return out;
}

bool continued(std::string_view line) {
  const auto e = line.find_last_not_of(" \t\r");
  return e != std::string_view::npos && line[e] == '\\';
}

struct Instruction {
  std::size_t begin, end;    // the logical line, continuations included, without the final line break
  std::string keyword;       // upper case
  std::size_t args_begin;    // after the keyword and its blanks
};

Instruction instruction_at(const SourceText& src, std::size_t pos) {
  std::size_t b = src.line_start(pos);
  while (b > 0 && continued(src.line_at(b - 1))) b = src.line_start(b - 1);
  std::size_t e = src.line_end(pos);
  while (continued(src.line_at(e)) && src.next_line(e) < src.size()) e = src.line_end(src.next_line(e));
  const std::string_view line = src.text().substr(b, e - b);
  const auto k = line.find_first_not_of(" \t");
  const auto k_end = line.find_first_of(" \t", k == std::string_view::npos ? 0 : k);
  Instruction ins{b, e, "", e};
  if (k == std::string_view::npos) return ins;
  ins.keyword = upper(line.substr(k, (k_end == std::string_view::npos ? line.size() : k_end) - k));
  const auto a = line.find_first_not_of(" \t", k_end == std::string_view::npos ? line.size() : k_end);
  ins.args_begin = a == std::string_view::npos ? e : b + a;
  return ins;
}

// The whitespace-separated word of an ENV/ARG instruction that holds pos.
std::pair<std::size_t, std::size_t> word_around(std::string_view text, std::size_t begin, std::size_t end,
                                                std::size_t pos) {
  std::size_t b = pos, e = pos;
  char quote = 0;
  for (std::size_t i = begin; i < end; ++i) {  // find the word start respecting quotes
    const char ch = text[i];
    if (quote == 0 && (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\\' || ch == '\r')) {
      if (i < pos) b = i + 1;
      if (i >= pos) {
        e = i;
        break;
      }
    } else if (ch == '"' || ch == '\'') {
      quote = quote == ch ? 0 : (quote == 0 ? ch : quote);
    }
    e = i + 1;
  }
  return {b, e};
}

// The variable RUN commands read for an ENV/ARG key: the key itself when it is a plain
// identifier (so it cannot hold a token: identifiers have no '-'), else the configured name.
// It is written into a comment and into RUN mounts, so it must never be text that can hold
// a token.
std::string variable_for_key(std::string_view key, const Names& names) {
  Names probe = names;
  probe.env_var = std::string(key);
  return safe_env_var(probe) == key ? std::string(key) : safe_env_var(names);
}

void add_mount(const SourceText& src, const Instruction& run, const std::string& mount, EditSet& edits) {
  if (src.text().substr(run.begin, run.end - run.begin).find(mount) != std::string_view::npos) return;
  edits.insert(run.args_begin, mount + " ");
}

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }
bool is_alpha(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

// The numbers of a frontend tag such as "1", "1.4", "1.4.3-labs"; nullopt for anything else
// ("labs", "latest", "master-labs", "experimental").
struct TagVersion {
  int major = 0, minor = -1;  // minor -1: not given ("1" follows the latest 1.x)
  std::string_view suffix;    // "-labs", "-experimental", ... or empty
};

std::optional<TagVersion> tag_version(std::string_view tag) {
  TagVersion v;
  std::size_t i = 0;
  auto number = [&](int& out) {
    const std::size_t from = i;
    out = 0;
    while (i < tag.size() && is_digit(tag[i]) && i - from < 6) out = out * 10 + (tag[i++] - '0');
    return i > from;
  };
  if (!number(v.major)) return std::nullopt;
  if (i < tag.size() && tag[i] == '.' && (++i, !number(v.minor))) return std::nullopt;
  int patch = 0;
  if (i < tag.size() && tag[i] == '.' && (++i, !number(patch))) return std::nullopt;
  if (i < tag.size() && tag[i] != '-') return std::nullopt;
  v.suffix = tag.substr(i);
  return v;
}

// For the value of a syntax directive naming Docker's Dockerfile frontend at a version older
// than 1.10 (no env= on secret mounts; `unexpected key 'env'`), the replacement of its
// ":<tag>[@digest]" part: ":1", or ":1-labs" for a labs tag. nullopt when the value needs no
// change: a version that allows env= ("1", "1.10", "1.12", "labs", no tag, ...) or a frontend
// that is not Docker's, whose versions mean nothing here. The digest goes too: it pins the
// old version.
std::optional<std::pair<std::size_t, std::string>> raised_frontend(std::string_view value) {
  std::string_view image = value.substr(0, value.find('@'));
  const auto colon = image.rfind(':');
  if (colon == std::string_view::npos || image.find('/', colon) != std::string_view::npos) return std::nullopt;
  std::string_view repo = image.substr(0, colon);
  if (repo.starts_with("docker.io/")) repo.remove_prefix(10);
  if (repo != "docker/dockerfile" && repo != "docker/dockerfile-upstream") return std::nullopt;
  const std::string_view tag = image.substr(colon + 1);
  const auto v = tag_version(tag);
  const bool old = tag == "experimental" || (v && (v->major == 0 || (v->major == 1 && v->minor >= 0 && v->minor < 10)));
  if (!old) return std::nullopt;
  return std::pair{colon, std::string(v && v->suffix == "-labs" ? ":1-labs" : ":1")};
}

bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f'; }

// One parser directive line, `#<blanks>key<blanks>=<blanks>value<blanks>` (BuildKit's
// directive pattern): the key, and the value's span in the line; nullopt for any other line.
std::optional<std::pair<std::string, std::pair<std::size_t, std::size_t>>> directive(std::string_view line) {
  if (!line.starts_with("#")) return std::nullopt;
  std::size_t i = 1;
  while (i < line.size() && is_space(line[i])) ++i;
  const std::size_t key_begin = i;
  while (i < line.size() && (is_alpha(line[i]) || (i > key_begin && is_digit(line[i])))) ++i;
  if (i == key_begin) return std::nullopt;
  const std::string key = upper(line.substr(key_begin, i - key_begin));
  while (i < line.size() && is_space(line[i])) ++i;
  if (i == line.size() || line[i] != '=') return std::nullopt;
  ++i;
  while (i < line.size() && is_space(line[i])) ++i;
  std::size_t end = line.size();
  while (end > i && is_space(line[end - 1])) --end;
  if (end == i) return std::nullopt;
  return std::pair{key, std::pair{i, end}};
}

// Makes the file's frontend one whose secret mounts take env= (1.10 or later). Parser
// directives are the `# key=value` lines at the very top; BuildKit stops looking at the first
// line that is not one (a comment, a blank line, an instruction) and rejects a second syntax
// directive, so an existing one is raised in place (when too old) and a new one goes first.
void require_env_mounts(const SourceText& src, EditSet& edits) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  const std::size_t start = src.text().starts_with(kBom) ? kBom.size() : 0;
  for (std::size_t line = start; line < src.size(); line = src.next_line(line)) {
    const auto d = directive(src.text().substr(line, src.line_end(line) - line));
    if (!d) break;
    if (d->first != "SYNTAX") continue;
    const auto [value_begin, value_end] = d->second;
    const std::string_view value = src.text().substr(line + value_begin, value_end - value_begin);
    if (const auto raised = raised_frontend(value)) {
      edits.add(line + value_begin + raised->first, line + value_end, raised->second);
    }
    return;
  }
  edits.insert(start, with_eol("# syntax=docker/dockerfile:1\n", src.eol()));
}

}  // namespace

std::optional<Fix> dockerfile_fix(const FixContext& c) {
  const SourceText& src = c.source;
  // A token in a heredoc body belongs to the instruction that opened the heredoc.
  const SourceSpan* literal = c.lexer.string_around(c.token_begin, c.token_end);
  const Instruction ins = instruction_at(src, literal != nullptr && literal->heredoc ? literal->opener_begin : c.token_begin);
  const std::string env = safe_env_var(c.names);
  std::string secret_id = hcl_variable_name(c.names);
  EditSet edits;
  std::string env_name = env;  // the variable RUN commands read

  const bool definition = ins.keyword == "ENV" || ins.keyword == "ARG";
  if (definition) {
    const auto [wb, we] = word_around(c.text, ins.args_begin, ins.end, c.token_begin);
    const std::string_view word = c.text.substr(wb, we - wb);
    const auto eq = word.find('=');
    const std::string_view args = c.text.substr(ins.args_begin, ins.end - ins.args_begin);
    if (eq != std::string_view::npos && wb > ins.args_begin &&
        args.find_first_of("=") < wb - ins.args_begin) {
      env_name = variable_for_key(word.substr(0, eq), c.names);  // one of several K=V pairs: drop only this one
      std::size_t from = wb;
      while (from > ins.args_begin && (c.text[from - 1] == ' ' || c.text[from - 1] == '\t')) --from;
      edits.add(from, we, "");
    } else {
      const std::string_view first = args.substr(0, args.find_first_of("= \t"));
      if (!first.empty()) env_name = variable_for_key(first, c.names);
      const std::string note = fmt::format("# {} is a build secret: docker build --secret id={},env={} ...", env_name,
                                           secret_id, env_name);
      edits.add(ins.begin, ins.end, note);
    }
  } else if (ins.keyword == "RUN") {
    if (!add_shell_reference(c, "${" + env + "}", edits)) return std::nullopt;
  } else {
    edits.add(c.token_begin, c.token_end, "${" + env + "}");
  }

  if (definition || ins.keyword == "RUN") {
    const std::string mount = fmt::format("--mount=type=secret,id={},env={}", secret_id, env_name);
    if (ins.keyword == "RUN") add_mount(src, ins, mount, edits);
    for (std::size_t pos = src.next_line(ins.end); definition && pos < c.text.size();) {
      const Instruction next = instruction_at(src, pos);
      if (next.keyword == "FROM") break;
      if (next.keyword == "RUN") add_mount(src, next, mount, edits);
      pos = src.next_line(next.end);
    }
    require_env_mounts(src, edits);
  }
  return Fix{FixKind::Environment, fix_title(FixKind::Environment, c.language, c.names), true, edits.take()};
}

}  // namespace ptl::remediation
