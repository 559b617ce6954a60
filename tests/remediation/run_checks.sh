#!/usr/bin/env bash
# Applies every fix to every sample (apply_fixes checks the library's own
# guarantees), parses every result with its language's real parser, then
# type-checks every result of a language with a type checker (typecheck/*/check.mjs)
# against its original: only the errors a fix introduced count.
# Usage: run_checks.sh <apply_fixes binary> <samples dir> <out dir>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$1" "$2" "$3"
status=0
node "$here/check_parsers.mjs" "$3/manifest.tsv" || status=1
for checker in "$here"/typecheck/*/check.mjs; do
  node "$checker" "$3/typecheck.tsv" || status=1
done
exit "$status"
