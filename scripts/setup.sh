#!/usr/bin/env bash
# Installs the build dependencies that are missing (Debian 12), then configures and builds
# build/pulumi-token-lsp in release mode with warnings as errors. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
# shellcheck disable=SC2086 # a list of package names
ensure_apt $PTL_BUILD_PACKAGES
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPTL_WERROR=ON > /dev/null
cmake --build build
