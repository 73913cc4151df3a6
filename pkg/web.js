// Browser and bundler entry: call `await init()` (or `initSync({ module })`) once before
// anything else. The wasm is fetched from next to this file (bundlers follow the URL).
import load, * as bindings from './web/certcentral_webhooks.js';
import { EVENT_NAMES } from './generated.js';
import { listenerKit } from './listener.js';

const loadSync = bindings.initSync;

export * from './web/certcentral_webhooks.js';

/** Loads the wasm; takes a URL, bytes, a Response or a module, bare or as `{ module_or_path }`. */
export function init(input) {
  const wrapped = input === undefined || (input && typeof input === 'object' && 'module_or_path' in input) ? input : { module_or_path: input };
  return load(wrapped);
}
/** Loads the wasm synchronously from bytes or a module, bare or as `{ module }`. */
export function initSync(input) {
  return loadSync(input && typeof input === 'object' && 'module' in input ? input : { module: input });
}
export default init;
export * from './generated.js';
// The listener kit calls the bindings when it runs, so it works once init() has resolved.
export const { createWebhooks, createNodeMiddleware, createWebHandler, fullchainPem } = listenerKit({ ...bindings, EVENT_NAMES });
