#!/usr/bin/env bash
# Entry of the `pulumi-token-lsp` hook of the pre-commit framework (.pre-commit-hooks.yaml,
# language: script), in the repository being committed to:
#   - at commit: `pulumi-token-lsp scan --staged ARGS...` (what is being committed);
#   - with a revision range (the framework's pre-push stage, or `pre-commit run --from-ref A
#     --to-ref B` in CI): `scan --git A..B ARGS...`; a pre-push of a whole new history (the
#     framework passes no range then): `scan --git LOCAL_BRANCH`.
# The binary: $PULUMI_TOKEN_LSP, else pulumi-token-lsp on PATH, else one built
# once from the framework's clone of this repository into its build-pre-commit/ directory
# (cmake, ninja, a C++20 compiler and the libraries scripts/setup.sh lists must be installed).
# Exit codes are scan's: 0 no tokens, 1 tokens staged, 2 error (or the binary could not be built).
set -euo pipefail
bin=${PULUMI_TOKEN_LSP:-}
if [ -z "$bin" ]; then
  if command -v pulumi-token-lsp > /dev/null; then
    bin=pulumi-token-lsp
  else
    # The framework's clone is pinned to one rev: once built, the binary stays current.
    clone=$(cd "$(dirname "$0")/../.." && pwd)
    bin=$clone/build-pre-commit/pulumi-token-lsp
    if [ ! -x "$bin" ]; then
      echo "pulumi-token-lsp is not on PATH: building it once in $clone/build-pre-commit" >&2
      bin=$("$clone/scripts/build-binary.sh" "$clone/build-pre-commit") || exit 2
    fi
  fi
fi
if [ -n "${PRE_COMMIT_FROM_REF:-}" ] && [ -n "${PRE_COMMIT_TO_REF:-}" ]; then
  exec "$bin" scan --git "$PRE_COMMIT_FROM_REF..$PRE_COMMIT_TO_REF" "$@"
elif [ -n "${PRE_COMMIT_LOCAL_BRANCH:-}" ]; then
  exec "$bin" scan --git "$PRE_COMMIT_LOCAL_BRANCH" "$@"
fi
exec "$bin" scan --staged "$@"
