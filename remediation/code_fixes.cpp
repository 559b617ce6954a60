#include "remediation/code_fixes.h"

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "remediation/await_context.h"
#include "remediation/import_region.h"
#include "remediation/lookup_snippets.h"
#include "remediation/titles.h"
#include "remediation/value_context.h"

namespace ptl::remediation {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim_left(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  return b == std::string_view::npos ? std::string_view{} : s.substr(b);
}

// The innermost class (or record/struct) body holding pos, as the offsets of
// its braces; C# and Java helpers go into it.
std::optional<std::pair<std::size_t, std::size_t>> enclosing_class(const FixContext& c, std::size_t pos) {
  for (const auto& [open, close] : c.lexer.enclosing('{', '}', pos)) {
    const auto stop = c.text.substr(0, open).find_last_of(";{}");
    const std::size_t from = stop == std::string_view::npos ? 0 : stop + 1;
    const std::string header(c.text.substr(from, open - from));
    const bool is_class = header.find("class ") != std::string::npos || header.find("record ") != std::string::npos ||
                          header.find("struct ") != std::string::npos;
    if (is_class) return std::make_pair(open, close);
  }
  return std::nullopt;
}

// The name @pulumi/pulumi is bound to, written into every Config lookup: only a plain
// identifier is taken from the text (it cannot hold a token, which has a '-').
void set_alias(FileFacts& facts, std::string_view name) {
  const bool identifier = !name.empty() && !(name[0] >= '0' && name[0] <= '9') &&
                          name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$") ==
                              std::string_view::npos;
  if (identifier) facts.pulumi_alias = std::string(name);
}

FileFacts file_facts(const FixContext& c) {
  FileFacts facts;
  if (c.language == Language::TypeScript || c.language == Language::JavaScript) {
    for (const std::string_view from : {"\"@pulumi/pulumi\"", "'@pulumi/pulumi'"}) {
      const auto at = c.source.first_of(from);
      if (at == std::string_view::npos) continue;
      const auto line = c.text.substr(c.source.line_start(at), at - c.source.line_start(at));
      if (const auto as = line.find("* as "); as != std::string_view::npos) {
        auto name = line.substr(as + 5);
        set_alias(facts, name.substr(0, name.find_first_of(" \t")));
      } else if (line.find("require(") != std::string_view::npos) {
        const auto eq = line.find('=');
        auto name = trim_left(line.substr(0, eq));
        for (const std::string_view kw : {"const ", "let ", "var "}) {
          if (name.starts_with(kw)) name = trim_left(name.substr(kw.size()));
        }
        set_alias(facts, name.substr(0, name.find_first_of(" \t=")));
      }
    }
  }
  if (c.language == Language::TypeScript || c.language == Language::JavaScript) {
    facts.await_allowed = await_allowed(c.text, c.lexer, c.token_begin);
  }
  if (c.language == Language::CSharp) facts.csharp_in_class = enclosing_class(c, c.token_begin).has_value();
  return facts;
}

// Python joins adjacent literals ("a" "b"); a literal replaced by an expression
// must then be joined with '+'.
std::pair<std::string, std::string> python_joins(const FixContext& c, const SourceSpan& s) {
  if (c.language != Language::Python) return {};
  std::string before, after;
  std::size_t i = s.begin;
  while (i > 0 && is_space(c.text[i - 1])) --i;
  if (i > 0 && i < s.begin) {
    const SourceSpan* prev = c.lexer.innermost_at(i - 1);
    if (prev != nullptr && prev->kind == SourceSpan::Kind::String && prev->end == i) before = "+ ";
  }
  std::size_t j = s.end;
  while (j < c.text.size() && is_space(c.text[j])) ++j;
  if (j > s.end && j < c.text.size()) {
    const SourceSpan* next = c.lexer.innermost_at(j);
    if (next != nullptr && next->kind == SourceSpan::Kind::String && next->begin == j) after = " +";
  }
  return {before, after};
}

// The literal's text with the token replaced by a Pulumi apply() of its value.
std::string wrap_output(const FixContext& c, const std::string& output, const std::string& inner) {
  switch (c.language) {
    case Language::Python: return fmt::format("{}.apply(lambda token: {})", output, inner);
    case Language::Go:
      return fmt::format("{}.ApplyT(func(token string) string {{ return {} }}).(pulumi.StringOutput)", output, inner);
    case Language::CSharp: return fmt::format("{}.Apply(token => {})", output, inner);
    case Language::Java: return fmt::format("{}.applyValue(token -> {})", output, inner);
    default: return fmt::format("{}.apply((token) => {})", output, inner);
  }
}

std::string indent_lines(std::string_view code, std::string_view indent) {
  std::string out;
  bool line_start = true;
  for (char ch : code) {
    if (line_start && ch != '\n') out.append(indent);
    out.push_back(ch);
    line_start = ch == '\n';
  }
  return out;
}

bool helper_present(const FixContext& c, const Lookup& l) {
  std::string signature;
  switch (c.language) {
    case Language::Python: signature = "def " + l.helper_name + "("; break;
    case Language::Go: signature = "func " + l.helper_name + "("; break;
    case Language::CSharp: signature = "string " + l.helper_name + "("; break;
    case Language::Java: signature = "String " + l.helper_name + "("; break;
    default: signature = "function " + l.helper_name + "("; break;
  }
  return c.source.first_of(signature) != std::string_view::npos;
}

bool next_line_blank(const FixContext& c, std::size_t at) {
  return at >= c.text.size() || c.source.line_at(at).find_first_not_of(" \t\r") == std::string_view::npos;
}

void add_helper(const FixContext& c, const Lookup& l, const ImportRegion& imports, EditSet& edits) {
  if (l.helper_name.empty() || helper_present(c, l)) return;
  const auto eol = c.source.eol();
  switch (c.language) {
    case Language::Python:
    case Language::TypeScript:
    case Language::JavaScript: {
      const std::size_t at = imports.end();
      const std::string gap = c.language == Language::Python ? "\n\n" : "\n";
      std::string text = (at > 0 ? gap : "") + l.helper_code;
      if (at < c.text.size()) text += next_line_blank(c, at) ? gap.substr(1) : gap;
      edits.insert(at, with_eol(text, eol));
      return;
    }
    case Language::Go: {
      const std::string lead = c.source.ends_with_eol() ? "\n" : "\n\n";
      edits.insert(c.text.size(), with_eol(lead + l.helper_code, eol));
      return;
    }
    default: break;
  }
  // C# and Java: a private static method at the end of the enclosing class.
  if (const auto cls = enclosing_class(c, c.token_begin)) {
    const std::size_t close = cls->second;
    const std::string_view class_indent = c.source.indent_at(cls->first);
    const std::string unit = class_indent.find('\t') != std::string_view::npos ? "\t" : "    ";
    const std::string indent = std::string(class_indent) + unit;
    const bool brace_alone = c.source.indent_at(close).size() == close - c.source.line_start(close);
    std::string text = "\n" + indent_lines(l.helper_code, indent);
    if (brace_alone) {
      edits.insert(c.source.line_start(close), with_eol(text, eol));
    } else {
      edits.insert(close, with_eol("\n" + text + std::string(class_indent), eol));
    }
    return;
  }
  // C# top-level statements: a local function after the statements, before
  // the first type declaration if there is one.
  std::size_t at = c.text.size();
  for (std::size_t pos = c.source.next_line(c.token_begin); pos < c.text.size(); pos = c.source.next_line(pos)) {
    const auto line = c.source.line_at(pos);
    for (const std::string_view kw : {"namespace ", "class ", "public ", "internal ", "record ", "static class "}) {
      if (line.starts_with(kw) && c.lexer.in_code(pos)) {
        at = pos;
        break;
      }
    }
    if (at != c.text.size()) break;
  }
  const std::string lead = (at == c.text.size() && !c.source.ends_with_eol()) ? "\n\n" : "\n";
  edits.insert(at, with_eol(lead + l.helper_code + (at == c.text.size() ? "" : "\n"), eol));
}

// What relax_constant did with the literal's edit.
enum class Relaxed { Unchanged, Moved, Impossible };

// The parenthesis pair of the Go `const ( ... )` group holding pos, if any.
std::optional<std::pair<std::size_t, std::size_t>> go_const_group(const FixContext& c, std::size_t pos) {
  for (const auto& [open, close] : c.lexer.enclosing('(', ')', pos)) {
    const std::string_view head = trim(c.text.substr(c.source.line_start(open), open - c.source.line_start(open)));
    const bool is_const = head == "const" || head.ends_with(" const") || head.ends_with("\tconst");
    if (is_const) return std::make_pair(open, close);
  }
  return std::nullopt;
}

// Whether the Go line holding pos ends (comments and blanks aside) in the middle of an
// expression, so the spec goes on on the next line.
bool go_line_continues(const FixContext& c, std::size_t pos) {
  const std::size_t begin = c.source.line_start(pos);
  std::size_t p = c.source.line_end(pos);
  while (p > begin) {
    const SourceSpan* span = c.lexer.innermost_at(p - 1);
    if (span != nullptr && span->kind == SourceSpan::Kind::Comment) {
      p = std::max(span->begin, begin);
    } else if (c.text[p - 1] == ' ' || c.text[p - 1] == '\t' || c.text[p - 1] == '\r') {
      --p;
    } else {
      return std::string_view("+-*/%&|^<>=,(!.").find(c.text[p - 1]) != std::string_view::npos;
    }
  }
  return false;
}

// A spec of a Go `const ( ... )` group whose literal becomes a call moves out of the group into
// a `var` declaration right after it, with the literal already rewritten. Impossible when the
// next spec has no value of its own (it repeats this one's, iota style) or the spec shares a
// line with the group's parentheses.
Relaxed move_out_of_const_group(const FixContext& c, const SourceSpan& s, std::pair<std::size_t, std::size_t> group,
                                const TextEdit& literal, EditSet& edits) {
  const auto [open, close] = group;
  std::size_t first = c.source.line_start(s.begin);
  while (first > 0 && c.source.line_start(first - 1) > open && go_line_continues(c, first - 1)) {
    first = c.source.line_start(first - 1);
  }
  std::size_t last_end = c.source.line_end(s.end);
  while (go_line_continues(c, last_end) && c.source.next_line(last_end) < close) {
    last_end = c.source.line_end(c.source.next_line(last_end));
  }
  if (first <= open || last_end >= close || literal.begin < first || literal.end > last_end) return Relaxed::Impossible;
  for (std::size_t pos = c.source.next_line(last_end); pos < c.source.line_start(close); pos = c.source.next_line(pos)) {
    const std::string_view next = trim(c.source.line_at(pos));
    if (next.empty() || next.starts_with("//")) continue;
    if (next.find('=') == std::string_view::npos) return Relaxed::Impossible;
    break;
  }
  const std::size_t spec_begin = first + c.source.indent_at(first).size();
  std::string spec(c.text.substr(spec_begin, last_end - spec_begin));
  spec.replace(literal.begin - spec_begin, literal.end - literal.begin, literal.new_text);
  const std::string indent(c.source.indent_at(c.source.line_start(open)));
  edits.add(first, c.source.next_line(last_end), "");
  edits.insert(c.source.line_end(close), with_eol("\n\n" + indent + "var " + spec, c.source.eol()));
  return Relaxed::Moved;
}

// Go constants and C# const fields cannot hold a call: the declaration becomes
// a variable (Go var, C# static readonly field or plain local).
Relaxed relax_constant(const FixContext& c, const SourceSpan* s, const TextEdit& literal, EditSet& edits) {
  if (s == nullptr || (c.language != Language::Go && c.language != Language::CSharp)) return Relaxed::Unchanged;
  if (c.language == Language::Go) {
    if (const auto group = go_const_group(c, s->begin)) return move_out_of_const_group(c, *s, *group, literal, edits);
  }
  const std::size_t line = c.source.line_start(s->begin);
  const std::string_view head = c.text.substr(line, s->begin - line);
  const auto at = head.find("const ");
  if (at == std::string_view::npos || (at > 0 && !is_space(head[at - 1]))) return Relaxed::Unchanged;
  if (c.language == Language::Go) {
    edits.add(line + at, line + at + 5, "var");
    return Relaxed::Unchanged;
  }
  const auto cls = enclosing_class(c, s->begin);
  // A field when no brace inside the class (a method body) is around the literal.
  const bool field = cls && c.lexer.enclosing('{', '}', s->begin).front() == *cls;
  edits.add(line + at, line + at + 6, field ? "static readonly " : "");
  return Relaxed::Unchanged;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\f\r") == std::string_view::npos; }

// The incidental indentation of a Java text block's content (from after the opening line to
// the closing delimiter): the fewest leading blanks over the non-blank lines and the closing
// line, returned as the blanks of a line that has exactly that many.
std::string_view text_block_indent(std::string_view content) {
  std::string_view best;
  bool found = false;
  for (std::size_t from = 0;;) {
    const auto nl = content.find('\n', from);
    const bool last = nl == std::string_view::npos;
    const std::string_view line = content.substr(from, last ? std::string_view::npos : nl - from);
    if (last || !is_blank(line)) {
      const auto n = std::min(line.find_first_not_of(" \t\f"), line.size());
      if (!found || n < best.size()) best = line.substr(0, n);
      found = true;
    }
    if (last) return best;
    from = nl + 1;
  }
}

// A Java text block split around the token. The compiler strips the incidental indentation
// and each line's trailing blanks, so each piece keeps them explicitly: the first piece ends
// in a `\<newline>` continuation (its trailing blanks are then not trailing) and closes on a
// line of exactly the indentation; the second opens on a line of its own (a text block's
// opening quotes must end their line) and starts with the indentation, plus a `\<newline>`
// line of exactly the indentation when its own lines would otherwise be indented deeper.
std::pair<std::string, std::string> split_text_block(const FixContext& c, const SourceSpan& s) {
  if (c.token_begin == s.content_begin && c.token_end == s.content_end) return {};
  const std::string_view eol = c.source.eol();
  const std::string_view indent = text_block_indent(c.text.substr(s.content_begin, s.content_end - s.content_begin));
  const std::string_view open = c.text.substr(s.begin, s.content_begin - s.begin);
  std::string before = std::string(open) + std::string(c.text.substr(s.content_begin, c.token_begin - s.content_begin)) +
                       "\\" + std::string(eol) + std::string(indent) + "\"\"\"";
  std::string rest = std::string(indent) + std::string(c.text.substr(c.token_end, s.content_end - c.token_end));
  if (text_block_indent(rest).size() != indent.size()) rest = std::string(indent) + "\\" + std::string(eol) + rest;
  std::pair<std::string, std::string> parts{std::move(before), "\"\"\"" + std::string(eol) + rest + "\"\"\""};
  if (c.token_begin == s.content_begin) parts.first.clear();
  if (c.token_end == s.content_end) parts.second.clear();
  return parts;
}

// A literal whose value runs from the line after its opening line to the line break before its
// closing line (a multi-line C# raw string, whose closing line's blanks are removed from every
// line; a PowerShell here-string) split around the token: each piece keeps the opening line
// and closes on a line of its own with the original closing line's blanks. nullopt when the
// token is on the opening or closing line, or when either line holds more than blanks (not a
// valid literal: each piece would copy that text, tokens included); a piece with nothing in it
// is left empty.
std::optional<std::pair<std::string, std::string>> split_line_delimited(const FixContext& c, const SourceSpan& s,
                                                                        std::size_t body_begin) {
  const auto last_nl = c.text.substr(0, s.content_end).rfind('\n');
  if (last_nl == std::string_view::npos || last_nl < body_begin) return std::nullopt;
  if (c.token_begin < body_begin || c.token_end > last_nl) return std::nullopt;
  const auto blank = [](std::string_view t) { return t.find_first_not_of(" \t\r\n") == std::string_view::npos; };
  if (!blank(c.text.substr(s.content_begin, body_begin - s.content_begin)) ||
      !blank(c.text.substr(last_nl + 1, s.content_end - last_nl - 1))) {
    return std::nullopt;
  }
  const std::string_view eol = c.source.eol();
  const std::string open(c.text.substr(s.begin, body_begin - s.begin));  // prefix, quotes, line break
  // The opening line holds only its delimiter ("@'", '@"', C#'s $ and quotes): text after it is
  // not valid (PowerShell: no characters after a here-string header) and each piece would copy
  // it, a token included (found by fuzz_remediation).
  if (open.find_first_not_of("@'\"$ \t\r\n") != std::string::npos) return std::nullopt;
  const std::string closing(c.text.substr(last_nl + 1, s.content_end - last_nl - 1));
  const std::string quotes(c.text.substr(s.content_end, s.end - s.content_end));
  const std::string_view after = c.text.substr(c.token_end, last_nl - c.token_end);
  std::pair<std::string, std::string> parts;
  if (c.token_begin > body_begin) {
    parts.first = open + std::string(c.text.substr(body_begin, c.token_begin - body_begin)) + std::string(eol) +
                  closing + quotes;
  }
  if (!after.empty() && after != "\r") {
    parts.second = open + closing + std::string(c.text.substr(c.token_end, s.content_end - c.token_end)) + quotes;
  }
  return parts;
}

// The literal's text before and after the token, each as a literal of its own; empty strings
// for a side with nothing; nullopt when the literal cannot be split validly.
std::optional<std::pair<std::string, std::string>> split_literal(const FixContext& c, const SourceSpan& s) {
  if (s.heredoc && c.language == Language::Java) return split_text_block(c, s);
  if (s.heredoc && c.language == Language::PowerShell) return split_line_delimited(c, s, s.content_begin);
  const std::string_view content = c.text.substr(s.content_begin, s.content_end - s.content_begin);
  if (s.heredoc && c.language == Language::CSharp && content.find('\n') != std::string_view::npos) {
    return split_line_delimited(c, s, s.content_begin + content.find('\n') + 1);
  }
  const std::string open(c.text.substr(s.begin, s.content_begin - s.begin));
  const std::string close(c.text.substr(s.content_end, s.end - s.content_end));
  std::pair<std::string, std::string> parts;
  if (c.token_begin > s.content_begin) {
    parts.first = open + std::string(c.text.substr(s.content_begin, c.token_begin - s.content_begin)) + close;
  }
  if (c.token_end < s.content_end) {
    parts.second = open + std::string(c.text.substr(c.token_end, s.content_end - c.token_end)) + close;
  }
  return parts;
}

}  // namespace

std::optional<TextEdit> embed_in_literal(const FixContext& c, const SourceSpan* s, const std::string& expression) {
  if (s == nullptr) return TextEdit{c.token_begin, c.token_end, expression};
  const bool whole = s->content_begin == c.token_begin && s->content_end == c.token_end;
  const auto [before, after] = python_joins(c, *s);
  if (whole) return TextEdit{s->begin, s->end, before + expression + after};
  switch (s->interpolation) {
    case Interpolation::DollarBrace: return TextEdit{c.token_begin, c.token_end, "${" + expression + "}"};
    case Interpolation::Brace: return TextEdit{c.token_begin, c.token_end, "{" + expression + "}"};
    case Interpolation::None: break;
  }
  // Split the literal around the token and concatenate, keeping its own
  // delimiters (and prefix: r"", @"", a Java text block's line break).
  const auto parts = split_literal(c, *s);
  if (!parts) return std::nullopt;
  std::string joined = "(";
  if (!parts->first.empty()) joined += parts->first + " + ";
  joined += expression;
  if (!parts->second.empty()) joined += " + " + parts->second;
  joined += ")";
  return TextEdit{s->begin, s->end, before + joined + after};
}

namespace {

// Whether a fix of `kind` gives a value of the right type where the literal stands (see
// value_context.h): a Pulumi Output only where one is accepted, a config read only where a
// program's stack config is, never a Pulumi call in an Automation API program.
bool applies(FixKind kind, const Lookup& l, const ValueContext& v) {
  if (kind == FixKind::PulumiConfig && !v.config_readable) return false;
  if (!l.pulumi_output) return true;
  return !v.automation && (v.output_ok || v.output_template);
}

}  // namespace

std::optional<Fix> code_fix(const FixContext& c, FixKind kind) {
  const SourceSpan* inner = c.lexer.innermost_at(c.token_begin);
  if (inner != nullptr && inner->kind == SourceSpan::Kind::Comment) return std::nullopt;  // redacted instead
  const SourceSpan* s = c.lexer.string_around(c.token_begin, c.token_end);
  const char quote = (s != nullptr && s->quote == '"' && s->interpolation == Interpolation::Brace) ? '\'' : '"';
  const FileFacts facts = file_facts(c);
  const Lookup l = lookup_for(kind, c.language, c.names, facts, quote);
  if (l.expression.empty()) return std::nullopt;

  // A token in a string literal's delimiters or in one the text leaves unterminated has no
  // literal to rewrite: no fix of this kind rather than one that does nothing or breaks more.
  if (inner != nullptr && inner->kind == SourceSpan::Kind::String && (s == nullptr || !s->closed)) {
    return std::nullopt;
  }
  // Only a fix that gives an Output or reads stack config depends on where the value goes; the
  // others (the preferred environment fix, which fix_all applies to every token) skip the
  // search for a variable's uses.
  const bool depends = l.pulumi_output || kind == FixKind::PulumiConfig;
  const ValueContext v = depends ? value_context(c, s) : ValueContext{};
  if (depends && !applies(kind, l, v)) return std::nullopt;

  EditSet edits;
  std::optional<TextEdit> literal;
  std::vector<std::string> imports = l.imports;
  const bool whole = s == nullptr || (s->content_begin == c.token_begin && s->content_end == c.token_end);
  if (l.pulumi_output && v.output_template) {
    // A hole of `pulumi.interpolate`: the Output goes in as it is and the tag stays.
    literal = TextEdit{c.token_begin, c.token_end, "${" + l.expression + "}"};
  } else if (l.pulumi_output && !whole) {
    // The inner string is rebuilt around a plain `token` variable, then the whole literal (or
    // the Go pulumi.String call around it) becomes an apply() of the Output.
    const std::optional<TextEdit> inner_edit = embed_in_literal(c, s, "token");
    if (!inner_edit) return std::nullopt;
    std::string inner_text(c.text.substr(s->begin, s->end - s->begin));
    inner_text.replace(inner_edit->begin - s->begin, inner_edit->end - inner_edit->begin, inner_edit->new_text);
    const auto [b, e] = v.wrapper.value_or(std::make_pair(s->begin, s->end));
    literal = TextEdit{b, e, wrap_output(c, l.expression, inner_text)};
    if (c.language == Language::Go) imports.emplace_back("\"github.com/pulumi/pulumi/sdk/v3/go/pulumi\"");
  } else if (l.pulumi_output && v.wrapper) {
    literal = TextEdit{v.wrapper->first, v.wrapper->second, l.expression};
  } else {
    literal = embed_in_literal(c, s, l.expression);
  }
  if (!literal) return std::nullopt;
  const ImportRegion region(c.source, c.lexer, c.language);
  region.add(imports, edits);
  add_helper(c, l, region, edits);
  switch (relax_constant(c, s, *literal, edits)) {
    case Relaxed::Impossible: return std::nullopt;
    case Relaxed::Moved: break;
    case Relaxed::Unchanged:
      if (!edits.add(literal->begin, literal->end, literal->new_text)) return std::nullopt;
      break;
  }
  return Fix{kind, fix_title(kind, c.language, c.names), kind == FixKind::Environment, edits.take()};
}

}  // namespace ptl::remediation
