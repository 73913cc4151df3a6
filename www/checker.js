// The page's side of the checker worker. One question at a time: while the worker answers, new
// edits only replace the question waiting to be sent, and the newest texts go out when the
// answer arrives, so the worker never works through a queue of stale texts and the page never
// waits for it. A worker that fails (a trap in the wasm, say) is replaced by a fresh one,
// whose first question carries every text (`snapshot`), since it knows none of them.

/** Later fields win; `versions` (one per text) are merged, not replaced. */
const merge = (a, b) => ({ ...a, ...b, versions: { ...(a.versions ?? {}), ...(b.versions ?? {}) } });

export function createChecker({ onReady, onResult, onFailure, snapshot }) {
  let worker = null;
  let busy = false;
  let fresh = false;
  let nextId = 1;
  let pending = null;
  let inFlight = null;
  let started = false;

  function start() {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'checker' });
    worker.addEventListener('message', ({ data }) => {
      if (data.type === 'ready') {
        busy = false;
        const first = !started;
        started = true;
        onReady(data.version, first);
        flush();
        return;
      }
      const question = inFlight;
      inFlight = null;
      busy = false;
      if (data.type === 'failed') { fail(data.message, question); return; }
      onResult(data, question);
      flush();
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(event.message || 'the checker stopped', inFlight);
    });
    busy = true; // until it says it is ready
    worker.postMessage({ type: 'hello' });
  }

  function fail(message, question) {
    // The wasm instance may be left in a bad state: never reuse it.
    worker.terminate();
    inFlight = null;
    pending = null;
    fresh = true;
    onFailure(message, question, started);
    // A worker that never started (the wasm did not load) would fail again: do not loop.
    if (started) start();
  }

  function flush() {
    if (busy || !pending) return;
    const question = fresh ? merge(snapshot(), pending) : pending;
    fresh = false;
    pending = null;
    question.id = nextId++;
    busy = true;
    inFlight = question;
    worker.postMessage(question);
  }

  /** Asks about the given fields ({ request, mode, event }); newer fields replace unsent ones. */
  function send(fields) {
    pending = merge(pending ?? {}, fields);
    flush();
  }

  start();
  return { send, get idle() { return !busy && pending === null; } };
}
