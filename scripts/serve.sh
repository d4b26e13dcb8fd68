#!/usr/bin/env bash
# Quick start, part one: install what is missing, build the release, and serve it with nginx
# (the production config) on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec scripts/nginx.sh foreground "${PORT:-8080}" dist
