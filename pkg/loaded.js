// Shared by the browser entries (web.js, validate.js): their bindings, refusing to run before
// that entry's wasm is loaded, with an error that says so instead of a TypeError from the glue.

/** `{ core, markLoaded }`: `bindings`' functions (but the loaders), each throwing
 * invalid-argument until `markLoaded()` is called after init() or initSync(). */
export function guarded(bindings) {
  let loaded = false;
  const guard = (fn) => (...args) => {
    if (!loaded) {
      const error = new Error('the wasm is not loaded yet: call `await init()` (or `initSync(bytes)`) once before any other function');
      error.code = 'invalid-argument';
      throw error;
    }
    return fn(...args);
  };
  const core = Object.fromEntries(Object.entries(bindings)
    .filter(([name, value]) => typeof value === 'function' && name !== 'default' && name !== 'initSync')
    .map(([name, fn]) => [name, guard(fn)]));
  return { core, markLoaded: () => { loaded = true; } };
}
