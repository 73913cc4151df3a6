// Browser and bundler entry: call `await init()` (or `initSync(bytes)`) once before anything
// else. The wasm is fetched from next to this file (bundlers follow the URL).
import load, * as bindings from './web/certcentral_webhooks.js';
import { EVENT_NAMES, DEFAULT_MAX_INPUT_BYTES } from './generated.js';
import { listenerKit } from './listener.js';
import { guarded } from './loaded.js';

const { core, markLoaded } = guarded(bindings);

export const {
  validateRequest, explainDelivery, explainCase, classifyProduct, parseEvent, parseEvents,
  verifyWebhookKey, isDigiCertSource, version,
} = core;

const underNode = typeof process === 'object' && typeof process.versions?.node === 'string';

/** Loads the wasm; takes a URL, bytes, a Response or a module, bare or as `{ module_or_path }`. */
export async function init(input) {
  const wrapped = input === undefined || (input && typeof input === 'object' && 'module_or_path' in input) ? input : { module_or_path: input };
  try {
    await load(wrapped);
  } catch (error) {
    // Node's fetch() cannot read the file: URL this entry points at by default.
    if (input === undefined && underNode) {
      const hint = new Error('init() cannot fetch the wasm under Node: import "certcentral-webhooks" (its Node entry needs no init), or load the bytes yourself: initSync(readFileSync(new URL(import.meta.resolve("certcentral-webhooks/certcentral_webhooks_bg.wasm"))))');
      hint.code = 'invalid-argument';
      hint.cause = error;
      throw hint;
    }
    throw error;
  }
  markLoaded();
}
/** Loads the wasm synchronously from bytes or a module, bare or as `{ module }`. */
export function initSync(input) {
  bindings.initSync(input && typeof input === 'object' && 'module' in input ? input : { module: input });
  markLoaded();
}
export default init;
export * from './generated.js';
// The listener kit calls the bindings when it runs, so it works once init() has resolved.
export const { createWebhooks, createNodeMiddleware, createWebHandler, fullchainPem } = listenerKit({ ...core, EVENT_NAMES, DEFAULT_MAX_INPUT_BYTES });
