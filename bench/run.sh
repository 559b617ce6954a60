#!/usr/bin/env bash
# Builds in Release (build-bench/) and prints every benchmark figure of issue 5 with the baseline
# measured in the same run and the ratio. Takes under a minute after the build. Not run by CI.
# Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target pulumi-token-lsp in_process_bench server_bench >/dev/null

echo "# $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with uncommitted changes)')"
printf '%-46s | %-18s | %-30s | %8s | %-22s | %s\n' figure value baseline ratio target verdict
"$build/bench/in_process_bench" all
"$build/bench/server_bench" "$build/pulumi-token-lsp" all
"$root/bench/callgrind.sh" "$build"
