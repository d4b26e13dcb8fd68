#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
# Sources: Debian packages, crates.io and npm only (nothing else is reachable).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version in Cargo.lock exactly: Trunk runs the CLI on the
# wasm that crate produced, and a CLI of another version refuses it or panics.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

need_apt=()
command -v nginx >/dev/null || need_apt+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need_apt+=(libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter)
command -v brotli >/dev/null || need_apt+=(brotli)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v pigz >/dev/null || need_apt+=(pigz)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || need_apt+=(xvfb)
# Python's venv for tools/py (scripts/check-codes.py checks the Infobutton codes).
python3 -c 'import ensurepip' 2>/dev/null || need_apt+=(python3-venv)
# Java 17 (Debian 12's default) runs the Nu Html Checker (npm vnu-jar, scripts/validate-html.sh).
command -v java >/dev/null || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

rustup target list --installed | grep -q wasm32-unknown-unknown || { say "rustup wasm32 target"; rustup target add wasm32-unknown-unknown; }

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

# Firefox over WebDriver.
if ! geckodriver --version 2>/dev/null | grep -q '0.37.1'; then
  say "cargo install geckodriver 0.37.1"
  cargo install --locked geckodriver@0.37.1
fi

# Licence check (works offline once the crates are fetched).
if ! cargo deny --version 2>/dev/null | grep -qx 'cargo-deny 0.20.2'; then
  say "cargo install cargo-deny 0.20.2"
  cargo install --locked cargo-deny@0.20.2
fi

# Node tools: wasm-opt from npm binaryen (Debian's breaks the module), the Nu Html Checker (vnu-jar),
# Playwright without its browser download.
for dir in tools tests/e2e tests/engines; do
  if [ ! -f "$dir/node_modules/.stamp" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.stamp" ]; then
    say "npm ci ($dir)"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
  fi
done

# The official ICD-10-CM code files (PyPI simple-icd-10-cm, pinned in tools/requirements.txt).
if [ ! -f tools/py/.stamp ] || [ tools/requirements.txt -nt tools/py/.stamp ]; then
  say "pip install (tools/py)"
  python3 -m venv tools/py
  tools/py/bin/pip install --quiet --disable-pip-version-check -r tools/requirements.txt
  touch tools/py/.stamp
fi

# Trunk runs offline (it must never download tools), which makes cargo offline too.
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
say "ready"
