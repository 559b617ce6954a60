#include "remediation/config_fixes.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "remediation/code_fixes.h"
#include "remediation/json_string.h"
#include "remediation/remediation.h"
#include "remediation/lookup_snippets.h"
#include "remediation/titles.h"

namespace ptl::remediation {
namespace {

// A word safe to leave unquoted in a shell command; anything else is single-quoted.
std::string shell_word(std::string_view s) {
  const bool plain = !s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                       "0123456789_./:-") == std::string_view::npos;
  if (plain) return std::string(s);
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'') {
      out += "'\\''";
    } else {
      out.push_back(ch);
    }
  }
  return out + "'";
}

std::string shell_reference(FixKind kind, const Names& n) {
  switch (kind) {
    case FixKind::Environment: return "${" + safe_env_var(n) + "}";
    case FixKind::PulumiConfig: return "$(pulumi config get " + shell_word(n.config_key) + ")";
    case FixKind::AwsSecretsManager:
      return "$(aws secretsmanager get-secret-value --secret-id " + shell_word(n.aws_secret_id) +
             " --query SecretString --output text)";
    case FixKind::Vault:
      return "$(vault kv get -mount=" + shell_word(n.vault_mount) + " -field=" + shell_word(n.vault_field) + " " +
             shell_word(n.vault_path) + ")";
    case FixKind::Conjur: return "$(conjur variable get -i " + shell_word(n.conjur_variable) + ")";
    case FixKind::Redact:
    case FixKind::Suppress:
    case FixKind::RecreateSecret: break;
  }
  return {};
}

Fix make_fix(const FixContext& c, FixKind kind, EditSet& edits, bool preferred) {
  return Fix{kind, fix_title(kind, c.language, c.names), preferred, edits.take()};
}

std::optional<Fix> single_edit_fix(const FixContext& c, FixKind kind, const TextEdit& e, bool preferred) {
  EditSet edits;
  edits.add(e.begin, e.end, e.new_text);
  return make_fix(c, kind, edits, preferred);
}

// A .env value: the loaders (Compose, dotenv-expand) expand ${X} in unquoted
// and double-quoted values only, so a single-quoted value becomes double-quoted.
TextEdit dotenv_edit(const FixContext& c) {
  const std::string ref = "${" + safe_env_var(c.names) + "}";
  const SourceSpan* s = c.lexer.string_around(c.token_begin, c.token_end);
  if (s == nullptr || s->quote != '\'' || s->heredoc) return {c.token_begin, c.token_end, ref};
  std::string value = "\"";
  value += c.text.substr(s->content_begin, c.token_begin - s->content_begin);
  value += ref;
  value += c.text.substr(c.token_end, s->content_end - c.token_end);
  value += "\"";
  return {s->begin, s->end, value};
}

// HCL: the token becomes var.<name>, declared once as a sensitive variable.
std::optional<Fix> hcl_fix(const FixContext& c) {
  const std::string var = hcl_variable_name(c.names);
  const SourceSpan* s = c.lexer.string_around(c.token_begin, c.token_end);
  const SourceSpan* inner = c.lexer.innermost_at(c.token_begin);
  EditSet edits;
  if (s == nullptr || (inner != nullptr && inner->kind == SourceSpan::Kind::Comment)) {
    edits.add(c.token_begin, c.token_end, "var." + var);
  } else if (!s->heredoc && s->content_begin == c.token_begin && s->content_end == c.token_end) {
    edits.add(s->begin, s->end, "var." + var);
  } else {
    edits.add(c.token_begin, c.token_end, "${var." + var + "}");
  }
  if (c.source.first_of("variable \"" + var + "\"") == std::string_view::npos) {
    const std::string lead = c.source.ends_with_eol() ? "\n" : "\n\n";
    const std::string block = fmt::format("{}variable \"{}\" {{\n  type      = string\n  sensitive = true\n}}\n", lead, var);
    edits.insert(c.text.size(), with_eol(block, c.source.eol()));
  }
  return make_fix(c, FixKind::Environment, edits, true);
}

bool is_identifier_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

// Where the shell value holding the token starts and ends when the token is that whole value
// (bare, or alone in one quoted string); nullopt when it is part of a larger word or text.
std::optional<std::pair<std::size_t, std::size_t>> whole_shell_value(const FixContext& c) {
  const SourceSpan* inner = c.lexer.innermost_at(c.token_begin);
  if (inner != nullptr && inner->kind == SourceSpan::Kind::Comment) return std::nullopt;
  const SourceSpan* s = c.lexer.string_around(c.token_begin, c.token_end);
  if (s == nullptr) return std::pair{c.token_begin, c.token_end};
  if (s->heredoc || s->content_begin != c.token_begin || s->content_end != c.token_end) return std::nullopt;
  return std::pair{s->begin, s->end};
}

// Whether the shell word [begin, end) is the whole value assigned to `name` by an assignment
// (`name=<value>`, with `export`, `readonly`, `local`, `declare -x` or `typeset` before it, or
// prefixing a command), at the start of a line or after ; & | ( {.
bool shell_assigns(const FixContext& c, std::size_t begin, std::size_t end, std::string_view name) {
  if (end < c.text.size() && std::string_view(" \t\r\n;&|)").find(c.text[end]) == std::string_view::npos) return false;
  const std::size_t line = c.source.line_start(begin);
  std::string_view head = c.text.substr(line, begin - line);
  if (!head.ends_with(std::string(name) + "=")) return false;
  head.remove_suffix(name.size() + 1);
  if (!head.empty() && is_identifier_char(head.back())) return false;
  for (std::size_t i = head.size(); i > 0; --i) {  // the command holding the assignment
    if (std::string_view(";&|({").find(head[i - 1]) != std::string_view::npos && c.lexer.in_code(line + i - 1)) {
      head.remove_prefix(i);
      break;
    }
  }
  head = trim(head);
  if (head.empty()) return true;
  const std::string_view command = head.substr(0, head.find_first_of(" \t"));
  if (command != "export" && command != "readonly" && command != "local" && command != "declare" &&
      command != "typeset") {
    return false;
  }
  for (std::string_view rest = trim(head.substr(command.size())); !rest.empty();) {  // only options after it
    if (rest[0] != '-') return false;
    const auto blank = rest.find_first_of(" \t");
    rest = blank == std::string_view::npos ? std::string_view{} : trim(rest.substr(blank));
  }
  return true;
}

// PowerShell: whether the string [begin, end) is the whole right-hand side of a statement
// `$env:name = <string>` standing alone on its line (or between ';').
std::optional<std::size_t> powershell_env_assignment(const FixContext& c, std::size_t begin, std::size_t end,
                                                     std::string_view name) {
  const std::string_view tail = trim(c.text.substr(end, c.source.line_end(end) - end));
  if (!tail.empty() && tail[0] != ';' && tail[0] != '#') return std::nullopt;
  const std::size_t line = c.source.line_start(begin);
  std::string_view head = c.text.substr(line, begin - line);
  while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
  if (!head.ends_with("=")) return std::nullopt;
  head.remove_suffix(1);
  while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
  if (!head.ends_with(name) || head.size() < name.size() + 5) return std::nullopt;
  head.remove_suffix(name.size());
  const std::string_view scope = head.substr(head.size() - 5);  // "$env:", any case
  if (scope[0] != '$' || (scope[1] | 0x20) != 'e' || (scope[2] | 0x20) != 'n' || (scope[3] | 0x20) != 'v' ||
      scope[4] != ':') {
    return std::nullopt;
  }
  head.remove_suffix(5);
  const std::string_view before = trim(head);
  if (!before.empty() && !(before.back() == ';' && c.lexer.in_code(line + before.data() - head.data() + before.size() - 1))) {
    return std::nullopt;
  }
  return line + head.size();
}

// PowerShell: $env:X, ${env:X} inside expandable strings, concatenation out of
// single-quoted strings and literal here-strings (@'...'@), which expand nothing.
std::optional<TextEdit> powershell_edit(const FixContext& c) {
  const std::string env = "$env:" + safe_env_var(c.names);
  const SourceSpan* s = c.lexer.string_around(c.token_begin, c.token_end);
  if (s == nullptr) return TextEdit{c.token_begin, c.token_end, env};
  const bool whole = s->content_begin == c.token_begin && s->content_end == c.token_end;
  if (whole && !s->heredoc) {
    // `$env:X = "<token>"` with X the variable read: `$env:X = $env:X` would do nothing, so the
    // statement becomes the check that X is set.
    if (const auto stmt = powershell_env_assignment(c, s->begin, s->end, safe_env_var(c.names))) {
      return TextEdit{*stmt, s->end, fmt::format("if (-not {0}) {{ throw 'Set {1} in the environment' }}", env,
                                                 safe_env_var(c.names))};
    }
    return TextEdit{s->begin, s->end, env};
  }
  if (s->interpolation == Interpolation::DollarBrace) {
    return TextEdit{c.token_begin, c.token_end, "${env:" + safe_env_var(c.names) + "}"};
  }
  return embed_in_literal(c, s, env);
}

// A Dockerfile `RUN <<'EOF'` whose heredoc is the script itself: the shell running the script
// expands ${X} in it whatever the quoting of the delimiter.
bool dockerfile_script_heredoc(const FixContext& c, const SourceSpan& s) {
  if (c.language != Language::Dockerfile) return false;
  const std::size_t line = c.source.line_start(s.opener_begin);
  std::string_view head = trim(c.text.substr(line, s.opener_begin - line));
  while (!head.empty() && (head.back() == '<' || head.back() == '-' || head.back() == '~')) head.remove_suffix(1);
  head = trim(head);
  return head.size() == 3 && (head[0] | 0x20) == 'r' && (head[1] | 0x20) == 'u' && (head[2] | 0x20) == 'n';
}

// Backslash before every character an unquoted heredoc body would expand or remove.
std::string escape_heredoc_body(std::string_view body) {
  std::string out;
  for (char ch : body) {
    if (ch == '$' || ch == '`' || ch == '\\') out.push_back('\\');
    out.push_back(ch);
  }
  return out;
}

// Pulumi.<stack>.yaml: the `config:` entry holding the token, as its config key (nested keys
// joined as a --path key: "proj:key.field") and the lines it spans.
struct StackConfigEntry {
  std::string key;
  bool path = false;
  std::size_t begin = 0, end = 0;
};

std::size_t yaml_indent(std::string_view line) { return std::min(line.find_first_not_of(' '), line.size()); }

bool comment_or_blank(std::string_view line) { return trim(line).empty() || trim(line).starts_with("#"); }

// The key of a block mapping entry line ("key: value", "'key': value", `key:`), with the
// offset of its value in the line; nullopt for anything else (sequence items, flow mappings).
std::optional<std::pair<std::string, std::size_t>> yaml_entry(std::string_view line) {
  const std::size_t w = yaml_indent(line);
  const std::string_view rest = line.substr(w);
  if (rest.empty() || std::string_view("-?[{#&*!|>%@`").find(rest[0]) != std::string_view::npos) return std::nullopt;
  std::string key;
  std::size_t colon = 0;
  if (rest[0] == '"' || rest[0] == '\'') {
    const auto q = rest.find(rest[0], 1);
    if (q == std::string_view::npos || rest.substr(1, q - 1).find('\\') != std::string_view::npos) return std::nullopt;
    key = std::string(rest.substr(1, q - 1));
    colon = q + 1;
    if (colon >= rest.size() || rest[colon] != ':') return std::nullopt;
  } else {
    for (colon = rest.find(':'); colon != std::string_view::npos; colon = rest.find(':', colon + 1)) {
      if (colon + 1 == rest.size() || rest[colon + 1] == ' ' || rest[colon + 1] == '\t') break;
    }
    if (colon == std::string_view::npos) return std::nullopt;
    key = std::string(trim(rest.substr(0, colon)));
  }
  if (key.empty()) return std::nullopt;
  return std::pair{std::move(key), w + colon + 1};
}

std::optional<StackConfigEntry> stack_config_entry(const FixContext& c) {
  const std::size_t line = c.source.line_start(c.token_begin);
  const auto entry = yaml_entry(c.source.line_at(line));
  if (!entry || c.token_begin < line + entry->second) return std::nullopt;  // the token is not in the value
  std::vector<std::string> keys{entry->first};
  std::size_t indent = yaml_indent(c.source.line_at(line));
  for (std::size_t pos = line; indent > 0 && pos > 0;) {
    pos = c.source.line_start(pos - 1);
    const std::string_view l = c.source.line_at(pos);
    if (comment_or_blank(l) || yaml_indent(l) >= indent) continue;
    const auto parent = yaml_entry(l);
    if (!parent || !comment_or_blank(l.substr(parent->second))) return std::nullopt;  // not a plain `key:`
    indent = yaml_indent(l);
    keys.insert(keys.begin(), parent->first);
  }
  if (indent > 0 || keys.size() < 2 || keys.front() != "config") return std::nullopt;
  StackConfigEntry out;
  out.path = keys.size() > 2;
  for (std::size_t i = 1; i < keys.size(); ++i) out.key += (i > 1 ? "." : "") + keys[i];
  // The entry goes with the lines that continue its value (indented deeper).
  const std::size_t own = yaml_indent(c.source.line_at(line));
  out.begin = line;
  out.end = c.source.next_line(line);
  for (std::size_t pos = out.end; pos < c.text.size(); pos = c.source.next_line(pos)) {
    const std::string_view l = c.source.line_at(pos);
    if (trim(l).empty()) continue;
    if (yaml_indent(l) <= own || trim(l).starts_with("#")) break;
    out.end = c.source.next_line(pos);
  }
  return out;
}

// A config key from the document is written into the title only when it cannot hold a token
// and needs no shell quoting: letters, digits and "_-.:/", no "pul-".
bool safe_config_key(std::string_view key) {
  return !key.empty() && key.find("pul-") == std::string_view::npos &&
         key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:/") ==
             std::string_view::npos;
}

// The indentation of the entries of the top-level block mapping that starts on the line at
// `header` (the first entry's, as YAML reads it), or nullopt when the block has no entry.
std::optional<std::size_t> block_indent(const FixContext& c, std::size_t header) {
  for (std::size_t q = c.source.next_line(header); q < c.text.size(); q = c.source.next_line(q)) {
    const std::string_view l = c.source.line_at(q);
    if (trim(l).empty() || trim(l).starts_with("#")) continue;
    const auto w = l.find_first_not_of(' ');
    if (w == 0 || w == std::string_view::npos) return std::nullopt;
    return w;
  }
  return std::nullopt;
}

// The indentation the file uses for the entries of its top-level sections (resources,
// variables, outputs, config), so a new block matches it; 2 when no section has entries.
std::size_t file_indent(const FixContext& c) {
  for (std::size_t pos = 0; pos < c.text.size(); pos = c.source.next_line(pos)) {
    const std::string_view line = c.source.line_at(pos);
    const std::string_view trimmed = trim(line);  // empty for a line of tabs (found by fuzz_remediation)
    if (trimmed.empty() || line[0] == ' ' || line[0] == '#' || trimmed.back() != ':') continue;
    if (const auto w = block_indent(c, pos)) return *w;
  }
  return 2;
}

// Pulumi YAML: a "config:" entry declaring the key as a secret string, added once, as a sibling
// of the other entries at their own indentation (or in a new block at the end, indented as the
// file's other sections are).
void add_pulumi_yaml_config(const FixContext& c, EditSet& edits) {
  const auto eol = c.source.eol();
  const std::string key = c.names.config_key;
  for (std::size_t pos = 0; pos < c.text.size(); pos = c.source.next_line(pos)) {
    const std::string_view line = c.source.line_at(pos);
    if (!line.starts_with("config:")) continue;
    const std::string_view rest = trim(line.substr(7));
    if (!rest.empty() && !rest.starts_with("#")) return;  // a flow mapping: left to the user
    const std::size_t w = block_indent(c, pos).value_or(file_indent(c));
    for (std::size_t q = c.source.next_line(pos); q < c.text.size(); q = c.source.next_line(q)) {
      const std::string_view l = c.source.line_at(q);
      if (trim(l).empty() || trim(l).starts_with("#")) continue;
      if (l.find_first_not_of(' ') == 0) break;
      const auto entry = yaml_entry(l);
      if (entry && yaml_indent(l) == w && entry->first == key) return;  // already declared
    }
    const std::string indent(w, ' ');
    const std::string entry = fmt::format("{0}{1}:\n{0}{0}type: string\n{0}{0}secret: true\n", indent, key);
    edits.insert(c.source.next_line(pos), with_eol(entry, eol));
    return;
  }
  const std::string lead = c.source.ends_with_eol() ? "" : "\n";
  const std::string indent(file_indent(c), ' ');
  edits.insert(c.text.size(),
               with_eol(lead + fmt::format("config:\n{0}{1}:\n{0}{0}type: string\n{0}{0}secret: true\n", indent, key), eol));
}

// Pulumi YAML, a token that is the value of an entry of the program's own `config:` block (its
// `default:`, or the entry's whole value): Pulumi YAML resolves no `${...}` there, so the value
// is removed and the entry declared secret; the title says how to set it. nullopt elsewhere.
std::optional<Fix> pulumi_yaml_config_default_fix(const FixContext& c) {
  const auto entry = stack_config_entry(c);
  if (!entry || entry->path != (entry->key.find('.') != std::string::npos)) return std::nullopt;
  const std::size_t line = c.source.line_start(c.token_begin);
  const std::string_view text = c.source.line_at(line);
  const auto own = yaml_entry(text);
  if (!own) return std::nullopt;
  const std::string_view value = trim(text.substr(own->second));
  const std::size_t length = c.token_end - c.token_begin;
  const bool quoted = value.size() == length + 2 && (value[0] == '"' || value[0] == '\'') && value.back() == value[0];
  if (value.size() != length && !quoted) return std::nullopt;  // part of a longer value: left to the user
  const auto dot = entry->key.rfind('.');
  const std::string name = dot == std::string::npos ? entry->key : entry->key.substr(0, dot);
  const std::string field = dot == std::string::npos ? "" : entry->key.substr(dot + 1);
  if (name.find('.') != std::string::npos || (!field.empty() && field != "default")) return std::nullopt;
  const std::string indent(yaml_indent(text), ' ');
  EditSet edits;
  if (field.empty()) {
    // `key: <token>`: the shorthand becomes a declaration.
    const std::size_t w = yaml_indent(text);
    const std::string step = w > 0 ? std::string(w, ' ') : "  ";
    edits.add(line, entry->end,
              with_eol(fmt::format("{0}{1}:\n{0}{2}type: string\n{0}{2}secret: true\n", indent,
                                   std::string(text.substr(w, own->second - w - 1)), step),
                       c.source.eol()));
  } else {
    // `default: <token>` becomes `secret: true`, unless the entry already says so.
    bool has_secret = false;
    for (std::size_t q = c.source.line_start(entry->begin); q > 0;) {
      q = c.source.line_start(q - 1);
      const std::string_view l = c.source.line_at(q);
      if (comment_or_blank(l)) continue;
      if (yaml_indent(l) != indent.size()) break;
      if (const auto e = yaml_entry(l); e && e->first == "secret") has_secret = true;
    }
    for (std::size_t q = entry->end; q < c.text.size(); q = c.source.next_line(q)) {
      const std::string_view l = c.source.line_at(q);
      if (comment_or_blank(l)) continue;
      if (yaml_indent(l) != indent.size()) break;
      if (const auto e = yaml_entry(l); e && e->first == "secret") has_secret = true;
    }
    edits.add(line, entry->end, has_secret ? "" : with_eol(indent + "secret: true\n", c.source.eol()));
  }
  const std::string key = safe_config_key(name) ? name : "<key>";
  return Fix{FixKind::PulumiConfig, pulumi_yaml_default_title(key), true, edits.take()};
}

// package.json: a token in an npm script (a shell command line in a JSON string). An inline
// `NAME=<token> ` assignment in front of a command is dropped when NAME is the variable the
// fix reads (the Pulumi CLI reads PULUMI_ACCESS_TOKEN from the environment it already has);
// any other use gets the shell script's environment fix on the decoded command line (quoting
// included: a single-quoted token is closed around "${NAME}"), written back JSON-escaped.
// Outside "scripts": nullopt.
std::optional<Fix> package_script_fix(const FixContext& c) {
  const std::size_t line = c.source.line_start(c.token_begin);
  bool in_scripts = false;
  int depth = 0;
  for (std::size_t pos = line; pos > 0 && !in_scripts;) {
    pos = c.source.line_start(pos - 1);
    const std::string_view l = trim(c.source.line_at(pos));
    if (l.starts_with("\"scripts\"") && depth == 0) in_scripts = true;
    for (char ch : l) depth += ch == '}' ? 1 : ch == '{' ? -1 : 0;
    if (depth < 0) break;
  }
  if (!in_scripts) return std::nullopt;
  const std::string name = safe_env_var(c.names);
  EditSet edits;
  const std::string assign = name + "=";
  const std::size_t b = c.token_begin;
  const bool assigned = b >= assign.size() && c.text.substr(b - assign.size(), assign.size()) == assign &&
                        (b == assign.size() || std::string_view("\" ;&|(").find(c.text[b - assign.size() - 1]) !=
                                                   std::string_view::npos);
  if (assigned && c.token_end < c.text.size() && c.text[c.token_end] == ' ') {
    edits.add(b - assign.size(), c.token_end + 1, "");
    return Fix{FixKind::Environment, package_script_title(name), true, edits.take()};
  }
  // The JSON string on this line that holds the token: the script's value.
  std::size_t open = std::string_view::npos;
  for (std::size_t i = line; i < c.token_begin; ++i) {
    if (c.text[i] != '"') continue;
    const std::size_t end = json_string_end(c.text, i);
    if (end == std::string_view::npos) return std::nullopt;
    if (end > c.token_end) {
      open = i;
      break;
    }
    i = end - 1;
  }
  if (open == std::string_view::npos) return std::nullopt;
  const std::size_t close = json_string_end(c.text, open);
  const auto before = json_decode(c.text.substr(open + 1, c.token_begin - open - 1));
  const auto script = json_decode(c.text.substr(open + 1, close - open - 2));
  if (!before || !script) return std::nullopt;
  const auto fixes = fixes_for(*script, before->size(), before->size() + (c.token_end - c.token_begin), Language::Shell,
                               c.names);
  if (fixes.empty() || fixes.front().kind != FixKind::Environment) return std::nullopt;
  edits.add(open, close, json_encode(apply_edits(*script, fixes.front().edits)));
  return make_fix(c, FixKind::Environment, edits, true);
}

// Stack configuration values do not expand environment variables: the plain-text entry is
// removed, and the title gives the command that writes it back as an encrypted `secure:` value.
std::optional<Fix> stack_config_fix(const FixContext& c) {
  const auto entry = stack_config_entry(c);
  if (!entry) return std::nullopt;
  EditSet edits;
  edits.add(entry->begin, entry->end, "");
  const std::string key = safe_config_key(entry->key) ? entry->key : "<key>";
  return Fix{FixKind::PulumiConfig, stack_config_title(key, entry->path), true, edits.take()};
}

}  // namespace

bool add_shell_reference(const FixContext& c, const std::string& ref, EditSet& edits) {
  const SourceSpan* inner = c.lexer.innermost_at(c.token_begin);
  if (inner != nullptr && inner->kind == SourceSpan::Kind::Comment) return edits.add(c.token_begin, c.token_end, ref);
  const SourceSpan* s = c.lexer.string_around(c.token_begin, c.token_end);
  if (s == nullptr) return edits.add(c.token_begin, c.token_end, "\"" + ref + "\"");
  if (s->heredoc && s->interpolation == Interpolation::None && !dockerfile_script_heredoc(c, *s)) {
    // A quoted delimiter ('EOF', "EOF", \EOF) keeps the body literal: unquote it and escape
    // the body instead, so the body reads the same and the reference expands.
    if (s->delimiter.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") !=
        std::string::npos) {
      return false;
    }
    const std::string body = escape_heredoc_body(c.text.substr(s->content_begin, c.token_begin - s->content_begin)) +
                             ref + escape_heredoc_body(c.text.substr(c.token_end, s->content_end - c.token_end));
    return edits.add(s->opener_begin, s->opener_end, s->delimiter) && edits.add(s->content_begin, s->content_end, body);
  }
  if (s->heredoc || s->interpolation == Interpolation::DollarBrace) return edits.add(c.token_begin, c.token_end, ref);
  // Single quotes expand nothing: close them around a double-quoted expansion.
  const bool whole = s->content_begin == c.token_begin && s->content_end == c.token_end;
  if (whole) return edits.add(s->begin, s->end, "\"" + ref + "\"");
  const std::string reopen(c.text.substr(s->begin, s->content_begin - s->begin));
  return edits.add(c.token_begin, c.token_end, "'\"" + ref + "\"" + reopen);
}

std::optional<Fix> config_fix(const FixContext& c, FixKind kind) {
  const bool env = kind == FixKind::Environment;
  const std::string env_ref = "${" + safe_env_var(c.names) + "}";
  switch (c.language) {
    case Language::Shell: {
      const std::string ref = shell_reference(kind, c.names);
      EditSet edits;
      // `X=<token>` with X the variable read: `X="${X}"` would do nothing, so the value
      // requires X instead (bash and sh stop with the message when X is unset or empty).
      const std::string name = safe_env_var(c.names);
      if (const auto value = whole_shell_value(c); env && value && shell_assigns(c, value->first, value->second, name)) {
        edits.add(value->first, value->second, fmt::format("\"${{{0}:?set {0} in the environment}}\"", name));
        return make_fix(c, kind, edits, true);
      }
      if (ref.empty() || !add_shell_reference(c, ref, edits)) return std::nullopt;
      return make_fix(c, kind, edits, env);
    }
    case Language::DotEnv:
      // `X=<token>` becomes `X=${X}` even when X is the variable read: unlike the shell's, this
      // is not a no-op: the loaders (Compose, python-dotenv) expand it to the value X has in
      // their environment and pass that through to the program.
      if (!env) return std::nullopt;
      return single_edit_fix(c, kind, dotenv_edit(c), true);
    case Language::DockerCompose:
    case Language::GitLabCi:  // `variables: {X: ${X}}` stays: a project CI/CD variable X takes precedence anyway
    case Language::Yaml:
      if (!env) return std::nullopt;
      return single_edit_fix(c, kind, {c.token_begin, c.token_end, env_ref}, true);
    case Language::GitHubActions:
      if (!env) return std::nullopt;
      return single_edit_fix(c, kind, {c.token_begin, c.token_end, "${{ secrets." + safe_env_var(c.names) + " }}"},
                             true);
    case Language::PulumiYaml: {
      if (kind != FixKind::PulumiConfig) return std::nullopt;
      if (auto fix = pulumi_yaml_config_default_fix(c)) return fix;
      EditSet edits;
      edits.add(c.token_begin, c.token_end, "${" + c.names.config_key + "}");
      add_pulumi_yaml_config(c, edits);
      return make_fix(c, kind, edits, true);
    }
    case Language::Hcl:
      if (!env) return std::nullopt;
      return hcl_fix(c);
    case Language::PowerShell: {
      if (!env) return std::nullopt;
      const auto edit = powershell_edit(c);
      if (!edit) return std::nullopt;
      return single_edit_fix(c, kind, *edit, true);
    }
    case Language::PulumiStackConfig:
      if (kind != FixKind::PulumiConfig) return std::nullopt;
      return stack_config_fix(c);
    case Language::MavenPom:
      // Maven interpolates ${env.NAME} in any element or attribute value of the POM.
      if (!env) return std::nullopt;
      return single_edit_fix(c, kind, {c.token_begin, c.token_end, "${env." + safe_env_var(c.names) + "}"}, true);
    case Language::VsCodeSettings:
      // VS Code expands ${env:NAME} in launch and task configurations, terminal environments and
      // the settings that resolve variables.
      if (!env) return std::nullopt;
      return single_edit_fix(c, kind, {c.token_begin, c.token_end, "${env:" + safe_env_var(c.names) + "}"}, true);
    case Language::PackageJson:
      if (!env) return std::nullopt;
      return package_script_fix(c);
    default: return std::nullopt;
  }
}

}  // namespace ptl::remediation
