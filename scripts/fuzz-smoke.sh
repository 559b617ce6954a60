#!/usr/bin/env bash
# A short smoke run of every fuzz target (default 8 s each, tens of seconds in all), for the
# test command: builds build-fuzz/ if needed (scripts/fuzz.sh) and fails on any crash.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/fuzz.sh "${1:-8}"
