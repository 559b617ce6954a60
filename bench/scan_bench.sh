#!/usr/bin/env bash
# Figure 10 (issue 13): `pulumi-token-lsp scan` against ripgrep on the same inputs, in the same
# run, each timed RUNS times (default 5, interleaved, after one untimed warm-up run of each, so the
# page cache is warm); prints the median wall time, MB/s and the ratio scan / ripgrep.
#   10a/10b  a 250 MiB tree of 20,000 files in a git work tree whose .gitignore leaves out about
#            10 % (node_modules/, *.log): `scan --format json` vs `rg -c`, all cores and one thread
#   10c      a 5,000-commit history (git fast-import): `scan --git` vs `git log -p --all | rg -c`
# Inputs are generated (bench/scan_corpus.cpp, fixed seeds) under WORK_DIR, never in the
# repository. Installs ripgrep with apt-get when it is missing. About three minutes on an idle
# machine (six with a load average of 6). Not run by CI.
# Usage: bench/scan_bench.sh [BUILD_DIR] [WORK_DIR]      (RUNS=N to change the repetitions)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-bench}
work=${2:-/tmp/ptl-scan-bench}
runs=${RUNS:-5}
pattern='pul-[0-9a-f]{40}'
exact='(?:\\[nrt]|\b)pul-[0-9a-f]{40}\b'  # the detector's definition (README, "What is flagged")

if ! command -v rg >/dev/null; then
  apt-get install -y ripgrep >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y ripgrep >/dev/null; }
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target pulumi-token-lsp scan_corpus >/dev/null
bin=$build/pulumi-token-lsp

echo "# $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with uncommitted changes)')"
echo "# $(rg --version | head -1), $(git --version); $runs timed runs each, medians"

# --- inputs ------------------------------------------------------------------------------------
rm -rf "$work"
mkdir -p "$work"
tree=$work/tree
history=$work/history
eval "$("$build/bench/scan_corpus" tree "$tree")"  # kept_files, kept_bytes, ignored_files, ignored_bytes
git init -q "$tree"
git init -q -b main "$history"
# fast-import frees and re-grows its heap for every object; with glibc's default trimming that is
# a brk call each time (33,000 in the first 20 MB) and 45 s for this stream, 10 s with a top pad.
"$build/bench/scan_corpus" history 5000 2>"$work/history.txt" |
  GLIBC_TUNABLES=glibc.malloc.top_pad=268435456:glibc.malloc.trim_threshold=536870912 \
    git -C "$history" fast-import --quiet
git -C "$history" reset -q --hard main
read -r blobs blob_bytes < <(git -C "$history" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' |
  awk '$1 == "blob" { n++; s += $2 } END { print n, s }')
log_bytes=$(git -C "$history" log -p --all | wc -c)
echo "# tree: $kept_files files, $kept_bytes bytes read by both; $ignored_files files, $ignored_bytes bytes ignored by .gitignore"
echo "# history: $(tr '\n' ' ' <"$work/history.txt"); $blobs distinct blobs, $blob_bytes bytes; git log -p --all: $log_bytes bytes"

# --- timing ------------------------------------------------------------------------------------
# Both tools exit 1 when they find something; only 2 and above is a failure.
quiet() {
  local rc=0
  "$@" >/dev/null 2>"$work/stderr" || rc=$?
  if ((rc > 1)); then
    echo "failed ($rc): $*" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
}
log_rg() { git -C "$history" log -p --all | rg -c "$pattern"; }
log_only() { git -C "$history" log -p --all; }
blobs_rg() { git -C "$history" cat-file --batch-all-objects --batch --unordered | rg -a -c "$pattern"; }
scan_git() { (cd "$history" && "$bin" scan --git --format json "$@"); }

# time_pair -- A... -- B... --: RUNS interleaved runs of each, medians in ms into $median_a and
# $median_b.
time_pair() {
  local a=() b=() ta=() tb=() i t0
  shift
  while [[ $1 != -- ]]; do a+=("$1"); shift; done
  shift
  while [[ $1 != -- ]]; do b+=("$1"); shift; done
  quiet "${a[@]}"
  quiet "${b[@]}"
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); quiet "${a[@]}"; ta+=($((($(date +%s%N) - t0) / 1000000)))
    t0=$(date +%s%N); quiet "${b[@]}"; tb+=($((($(date +%s%N) - t0) / 1000000)))
  done
  median_a=$(printf '%s\n' "${ta[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  median_b=$(printf '%s\n' "${tb[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "#   runs (ms): ${ta[*]} | ${tb[*]}"
}

row() {  # row FIGURE VALUE_MS BASELINE_NAME BASELINE_MS BYTES_A BYTES_B TARGET
  local ratio verdict
  ratio=$(awk -v a="$2" -v b="$4" 'BEGIN { printf "%.2f", a / b }')
  verdict=$(awk -v r="$ratio" -v t="$7" 'BEGIN { print t == "-" ? "-" : (r < 1 ? "MET" : "MISSED") }')
  printf '%-46s | %-18s | %-30s | %8s | %-22s | %s\n' "$1" \
    "$(awk -v ms="$2" -v n="$5" 'BEGIN { printf "%.2f s %s", ms / 1000, (n > 0 ? sprintf("%.0f MB/s", n / ms / 1000) : "") }')" \
    "$(awk -v ms="$4" -v n="$6" -v name="$3" 'BEGIN { printf "%s %.2f s %s", name, ms / 1000, (n > 0 ? sprintf("%.0f MB/s", n / ms / 1000) : "") }')" \
    "$ratio" "$7" "$verdict"
}

printf '%-46s | %-18s | %-30s | %8s | %-22s | %s\n' figure value baseline ratio target verdict
time_pair -- "$bin" scan --format json --output /dev/null "$tree" -- rg -c "$pattern" "$tree" --
row "10a tree 250 MiB, all cores: scan vs rg" "$median_a" rg "$median_b" "$kept_bytes" "$kept_bytes" "< 1 (faster than rg)"
time_pair -- "$bin" scan --threads 1 --format json --output /dev/null "$tree" -- rg -j1 -c "$pattern" "$tree" --
row "10b tree 250 MiB, one thread: scan vs rg -j1" "$median_a" rg "$median_b" "$kept_bytes" "$kept_bytes" "< 1 (faster than rg)"
# The walk alone: every file skipped as too large once listed (scan), listing only (rg).
time_pair -- "$bin" scan --max-file-size 1 --format json --output /dev/null "$tree" -- rg --files "$tree" --
row "10a ref: the walk alone (--max-file-size 1)" "$median_a" "rg --files" "$median_b" 0 0 "-"

if "$bin" scan --help | grep -q -- '--git'; then
  time_pair -- scan_git --output /dev/null -- log_rg --
  scan_ms=$median_a log_rg_ms=$median_b
  row "10c history 5,000 commits: scan --git" "$scan_ms" "log -p|rg" "$log_rg_ms" "$blob_bytes" "$log_bytes" "< 1 (faster than rg)"
  time_pair -- log_only -- blobs_rg --
  row "10c ref: git log -p --all alone" "$median_a" "log -p|rg" "$log_rg_ms" 0 0 "-"
  row "10c ref: scan --git vs every blob through rg" "$scan_ms" "cat-file|rg" "$median_b" "$blob_bytes" "$blob_bytes" "-"
  time_pair -- scan_git --threads 1 --output /dev/null -- log_rg --
  row "10c history, scan --git --threads 1" "$median_a" "log -p|rg" "$median_b" "$blob_bytes" "$log_bytes" "-"
else
  echo "# scan --git is not in this build: figure 10c skipped"
fi

# --- what each counted (outside the timing) ------------------------------------------------------
quiet "$bin" scan --format json --output "$work/tree.json" "$tree"
read -r findings files bytes ignored < <(python3 -c 'import json, sys; s = json.load(open(sys.argv[1]))["stats"]
print(s["findings"] + s["placeholders"], s["files"], s["bytes"], s["ignored"])' "$work/tree.json")
echo "# tree counts: scan $findings findings in $files files ($bytes bytes; $ignored paths ignored, node_modules/ as one)"
echo "#   rg -c '$pattern': $(rg -c "$pattern" "$tree" | awk -F: '{ s += $NF } END { print s " lines in " NR " files" }')" \
  "; rg -o: $(rg -o "$pattern" "$tree" | wc -l) matches; rg -o '$exact': $(rg -o "$exact" "$tree" | wc -l) matches;" \
  "rg --no-ignore -c: $(rg --no-ignore -c "$pattern" "$tree" | awk -F: '{ s += $NF } END { print s }') lines"
if "$bin" scan --help | grep -q -- '--git'; then
  quiet scan_git --output "$work/history.json"
  python3 - "$work/history.json" "$history" "$exact" <<'EOF'
import json, re, subprocess, sys
report, repo, exact = sys.argv[1], sys.argv[2], sys.argv[3]
s = json.load(open(report))["stats"]
# Every token a commit added, with the path it was added in (no rename detection: the generator
# renames nothing): the pairs scan --git reports once each.
token = re.compile(exact.encode())
log = subprocess.run(["git", "-C", repo, "log", "-p", "--all", "--no-renames", "--format="], capture_output=True, check=True).stdout
pairs, path, plus_lines = set(), None, 0
for line in log.split(b"\n"):
    if line.startswith(b"+++ "):
        path = line[6:] if line.startswith(b"+++ b/") else None
    elif line.startswith(b"+") and path is not None:
        found = token.findall(line)
        plus_lines += bool(found)
        pairs.update((path, t[-44:]) for t in found)  # the token without an escape before it
print(f"# history counts: scan --git {s['findings'] + s['placeholders']} findings in {s['files']} blobs ({s['bytes']} bytes);"
      f" distinct (path, token) pairs in added lines of git log -p: {len(pairs)}; added lines with a token: {plus_lines}")
EOF
  echo "#   git log -p --all | rg -c: $(log_rg) lines (added, removed and context lines, each time a diff shows them)"
fi
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
