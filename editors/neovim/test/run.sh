#!/usr/bin/env bash
# Neovim end-to-end test: headless nvim with editors/neovim on 'runtimepath' (test/e2e.lua).
# Usage: editors/neovim/test/run.sh SERVER    Exit 77 (CTest: skipped) when only code actions could not run.
set -euo pipefail
plugin=$(cd "$(dirname "$0")/.." && pwd)
command -v nvim > /dev/null || { echo "FAIL nvim not installed: run scripts/setup.d/30-editors.sh"; exit 1; }
PTL_SERVER=$(realpath "${1:?usage: run.sh SERVER}") timeout 60 nvim --headless --clean -n \
  -c "set runtimepath^=$plugin" -c "luafile $plugin/test/e2e.lua" 2>&1 < /dev/null
