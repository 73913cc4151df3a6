// `certcentral-webhooks/validate` for browsers and bundlers: validateRequest over a wasm that
// holds the validator only (no explainer, events or certificates). `await init()` (or
// `initSync(bytes)`) first, as with the full entry.
import load, * as bindings from './validate/web/certcentral_webhooks.js';
import { guarded } from './loaded.js';

const { core, markLoaded } = guarded(bindings);
export const { validateRequest, version } = core;

/** Loads the wasm; takes a URL, bytes, a Response or a module, bare or as `{ module_or_path }`. */
export async function init(input) {
  await load(input === undefined || (input && typeof input === 'object' && 'module_or_path' in input) ? input : { module_or_path: input });
  markLoaded();
}
/** Loads the wasm synchronously from bytes or a module, bare or as `{ module }`. */
export function initSync(input) {
  bindings.initSync(input && typeof input === 'object' && 'module' in input ? input : { module: input });
  markLoaded();
}
export default init;
export { EVENT_NAMES, SUBSCRIBABLE_EVENT_NAMES, FAMILIES, ISSUANCES, FLAGS, DEFAULT_MAX_INPUT_BYTES, requestSchema } from './generated.js';
