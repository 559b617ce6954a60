#!/usr/bin/env bash
# Test-only set-up for the scan tests (tests/scan): the SARIF 2.1.0 schema and ajv, pinned by
# tests/scan/package-lock.json, to validate `scan --format sarif`. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../../tests/scan"
command -v npm > /dev/null || { echo "50-scan: npm is required (scripts/setup.d/30-editors.sh installs it)" >&2; exit 1; }
if [ ! -f node_modules/.ptl-installed-lock ] || ! cmp -s package-lock.json node_modules/.ptl-installed-lock; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.ptl-installed-lock
fi
