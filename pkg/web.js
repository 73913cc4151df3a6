// Browser and bundler entry: call `await init()` (or `initSync({ module })`) once before
// anything else. The wasm is fetched from next to this file (bundlers follow the URL).
export * from './web/certcentral_webhooks.js';
export { default, default as init, initSync } from './web/certcentral_webhooks.js';
export { EVENT_NAMES, SUBSCRIBABLE_EVENT_NAMES, FAMILIES, requestSchema, eventSchema } from './generated.js';
