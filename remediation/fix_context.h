#pragma once

#include <cstddef>
#include <string_view>

#include "remediation/edit_set.h"
#include "remediation/language.h"
#include "remediation/names.h"
#include "remediation/source_lexer.h"

namespace ptl::remediation {

// Everything a fix builder reads about one token: the document, the token's
// span (valid: token_begin < token_end <= text.size()), the language, the
// names, and the lexed document. Built once per fixes_for call.
struct FixContext {
  FixContext(std::string_view text_in, std::size_t begin, std::size_t end, Language language_in,
             const Names& names_in)
      : text(text_in), token_begin(begin), token_end(end), language(language_in), names(names_in),
        source(text_in), lexer(text_in, language_in) {}

  std::string_view text;
  std::size_t token_begin, token_end;
  Language language;
  const Names& names;
  SourceText source;
  SourceLexer lexer;
};

}  // namespace ptl::remediation
