# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Each installs what is missing first (pinned, idempotent: see scripts/install-tools.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export TRUNK_OFFLINE := true

SERVER_BIN := target/server/account-server

.PHONY: install serve dist size server test test-native test-wasm test-e2e test-clients test-sdk-js lint bench screenshots clean

install:
	@bash scripts/install-tools.sh

serve: install
	trunk serve --release

# The frame is prerendered into index.html by Trunk's post_build hook
# (Trunk.toml); precompressed siblings follow.
dist: install
	trunk build --release
	bash scripts/compress-dist.sh

# docs/size.md: the release wasm's transfer sizes and its top contributors.
size: dist
	bash scripts/size-report.sh

server:
	cargo run --profile server -p account-server --

$(SERVER_BIN): $(shell find crates -name '*.rs' -o -name Cargo.toml) Cargo.lock
	cargo build --profile server -p account-server

test: install lint test-native test-wasm test-e2e test-clients test-sdk-js

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p account-sandbox --features split -- -D warnings

test-native:
	cargo test --workspace

test-wasm:
	cargo test --target wasm32-unknown-unknown -p account-sandbox --tests

test-e2e: dist
	cd tests/e2e && npx playwright test

test-clients: install $(SERVER_BIN)
	ACCOUNT_SERVER_BIN=$(CURDIR)/$(SERVER_BIN) .venv/bin/python -m pytest tests/clients -q

# The AWS SDK for JavaScript v3 (tests/sdk-js, node's own test runner).
test-sdk-js: install $(SERVER_BIN)
	cd tests/sdk-js && ACCOUNT_SERVER_BIN=$(CURDIR)/$(SERVER_BIN) node --test

MINIMAL_LEPTOS := $(CURDIR)/target/minimal-leptos

bench: install dist $(SERVER_BIN)
	cd tests/e2e/bench/minimal-leptos && CARGO_TARGET_DIR=$(MINIMAL_LEPTOS) trunk build --release --dist $(MINIMAL_LEPTOS)/dist
	.venv/bin/python scripts/bench-server.py --server $(SERVER_BIN)
	cd tests/e2e && MINIMAL_DIST=$(MINIMAL_LEPTOS)/dist node bench/page-budgets.mjs

screenshots: dist
	cd tests/e2e && node screenshots.mjs

clean:
	cargo clean
	rm -rf dist
