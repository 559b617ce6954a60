#!/usr/bin/env bash
# Set-up for figure 9 (bench/tree_sitter_bench.cpp): Debian's libtree-sitter and the grammar
# sources pinned in package.json. Not part of the test command: the server does not use
# tree-sitter (README, design notes), this only measures what it would cost.
set -euo pipefail
cd "$(dirname "$0")"
. ../../scripts/lib.sh
ensure_apt libtree-sitter-dev pkg-config
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
