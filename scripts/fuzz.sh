#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang 14, ASan and UBSan in build-fuzz/, and runs
# each for the given number of seconds (default 60), starting from the seed corpora in
# fuzz/corpus/<target>/. New inputs go to build-fuzz/corpus/<target>/ (the repository's seeds
# are only read); a crash stops the run, leaves the input in build-fuzz/artifacts/ and fails.
# Prints one line per target: its exec count and how many seconds it ran.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (extra CMake args: $PTL_FUZZ_CMAKE_ARGS)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DPTL_FUZZ=ON -DPTL_SANITIZE=ON ${PTL_FUZZ_CMAKE_ARGS:-} > /dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(message_reader detector text_document dispatcher)
  # The remediation target exists when the remediation library does (fuzz/CMakeLists.txt).
  grep -q 'fuzz_remediation' build-fuzz/build.ninja 2>/dev/null && targets+=(remediation) || true
fi
cmake --build build-fuzz --target "${targets[@]/#/fuzz_}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p build-fuzz/artifacts
status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  dict=()
  [ -e "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  log="build-fuzz/fuzz-$t.log"
  if build-fuzz/fuzz/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=25 -rss_limit_mb=4096 \
      -artifact_prefix="build-fuzz/artifacts/$t-" "${dict[@]}" "build-fuzz/corpus/$t" "fuzz/corpus/$t" > "$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "fuzz_$t: ${runs:-?} runs in ${seconds} s (${rate:-?}/s), 0 crashes"
  else
    status=1
    echo "fuzz_$t: FAILED, see $log and build-fuzz/artifacts/"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 || true
  fi
done
exit $status
