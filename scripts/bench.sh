#!/usr/bin/env bash
# Benchmark (not a test): Lighthouse mobile LCP, CLS and performance for the hub and an
# article, against a plain static HTML copy of that article on the same nginx; and the wasm
# size the hydrate build adds over a client-only build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
[ -d tests/bench/node_modules/lighthouse ] || (cd tests/bench && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
scripts/build.sh >/dev/null

# The floor: the same article as plain HTML and CSS, no scripts, same server.
bench=.run/bench-dist
rm -rf "$bench" && cp -r dist "$bench"
slug=$(ls dist/articles | head -1)
mkdir -p "$bench/static-article"
sed -E 's#<script[^>]*>[^<]*</script>##g; s#<link[^>]*(modulepreload|rel=preload)[^>]*>##g' \
  "dist/articles/$slug/index.html" > "$bench/static-article/index.html"
scripts/precompress.sh "$bench"
port=8190
scripts/nginx.sh start $port "$bench"
trap 'scripts/nginx.sh stop $port "$bench"' EXIT
(cd tests/bench && node lighthouse.mjs "http://127.0.0.1:$port" "$slug")

# What hydration costs in wasm: the same app built client-only, optimised the same way.
wasm_size() { brotli -c -q 11 "$1" | wc -c; }
hydrate=$(wasm_size "$(ls dist/assets/*_bg.wasm)")
cargo build --quiet --release --target wasm32-unknown-unknown --features csr --bin cart-hub --target-dir target/bench-csr
wasm-bindgen --target web --out-dir .run/bench-csr target/bench-csr/wasm32-unknown-unknown/release/cart-hub.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue .run/bench-csr/cart-hub_bg.wasm -o .run/bench-csr/opt.wasm
csr=$(wasm_size .run/bench-csr/opt.wasm)
echo "wasm brotli: hydrate build $hydrate B, client-only build $csr B, hydration adds $((hydrate - csr)) B"
