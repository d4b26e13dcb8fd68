#!/usr/bin/env bash
# Quick start, part two: install what is missing, then run every test: Rust unit and
# content-compiler tests, the release build (content validated and every route prerendered
# inside it), the Nu Html Checker on every prerendered page, the size budget, the browser
# suite in Chromium against nginx serving the build, the core scenarios in Firefox and
# WebKit, the same build made for a sub-path and served there, and the hydration tests again
# against a debug build. The suites run one after another: each browser suite keeps both
# cores busy, and a build beside it would slow it into timeouts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
port=${TEST_PORT:-8181}

# Every nginx this script starts is stopped on exit, however it exits.
server_ports=() server_dists=()
cleanup() {
  local i
  for i in "${!server_ports[@]}"; do scripts/nginx.sh stop "${server_ports[$i]}" "${server_dists[$i]}" || true; done
}
trap cleanup EXIT
serve() { # PORT DIST [BASE]: scripts/nginx.sh start, remembered for cleanup
  server_ports+=("$1") server_dists+=("$2")
  scripts/nginx.sh start "$@"
}

echo "== Rust tests"
cargo test --workspace --quiet

echo "== Property tests (decoding any bytes, compiling any content: no panics)"
cargo test --quiet -p cart-model --test props -- --nocapture 2>&1 | grep -E '^props:|test result'
cargo test --quiet -p cart-content --test props -- --nocapture 2>&1 | grep -E '^props:|test result'

echo "== Infobutton codes against the official ICD-10-CM code files"
tools/py/bin/python scripts/check-codes.py

echo "== Dependency licences"
cargo deny --offline --workspace check licenses

echo "== Release build"
scripts/build.sh

# Both report and let the other suites run; a failure of either fails the run at the end.
echo "== HTML (Nu Html Checker, every prerendered page)"
html_status=0
scripts/validate-html.sh dist || html_status=$?

echo "== Size"
size_status=0
scripts/size-report.sh dist || size_status=$?

echo "== Browser tests (Chromium, nginx on 127.0.0.1:$port)"
# Two "portal" origins may frame the hub (embed.spec.js serves them on these ports).
export FRAME_ANCESTORS="'self' http://127.0.0.1:$((port + 3)) http://127.0.0.1:$((port + 4))"
serve "$port" dist
(cd tests/e2e && BASE_URL="http://127.0.0.1:$port" npx playwright test)

echo "== Firefox and WebKit (WebDriver), same server"
node tests/engines/run.mjs "http://127.0.0.1:$port"

echo "== Built for a portal's path (/patients/car-t/), served there (nginx on 127.0.0.1:$((port + 2)))"
DIST=dist-sub scripts/build.sh --public-url /patients/car-t/
FRAME_ANCESTORS="'self' http://127.0.0.1:$((port + 5))" serve "$((port + 2))" dist-sub /patients/car-t
(cd tests/e2e && SUB_BASE_URL="http://127.0.0.1:$((port + 2))/patients/car-t" BASE_URL="http://127.0.0.1:$((port + 2))" npx playwright test specs/subpath.spec.js)

echo "== Debug build: hydration again, where a mismatch is loud (nginx on 127.0.0.1:$((port + 1)))"
DEBUG_BUILD=1 DIST=dist-debug scripts/build.sh
serve "$((port + 1))" dist-debug
(cd tests/e2e && DEBUG_BUILD=1 BASE_URL="http://127.0.0.1:$((port + 1))" npx playwright test specs/prerender.spec.js specs/hub.spec.js specs/pages.spec.js specs/crash.spec.js)

[ "$html_status" -eq 0 ] || echo "FAILED: the Nu Html Checker found errors (above, after the release build)" >&2
[ "$size_status" -eq 0 ] || echo "FAILED: the size budget (above, after the release build)" >&2
[ "$html_status" -eq 0 ] && [ "$size_status" -eq 0 ]
