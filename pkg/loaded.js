// Shared by the browser entries (web.js, validate.js): their bindings, refusing to run before
// that entry's wasm is loaded, with an error that says so instead of a TypeError from the glue,
// and the loaders that lift the refusal.

const underNode = typeof process === 'object' && typeof process.versions?.node === 'string';

/** `{ core, init, initSync }` for one entry. `core` is `bindings`' functions (but the
 * loaders), each throwing invalid-argument until `init()` or `initSync()` has loaded the wasm
 * through `load` (the glue's default export). `names` says, for the hint when `init()`
 * cannot fetch the wasm under Node, the entry to import instead and the package path of the
 * entry's .wasm. */
export function guarded(bindings, load, names) {
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

  /** Loads the wasm; takes a URL, bytes, a Response or a module, bare or as `{ module_or_path }`. */
  async function init(input) {
    const wrapped = input === undefined || (input && typeof input === 'object' && 'module_or_path' in input) ? input : { module_or_path: input };
    try {
      await load(wrapped);
    } catch (error) {
      // Node's fetch() cannot read the file: URL the entry points at by default.
      if (input === undefined && underNode) {
        const hint = new Error(`init() cannot fetch the wasm under Node: import "${names.entry}" (its Node entry needs no init), or load the bytes yourself: initSync(readFileSync(new URL(import.meta.resolve("${names.wasm}"))))`);
        hint.code = 'invalid-argument';
        hint.cause = error;
        throw hint;
      }
      throw error;
    }
    loaded = true;
  }

  /** Loads the wasm synchronously from bytes or a module, bare or as `{ module }`. */
  function initSync(input) {
    bindings.initSync(input && typeof input === 'object' && 'module' in input ? input : { module: input });
    loaded = true;
  }

  return { core, init, initSync };
}
