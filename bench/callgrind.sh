#!/usr/bin/env bash
# Instruction counts (callgrind) for one full scan and one keystroke: exact and repeatable where
# wall-clock times on a shared 2-core machine are not. Usage: bench/callgrind.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}
bench="$build/bench/in_process_bench"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count() {  # count MODE -> total instructions between the START/STOP markers of that mode
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/$1.out" "$bench" "callgrind-$1" \
    >/dev/null 2>"$out/$1.log"
  callgrind_annotate "$out/$1.out" 2>/dev/null | awk '/PROGRAM TOTALS/ && !done {gsub(",", "", $1); print $1; done = 1}'
}

scan=$(count scan)
key=$(count keystroke)
server_key=$(count server-keystroke)
bytes=$((10 * 1024 * 1024))
printf '%-46s | %-18s | %-30s | %8s | %-22s | %s\n' \
  "7. callgrind: full scan of 10 MB (scan_lines)" "$scan Ir" "10 MB = $bytes bytes" \
  "$(awk -v a="$scan" -v b="$bytes" 'BEGIN { printf "%.3f", a / b }')" "Ir per byte, reference" "-"
printf '%-46s | %-18s | %-30s | %8s | %-22s | %s\n' \
  "7. callgrind: one keystroke, TextDocument 10 MB" "$key Ir" "-" "-" "reference" "-"
printf '%-46s | %-18s | %-30s | %8s | %-22s | %s\n' \
  "7. callgrind: didChange + publish, server 10 MB" "$server_key Ir" "TextDocument $key Ir" \
  "$(awk -v a="$server_key" -v b="$key" 'BEGIN { printf "%.3f", a / b }')" "reference" "-"
