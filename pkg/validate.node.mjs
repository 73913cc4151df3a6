// `certcentral-webhooks/validate` under Node (import): the validator-only wasm, loaded at once.
export { validateRequest, version } from './validate/node/certcentral_webhooks.js';
export { EVENT_NAMES, SUBSCRIBABLE_EVENT_NAMES, FAMILIES, ISSUANCES, FLAGS, requestSchema } from './generated.js';

/** Resolves at once: under Node the wasm is already instantiated. */
export async function init() {}
/** Does nothing: under Node the wasm is already instantiated. */
export function initSync() {}
export default init;
