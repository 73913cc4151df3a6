# Entry points. Each target installs what it needs first (scripts/setup.sh is idempotent).
.PHONY: setup build test lint audit bench test-native test-wasm test-js test-e2e test-fuzz fuzz playground site clean

PORT ?= 8080
export CHROMEDRIVER ?= /usr/bin/chromedriver

setup:
	bash scripts/setup.sh

# The npm package in pkg/ (node + web builds), the playground's copy of the web build, and the
# playground's editor bundle (www/vendor/, CodeMirror from npm).
build: setup
	bash scripts/build.sh
	bash scripts/site.sh

lint: setup
	cargo deny check licenses bans sources
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
	# missing_docs (src/lib.rs) covers the public API; broken intra-doc links fail here.
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

test-native: setup
	cargo test

# The binding through wasm-bindgen-test, in Node and in headless Chromium.
test-wasm: setup
	cargo test --target wasm32-unknown-unknown

test-js: build
	cargo build --example report --quiet
	node --test tests/js/*.test.mjs
	node_modules/.bin/tsc -p tests/types/tsconfig.json
	# The types resolve in every mode (node10, node16 from ESM and CJS, bundler). The .wasm is an
	# asset for bundlers and initSync, not a module with types.
	node_modules/.bin/attw --pack pkg --exclude-entrypoints certcentral_webhooks_bg.wasm validate.wasm

test-e2e: build
	node --test tests/e2e/*.test.mjs

# Each fuzz target briefly, so regressions show up in CI; `make fuzz` runs them for longer.
test-fuzz: setup
	bash scripts/fuzz.sh 15

fuzz: setup
	bash scripts/fuzz.sh $(or $(SECONDS),180)

test: lint test-native test-wasm test-fuzz test-js test-e2e

# RustSec advisories: needs the advisory database from GitHub, so it is not part of `make test`.
audit: setup
	cargo deny check advisories

# Side-by-side benchmarks against ajv, zod, node:crypto and @peculiar/x509; writes BENCHMARKS.md.
bench: build
	cd bench && npm ci --no-audit --no-fund --silent
	node bench/run.mjs

# The static site, ready to host anywhere as is.
site: build
	@echo "www/ is the static site"

playground: build
	@echo "Serving the playground at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

clean:
	rm -rf target fuzz/target pkg/node pkg/web pkg/generated.js pkg/generated.cjs pkg/listener.cjs pkg/node.mjs pkg/validate.node.mjs pkg/index.d.ts pkg/index.d.cts pkg/web.d.ts pkg/validate.d.ts pkg/validate.d.cts pkg/validate pkg/schema www/pkg www/vendor artifacts
