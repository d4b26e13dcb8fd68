#!/usr/bin/env bash
# Release build into dist/: content compiled and validated, wasm built and optimised by Trunk,
# then .br and .gz written beside every text asset for the CDN.
# Usage: scripts/build.sh [--public-url /some/path/]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
public_url=/
while [ $# -gt 0 ]; do
  case $1 in
    --public-url) public_url=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# The app needs the base without its trailing slash ("" at the root).
base=${public_url%/}
export CART_HUB_BASE=$base
dist=${DIST:-dist}
trunk build --release --public-url "$public_url" --dist "$dist"
scripts/precompress.sh "$dist"
