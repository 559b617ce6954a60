#!/usr/bin/env bash
# Installs the build dependencies that are missing (Debian 12), then configures and builds
# build/pulumi-token-lsp in release mode with warnings as errors. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_apt ca-certificates cmake ninja-build g++ pkg-config python3 \
  libre2-dev nlohmann-json3-dev libboost-dev libfmt-dev doctest-dev libssl-dev libgit2-dev
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPTL_WERROR=ON > /dev/null
cmake --build build
