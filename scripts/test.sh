#!/usr/bin/env bash
# Quick start, part two: install what is missing, then run every test: Rust unit and
# content-compiler tests, the release build (content validated and every route prerendered
# inside it), the size budget, the browser suite in Chromium against nginx serving the build,
# the core scenarios in Firefox and WebKit, the same build made for a sub-path and served
# there, and the hydration tests again against a debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
port=${TEST_PORT:-8181}

echo "== Rust tests"
cargo test --workspace --quiet

echo "== Property tests (decoding any bytes, compiling any content: no panics)"
cargo test --quiet -p cart-model --test props -- --nocapture 2>&1 | grep -E '^props:|test result'
cargo test --quiet -p cart-content --test props -- --nocapture 2>&1 | grep -E '^props:|test result'

echo "== Dependency licences"
cargo deny --offline --workspace check licenses

echo "== Release build"
scripts/build.sh

echo "== Size"
size_status=0
scripts/size-report.sh dist || size_status=$?

echo "== Browser tests (Chromium, nginx on 127.0.0.1:$port)"
# Two "portal" origins may frame the hub (embed.spec.js serves them on these ports).
export FRAME_ANCESTORS="'self' http://127.0.0.1:$((port + 3)) http://127.0.0.1:$((port + 4))"
scripts/nginx.sh start "$port" dist
trap 'scripts/nginx.sh stop "$port" dist' EXIT
(cd tests/e2e && BASE_URL="http://127.0.0.1:$port" npx playwright test)

echo "== Firefox and WebKit (WebDriver), same server"
node tests/engines/run.mjs "http://127.0.0.1:$port"

echo "== Built for a portal's path (/patients/car-t/), served there (nginx on 127.0.0.1:$((port + 2)))"
DIST=dist-sub scripts/build.sh --public-url /patients/car-t/
FRAME_ANCESTORS="'self' http://127.0.0.1:$((port + 5))" scripts/nginx.sh start "$((port + 2))" dist-sub /patients/car-t
trap 'scripts/nginx.sh stop "$port" dist; scripts/nginx.sh stop "$((port + 2))" dist-sub' EXIT
(cd tests/e2e && SUB_BASE_URL="http://127.0.0.1:$((port + 2))/patients/car-t" BASE_URL="http://127.0.0.1:$((port + 2))" npx playwright test specs/subpath.spec.js)

echo "== Debug build: hydration again, where a mismatch is loud (nginx on 127.0.0.1:$((port + 1)))"
DEBUG_BUILD=1 DIST=dist-debug scripts/build.sh
scripts/nginx.sh start "$((port + 1))" dist-debug
trap 'scripts/nginx.sh stop "$port" dist; scripts/nginx.sh stop "$((port + 1))" dist-debug; scripts/nginx.sh stop "$((port + 2))" dist-sub' EXIT
(cd tests/e2e && DEBUG_BUILD=1 BASE_URL="http://127.0.0.1:$((port + 1))" npx playwright test specs/prerender.spec.js specs/hub.spec.js specs/pages.spec.js specs/crash.spec.js)

exit $size_status
