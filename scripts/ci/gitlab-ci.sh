#!/usr/bin/env bash
# The script of the GitLab CI job in scripts/ci/pulumi-token-lsp.gitlab-ci.yml, kept here so it
# can run, and be tested, outside GitLab (tests/scan/hooks_test.py). Run from a clone of
# pulumi-token-lsp, in the project to scan ($CI_PROJECT_DIR, else the current directory):
#   1. the binary: $PULUMI_TOKEN_LSP when set (an installed one), else the one cached in
#      $CI_PROJECT_DIR/.pulumi-token-lsp/ (GitLab caches only paths in the project) when it was
#      built from these sources, else built now (build packages apt-installed as needed);
#      .pulumi-token-lsp/ goes into .git/info/exclude so the scan leaves it out;
#   2. `scan --format sarif --output $PULUMI_TOKEN_LSP_REPORT` (default pulumi-token-lsp.sarif)
#      on $PULUMI_TOKEN_LSP_PATH (default .), with --baseline $PULUMI_TOKEN_LSP_BASELINE when set
#      and the options in $PULUMI_TOKEN_LSP_ARGS;
#   3. the findings in the log, and a Code Quality report for the merge request widget in
#      $PULUMI_TOKEN_LSP_CODEQUALITY (default gl-code-quality-report-pulumi-token-lsp.json).
# Exit: scan's code: 0 no tokens, 1 tokens found (the job fails), 2 error.
set -euo pipefail
# shellcheck source=scripts/ci/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "${CI_PROJECT_DIR:-.}"
report=${PULUMI_TOKEN_LSP_REPORT:-pulumi-token-lsp.sarif}
quality=${PULUMI_TOKEN_LSP_CODEQUALITY:-gl-code-quality-report-pulumi-token-lsp.json}
if [ -d .git/info ] && ! grep -qx '/.pulumi-token-lsp/' .git/info/exclude 2> /dev/null; then
  printf '\n/.pulumi-token-lsp/\n' >> .git/info/exclude
fi
bin=$(ptl_binary "${PULUMI_TOKEN_LSP:-}" "$PWD/.pulumi-token-lsp" \
  "${PTL_BUILD_DIR:-${TMPDIR:-/tmp}/pulumi-token-lsp-build}") || exit 2
code=0
ptl_scan "$bin" "$report" "${PULUMI_TOKEN_LSP_PATH:-.}" "${PULUMI_TOKEN_LSP_BASELINE:-}" \
  "${PULUMI_TOKEN_LSP_ARGS:-}" --codequality "$quality" || code=$?
case $code in
  0) echo "pulumi-token-lsp: no Pulumi access tokens" ;;
  1)
    echo "pulumi-token-lsp: Pulumi access tokens found (listed above; report: $report):" \
      "revoke each, read it from the environment or a secrets manager, and remove it from the" \
      "history; or record known ones in a baseline (PULUMI_TOKEN_LSP_BASELINE)." >&2 ;;
  *) echo "pulumi-token-lsp: the scan failed (exit $code)" >&2 ;;
esac
exit $code
