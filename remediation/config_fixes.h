#pragma once

#include <optional>
#include <string>

#include "remediation/fix.h"
#include "remediation/fix_context.h"

namespace ptl::remediation {

// The fix of one kind (not Suppress) for a token in a shell script, .env file,
// YAML dialect (Compose, GitHub Actions, GitLab CI, Pulumi YAML, plain YAML),
// HCL or PowerShell file: the reference form the file type really expands.
// Shell scripts also get CLI lookups for the secret stores; Pulumi YAML gets a
// config secret instead of an environment variable. nullopt when the kind
// does not apply.
std::optional<Fix> config_fix(const FixContext& context, FixKind kind);

// Shell quoting: the edit writing `reference` (an expansion such as ${X} or
// $(cmd)) in place of the token, whatever quotes surround it. Shared with the
// Dockerfile RUN fix.
TextEdit shell_reference_edit(const FixContext& context, const std::string& reference);

}  // namespace ptl::remediation
