#pragma once

#include <optional>

#include "remediation/fix.h"
#include "remediation/fix_context.h"

namespace ptl::remediation {

// The fix of one kind (not Suppress) for a token in a program language
// (TypeScript, JavaScript, Python, Go, C#, Java): the literal becomes the
// lookup expression (or interpolation/concatenation when the token is part of
// a larger string), plus imports and one helper per file. nullopt when the
// kind does not apply: inside a comment (redact_fix's), or where its value
// would not type-check (value_context.h).
std::optional<Fix> code_fix(const FixContext& context, FixKind kind);

// How a sync expression is written in place of the token inside the string
// literal `literal` (or in bare code when literal is null): the replacement
// for [begin, end) of the document, or nullopt when the literal cannot be
// split validly around the token (the token on the opening or closing line of
// a C# raw string or PowerShell here-string). Shared with the PowerShell fix.
std::optional<TextEdit> embed_in_literal(const FixContext& context, const SourceSpan* literal,
                                         const std::string& expression);

}  // namespace ptl::remediation
