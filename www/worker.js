// The checker: the wasm package in a Web Worker, so that no keystroke waits for validation.
// The page sends the texts that changed; this answers with the package's reports, as they are.
// Input is untrusted: a failure of the package is reported as a message, never thrown.
import init, { validateRequest, explainDelivery, parseEvent, parseEvents, version } from './pkg/web.js';

// The texts as last sent, and the page's version numbers for them (echoed in every answer).
const state = { request: '', mode: 'create', event: '', versions: { request: -1, event: -1 } };

/**
 * NDJSON (one event per line, as a listener logs them): two or more non-empty lines, each an
 * object on its own line. A pretty-printed event has lines that do not start with "{".
 */
function isNdjson(text) {
  let lines = 0;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return false;
    lines++;
  }
  return lines >= 2;
}

/**
 * The diagnostics whose replacement can be offered as a fix: applying it must not leave an
 * error on the replaced text itself (an https:// endpoint that is still not public, say).
 */
function verifiedFixes(text, diagnostics, check) {
  const ok = [];
  diagnostics.forEach((d, index) => {
    if (d.replacement === undefined || !d.range) return;
    const start = d.range.start.offset;
    const fixed = text.slice(0, start) + d.replacement + text.slice(d.range.end.offset);
    const again = check(fixed);
    const end = start + d.replacement.length;
    const broken = again.some((e) => e.severity === 'error'
      && (e.code === 'json-syntax' || (e.range && e.range.start.offset >= start && e.range.start.offset < Math.max(end, start + 1))));
    if (!broken) ok.push(index);
  });
  return ok;
}

function checkRequest() {
  const options = { mode: state.mode };
  const report = validateRequest(state.request, options);
  const delivery = explainDelivery(state.request, options);
  const fixes = verifiedFixes(state.request, report.diagnostics, (text) => validateRequest(text, options).diagnostics);
  return { report, delivery, fixes };
}

function checkEvent() {
  const options = { settings: state.request, mode: state.mode };
  if (isNdjson(state.event)) return { kind: 'ndjson', reports: parseEvents(state.event, options) };
  const report = parseEvent(state.event, options);
  const fixes = verifiedFixes(state.event, report.diagnostics, (text) => parseEvent(text, options).diagnostics);
  return { kind: 'single', reports: [report], fixes };
}

const ready = init();

self.addEventListener('message', async ({ data }) => {
  try {
    await ready;
    if (data.type === 'hello') {
      self.postMessage({ type: 'ready', version: version() });
      return;
    }
    const requestChanged = data.request !== undefined || data.mode !== undefined;
    if (data.request !== undefined) state.request = data.request;
    if (data.mode !== undefined) state.mode = data.mode;
    if (data.event !== undefined) state.event = data.event;
    Object.assign(state.versions, data.versions);
    const answer = { type: 'result', id: data.id, versions: { ...state.versions } };
    if (requestChanged) answer.request = checkRequest();
    // The event's explanation reads the request body, so a new body means a new explanation.
    if ((requestChanged || data.event !== undefined) && state.event.trim()) answer.event = checkEvent();
    else if (data.event !== undefined) answer.event = { kind: 'empty', reports: [] };
    self.postMessage(answer);
  } catch (error) {
    self.postMessage({ type: 'failed', id: data?.id, message: String(error?.message ?? error) });
  }
});
