#!/usr/bin/env bash
# Test-only set-up for hardening: clang 14 and its runtime (libFuzzer, sanitizers) for fuzz/
# and the sanitized build. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
ensure_apt clang-14 libclang-rt-14-dev
