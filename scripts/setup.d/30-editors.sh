#!/usr/bin/env bash
# Test-only set-up for the editor integrations (editors/): Neovim 0.7 and Emacs 28 with eglot 1.9
# from Debian, and the VS Code extension's npm packages, pinned by editors/vscode/package-lock.json.
# Idempotent: apt installs only what is missing; npm ci runs only when the lockfile changed.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
ensure_apt neovim emacs-nox elpa-eglot unzip
# Node 20 is expected on the machine; Debian's own Node 18 + npm are the fallback when it is absent.
command -v npm > /dev/null || ensure_apt nodejs npm
lock=editors/vscode/package-lock.json
stamp=editors/vscode/node_modules/.ptl-lock.sha256
want=$(sha256sum "$lock" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "==> npm ci (editors/vscode)"
  (cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi
