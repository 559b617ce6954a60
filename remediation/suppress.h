#pragma once

#include <optional>

#include "remediation/fix.h"
#include "remediation/fix_context.h"

namespace ptl::remediation {

// The Suppress fix: the token's line gets kIgnoreMarker in the file's comment
// syntax (appended to an existing trailing comment when there is one).
// nullopt where it cannot be written without changing the program: languages
// without comments (JSON, plain text), a line that ends inside a string or
// heredoc, a line continued with a backslash, a Dockerfile instruction other
// than RUN, a YAML block scalar that is not a CI script.
std::optional<Fix> suppress_fix(const FixContext& context);

// Whether the line holding pos is inside a YAML block scalar ("key: |"); sets
// header_line_start to the offset of the scalar's header line.
bool in_yaml_block_scalar(const SourceText& source, std::size_t pos, std::size_t& header_line_start);

}  // namespace ptl::remediation
