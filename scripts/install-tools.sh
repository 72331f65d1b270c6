#!/usr/bin/env bash
# Installs every tool the build and the tests need, pinned, skipping each one
# that is already present at the right version. Safe to run again and again.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
TWIGGY_VERSION=0.8.0
WASM_SPLIT_VERSION=0.2.4

say() { printf '[install] %s\n' "$*"; }

have_version() { # command, expected substring
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"
}

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  say "wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! have_version trunk "$TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION"
  cargo install trunk --version "=$TRUNK_VERSION" --locked
fi

# No --locked: the CLI's own lockfile pins a webpki-roots release the registry lacks.
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "chromium and chromedriver (Debian)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver python3-venv >/dev/null
fi

# `make size`: twiggy says where the wasm's bytes go; brotli measures transfer
# and, with gzip (essential in Debian), writes `make dist`'s precompressed files.
if ! have_version twiggy "$TWIGGY_VERSION"; then
  say "twiggy $TWIGGY_VERSION"
  cargo install twiggy --version "=$TWIGGY_VERSION" --locked
fi

# The splitter behind cargo-leptos's `--split` (the same crate, as a command):
# scripts/split-wasm.sh cuts the wasm into the main module and the lazily
# loaded tabs' chunks. It prints no version, so cargo's record of it is read.
if ! grep -qs "^\"wasm_split_cli_support $WASM_SPLIT_VERSION " .tools/wasm-split/.crates.toml; then
  say "wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli)"
  cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --locked \
    --features build-binary --root .tools/wasm-split
fi

if ! command -v brotli >/dev/null 2>&1; then
  say "brotli (Debian)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli >/dev/null
fi

# Debian's binaryen (wasm-opt 108) builds a wasm that dies at start; npm's works.
if ! have_version .tools/node_modules/.bin/wasm-opt "version ${BINARYEN_VERSION%%.*}"; then
  say "binaryen $BINARYEN_VERSION (wasm-opt)"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools "binaryen@$BINARYEN_VERSION"
fi

# Playwright drives Debian's Chromium; it must not download a browser of its own.
if [ -f tests/e2e/package-lock.json ] && ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.installed-lock; then
  say "end-to-end test dependencies"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund && cp package-lock.json node_modules/.installed-lock)
fi

# The AWS SDK for JavaScript v3 clients of tests/sdk-js, exactly as locked.
if [ -f tests/sdk-js/package-lock.json ] && ! cmp -s tests/sdk-js/package-lock.json tests/sdk-js/node_modules/.installed-lock; then
  say "AWS SDK for JavaScript test dependencies"
  (cd tests/sdk-js && npm ci --silent --no-audit --no-fund && cp package-lock.json node_modules/.installed-lock)
fi

if [ -f tests/clients/requirements.txt ]; then
  stamp=.venv/.requirements
  if [ ! -x .venv/bin/python ] || ! cmp -s tests/clients/requirements.txt "$stamp"; then
    say "python client test virtualenv"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check -r tests/clients/requirements.txt
    cp tests/clients/requirements.txt "$stamp"
  fi
fi

say "all tools present"
