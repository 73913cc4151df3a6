export * from "./web/certcentral_webhooks.js";
import type { InitInput, InitOutput, SyncInitInput } from "./web/certcentral_webhooks.js";

/** Every event name known, subscribable first. */
export declare const EVENT_NAMES: readonly string[];
/** Loads the wasm (browsers and bundlers); resolves at once under Node. */
export declare function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
/** Loads the wasm synchronously from bytes or a compiled module; a no-op under Node. */
export declare function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;
export default init;
