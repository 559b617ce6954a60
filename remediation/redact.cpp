#include "remediation/redact.h"

#include <string_view>

#include "remediation/remediation.h"
#include "remediation/titles.h"

namespace ptl::remediation {
namespace {

// Languages whose comments start with '#' and that the lexer does not read.
bool hash_line_comments(Language language) {
  return is_yaml(language) || language == Language::DotEnv || language == Language::Dockerfile;
}

// Whether pos is inside an XML comment: the last "<!--" before it is not closed before it.
bool in_xml_comment(std::string_view text, std::size_t pos) {
  const auto open = text.substr(0, pos).rfind("<!--");
  if (open == std::string_view::npos) return false;
  return text.substr(open + 4, pos - open - 4).find("-->") == std::string_view::npos;
}

}  // namespace

bool token_is_prose(const FixContext& c) {
  switch (c.language) {
    case Language::Markdown:
    case Language::PlainText:
    case Language::Json: return true;
    case Language::MavenPom: return in_xml_comment(c.text, c.token_begin);
    default: break;
  }
  if (hash_line_comments(c.language)) {
    const std::string_view before = trim(c.text.substr(c.source.line_start(c.token_begin),
                                                       c.token_begin - c.source.line_start(c.token_begin)));
    return before.starts_with("#") || before.find(" #") != std::string_view::npos;
  }
  const SourceSpan* inner = c.lexer.innermost_at(c.token_begin);
  return inner != nullptr && inner->kind == SourceSpan::Kind::Comment;
}

std::optional<Fix> redact_fix(const FixContext& c) {
  if (!token_is_prose(c)) return std::nullopt;
  return Fix{FixKind::Redact, fix_title(FixKind::Redact, c.language, c.names), true,
             {TextEdit{c.token_begin, c.token_end, std::string(kRedacted)}}};
}

}  // namespace ptl::remediation
