// `certcentral-webhooks/validate` for browsers and bundlers: validateRequest over a wasm that
// holds the validator only (no explainer, events or certificates). `await init()` (or
// `initSync(bytes)`) first, as with the full entry.
import load, * as bindings from './validate/web/certcentral_webhooks.js';
import { guarded } from './loaded.js';

const { core, init, initSync } = guarded(bindings, load, {
  entry: 'certcentral-webhooks/validate',
  wasm: 'certcentral-webhooks/validate.wasm',
});
export const { validateRequest, version } = core;
export { init, initSync };
export default init;
export { EVENT_NAMES, SUBSCRIBABLE_EVENT_NAMES, FAMILIES, ISSUANCES, FLAGS, DEFAULT_MAX_INPUT_BYTES, requestSchema } from './generated.js';
