// `certcentral-webhooks/validate` under Node (import): the validator-only wasm, instantiated
// synchronously through the ES module glue as this module loads (see node.entry.mjs), bundled
// with what it imports into validate.node.mjs by scripts/bundle.mjs.
import { readFileSync } from 'node:fs';
import { initSync as instantiate } from './validate/web/certcentral_webhooks.js';

instantiate({ module: readFileSync(new URL('./validate/web/certcentral_webhooks_bg.wasm', import.meta.url)) });

export { validateRequest, version } from './validate/web/certcentral_webhooks.js';
export { EVENT_NAMES, SUBSCRIBABLE_EVENT_NAMES, FAMILIES, ISSUANCES, FLAGS, DEFAULT_MAX_INPUT_BYTES, requestSchema } from './generated.js';

/** Resolves at once: under Node the wasm is already instantiated. */
export async function init() {}
/** Does nothing: under Node the wasm is already instantiated. */
export function initSync() {}
export default init;
