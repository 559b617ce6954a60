#pragma once

#include <cstddef>
#include <string_view>

#include "remediation/edit_set.h"
#include "remediation/language.h"
#include "remediation/names.h"
#include "remediation/source_lexer.h"

namespace ptl::remediation {

// A document with its line arithmetic and its lexer: built once per fixes_for call, and once
// per round of fix_all for all the tokens of that round.
struct LexedText {
  LexedText(std::string_view text, Language language) : source(text), lexer(text, language) {}
  SourceText source;
  SourceLexer lexer;
};

// Everything a fix builder reads about one token: the document, the token's
// span (valid: token_begin < token_end <= text.size()), the language, the
// names, and the lexed document.
struct FixContext {
  FixContext(const LexedText& doc, std::size_t begin, std::size_t end, Language language_in, const Names& names_in)
      : text(doc.source.text()), token_begin(begin), token_end(end), language(language_in), names(names_in),
        source(doc.source), lexer(doc.lexer) {}

  std::string_view text;
  std::size_t token_begin, token_end;
  Language language;
  const Names& names;
  const SourceText& source;
  const SourceLexer& lexer;
};

}  // namespace ptl::remediation
