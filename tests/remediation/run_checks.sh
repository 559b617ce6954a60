#!/usr/bin/env bash
# Applies every fix to every sample (apply_fixes checks the library's own
# guarantees), then parses every result with its language's real parser.
# Usage: run_checks.sh <apply_fixes binary> <samples dir> <out dir>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$1" "$2" "$3"
node "$here/check_parsers.mjs" "$3/manifest.tsv"
