#!/usr/bin/env bash
# Moves wasm-bindgen's inline_js snippets of one build (src/wasm.rs: the readers of the results
# that cross as records and the options reader; in the full build also the event readers,
# which settle each event from the caller's text) into one file with a stable name beside its
# glue: WEB/binding.js (ES module) and NODE/binding.js (CommonJS, for the nodejs target's
# require).
# Usage: scripts/snippets.sh WEB_DIR NODE_DIR
set -euo pipefail
CRATE=certcentral_webhooks
web=$1 node=$2
fail() { echo "snippets: $*" >&2; exit 1; }
mapfile -t snippets < <(find "$web/snippets" -name 'inline*.js' | sort)
[ "${#snippets[@]}" -ge 1 ] || fail "expected an inline_js snippet in $web/snippets"
cat "${snippets[@]}" > "$web/binding.js"
# Import statements only: an import object's keys keep the snippet's name, the module name the
# wasm itself imports (wasm-bindgen imports a function straight into the wasm when it needs
# no JS shim, as `readerKit`).
sed -i -E "s#^(import .* from )[\"']\./snippets/[^\"']*/inline[0-9]*\.js[\"']#\1'./binding.js'#" "$web/$CRATE.js"
{ echo "'use strict';"
  sed 's/^export function \([A-Za-z0-9_$]*\)/exports.\1 = function \1/' "$web/binding.js"; } > "$node/binding.js"
sed -i -E 's#require\((String\.raw`|")\./snippets/[^`"]*/inline[0-9]*\.js(`|")\)#require("./binding.js")#' "$node/$CRATE.js"
rm -r "$web/snippets" "$node/snippets"
grep -Eq "^import .*snippets/|require\((String\.raw\`|\")\./snippets/" "$web/$CRATE.js" "$node/$CRATE.js" \
  && fail "a glue still imports from snippets/"
grep -q "from './binding.js'" "$web/$CRATE.js" || fail "could not point the web glue at binding.js"
grep -q 'require("./binding.js")' "$node/$CRATE.js" || fail "could not point the Node glue at binding.js"
grep -q '^export ' "$node/binding.js" && fail "binding.js has an export the CommonJS copy cannot carry"
node --check "$node/binding.js"
node --input-type=module --check < "$web/binding.js"
