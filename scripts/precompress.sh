#!/usr/bin/env bash
# Writes NAME.br and NAME.gz beside each compressible file so nginx/CDNs serve them as-is.
# Not config.json: portal teams edit it in place, and nginx would go on serving a stale
# config.json.br (brotli_static) instead of their edit. It is compressed on the fly.
set -euo pipefail
find "$1" -type f ! -name config.json \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.json' -o -name '*.svg' -o -name '*.xml' -o -name '*.txt' \) -print0 |
  while IFS= read -r -d '' f; do
    brotli -f -q 11 -o "$f.br" "$f"
    gzip -9 -n -k -f "$f"
  done
