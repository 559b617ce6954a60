#!/usr/bin/env bash
# Installs what the remediation parser checks (tests/remediation) need, on a
# fresh Debian 12, as root, from the repository root. Idempotent.
#   golang-go  gofmt -e and go vet for Go (type checks against local stub modules)
#   mono-mcs   the C# compiler, against a stub assembly of the SDKs the fixes call
#              (libmono-system-net-http4.0-cil: System.Net.Http.dll for the samples)
#   default-jdk-headless  javac, against stubs of the Java SDKs the fixes call
#   libxml2-utils  xmllint for Maven POMs
#   python3    ast for Python
#   npm ci     the TypeScript compiler; web-tree-sitter with prebuilt .wasm
#              grammars (C#, Java, bash, YAML, HCL, PowerShell); dockerfile-ast
#              and dockerfile-utils (Dockerfile); @actions/workflow-parser
#              (GitHub Actions); yaml (Compose); dotenv (.env); the type
#              checks' real packages (@pulumi/pulumi, @pulumi/pulumiservice,
#              @aws-sdk/client-secrets-manager, node-vault, @types/node) and
#              pyright. All pure JavaScript or .wasm: nothing is built natively.
set -euo pipefail

missing=()
for pkg in golang-go mono-mcs libmono-system-net-http4.0-cil default-jdk-headless libxml2-utils python3; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

command -v node >/dev/null || { echo "20-remediation: node (20+) is required" >&2; exit 1; }
cd tests/remediation
# Reinstall only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.ptl-installed-lock; then
  npm ci --ignore-scripts --no-audit --no-fund
  cp package-lock.json node_modules/.ptl-installed-lock
fi
