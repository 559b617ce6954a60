#include "remediation/value_context.h"

#include <string>
#include <string_view>

namespace ptl::remediation {
namespace {

constexpr auto npos = std::string_view::npos;

// How far back a header (a function's parameters, a builder chain) is read.
constexpr std::size_t kMaxHeader = 4096;

bool is_ident(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '$';
}
bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }
bool is_upper(char ch) { return ch >= 'A' && ch <= 'Z'; }

bool in_comment(const FixContext& c, std::size_t pos) {
  const SourceSpan* s = c.lexer.innermost_at(pos);
  return s != nullptr && s->kind == SourceSpan::Kind::Comment;
}

// The offset of the last character before pos that is neither blank nor in a comment, or npos.
std::size_t prev_code(const FixContext& c, std::size_t pos) {
  while (pos > 0) {
    if (is_blank(c.text[pos - 1])) {
      --pos;
    } else if (in_comment(c, pos - 1)) {
      pos = c.lexer.innermost_at(pos - 1)->begin;
    } else {
      return pos - 1;
    }
  }
  return npos;
}

// The offset of the first character at or after pos that is neither blank nor in a comment, or npos.
std::size_t next_code(const FixContext& c, std::size_t pos) {
  while (pos < c.text.size()) {
    if (is_blank(c.text[pos])) {
      ++pos;
    } else if (in_comment(c, pos)) {
      pos = c.lexer.innermost_at(pos)->end;
    } else {
      return pos;
    }
  }
  return npos;
}

char at(const FixContext& c, std::size_t pos) { return pos == npos ? '\0' : c.text[pos]; }

// The identifier ending just before `end` (blanks skipped): [start, stop); empty when none.
std::pair<std::size_t, std::size_t> word_before(const FixContext& c, std::size_t end) {
  while (end > 0 && is_blank(c.text[end - 1])) --end;
  std::size_t start = end;
  while (start > 0 && is_ident(c.text[start - 1])) --start;
  return {start, end};
}

std::string_view word(const FixContext& c, std::pair<std::size_t, std::size_t> w) {
  return c.text.substr(w.first, w.second - w.first);
}

// The dotted name ending just before `end` ("aws.s3.Bucket", "pulumi.String"), and where it
// starts; empty when none.
std::pair<std::size_t, std::string_view> dotted_before(const FixContext& c, std::size_t end) {
  auto w = word_before(c, end);
  if (w.first == w.second) return {end, {}};
  std::size_t start = w.first;
  while (start > 0 && c.text[start - 1] == '.') {
    const auto prev = word_before(c, start - 1);
    if (prev.first == prev.second) break;
    start = prev.first;
  }
  return {start, c.text.substr(start, w.second - start)};
}

std::string_view last_segment(std::string_view dotted) {
  const auto dot = dotted.rfind('.');
  return dot == npos ? dotted : dotted.substr(dot + 1);
}

// The innermost pair of `open`/`close` brackets around pos (open < pos <= close), if any.
std::optional<std::pair<std::size_t, std::size_t>> around(const FixContext& c, char open, char close,
                                                          std::size_t pos) {
  const auto pairs = c.lexer.enclosing(open, close, pos);
  if (pairs.empty()) return std::nullopt;
  return pairs.front();
}

// Whether `open` is directly inside the pair `outer` (no bracket of the other kind between).
bool directly_inside(const FixContext& c, std::size_t open, std::pair<std::size_t, std::size_t> outer,
                     char other_open, char other_close) {
  const auto other = around(c, other_open, other_close, open);
  return !other || other->first < outer.first;
}

// The whole-word uses of the identifier [name_begin, name_end) in code after `from`, not as a
// member (`x.name`); nullopt when there are more than `limit` (the answer is then "unknown").
std::optional<std::vector<std::size_t>> uses_after(const FixContext& c, std::string_view name, std::size_t from,
                                                    std::size_t limit = 64) {
  std::vector<std::size_t> out;
  for (auto i = c.text.find(name, from); i != npos; i = c.text.find(name, i + 1)) {
    const std::size_t end = i + name.size();
    if ((i > 0 && (is_ident(c.text[i - 1]) || c.text[i - 1] == '.')) ||
        (end < c.text.size() && is_ident(c.text[end])) || !c.lexer.in_code(i)) {
      continue;
    }
    if (out.size() == limit) return std::nullopt;
    out.push_back(i);
  }
  return out;
}

// ---- TypeScript / JavaScript -----------------------------------------------------------

// Whether the template literal `s` is tagged `<name>.interpolate`.
bool interpolate_tag(const FixContext& c, const SourceSpan& s) {
  if (s.quote != '`') return false;
  const auto [start, name] = dotted_before(c, s.begin);
  return last_segment(name) == "interpolate" && name.find('.') != npos;
}

// Whether the object literal opening at `open` is (a property value nested in) the arguments
// object of `new a.b.Name(...)`: resource arguments, which take Inputs.
bool ts_resource_args(const FixContext& c, std::size_t open) {
  for (int depth = 0; depth < 8; ++depth) {
    const std::size_t p = prev_code(c, open);
    if (at(c, p) == ':') {
      const auto outer = around(c, '{', '}', open);
      if (!outer) return false;
      open = outer->first;
      continue;
    }
    if (at(c, p) != '(' && at(c, p) != ',') return false;
    const auto call = around(c, '(', ')', open);
    if (!call || !directly_inside(c, open, *call, '{', '}')) return false;
    const auto [start, name] = dotted_before(c, call->first);
    return !name.empty() && is_upper(last_segment(name).front()) && word(c, word_before(c, start)) == "new";
  }
  return false;
}

// Whether [begin, end) is a whole property value (`key: <here>,` or a shorthand `{ <here> }`)
// of a resource's arguments.
bool ts_resource_value(const FixContext& c, std::size_t begin, std::size_t end) {
  const char next = at(c, next_code(c, end));
  if (next != ',' && next != '}') return false;
  const char prev = at(c, prev_code(c, begin));
  if (prev != ':' && prev != '{' && prev != ',') return false;
  const auto object = around(c, '{', '}', begin);
  return object && ts_resource_args(c, object->first);
}

// Whether the use of a variable at [begin, end) accepts an Output: a resource input, the whole
// hole of a `pulumi.interpolate` template, or the value of an exported const (a stack output).
bool ts_output_use(const FixContext& c, std::size_t begin, std::size_t end) {
  if (ts_resource_value(c, begin, end)) return true;
  if (const SourceSpan* hole = c.lexer.innermost_at(begin); hole != nullptr && hole->kind == SourceSpan::Kind::Hole) {
    const SourceSpan* tpl = c.lexer.string_around(hole->begin, hole->end);
    return tpl != nullptr && interpolate_tag(c, *tpl) && at(c, prev_code(c, begin)) == '{' &&
           at(c, next_code(c, end)) == '}';
  }
  const std::size_t eq = prev_code(c, begin);
  if (at(c, eq) != '=') return false;
  const auto name = word_before(c, eq);
  const auto kw = word_before(c, name.first);
  return word(c, kw) == "const" && word(c, word_before(c, kw.first)) == "export";
}

// `const name = <literal>;` (let, var; export allowed): the declared name, when its every use
// accepts an Output.
bool ts_variable_flows_to_outputs(const FixContext& c, const SourceSpan& s) {
  const char next = at(c, next_code(c, s.end));
  if (next != ';' && next != '\0' && c.source.line_start(next_code(c, s.end)) == c.source.line_start(s.end)) {
    return false;
  }
  const std::size_t eq = prev_code(c, s.begin);
  if (at(c, eq) != '=' || (eq > 0 && std::string_view("=!<>+-*/").find(c.text[eq - 1]) != npos)) return false;
  const auto name = word_before(c, eq);
  const std::string_view kw = word(c, word_before(c, name.first));
  if (name.first == name.second || (kw != "const" && kw != "let" && kw != "var")) return false;
  const bool exported = word(c, word_before(c, word_before(c, name.first).first)) == "export";
  const auto uses = uses_after(c, word(c, name), s.end);
  if (!uses) return false;
  for (const std::size_t u : *uses) {
    if (!ts_output_use(c, u, u + (name.second - name.first))) return false;
  }
  return exported || !uses->empty();
}

// ---- Python -----------------------------------------------------------------------------

// Whether [begin, end) is a whole keyword argument (`name=<here>`) of a call of a capitalised
// callee (a resource), or the value argument of `pulumi.export(name, <here>)`.
bool py_resource_value(const FixContext& c, std::size_t begin, std::size_t end) {
  const char next = at(c, next_code(c, end));
  if (next != ',' && next != ')') return false;
  const auto call = around(c, '(', ')', begin);
  if (!call || !directly_inside(c, begin, *call, '[', ']') || !directly_inside(c, begin, *call, '{', '}')) {
    return false;
  }
  const auto [start, callee] = dotted_before(c, call->first);
  const std::size_t p = prev_code(c, begin);
  if (at(c, p) == ',' && last_segment(callee) == "export" && callee.find("pulumi") != npos) return true;
  if (at(c, p) != '=' || (p > 0 && std::string_view("=!<>").find(c.text[p - 1]) != npos)) return false;
  const auto kw = word_before(c, p);
  const char before = at(c, prev_code(c, kw.first));
  return kw.first != kw.second && (before == '(' || before == ',') && !callee.empty() &&
         is_upper(last_segment(callee).front());
}

// `name = <literal>` alone on its line: the name, when its every use is a resource input.
bool py_variable_flows_to_outputs(const FixContext& c, const SourceSpan& s) {
  const std::size_t next = next_code(c, s.end);
  if (next != npos && c.source.line_start(next) == c.source.line_start(s.end)) return false;
  const std::size_t eq = prev_code(c, s.begin);
  if (at(c, eq) != '=' || (eq > 0 && std::string_view("=!<>+-*/:").find(c.text[eq - 1]) != npos)) return false;
  const auto name = word_before(c, eq);
  if (name.first == name.second || name.first != c.source.line_start(eq) + c.source.indent_at(eq).size()) {
    return false;
  }
  const auto uses = uses_after(c, word(c, name), s.end);
  if (!uses || uses->empty()) return false;
  for (const std::size_t u : *uses) {
    if (!py_resource_value(c, u, u + (name.second - name.first))) return false;
  }
  return true;
}

// ---- Go, C#, Java -----------------------------------------------------------------------

// The text of the `n` bytes before pos, at most kMaxHeader.
std::string_view before(const FixContext& c, std::size_t pos) {
  const std::size_t from = pos > kMaxHeader ? pos - kMaxHeader : 0;
  return c.text.substr(from, pos - from);
}

// Whether an enclosing block's header (the text from the previous block boundary to its brace)
// satisfies `pred`: a function taking the Pulumi context.
template <typename Pred>
bool enclosing_header(const FixContext& c, std::size_t pos, Pred pred) {
  for (const auto& [open, close] : c.lexer.enclosing('{', '}', pos)) {
    std::string_view h = before(c, open);
    const auto stop = h.find_last_of(";{}");
    if (stop != npos) h = h.substr(stop + 1);
    if (pred(h)) return true;
  }
  return false;
}

// Go: the `pulumi.String(<literal>)` call around the literal.
std::optional<std::pair<std::size_t, std::size_t>> go_wrapper(const FixContext& c, const SourceSpan& s) {
  const std::size_t open = prev_code(c, s.begin);
  const std::size_t close = next_code(c, s.end);
  if (at(c, open) != '(' || at(c, close) != ')') return std::nullopt;
  const auto [start, name] = dotted_before(c, open);
  if (name != "pulumi.String" && name != "pulumi.StringPtr") return std::nullopt;
  return std::make_pair(start, close + 1);
}

// C#: the value of a member of `new SomethingArgs { Member = <literal>, ... }`.
bool csharp_args_member(const FixContext& c, const SourceSpan& s) {
  const char next = at(c, next_code(c, s.end));
  if (next != ',' && next != '}') return false;
  const std::size_t eq = prev_code(c, s.begin);
  if (at(c, eq) != '=') return false;
  const auto member = word_before(c, eq);
  const char sep = at(c, prev_code(c, member.first));
  if (member.first == member.second || (sep != '{' && sep != ',')) return false;
  const auto object = around(c, '{', '}', s.begin);
  if (!object) return false;
  std::size_t type_end = object->first;
  if (const std::size_t p = prev_code(c, type_end); at(c, p) == ')' && at(c, prev_code(c, p)) == '(') {
    type_end = prev_code(c, p);  // `new ProviderArgs() { ... }`
  }
  const auto [start, type] = dotted_before(c, type_end);
  return type.ends_with("Args") && word(c, word_before(c, start)) == "new";
}

// Java: the sole argument of a builder method in a `SomethingArgs.builder()` chain.
bool java_builder_argument(const FixContext& c, const SourceSpan& s) {
  const std::size_t open = prev_code(c, s.begin);
  if (at(c, open) != '(' || at(c, next_code(c, s.end)) != ')') return false;
  const auto method = word_before(c, open);
  if (method.first == method.second || at(c, prev_code(c, method.first)) != '.') return false;
  std::string_view chain = before(c, method.first);
  if (const auto stop = chain.find_last_of(";{}"); stop != npos) chain = chain.substr(stop + 1);
  return chain.find("Args.builder()") != npos;
}

bool file_has(const FixContext& c, std::string_view needle) { return c.source.first_of(needle) != npos; }

// Whether the file uses a Pulumi SDK at all: without one, no call in it makes a resource, so
// `new Name({...})` or `Name(key=...)` is some other class taking plain values.
bool uses_pulumi(const FixContext& c) {
  switch (c.language) {
    case Language::TypeScript:
    case Language::JavaScript: return file_has(c, "@pulumi/");
    case Language::Python: return file_has(c, "import pulumi") || file_has(c, "from pulumi");
    case Language::Go: return file_has(c, "github.com/pulumi/");
    case Language::CSharp: return file_has(c, "using Pulumi");
    case Language::Java: return file_has(c, "com.pulumi");
    default: return false;
  }
}

}  // namespace

ValueContext value_context(const FixContext& c, const SourceSpan* literal) {
  ValueContext v;
  if (!uses_pulumi(c)) return v;  // no Output fits and no stack config is there to read
  switch (c.language) {
    case Language::TypeScript:
    case Language::JavaScript:
      v.automation = file_has(c, "@pulumi/pulumi/automation") || file_has(c, "LocalWorkspace");
      v.config_readable = !v.automation;
      if (literal == nullptr || v.automation) return v;
      v.output_template = interpolate_tag(c, *literal);
      v.output_ok = v.output_template || ts_resource_value(c, literal->begin, literal->end) ||
                    ts_variable_flows_to_outputs(c, *literal);
      return v;
    case Language::Python:
      v.automation = file_has(c, "pulumi.automation") || file_has(c, "from pulumi import automation");
      v.config_readable = !v.automation;
      if (literal == nullptr || v.automation) return v;
      v.output_ok = py_resource_value(c, literal->begin, literal->end) || py_variable_flows_to_outputs(c, *literal);
      return v;
    case Language::Go:
      v.automation = file_has(c, "/sdk/v3/go/auto\"");
      v.config_readable = !v.automation && enclosing_header(c, c.token_begin, [](std::string_view h) {
        return h.find("func") != npos && h.find("ctx *pulumi.Context") != npos;
      });
      if (literal == nullptr || v.automation) return v;
      v.wrapper = go_wrapper(c, *literal);
      v.output_ok = v.wrapper.has_value();
      return v;
    case Language::CSharp:
      v.automation = file_has(c, "Pulumi.Automation");
      v.config_readable = !v.automation;
      if (literal == nullptr || v.automation) return v;
      v.output_ok = csharp_args_member(c, *literal);
      return v;
    case Language::Java:
      v.automation = file_has(c, "com.pulumi.automation");
      v.config_readable = !v.automation && enclosing_header(c, c.token_begin, [](std::string_view h) {
        return h.find("Context ctx") != npos || (h.find("Pulumi.run(") != npos && h.find("ctx ->") != npos);
      });
      if (literal == nullptr || v.automation) return v;
      v.output_ok = java_builder_argument(c, *literal);
      return v;
    default: return v;
  }
}

}  // namespace ptl::remediation
