#pragma once

#include <optional>

#include "remediation/fix.h"
#include "remediation/fix_context.h"

namespace ptl::remediation {

// The Environment fix for a Dockerfile: the token becomes a BuildKit build
// secret instead of a value baked into an image layer.
//  - In `ENV K=<token>` / `ARG K=<token>` the pair is removed (the whole
//    instruction, replaced by a comment saying how to pass the secret, when it
//    was the only pair), and every later RUN of the same stage gets
//    `--mount=type=secret,id=<id>,env=K` so its commands still see $K. K is
//    written only when it is an identifier (which cannot hold a token); any
//    other key gives the configured variable name instead.
//  - In a RUN instruction the token becomes "${NAME}" (shell quoting rules)
//    and that RUN gets the mount.
//  - Elsewhere the token becomes ${NAME}.
// The env= option of secret mounts needs Dockerfile frontend 1.10 or later: a
// `# syntax=docker/dockerfile:1` directive is added when the file has none, and
// an existing one naming docker/dockerfile older than 1.10 (`:1.4`, `:1.9-labs`)
// is raised to `:1` (`:1-labs`). A directive that already allows env= (`:1`,
// `:1.10`, `:labs`, no tag) or names another frontend is left as it is.
std::optional<Fix> dockerfile_fix(const FixContext& context);

}  // namespace ptl::remediation
