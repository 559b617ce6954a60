#!/usr/bin/env bash
# The VS Code extension's tests: type-check against @types/vscode, build, package a .vsix holding
# SERVER, inspect it, then run the protocol and workspace-diagnostics tests against the server
# unpacked from it.
# Usage: editors/vscode/test/run.sh SERVER   (needs `npm ci` done: scripts/setup.d/30-editors.sh)
# Exit 77 (CTest: skipped) when everything ran but the code-action steps could not.
set -euo pipefail
server=$(realpath "${1:?usage: run.sh SERVER}")
cd "$(dirname "$0")/.."
[ -d node_modules/vscode-languageclient ] || { echo "FAIL node_modules missing: run scripts/setup.d/30-editors.sh"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "==> type-check against @types/vscode $(node -p 'require("@types/vscode/package.json").version')"
npm run --silent typecheck
echo "==> npm run package (server: $server)"
PTL_SERVER="$server" PTL_VSIX="$out/pulumi-token-lsp.vsix" npm run --silent package > "$out/package.log" 2>&1 \
  || { cat "$out/package.log"; echo "FAIL npm run package"; exit 1; }
grep -E 'DONE|ERROR' "$out/package.log" || true
echo "==> inspect the .vsix"
node test/package_test.mjs "$out/pulumi-token-lsp.vsix"
echo "==> workspace diagnostics test"
node test/workspace_test.mjs "$out/pulumi-token-lsp.vsix"
echo "==> protocol test"
node test/protocol_test.mjs "$out/pulumi-token-lsp.vsix"
