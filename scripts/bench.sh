#!/usr/bin/env bash
# Benchmark (not a test): Lighthouse mobile LCP, CLS and performance for the hub and an
# article, against a plain static HTML copy of that article on the same nginx; the wasm
# size the hydrate build adds over a client-only build; and search (tests/bench/search.mjs)
# at the real library and at 10,000 generated articles (tests/bench/corpus.mjs).
# `scripts/bench.sh search` runs only the search rows, `scripts/bench.sh scale` only the
# compiler and prerenderer at 100 and 10,000 articles, `scripts/bench.sh start` only
# Lighthouse and the traces of a page's start.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
[ -d tests/bench/node_modules/lighthouse ] || (cd tests/bench && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
scripts/build.sh >/dev/null

# Search: bytes before focus, for the first and a follow-up query, keystroke-to-results time.
search_rows() {
  local p=8193 corpus=.run/corpus-10000
  scripts/nginx.sh start $p dist
  node tests/bench/search.mjs "http://127.0.0.1:$p" "real library ($(ls dist/articles | wc -l) articles)" || true
  scripts/nginx.sh stop $p dist
  node tests/bench/corpus.mjs dist "$corpus" 10000
  local t0=$SECONDS
  node scripts/search-index.mjs "$corpus"
  echo "search index at 10,000 articles: built in $((SECONDS - t0)) s, $(du -sk "$corpus/pagefind" | cut -f1) KB on disk"
  scripts/nginx.sh start $p "$corpus"
  node tests/bench/search.mjs "http://127.0.0.1:$p" "10,000 generated articles" || true
  scripts/nginx.sh stop $p "$corpus"
}
# Scale: the content compiler and the prerenderer at 100 and 10,000 articles (real articles
# copied under new slugs, tests/bench/content-corpus.mjs), time and peak memory, what the
# hub's first view weighs (its HTML and page data, brotli), then the hub in Chromium
# (tests/bench/chips.mjs: first view on the wire, chip toggle times, memory after load).
scale_rows() {
  # The tools as scripts/build.sh builds them for a release (Cargo.toml's `tools` profile).
  cargo build --quiet --profile tools --offline -p cart-content -p cart-prerender
  local n out p=8194
  for n in 100 10000; do
    node tests/bench/content-corpus.mjs content ".run/content-$n" "$n"
    out=".run/scale-$n"
    # The release's app and static files; its data, pages and precompressed copies go (nginx
    # compresses the new pages as it serves them).
    rm -rf "$out" && mkdir -p "$out" && cp -r dist/. "$out/"
    rm -rf "$out/data" && find "$out" \( -name '*.br' -o -name '*.gz' \) -delete
    /usr/bin/time -f "scale $n: compile %e s, peak %M KB" target/tools/cart-content ".run/content-$n" "$out/data" >/dev/null
    /usr/bin/time -f "scale $n: prerender %e s, peak %M KB" target/tools/cart-prerender "$out" >/dev/null
    echo "scale $n: hub first view $(brotli -c -q 11 "$out/index.html" | wc -c) B of HTML and $(brotli -c -q 11 "$out/page-data.js" | wc -c) B of page data (brotli)"
    scripts/nginx.sh start $p "$out"
    node tests/bench/chips.mjs "http://127.0.0.1:$p" "$n articles" || true
    scripts/nginx.sh stop $p "$out"
  done
}
if [ "${1:-}" = search ]; then search_rows; exit 0; fi
if [ "${1:-}" = scale ]; then scale_rows; exit 0; fi

# The floor: the same hub and article as plain HTML and CSS, no scripts, same server.
bench=.run/bench-dist
rm -rf "$bench" && cp -r dist "$bench"
slug=$(ls dist/articles | head -1)
strip() { sed -E 's#<script[^>]*>[^<]*</script>##g; s#<link[^>]*(modulepreload|rel=preload)[^>]*>##g' "$1"; }
mkdir -p "$bench/static-article" "$bench/static-hub"
strip "dist/articles/$slug/index.html" > "$bench/static-article/index.html"
strip dist/index.html > "$bench/static-hub/index.html"
scripts/precompress.sh "$bench"
port=8190
scripts/nginx.sh start $port "$bench"
trap 'scripts/nginx.sh stop $port "$bench"' EXIT
(cd tests/bench && node lighthouse.mjs "http://127.0.0.1:$port" "$slug")
# Where the main thread's time goes in those long tasks (a Chromium trace at 4x slowdown).
node tests/bench/trace.mjs "http://127.0.0.1:$port/" hub
node tests/bench/trace.mjs "http://127.0.0.1:$port/articles/$slug" article
if [ "${1:-}" = start ]; then exit 0; fi

# What hydration costs in wasm: the same app built client-only, optimised the same way.
wasm_size() { brotli -c -q 11 "$1" | wc -c; }
hydrate=$(wasm_size "$(ls dist/assets/*_bg.wasm)")
cargo build --quiet --release --target wasm32-unknown-unknown --features csr --bin cart-hub --target-dir target/bench-csr
wasm-bindgen --target web --out-dir .run/bench-csr target/bench-csr/wasm32-unknown-unknown/release/cart-hub.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue .run/bench-csr/cart-hub_bg.wasm -o .run/bench-csr/opt.wasm
csr=$(wasm_size .run/bench-csr/opt.wasm)
echo "wasm brotli: hydrate build $hydrate B, client-only build $csr B, hydration adds $((hydrate - csr)) B"
# The yardstick: the smallest Leptos router app that hydrates (tests/bench/minimal-router),
# built and optimised the same way (this repository's .cargo/config.toml applies: components
# erased), and once more with Leptos's defaults (erasing makes so small an app larger, so
# the ratio is printed against both). The target is this app at most 1.2 times it.
minimal_wasm() { # TARGET_DIR: the yardstick built there, optimised; prints its brotli bytes
  cargo build --quiet --release --offline --target wasm32-unknown-unknown \
    --manifest-path tests/bench/minimal-router/Cargo.toml --target-dir "$1"
  wasm-bindgen --target web --out-dir "$1/bindgen" "$1/wasm32-unknown-unknown/release/minimal-router.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue "$1/bindgen/minimal-router_bg.wasm" -o "$1/bindgen/opt.wasm"
  wasm_size "$1/bindgen/opt.wasm"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
minimal=$(minimal_wasm target/bench-minimal)
# RUSTFLAGS, even empty, replaces the config's flags.
plain=$(RUSTFLAGS="" minimal_wasm target/bench-minimal-plain)
echo "wasm brotli: this app $hydrate B, a minimal Leptos router app $minimal B built the same way (ratio $(ratio "$hydrate" "$minimal")), $plain B with Leptos's defaults (ratio $(ratio "$hydrate" "$plain")) (target <= 1.2)"
search_rows
scale_rows
