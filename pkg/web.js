// Browser and bundler entry: call `await init()` (or `initSync(bytes)`) once before anything
// else. The wasm is fetched from next to this file (bundlers follow the URL).
import load, * as bindings from './web/certcentral_webhooks.js';
import { EVENT_NAMES, DEFAULT_MAX_INPUT_BYTES } from './generated.js';
import { listenerKit } from './listener.js';
import { guarded } from './loaded.js';

const { core, init, initSync } = guarded(bindings, load, {
  entry: 'certcentral-webhooks',
  wasm: 'certcentral-webhooks/certcentral_webhooks_bg.wasm',
});

export const {
  validateRequest, explainDelivery, explainCase, classifyProduct, parseEvent, parseEvents,
  verifyWebhookKey, isDigiCertSource, version,
} = core;
export { init, initSync };
export default init;
export * from './generated.js';
// The listener kit calls the bindings when it runs, so it works once init() has resolved.
export const { createWebhooks, createNodeMiddleware, createWebHandler, fullchainPem } = listenerKit({ ...core, EVENT_NAMES, DEFAULT_MAX_INPUT_BYTES });
