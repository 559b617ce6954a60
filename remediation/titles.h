#pragma once

#include <string>

#include "remediation/fix.h"
#include "remediation/language.h"
#include "remediation/names.h"

namespace ptl::remediation {

// The code-action title of a fix. Built from the names only, so it never
// holds the token.
std::string fix_title(FixKind kind, Language language, const Names& names);

}  // namespace ptl::remediation
