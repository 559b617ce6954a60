#pragma once

#include <optional>

#include "remediation/fix.h"
#include "remediation/fix_context.h"

namespace ptl::remediation {

// Whether the token of `context` is text to read rather than a value the file uses: inside a
// comment (the lexer's comments; a `#` line in YAML, .env and Dockerfiles; an XML comment), or
// anywhere in a file that is documentation or data with no way to reference a secret
// (Markdown, plain text, JSON). There a rewrite into code would be wrong: the token is redacted.
bool token_is_prose(const FixContext& context);

// The Redact fix: the token's 44 bytes become kRedacted, which the detector does not match.
// nullopt where token_is_prose is false.
std::optional<Fix> redact_fix(const FixContext& context);

}  // namespace ptl::remediation
