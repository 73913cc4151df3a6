// Node entry for import: the same synchronously loaded instance as node.cjs.
export * from './node/certcentral_webhooks.js';
export * from './generated.js';

/** Resolves at once: under Node the wasm is already instantiated. */
export async function init() {}
/** Does nothing: under Node the wasm is already instantiated. */
export function initSync() {}
export default init;
