#!/usr/bin/env bash
# Moves wasm-bindgen's inline_js snippet of one build to a stable name beside its glue:
# WEB/binding.js (ES module) and NODE/binding.js (CommonJS, for the nodejs target's require).
# Usage: scripts/snippets.sh WEB_DIR NODE_DIR
set -euo pipefail
CRATE=certcentral_webhooks
web=$1 node=$2
fail() { echo "snippets: $*" >&2; exit 1; }
snippet=$(find "$web/snippets" -name inline0.js)
[ "$(echo "$snippet" | wc -l)" = 1 ] && [ -n "$snippet" ] || fail "expected one inline_js snippet in $web/snippets"
[ -z "$(find "$web/snippets" -name 'inline[1-9]*.js')" ] || fail "more than one inline_js snippet: name each in this script"
mv "$snippet" "$web/binding.js"
sed -i "s|'\./snippets/[^']*/inline0\.js'|'./binding.js'|" "$web/$CRATE.js"
{ echo "'use strict';"
  sed 's/^export function \([A-Za-z]*\)/exports.\1 = function \1/' "$web/binding.js"; } > "$node/binding.js"
sed -i 's|require(String.raw`\./snippets/[^`]*/inline0\.js`)|require("./binding.js")|' "$node/$CRATE.js"
rm -r "$web/snippets" "$node/snippets"
grep -q "from './binding.js'" "$web/$CRATE.js" || fail "could not point the web glue at binding.js"
grep -q 'require("./binding.js")' "$node/$CRATE.js" || fail "could not point the Node glue at binding.js"
grep -q '^export ' "$node/binding.js" && fail "binding.js has an export the CommonJS copy cannot carry"
node --check "$node/binding.js"
