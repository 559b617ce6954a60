# shellcheck shell=bash
# Shared by the CI scripts (github-action.sh, gitlab-ci.sh); sourced, not run. Bash.

ptl_src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Prints a key naming this source tree's contents (the files the binary is built from) and the
# OS release, so a cached binary is reused only for the same sources on the same system.
ptl_source_key() {
  local os
  os=$(. /etc/os-release 2> /dev/null && echo "${ID:-linux}-${VERSION_ID:-0}")
  local sum
  sum=$(cd "$ptl_src" && find CMakeLists.txt detectors protocol remediation scan server \
      -type f \( -name '*.cpp' -o -name '*.h' -o -name 'CMakeLists.txt' \) -print0 |
    LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
  echo "pulumi-token-lsp-$os-$sum"
}

# Prints the path of the pulumi-token-lsp to run: $1 when set (a binary the user installed), else
# CACHE_DIR ($2)/pulumi-token-lsp when it was built from these same sources (CACHE_DIR/source-key),
# else one built now (build packages installed as needed; build tree BUILD_DIR, $3) and copied
# into CACHE_DIR. A cached binary whose shared libraries are missing (a fresh runner) gets the
# packages installed again. Build output goes to stderr. Returns non-zero when nothing can run.
ptl_binary() {
  local given=$1 cache=$2 build=$3
  if [ -n "$given" ]; then
    command -v "$given" > /dev/null || { echo "pulumi-token-lsp: $given not found" >&2; return 2; }
    command -v "$given"
    return 0
  fi
  local key
  key=$(ptl_source_key)
  if [ -x "$cache/pulumi-token-lsp" ] && [ "$(cat "$cache/source-key" 2> /dev/null)" = "$key" ]; then
    echo "pulumi-token-lsp: the cached binary ($key)" >&2
    if ldd "$cache/pulumi-token-lsp" | grep -q 'not found'; then
      # shellcheck source=scripts/lib.sh
      . "$ptl_src/scripts/lib.sh"
      # shellcheck disable=SC2086 # a list of package names
      ensure_apt $PTL_BUILD_PACKAGES >&2
    fi
  else
    echo "pulumi-token-lsp: building $key" >&2
    local built
    built=$("$ptl_src/scripts/build-binary.sh" --install-deps "$build") || return 2
    mkdir -p "$cache"
    cp "$built" "$cache/pulumi-token-lsp"
    echo "$key" > "$cache/source-key"
  fi
  echo "$cache/pulumi-token-lsp"
}

# Runs BINARY ($1) `scan --format sarif --output SARIF ($2)` on PATH ($3) with `--baseline
# BASELINE` ($4) when set and the extra arguments ARGS ($5, split on whitespace), then prints
# each finding as path:line:col plus the extra lines sarif_report.py is given ($6...). Returns
# scan's exit code (0 clean, 1 tokens, 2 error); a missing report is an error.
ptl_scan() {
  local bin=$1 sarif=$2 path=$3 baseline=$4 args=$5
  shift 5
  local cmd=("$bin" scan --format sarif --output "$sarif")
  [ -z "$baseline" ] || cmd+=(--baseline "$baseline")
  # shellcheck disable=SC2206 # ARGS is a whitespace-separated list of options by design
  [ -z "$args" ] || cmd+=($args)
  cmd+=(-- "$path")
  mkdir -p "$(dirname "$sarif")"
  local code=0
  "${cmd[@]}" || code=$?
  if [ ! -s "$sarif" ]; then
    echo "pulumi-token-lsp: no report was written to $sarif (exit $code)" >&2
    return 2
  fi
  python3 "$ptl_src/scripts/ci/sarif_report.py" "$sarif" "$@" || return 2
  return $code
}
