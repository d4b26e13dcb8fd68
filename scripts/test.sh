#!/usr/bin/env bash
# Quick start, part two: install what is missing, then run every test: Rust unit and
# content-compiler tests, the release build (content validated inside it), the size budget,
# and the browser suite in Chromium against nginx serving the build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
port=${TEST_PORT:-8181}

echo "== Rust tests"
cargo test --workspace --quiet

echo "== Release build"
scripts/build.sh

echo "== Size"
size_status=0
scripts/size-report.sh dist || size_status=$?

echo "== Browser tests (Chromium, nginx on 127.0.0.1:$port)"
scripts/nginx.sh start "$port" dist
trap 'scripts/nginx.sh stop "$port" dist' EXIT
(cd tests/e2e && BASE_URL="http://127.0.0.1:$port" npx playwright test)

exit $size_status
