#!/usr/bin/env bash
# Emacs end-to-end test: emacs --batch with Debian's eglot: the eglot path (with workspace diagnostics) and the Flymake path
# (test/e2e.el). Usage: editors/emacs/test/run.sh SERVER
# Exit 77 (CTest: skipped) when only the code-action steps could not run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
command -v emacs > /dev/null || { echo "FAIL emacs not installed: run scripts/setup.d/30-editors.sh"; exit 1; }
home=$(mktemp -d)   # a clean HOME: nothing from, or into, the user's ~/.emacs.d
trap 'rm -rf "$home"' EXIT
log=$home/messages.log
status=0
PTL_SERVER=$(realpath "${1:?usage: run.sh SERVER}") HOME=$home \
  timeout 60 emacs --batch -Q -L "$here" -l "$here/test/e2e.el" 2> "$log" < /dev/null || status=$?
# Emacs' own messages go to stderr; show them when something went wrong.
if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then echo "--- emacs messages ---"; tail -40 "$log"; fi
exit "$status"
