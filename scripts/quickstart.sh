#!/usr/bin/env bash
# Quick start: set up and build, generate the bundled examples (their tokens are made here,
# never committed), and run the server's pipeline over them with --check.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
python3 examples/generate.py examples/generated
echo "==> build/pulumi-token-lsp --check examples/generated"
status=0
build/pulumi-token-lsp --check examples/generated || status=$?
# --check exits 1 when it finds tokens, which is the point of the examples.
[ "$status" -le 1 ] || exit "$status"
