#!/usr/bin/env bash
# Runs every test: the same set-up as the quick start, the test-only set-up steps
# (scripts/setup.d/*.sh: editors, parsers, npm packages, clang), then CTest on the normal build,
# the unit tests and transcripts again under ASan+UBSan, and a short smoke run of every fuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
for step in scripts/setup.d/*.sh; do
  [ -e "$step" ] || continue
  echo "==> $step"
  bash "$step"
done
python3 examples/generate.py examples/generated > /dev/null
ctest --test-dir build --output-on-failure -j2 --timeout 900
echo "==> sanitizers (ASan + UBSan)"
scripts/test-sanitized.sh
echo "==> fuzz smoke run"
scripts/fuzz-smoke.sh
