#!/usr/bin/env bash
# Builds the npm package in pkg/: the wasm once, bound for Node (CommonJS, loads the wasm
# synchronously) and for the web (ES module with init()), then copies the web build into the
# playground.
set -euo pipefail
cd "$(dirname "$0")/.."
CRATE=certcentral_webhooks
WASM_OPT=node_modules/.bin/wasm-opt   # npm binaryen; never Debian's wasm-opt 108

cargo build --release --target wasm32-unknown-unknown --lib --quiet
RAW=target/wasm32-unknown-unknown/release/$CRATE.wasm
rm -rf pkg/node pkg/web
wasm-bindgen --target nodejs --out-dir pkg/node "$RAW"
wasm-bindgen --target web --out-dir pkg/web "$RAW"
# Both targets emit the same wasm: optimise once, copy to both.
cmp -s pkg/node/${CRATE}_bg.wasm pkg/web/${CRATE}_bg.wasm \
  || { echo "build: the node and web targets produced different wasm" >&2; exit 1; }
"$WASM_OPT" -Oz pkg/web/${CRATE}_bg.wasm -o pkg/web/${CRATE}_bg.wasm
# Ship the wasm once: the Node loader reads the web build's copy.
rm pkg/node/${CRATE}_bg.wasm pkg/node/*.d.ts
sed -i "s|\${__dirname}/${CRATE}_bg.wasm|\${__dirname}/../web/${CRATE}_bg.wasm|" pkg/node/${CRATE}.js
grep -q "/../web/${CRATE}_bg.wasm" pkg/node/${CRATE}.js \
  || { echo "build: could not point the Node loader at web/${CRATE}_bg.wasm" >&2; exit 1; }
# The nodejs target is CommonJS inside a "type": "module" package.
echo '{ "type": "commonjs" }' > pkg/node/package.json
# The binding's JS half (inline_js in src/wasm.rs; scripts/snippets.sh says what it holds) lands
# in snippets/<crate>-<hash>/inline*.js; ship it under a stable name, as CommonJS for Node.
bash scripts/snippets.sh pkg/web pkg/node

raw=$(wc -c < pkg/web/${CRATE}_bg.wasm); gz=$(gzip -9c pkg/web/${CRATE}_bg.wasm | wc -c)
echo "build: wasm ${raw} bytes, ${gz} gzipped"

# The validate-only build behind `certcentral-webhooks/validate`: the same crate without the
# explainer, event and listener bindings, so the wasm holds the validator only. It is built for
# size (opt-level "z"): web apps load it to check a form, where 5 KB less to download matters
# more than validations taking 1.4x as long (README "Build and size").
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  cargo build --release --target wasm32-unknown-unknown --lib --no-default-features --target-dir target/validate --quiet
RAW_VALIDATE=target/validate/wasm32-unknown-unknown/release/$CRATE.wasm
rm -rf pkg/validate
wasm-bindgen --target nodejs --out-dir pkg/validate/node "$RAW_VALIDATE"
wasm-bindgen --target web --out-dir pkg/validate/web "$RAW_VALIDATE"
"$WASM_OPT" -Oz pkg/validate/web/${CRATE}_bg.wasm -o pkg/validate/web/${CRATE}_bg.wasm
rm pkg/validate/node/${CRATE}_bg.wasm pkg/validate/node/*.d.ts pkg/validate/web/*.d.ts
sed -i "s|\${__dirname}/${CRATE}_bg.wasm|\${__dirname}/../web/${CRATE}_bg.wasm|" pkg/validate/node/${CRATE}.js
grep -q "/../web/${CRATE}_bg.wasm" pkg/validate/node/${CRATE}.js \
  || { echo "build: could not point the validate Node loader at its wasm" >&2; exit 1; }
echo '{ "type": "commonjs" }' > pkg/validate/node/package.json
bash scripts/snippets.sh pkg/validate/web pkg/validate/node
raw=$(wc -c < pkg/validate/web/${CRATE}_bg.wasm); gz=$(gzip -9c pkg/validate/web/${CRATE}_bg.wasm | wc -c)
echo "build: validate-only wasm ${raw} bytes, ${gz} gzipped"

# Types, schemas and EVENT_NAMES come from the Rust catalogue (native, before the wasm loads).
cargo run --quiet --example generate -- pkg

# The listener kit is written once as an ES module; require() gets the same code as CommonJS.
{ echo "'use strict';"; echo "// Generated from listener.js by scripts/build.sh; do not edit."
  sed 's/^export function listenerKit/function listenerKit/' pkg/listener.js
  echo 'module.exports = { listenerKit };'; } > pkg/listener.cjs
grep -q '^export ' pkg/listener.cjs && { echo "build: listener.js has an export the CommonJS copy cannot carry" >&2; exit 1; }

# The Node ES module entries, each bundled with what it imports into one module.
node scripts/bundle.mjs

# The playground loads the package's web entry from www/pkg, as a site that vendors it would.
rm -rf www/pkg && mkdir -p www/pkg/web
cp pkg/web.js pkg/generated.js pkg/listener.js pkg/loaded.js www/pkg/
cp pkg/web/${CRATE}.js pkg/web/${CRATE}_bg.wasm pkg/web/binding.js www/pkg/web/
