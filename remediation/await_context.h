#pragma once

#include <cstddef>
#include <string_view>

#include "remediation/source_lexer.h"

namespace ptl::remediation {

// Whether a TypeScript or JavaScript expression written at `pos` may use
// `await`: true only when the nearest enclosing function is async (an
// `async function`, an async method, or an async arrow function, with a
// block body or an expression body).
//
// The top level of a file always gives false: `await` there is a syntax
// error in CommonJS, and in TypeScript it needs `module` set to es2022 or
// later, which Pulumi's project templates do not set. A class, namespace or
// enum body between pos and the function also gives false.
//
// The answer comes from the text around pos, not from a parse: headers it
// cannot read (an unusual mix of arrows and callbacks on one line) give
// false, so a caller that falls back to a form without `await` always writes
// valid code. Linear in the size of the text.
bool await_allowed(std::string_view text, const SourceLexer& lexer, std::size_t pos);

}  // namespace ptl::remediation
