#!/usr/bin/env bash
# Builds the suite with AddressSanitizer + UndefinedBehaviorSanitizer (-DPTL_SANITIZE=ON) in
# build-asan/ and runs the unit tests, the transcripts and the editor rotation (its worker thread)
# there. Any sanitizer report aborts the process it happens in (-fno-sanitize-recover=all), so it
# fails the test that ran it.
# Assumes the dependencies are installed (scripts/setup.sh). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPTL_SANITIZE=ON > /dev/null
cmake --build build-asan --target unit_tests pulumi-token-lsp
ctest --test-dir build-asan --output-on-failure -R '^(unit|transcripts|rotate_editor)$' --timeout 900
