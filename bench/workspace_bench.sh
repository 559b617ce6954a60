#!/usr/bin/env bash
# Figure 11 (issue 14): keystroke latency on a 10 MB open document while the language server
# scans a 250 MiB workspace for workspace diagnostics, against the same keystrokes with
# workspaceDiagnostics off, in the same run (server_bench ... workspace TREE); then, for scale,
# the `scan` command's time on the same tree with one thread (what the server's scan uses on a
# 2-core machine). The tree is scan_bench.sh's (bench/scan_corpus.cpp, fixed seed), generated
# under WORK_DIR when missing. About a minute. Not run by CI.
# Usage: bench/workspace_bench.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}
work=${2:-/tmp/ptl-scan-bench}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target pulumi-token-lsp scan_corpus server_bench >/dev/null
tree=$work/tree
if [ ! -d "$tree/.git" ]; then
  rm -rf "$tree"
  mkdir -p "$work"
  eval "$("$build/bench/scan_corpus" tree "$tree")"
  git init -q "$tree"
fi
echo "# $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with uncommitted changes)')"
echo "# tree: $(find "$tree" -type f -not -path '*/.git/*' | wc -l) files, $(du -sm --exclude=.git "$tree" | cut -f1) MB"
"$build/bench/server_bench" "$build/pulumi-token-lsp" workspace "$tree"
start=$(date +%s.%N)
rc=0
"$build/pulumi-token-lsp" scan --threads 1 --format json --output /dev/null "$tree" 2>/dev/null || rc=$?
((rc <= 1))  # 1: tokens found, as the corpus plants them
echo "# scan --threads 1 of the same tree: $(echo "$(date +%s.%N) - $start" | bc) s"
