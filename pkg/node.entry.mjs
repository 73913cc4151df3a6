// Node entry for import: the web build's ES module glue, instantiated synchronously from the
// .wasm beside it as this module loads, so every function works at once. Loading the
// CommonJS glue instead would start Node's CommonJS loader too (about 5 ms of a cold start,
// README "Performance"). scripts/bundle.mjs bundles this file with what it imports into
// node.mjs, the file the package ships: Node then resolves and compiles one module instead of
// five. That module holds a glue and a wasm instance of its own: `certcentral-webhooks/web`
// imported in the same process is another one, which needs its own initSync(), and require()
// gets node.cjs, a third. The wasm loads as a side effect of the module (package.json
// "sideEffects" says so to bundlers).
import { readFileSync } from 'node:fs';
import {
  initSync as instantiate, validateRequest, explainDelivery, explainCase, classifyProduct, parseEvent,
  parseEvents, verifyWebhookKey, isDigiCertSource, version,
} from './web/certcentral_webhooks.js';
import { EVENT_NAMES, DEFAULT_MAX_INPUT_BYTES } from './generated.js';
import { listenerKit } from './listener.js';

instantiate({ module: readFileSync(new URL('./web/certcentral_webhooks_bg.wasm', import.meta.url)) });

export {
  validateRequest, explainDelivery, explainCase, classifyProduct, parseEvent, parseEvents,
  verifyWebhookKey, isDigiCertSource, version,
};
export * from './generated.js';
// The bindings the kit uses, named: a namespace object would keep the whole glue in the
// bundle, its unused async init() too.
export const { createWebhooks, createNodeMiddleware, createWebHandler, fullchainPem } = listenerKit({
  parseEvent, verifyWebhookKey, isDigiCertSource, explainDelivery, EVENT_NAMES, DEFAULT_MAX_INPUT_BYTES,
});

/** Resolves at once: under Node the wasm is already instantiated. */
export async function init() {}
/** Does nothing: under Node the wasm is already instantiated. */
export function initSync() {}
export default init;
