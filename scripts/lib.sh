# Shared shell helpers for scripts/*.sh and scripts/setup.d/*.sh (sourced, not run).

# The Debian 12 packages that building pulumi-token-lsp needs (scripts/setup.sh, scripts/build-binary.sh).
PTL_BUILD_PACKAGES="ca-certificates cmake ninja-build g++ pkg-config python3
  libre2-dev nlohmann-json3-dev libboost-dev libfmt-dev doctest-dev libssl-dev libgit2-dev"

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are not installed yet (idempotent, quiet when all are there).
ensure_apt() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> apt-get install ${missing[*]}"
  if [ -z "${PTL_APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    export PTL_APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
