#!/usr/bin/env bash
# The type checkers' own controls: a checker that accepts everything would make the type-check
# bar worthless. Every pair in <lang>/controls/controls.tsv must be rejected (with the expected
# message), every pair in <lang>/controls/accepted.tsv accepted.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
status=0
for dir in "$here"/*/; do
  [ -f "$dir/check.mjs" ] || continue
  node "$dir/check.mjs" --expect-failures "$dir/controls/controls.tsv" || status=1
  node "$dir/check.mjs" "$dir/controls/accepted.tsv" || status=1
done
exit "$status"
