#!/usr/bin/env bash
# Regenerates the editor screenshots in this folder: terminal Neovim and terminal Emacs in an xterm
# under Xvfb, each showing a flagged token and the code-action menu.
# Usage: editors/screenshots/make.sh [SERVER]   (default: build/pulumi-token-lsp)
# Needs: apt-get install xvfb xterm imagemagick x11-apps fonts-dejavu-core neovim emacs-nox elpa-eglot
# The token in the pictures is made here at run time from a fixed seed; it was never issued.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
editors=$(dirname "$here")
server=$(realpath "${1:-$editors/../build/pulumi-token-lsp}")
work=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1000x600x24 -nolisten tcp > /dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2> /dev/null; rm -rf "$work"' EXIT
export DISPLAY=$display PTL_SERVER=$server
sleep 1

token="pul-$(printf 'pulumi-token-lsp screenshot' | sha1sum | cut -c1-40)"
mkdir -p "$work/site"
cat > "$work/site/index.ts" <<TS
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

// Deploys the static site bucket.
const automationToken = "$token";

const bucket = new aws.s3.Bucket("site", {
    website: { indexDocument: "index.html" },
});
export const bucketName = bucket.id;
TS
cat > "$work/site/__main__.py" <<PY
"""A Pulumi program that creates a storage bucket."""
import pulumi
from pulumi_aws import s3

PULUMI_TOKEN = "$token"

bucket = s3.Bucket("data", acl="private")
pulumi.export("bucket_name", bucket.id)
PY

# Runs "$@" in a 110xROWS xterm, waits, and saves the window as PNG $1.
shoot() {
  local png=$1 rows=$2
  shift 2
  (cd "$work/site" && exec xterm -geometry "110x$rows+0+0" -fa 'DejaVu Sans Mono' -fs 11 \
     -bg '#1e1e2e' -fg '#cdd6f4' -xrm 'XTerm*colorMode: true' -e "$@") &
  local term=$!
  sleep 6
  import -window root -trim +repage "$here/$png"
  kill "$term" 2> /dev/null || true
  wait "$term" 2> /dev/null || true
  echo "wrote editors/screenshots/$png"
}

TERM=xterm-256color shoot neovim.png 20 nvim --clean -n -u "$here/neovim_init.lua" index.ts
TERM=xterm-256color shoot emacs.png 27 emacs -nw -Q -L "$editors/emacs" -l "$here/emacs_init.el" __main__.py
