#!/usr/bin/env bash
# Test-only set-up for tests/verify: the openssl command, which makes the test's CA and server
# certificates at run time (nothing certificate-shaped is committed). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
ensure_apt openssl
