// Node entry for import: the web build's ES module glue, instantiated synchronously from the
// .wasm beside it as this module loads, so every function works at once. Loading the
// CommonJS glue instead would start Node's CommonJS loader too (about 5 ms of a cold start,
// README "Performance"). scripts/bundle.mjs bundles this file with what it imports into
// node.mjs, the file the package ships: Node then resolves and compiles one module instead of
// five. The wasm loads as a side effect of that module (package.json "sideEffects" says so to
// bundlers). require() gets node.cjs: its own instance of the same wasm.
import { readFileSync } from 'node:fs';
import * as bindings from './web/certcentral_webhooks.js';
import { EVENT_NAMES, DEFAULT_MAX_INPUT_BYTES } from './generated.js';
import { listenerKit } from './listener.js';

bindings.initSync({ module: readFileSync(new URL('./web/certcentral_webhooks_bg.wasm', import.meta.url)) });

export {
  validateRequest, explainDelivery, explainCase, classifyProduct, parseEvent, parseEvents,
  verifyWebhookKey, isDigiCertSource, version,
} from './web/certcentral_webhooks.js';
export * from './generated.js';
export const { createWebhooks, createNodeMiddleware, createWebHandler, fullchainPem } = listenerKit({ ...bindings, EVENT_NAMES, DEFAULT_MAX_INPUT_BYTES });

/** Resolves at once: under Node the wasm is already instantiated. */
export async function init() {}
/** Does nothing: under Node the wasm is already instantiated. */
export function initSync() {}
export default init;
