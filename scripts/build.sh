#!/usr/bin/env bash
# Release build into dist/: content compiled and validated, wasm built and optimised by Trunk,
# every route prerendered to HTML, then .br and .gz written beside every text asset for the CDN.
# DEBUG_BUILD=1 builds the debug wasm instead (hydration mismatches are loud there).
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
mode=--release
# The native tools (content compiler, prerenderer) of a release are built for speed
# (Cargo.toml's `tools` profile: at 10,000 articles they took 37 s where the size-optimised
# release profile took 47 s); the debug build keeps debug tools beside its debug wasm.
tools="--profile tools"
if [ "${DEBUG_BUILD:-0}" = 1 ]; then mode=""; tools=""; fi
export CART_TOOLS_PROFILE=$tools
trunk build $mode --public-url "$public_url" --dist "$dist"
# Every route to static HTML with the same components (natively), for hydration. It must
# come from this same build: markup and wasm that disagree fail to hydrate.
cargo run --quiet --offline $tools -p cart-prerender -- "$dist" --origin "${CART_HUB_ORIGIN:-http://127.0.0.1:8080}"
# The full-text search index (Pagefind, from tools/), from the finished pages.
node scripts/search-index.mjs "$dist"
# The service worker and the offline manifest (Workbox, from tools/), from the finished pages.
node scripts/offline.mjs "$dist" "$base"
scripts/precompress.sh "$dist"
