// Node entry for import: the same synchronously loaded instance as node.cjs.
import * as bindings from './node/certcentral_webhooks.js';
import { EVENT_NAMES } from './generated.js';
import { listenerKit } from './listener.js';

export * from './node/certcentral_webhooks.js';
export * from './generated.js';
export const { createWebhooks, createNodeMiddleware, createWebHandler, fullchainPem } = listenerKit({ ...bindings, EVENT_NAMES });

/** Resolves at once: under Node the wasm is already instantiated. */
export async function init() {}
/** Does nothing: under Node the wasm is already instantiated. */
export function initSync() {}
export default init;
