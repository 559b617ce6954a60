#!/usr/bin/env bash
# Test-only set-up for the hooks and CI tests (tests/scan/hooks_test.py): git, the pre-commit
# framework (Debian's 3.0.4) and python3-yaml to parse action.yml and the GitLab template.
# Idempotent: apt installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
ensure_apt git pre-commit python3-yaml
