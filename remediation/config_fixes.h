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
// config secret instead of an environment variable; a Pulumi stack
// configuration file (Pulumi.<stack>.yaml) gets its plain-text `config:` entry
// removed, with the `pulumi config set --secret` command in the title. Where the
// token is the whole value assigned to the variable the Environment fix reads
// (NAME), reading NAME would be a no-op, so the fix requires NAME instead: in
// shell the value becomes "${NAME:?set NAME in the environment}", in PowerShell
// the statement `$env:NAME = "<token>"` becomes
// `if (-not $env:NAME) { throw 'Set NAME in the environment' }`. nullopt when
// the kind does not apply.
std::optional<Fix> config_fix(const FixContext& context, FixKind kind);

// Shell quoting: adds the edits writing `reference` (an expansion such as ${X}
// or $(cmd)) in place of the token, whatever quotes surround it. In a heredoc
// whose delimiter is quoted (<<'EOF', <<"EOF", <<\EOF: nothing expands) the
// delimiter is unquoted and the body's $, ` and \ escaped, so the body reads
// the same and the reference expands. false when that cannot be done (a
// delimiter that is not a plain word) or an edit overlaps one already held.
// Shared with the Dockerfile RUN fix.
bool add_shell_reference(const FixContext& context, const std::string& reference, EditSet& edits);

}  // namespace ptl::remediation
