#include "remediation/suppress.h"

#include <string>
#include <string_view>

#include "remediation/remediation.h"
#include "remediation/titles.h"

namespace ptl::remediation {
namespace {

enum class CommentStyle { None, Slash, Hash, Html };

CommentStyle style_of(Language language) {
  switch (language) {
    case Language::TypeScript:
    case Language::JavaScript:
    case Language::Go:
    case Language::CSharp:
    case Language::Java: return CommentStyle::Slash;
    case Language::VsCodeSettings: return CommentStyle::Slash;  // JSON with comments
    case Language::Markdown:
    case Language::MavenPom: return CommentStyle::Html;
    case Language::Json:
    case Language::PlainText:
    case Language::Notebook:
    case Language::PackageJson:
    case Language::PulumiCredentials: return CommentStyle::None;
    default: return CommentStyle::Hash;
  }
}


std::size_t indent_width(std::string_view line) {
  const auto n = line.find_first_not_of(" \t");
  return n == std::string_view::npos ? line.size() : n;
}

bool is_block_header(std::string_view line) {
  std::string_view t = trim(line);
  const auto hash = t.find(" #");
  if (hash != std::string_view::npos) t = trim(t.substr(0, hash));
  while (!t.empty() && (t.back() == '-' || t.back() == '+' || (t.back() >= '0' && t.back() <= '9'))) {
    t.remove_suffix(1);
  }
  return (t.ends_with(": |") || t.ends_with(": >") || t == "- |" || t == "- >" || t == "|" || t == ">" ||
          t.ends_with(":|") || t.ends_with(":>"));
}

// Scripts in CI YAML are shell: a '#' comment inside their block scalar is a
// shell comment, not a change to the program.
bool ci_script_header(std::string_view header) {
  const std::string_view t = trim(header);
  return t.starts_with("run:") || t.starts_with("- run:") || t.starts_with("script:") ||
         t.starts_with("before_script:") || t.starts_with("after_script:") || t.starts_with("- |") ||
         t.starts_with("- >");
}

}  // namespace

bool in_yaml_block_scalar(const SourceText& source, std::size_t pos, std::size_t& header_line_start) {
  std::size_t line = source.line_start(pos);
  std::size_t indent = indent_width(source.line_at(line));
  while (line > 0) {
    line = source.line_start(line - 1);
    const std::string_view l = source.line_at(line);
    if (trim(l).empty()) continue;
    const std::size_t w = indent_width(l);
    if (w >= indent) continue;
    if (is_block_header(l)) {
      header_line_start = line;
      return true;
    }
    if (w == 0) return false;
    indent = w;
  }
  return false;
}

std::optional<Fix> suppress_fix(const FixContext& c) {
  const CommentStyle style = style_of(c.language);
  if (style == CommentStyle::None) return std::nullopt;
  const std::size_t eol = c.source.line_end(c.token_begin);
  const std::string_view line = c.source.line_at(c.token_begin);
  const std::string_view t = trim(line);
  if (t.ends_with('\\')) return std::nullopt;
  if (c.language == Language::Dockerfile) {
    const std::size_t ls = c.source.line_start(c.token_begin);
    const bool continued = ls > 0 && trim(c.source.line_at(ls - 1)).ends_with('\\');
    std::string upper(t.substr(0, 4));
    for (char& ch : upper) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    if (continued || upper != "RUN ") return std::nullopt;
  }
  if (is_yaml(c.language)) {
    std::size_t header = 0;
    if (in_yaml_block_scalar(c.source, c.token_begin, header)) {
      const bool ci = c.language == Language::GitHubActions || c.language == Language::GitLabCi;
      if (!ci || !ci_script_header(c.source.line_at(header))) return std::nullopt;
    }
  }
  std::string text;
  // Where a lexer knows the file, the end of the line must be in code or in
  // a comment that ends there.
  if (eol > 0 && !c.lexer.spans().empty()) {
    const SourceSpan* s = c.lexer.innermost_at(eol - 1);
    const SourceSpan* at_eol = c.lexer.innermost_at(eol);
    if (s != nullptr && s->kind == SourceSpan::Kind::String && !s->closed && s->end >= eol) {
      return std::nullopt;  // the line ends inside a string the text never closes
    }
    if (s != nullptr && s->kind == SourceSpan::Kind::Comment && s->end >= eol) {
      const std::string_view body = c.text.substr(s->begin, eol - s->begin);
      const bool block = body.starts_with("/*") || body.starts_with("<#");
      if (block && s->end > eol) return std::nullopt;  // a block comment going on past this line
      if (block) {
        text = std::string(" ") + (style == CommentStyle::Slash ? "// " : "# ") + std::string(kIgnoreMarker);
      } else {
        text = " " + std::string(kIgnoreMarker);
      }
    } else if (at_eol != nullptr && at_eol->kind != SourceSpan::Kind::Comment) {
      return std::nullopt;  // the line ends inside a string, heredoc or hole
    }
  }
  if (text.empty()) {
    switch (style) {
      case CommentStyle::Slash: text = " // " + std::string(kIgnoreMarker); break;
      case CommentStyle::Html: text = " <!-- " + std::string(kIgnoreMarker) + " -->"; break;
      default: text = " # " + std::string(kIgnoreMarker); break;
    }
  }
  if (line.empty() || line.back() == ' ' || line.back() == '\t') text.erase(0, 1);
  return Fix{FixKind::Suppress, fix_title(FixKind::Suppress, c.language, c.names), false, {{eol, eol, text}}};
}

}  // namespace ptl::remediation
