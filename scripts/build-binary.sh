#!/usr/bin/env bash
# Usage: scripts/build-binary.sh [--install-deps] BUILD_DIR
# Builds only the pulumi-token-lsp binary from this source tree into BUILD_DIR (release with
# debug info; warnings are not fatal, as compilers newer than Debian 12's may add some) and
# prints its path on stdout; the build's own output goes to stderr. A BUILD_DIR that was
# configured before is rebuilt incrementally, so caching BUILD_DIR makes later runs a no-op.
# Concurrent runs on one BUILD_DIR wait for each other (flock), so hooks started at once build once.
#   --install-deps  first apt-get the build packages that are missing (as root, or through sudo;
#                   for CI runners); without it, missing tools are named and the script exits 2.
# Used by the pre-commit framework's hook (scripts/git-hooks/pre-commit-framework.sh) and the
# CI scripts (scripts/ci/).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
install_deps=
if [ "${1:-}" = --install-deps ]; then install_deps=1; shift; fi
[ $# -eq 1 ] || { echo "usage: $0 [--install-deps] BUILD_DIR" >&2; exit 2; }
build=$1

if [ -n "$install_deps" ]; then
  # shellcheck source=scripts/lib.sh
  . "$src/scripts/lib.sh"
  # shellcheck disable=SC2086 # a list of package names
  ensure_apt $PTL_BUILD_PACKAGES >&2
fi
for tool in cmake c++ pkg-config; do
  command -v "$tool" > /dev/null || {
    echo "build-binary: $tool is missing: install the packages scripts/setup.sh lists (Debian 12), or put pulumi-token-lsp on PATH" >&2
    exit 2
  }
done

mkdir -p "$build"
build=$(cd "$build" && pwd)
if command -v flock > /dev/null; then
  exec 9> "$build/.build-binary.lock"
  flock 9
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=()
  command -v ninja > /dev/null && generator=(-G Ninja)
  cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
fi
cmake --build "$build" --target pulumi-token-lsp >&2
echo "$build/pulumi-token-lsp"
