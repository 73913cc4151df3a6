#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there at the right
# version: ~5 min on a fresh machine, a few seconds afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock (a mismatch is a hard error).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v openssl >/dev/null \
   || ! command -v python3 >/dev/null; then
  # Debian's chromium drives the browser tests; never Debian's binaryen (its wasm-opt 108
  # silently breaks wasm-bindgen output).
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver openssl python3 >/dev/null
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# Vite 8 and playwright-core need Node 20.19 or newer.
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || { echo "setup: Node.js 20.19 or newer is needed (found $(node --version 2>/dev/null || echo none))" >&2; exit 1; }

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  # No --locked: the published lockfile pins a yanked crate.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# Supply-chain checks and the fuzzer, at fixed versions.
[ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" = 0.20.2 ] || cargo install cargo-deny --version 0.20.2 --locked
[ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" = 0.13.2 ] || cargo install cargo-fuzz --version 0.13.2 --locked

if [ ! -x node_modules/.bin/wasm-opt ] || ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --silent
fi
