#!/usr/bin/env bash
# The steps of the composite GitHub Action (action.yml at the repository root), kept here so
# they can run, and be tested, outside GitHub Actions (tests/scan/hooks_test.py).
#
# Usage: github-action.sh cache-key | scan | verdict
#   cache-key  appends key=<sources and OS> to $GITHUB_OUTPUT, for actions/cache of the binary
#   scan       finds or builds the binary (common.sh: ptl_binary), runs
#              `scan --format sarif --output $INPUT_SARIF_FILE` on $INPUT_PATH from
#              $GITHUB_WORKSPACE, prints the findings with `::error` annotations, and appends
#              exit-code, sarif-file (absolute) and binary to $GITHUB_OUTPUT. Exits 0 whenever
#              a report was written, findings or not, so the upload step still runs; 2 otherwise.
#   verdict    exits with $EXIT_CODE (the scan step's exit-code output): 0 clean, 1 tokens, 2 error,
#              with an ::error line naming the fix.
# Inputs (environment, set from the action's inputs by action.yml): INPUT_PATH (default .),
# INPUT_ARGS (more scan options, split on whitespace), INPUT_BASELINE, INPUT_SARIF_FILE (default
# pulumi-token-lsp.sarif, relative to the workspace), INPUT_BINARY (an installed
# pulumi-token-lsp; empty: build this checkout). PTL_CACHE_DIR (default
# ~/.cache/pulumi-token-lsp-action) holds the built binary; PTL_BUILD_DIR (default
# $RUNNER_TEMP/pulumi-token-lsp-build) its build tree.
set -euo pipefail
# shellcheck source=scripts/ci/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out=${GITHUB_OUTPUT:-/dev/null}

case ${1:-} in
  cache-key)
    echo "key=$(ptl_source_key)" >> "$out"
    ;;
  scan)
    cd "${GITHUB_WORKSPACE:-.}"
    sarif=${INPUT_SARIF_FILE:-pulumi-token-lsp.sarif}
    case $sarif in /*) ;; *) sarif=$PWD/$sarif ;; esac
    bin=$(ptl_binary "${INPUT_BINARY:-}" "${PTL_CACHE_DIR:-$HOME/.cache/pulumi-token-lsp-action}" \
      "${PTL_BUILD_DIR:-${RUNNER_TEMP:-/tmp}/pulumi-token-lsp-build}") || exit 2
    code=0
    ptl_scan "$bin" "$sarif" "${INPUT_PATH:-.}" "${INPUT_BASELINE:-}" "${INPUT_ARGS:-}" \
      --github-annotations || code=$?
    { echo "exit-code=$code"; echo "binary=$bin"; } >> "$out"
    [ -s "$sarif" ] || exit 2
    echo "sarif-file=$sarif" >> "$out"
    ;;
  verdict)
    case ${EXIT_CODE:-} in
      0) echo "pulumi-token-lsp: no Pulumi access tokens" ;;
      1)
        echo "::error title=pulumi-token-lsp::Pulumi access tokens found (listed above): revoke each, read it from the environment or a secrets manager, and remove it from the history; or add known ones to the baseline input."
        exit 1 ;;
      *)
        echo "::error title=pulumi-token-lsp::the scan failed (exit ${EXIT_CODE:-none}): see the scan step's log"
        exit 2 ;;
    esac
    ;;
  *)
    echo "usage: $0 cache-key | scan | verdict" >&2
    exit 2 ;;
esac
