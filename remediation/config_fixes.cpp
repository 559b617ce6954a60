#include "remediation/config_fixes.h"

#include <fmt/format.h>

#include <string_view>

#include "remediation/code_fixes.h"
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
    case FixKind::Suppress: break;
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

// Pulumi YAML: a "config:" entry declaring the key as a secret string, added
// once (to the existing top-level config block, or as a new block at the end).
void add_pulumi_yaml_config(const FixContext& c, EditSet& edits) {
  const auto eol = c.source.eol();
  const std::string key = c.names.config_key;
  for (std::size_t pos = 0; pos < c.text.size(); pos = c.source.next_line(pos)) {
    const std::string_view line = c.source.line_at(pos);
    if (!line.starts_with("config:")) continue;
    const std::string_view rest = trim(line.substr(7));
    if (!rest.empty() && !rest.starts_with("#")) return;  // a flow mapping: left to the user
    std::string indent = "  ";
    for (std::size_t q = c.source.next_line(pos); q < c.text.size(); q = c.source.next_line(q)) {
      const std::string_view l = c.source.line_at(q);
      if (trim(l).empty() || trim(l).starts_with("#")) continue;
      const auto w = l.find_first_not_of(' ');
      if (w == 0 || w == std::string_view::npos) break;
      indent = std::string(w, ' ');
      if (l.substr(w).starts_with(key + ":")) return;  // already declared
    }
    const std::string entry = fmt::format("{0}{1}:\n{0}{0}type: string\n{0}{0}secret: true\n", indent, key);
    edits.insert(c.source.next_line(pos), with_eol(entry, eol));
    return;
  }
  const std::string lead = c.source.ends_with_eol() ? "" : "\n";
  edits.insert(c.text.size(), with_eol(lead + fmt::format("config:\n  {}:\n    type: string\n    secret: true\n", key), eol));
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
  if (c.text.find("variable \"" + var + "\"") == std::string_view::npos) {
    const std::string lead = c.source.ends_with_eol() ? "\n" : "\n\n";
    const std::string block = fmt::format("{}variable \"{}\" {{\n  type      = string\n  sensitive = true\n}}\n", lead, var);
    edits.insert(c.text.size(), with_eol(block, c.source.eol()));
  }
  return make_fix(c, FixKind::Environment, edits, true);
}

// PowerShell: $env:X, ${env:X} inside expandable strings, concatenation out of
// single-quoted ones.
TextEdit powershell_edit(const FixContext& c) {
  const std::string env = "$env:" + safe_env_var(c.names);
  const SourceSpan* s = c.lexer.string_around(c.token_begin, c.token_end);
  if (s == nullptr) return {c.token_begin, c.token_end, env};
  const bool whole = s->content_begin == c.token_begin && s->content_end == c.token_end;
  if (whole && !s->heredoc) return {s->begin, s->end, env};
  if (s->interpolation == Interpolation::DollarBrace) {
    return {c.token_begin, c.token_end, "${env:" + safe_env_var(c.names) + "}"};
  }
  if (s->heredoc) return {c.token_begin, c.token_end, env};
  return embed_in_literal(c, s, env);
}

}  // namespace

TextEdit shell_reference_edit(const FixContext& c, const std::string& ref) {
  const SourceSpan* inner = c.lexer.innermost_at(c.token_begin);
  if (inner != nullptr && inner->kind == SourceSpan::Kind::Comment) return {c.token_begin, c.token_end, ref};
  const SourceSpan* s = c.lexer.string_around(c.token_begin, c.token_end);
  if (s == nullptr) return {c.token_begin, c.token_end, "\"" + ref + "\""};
  if (s->heredoc || s->interpolation == Interpolation::DollarBrace) return {c.token_begin, c.token_end, ref};
  // Single quotes expand nothing: close them around a double-quoted expansion.
  const bool whole = s->content_begin == c.token_begin && s->content_end == c.token_end;
  if (whole) return {s->begin, s->end, "\"" + ref + "\""};
  const std::string reopen(c.text.substr(s->begin, s->content_begin - s->begin));
  return {c.token_begin, c.token_end, "'\"" + ref + "\"" + reopen};
}

std::optional<Fix> config_fix(const FixContext& c, FixKind kind) {
  const bool env = kind == FixKind::Environment;
  const std::string env_ref = "${" + safe_env_var(c.names) + "}";
  switch (c.language) {
    case Language::Shell: {
      const std::string ref = shell_reference(kind, c.names);
      if (ref.empty()) return std::nullopt;
      return single_edit_fix(c, kind, shell_reference_edit(c, ref), env);
    }
    case Language::DotEnv:
      if (!env) return std::nullopt;
      return single_edit_fix(c, kind, dotenv_edit(c), true);
    case Language::DockerCompose:
    case Language::GitLabCi:
    case Language::Yaml:
      if (!env) return std::nullopt;
      return single_edit_fix(c, kind, {c.token_begin, c.token_end, env_ref}, true);
    case Language::GitHubActions:
      if (!env) return std::nullopt;
      return single_edit_fix(c, kind, {c.token_begin, c.token_end, "${{ secrets." + safe_env_var(c.names) + " }}"},
                             true);
    case Language::PulumiYaml: {
      if (kind != FixKind::PulumiConfig) return std::nullopt;
      EditSet edits;
      edits.add(c.token_begin, c.token_end, "${" + c.names.config_key + "}");
      add_pulumi_yaml_config(c, edits);
      return make_fix(c, kind, edits, true);
    }
    case Language::Hcl:
      if (!env) return std::nullopt;
      return hcl_fix(c);
    case Language::PowerShell:
      if (!env) return std::nullopt;
      return single_edit_fix(c, kind, powershell_edit(c), true);
    default: return std::nullopt;
  }
}

}  // namespace ptl::remediation
