// The playground. Every answer comes from the wasm package, which runs in a Web Worker
// (./worker.js); this file wires the page: two CodeMirror editors, the reports drawn from the
// worker's answers, and the state in the URL when asked to share. Everything the user or a
// report provides is written with textContent, never as HTML.
import { SUBSCRIBABLE_EVENT_NAMES, EVENT_NAMES, FAMILIES, ISSUANCES, FLAGS, DEFAULT_MAX_INPUT_BYTES, requestSchema, eventSchema } from './pkg/web.js';
import { createEditor, syntaxTree } from './editor.js';
import { createChecker } from './checker.js';
import { createMenu } from './menu.js';
import { read, at, planSet, format, contextAt } from './json.js';
import { encodeState, decodeState, withoutSecret } from './share.js';
import { renderEventResults, inline, el } from './report.js';
import { REQUEST_EXAMPLES, EVENT_EXAMPLES } from './examples.js';

const $ = (id) => document.getElementById(id);
/** The package's default maxInputBytes. A text longer than this in UTF-16 units has more bytes. */
const LIMIT = DEFAULT_MAX_INPUT_BYTES;

// ---- the two documents -----------------------------------------------------------------------
// `version` counts edits; an answer is drawn only if it is about the current version, so marks
// never land on text that has moved. Over the limit, a text is refused once: further edits that
// keep it over the limit are not sent again (the refusal still stands), nor is anything redrawn.

// `held`: the version of the text the worker holds; `same`: the newest version known to get the
// same answer (itself, or an edit that kept an already refused text over the limit).
const docs = {
  request: { version: 0, held: -1, same: -1, shown: -1, refused: false, report: null, delivery: null, fixes: new Set() },
  event: { version: 0, held: -1, same: -1, shown: -1, refused: false, results: null, fixes: new Set() },
};
let requestEditor;
let eventEditor;
let checker;
let started = false;
let timer = 0;
/** Where the request body is in the document: "" or, for a GET /webhook response, /webhooks/0. */
let bodyPath = '';
/** What the views were last drawn from, to skip redrawing the same answer. */
const drawn = { delivery: null, event: null };

function edited(which) {
  docs[which].version++;
  forgetLink();
  markBusy();
  schedule();
}

/** aria-busy on the panels whose answers are not yet about the current text. */
function markBusy() {
  const request = docs.request.shown !== docs.request.version;
  const event = request || docs.event.shown !== docs.event.version;
  for (const [id, busy] of [['request-panel', request], ['delivery-panel', request], ['event-panel', event]]) {
    const panel = $(id);
    if (panel.getAttribute('aria-busy') !== String(busy)) panel.setAttribute('aria-busy', String(busy));
  }
}

/** Small texts are checked at once; a large one once typing pauses (the worker keeps up anyway). */
function schedule() {
  clearTimeout(timer);
  const size = Math.max(requestEditor.length, eventEditor.length);
  timer = setTimeout(ask, size < 50_000 ? 15 : 150);
}

function ask() {
  const question = { versions: {} };
  for (const [which, editor] of [['request', requestEditor], ['event', eventEditor]]) {
    const doc = docs[which];
    if (doc.same === doc.version) continue;
    const over = editor.length > LIMIT;
    if (over && doc.refused) {
      // Refused once already, and still over the limit: the refusal stands as drawn.
      doc.same = doc.version;
      doc.shown = doc.version;
      markBusy();
      continue;
    }
    doc.refused = over;
    doc.held = doc.same = doc.version;
    question[which] = editor.text();
    question.versions[which] = doc.version;
  }
  if (question.request !== undefined) question.mode = $('mode').value;
  if (question.request !== undefined || question.event !== undefined) checker.send(question);
}

/** Is the worker's answer about the text now in the editor? */
const current = (which, version) => version === docs[which].held && docs[which].same === docs[which].version;

function answered(data) {
  const { versions } = data;
  const requestCurrent = current('request', versions.request);
  if (data.request && requestCurrent) {
    drawRequest(data.request);
    docs.request.shown = docs.request.version;
  }
  // The event's explanation depends on the request body: drawn only if both are current.
  if (data.event && requestCurrent && current('event', versions.event)) {
    drawEvent(data.event);
    docs.event.shown = docs.event.version;
  }
  markBusy();
  if ((!started || $('status').classList.contains('error')) && docs.request.shown >= 0) {
    started = true;
    $('status').textContent = 'Ready.';
    $('status').classList.remove('error');
  }
}

// ---- text with `code` ------------------------------------------------------------------------

function setText(node, text) {
  node.replaceChildren(inline(text ?? ''));
}

// ---- diagnostics -----------------------------------------------------------------------------

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function verdictOf(diagnostics, valid, truncated) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const notes = diagnostics.length - errors - warnings;
  const others = [warnings && plural(warnings, 'warning'), notes && plural(notes, 'note')].filter(Boolean).join(' and ');
  let text = valid ? `Valid${others ? `, with ${others}` : ''}.` : `Not valid: ${plural(errors, 'error')}${others ? `, ${others}` : ''}.`;
  if (truncated) text += ' More were found than are listed.';
  return text;
}

/** The diagnostic's fix, if the worker checked that applying it leaves no error on it. */
function fixOf(doc, d, index) {
  return doc.fixes.has(index) && d.replacement !== undefined && d.range ? d.replacement : undefined;
}

/** Applies a diagnostic's fix, if the text it replaces is still the text it was made for. */
function applyFix(editor, d, replacement, original) {
  const { offset: from } = d.range.start;
  const { offset: to } = d.range.end;
  if (editor.slice(from, to) !== original) return false;
  editor.change({ from, to, insert: replacement }, 'fix', { scroll: true });
  return true;
}

function lintOf(editor, doc, diagnostics) {
  const length = editor.length;
  return diagnostics.filter((d) => d.range).map((d) => {
    const from = Math.min(d.range.start.offset, length);
    const to = Math.min(Math.max(d.range.end.offset, from), length);
    const replacement = fixOf(doc, d, diagnostics.indexOf(d));
    const original = editor.slice(from, to);
    return {
      from,
      to,
      severity: d.severity,
      source: d.code,
      message: `${d.message}${d.hint ? ` (${d.hint})` : ''}`,
      renderMessage: () => {
        const box = el('span', undefined, 'lint-message');
        box.append(el('strong', d.code), ' ', inline(d.message));
        if (d.hint) box.append(el('span', undefined, 'hint'));
        if (d.hint) box.lastChild.append(' (', inline(d.hint), ')');
        return box;
      },
      actions: replacement === undefined ? [] : [{
        name: 'Apply fix',
        apply: (view, at, end) => {
          if (view.state.sliceDoc(at, end) !== original) return;
          editor.change({ from: at, to: end, insert: replacement }, 'fix');
        },
      }],
    };
  });
}

/**
 * The list under an editor. Items are kept while they stand (matched by what they say), so that
 * the live region announces new findings, not every redraw; a moved finding only updates its
 * line and column.
 */
function drawDiagnostics(list, editor, doc, diagnostics) {
  const old = new Map([...list.children].map((item) => [item.dataset.key, item]));
  const items = diagnostics.map((d, index) => {
    const replacement = fixOf(doc, d, index);
    const key = JSON.stringify([d.severity, d.code, d.path, d.message, d.hint ?? '', replacement ?? null]);
    const where = d.range ? `${d.range.start.line}:${d.range.start.column}` : '';
    let item = old.get(key);
    old.delete(key);
    if (!item) {
      item = el('li', undefined, `diagnostic ${d.severity}`);
      item.dataset.key = key;
      item.dataset.code = d.code;
      const go = el('button', undefined, 'goto');
      go.type = 'button';
      const place = el('span', undefined, 'where');
      place.append(document.createTextNode(''), ` ${d.severity} ${d.code}`);
      const message = el('span', undefined, 'message');
      message.append(' ', inline(d.message));
      go.append(place, message);
      if (d.hint) {
        const hint = el('span', undefined, 'hint');
        hint.append(' (', inline(d.hint), ')');
        go.append(hint);
      }
      go.title = d.path ? `at ${d.path}` : 'at the root';
      item.append(go);
      if (replacement !== undefined) {
        const fix = el('button', 'Apply fix', 'small fix');
        fix.type = 'button';
        fix.setAttribute('aria-label', `Apply fix: ${d.hint ?? replacement}`);
        item.append(fix);
      }
    }
    // The handlers use this drawing's diagnostic: its range is the current one.
    const go = item.querySelector('.goto');
    go.onclick = d.range ? () => editor.select(d.range.start.offset, d.range.end.offset) : null;
    const fix = item.querySelector('.fix');
    if (fix) {
      const original = editor.slice(d.range.start.offset, d.range.end.offset);
      fix.onclick = () => applyFix(editor, d, replacement, original);
    }
    if (d.range) item.dataset.line = String(d.range.start.line);
    else delete item.dataset.line;
    const text = item.querySelector('.where').firstChild;
    if (text.data !== where) text.data = where;
    return item;
  });
  // Reorder only what moved, so kept items stay the same nodes.
  items.forEach((item, k) => {
    if (list.children[k] !== item) list.insertBefore(item, list.children[k] ?? null);
  });
  for (const item of old.values()) item.remove();
}

// ---- the request -----------------------------------------------------------------------------

function unreadableReason(report) {
  const first = report.diagnostics.find((d) => d.severity === 'error');
  if (!first) return 'the body cannot be read as a request body';
  const where = first.range ? ` at ${first.range.start.line}:${first.range.start.column}` : '';
  return `${first.code}${where}: ${first.message}`;
}

function drawRequest({ report, delivery, fixes }) {
  const doc = docs.request;
  doc.report = report;
  doc.delivery = delivery;
  doc.fixes = new Set(fixes);
  bodyPath = report.diagnostics.find((d) => d.code === 'list-response')?.path ?? '';

  const verdict = $('verdict');
  const text = verdictOf(report.diagnostics, report.valid, report.truncated);
  if (verdict.textContent !== text) verdict.textContent = text;
  verdict.className = `verdict ${report.valid ? 'ok' : 'bad'}`;
  drawDiagnostics($('diagnostics'), requestEditor, doc, report.diagnostics);
  requestEditor.setDiagnostics(lintOf(requestEditor, doc, report.diagnostics));
  $('fix-all').disabled = doc.fixes.size === 0;
  $('fix-all').textContent = doc.fixes.size ? `Fix all (${doc.fixes.size})` : 'Fix all';

  // The normalized body is what would be sent: offered for copying only when it may be sent.
  const normalized = report.normalized ? JSON.stringify(report.normalized, null, 2) : '—';
  if ($('normalized').textContent !== normalized) $('normalized').textContent = normalized;
  $('normalized').classList.toggle('unsendable', !report.valid);
  $('copy-normalized').disabled = !report.valid || !report.normalized;
  $('copy-note').textContent = report.valid ? '' : 'Not ready to send: fix the errors first.';

  const unreadable = delivery.assumptions.some((a) => a.source === 'unreadable');
  const reason = unreadable ? unreadableReason(report) : '';
  // Typing moves the diagnostics, but rarely the delivery answer: redraw only what changed.
  const { diagnostics: _, ...answer } = delivery;
  const key = JSON.stringify([answer, reason]);
  if (key === drawn.delivery) return;
  drawn.delivery = key;
  drawSettings(delivery, unreadable, reason);
  drawMatrix(delivery, unreadable, reason);
  drawRecommendations(delivery, unreadable, reason);
}

function drawSettings(delivery, unreadable, reason) {
  const s = delivery.settings;
  // The explainer names each flag by its summaryName (the package's FLAGS table).
  const flags = Object.fromEntries(FLAGS.map((flag) => [flag.key, s[flag.summaryName]]));
  for (const box of document.querySelectorAll('#settings-form input[data-flag]')) {
    box.checked = !unreadable && flags[box.dataset.flag];
    box.disabled = unreadable;
  }
  for (const box of document.querySelectorAll('#event-boxes input')) {
    box.checked = !unreadable && s.events.includes(box.value);
    box.disabled = unreadable;
  }
  // Omitted and invalid are different grounds: an invalid value is in the body.
  const named = (source) => delivery.assumptions.filter((a) => a.source === source).map((a) => `\`${a.path.split('/').pop()}\``);
  const omitted = [...named('default'), ...named('unchanged')];
  const invalid = named('invalid');
  const notes = [];
  if (omitted.length) notes.push(`Not in the body, assumed: ${omitted.join(', ')}.`);
  if (invalid.length) notes.push(`Not validly stated, assumed: ${invalid.join(', ')}.`);
  setText($('settings-note'), unreadable ? `The boxes need a readable body (${reason}).` : notes.join(' '));
  $('assumptions').replaceChildren(...delivery.assumptions.map((a) => {
    const item = el('li');
    item.append(el('code', a.path), ': ', inline(a.note));
    return item;
  }));
  setText($('approval'), delivery.approval.note);
}

function drawMatrix(delivery, unreadable, reason) {
  const body = $('matrix').tBodies[0];
  const rows = FAMILIES.map(({ id: family, label }) => {
    const row = el('tr');
    const head = el('th', label);
    head.scope = 'row';
    row.append(head);
    for (const { id: issuance, label: heading } of ISSUANCES) {
      const o = delivery.outcomes.find((x) => x.family === family && x.issuance === issuance);
      // The package says "cannot tell" for a body it cannot read; the page only adds where.
      const cell = unreadable
        ? el('td', o.summary, 'out out-unknown')
        : el('td', o.summary, `out ${!o.eventSent ? 'out-none' : o.includesChain ? 'out-chain' : 'out-nochain'}`);
      if (!unreadable && !o.certain) cell.classList.add('assumed');
      const why = unreadable ? `${o.reason} (${reason})` : o.reason;
      cell.title = why.replace(/`/g, '');
      cell.tabIndex = 0;
      cell.dataset.family = family;
      cell.dataset.issuance = issuance;
      const show = () => setText($('cell-reason'), `${label}, ${heading.toLowerCase()}: ${why}`);
      cell.addEventListener('focus', show);
      cell.addEventListener('mouseenter', show);
      row.append(cell);
    }
    return row;
  });
  body.replaceChildren(...rows);
  $('matrix').classList.toggle('unknown', unreadable);
  setText($('matrix-note'), unreadable ? `The matrix cannot tell while the body cannot be read: ${reason}` : '');
  if (unreadable) $('cell-reason').textContent = '';
}

function drawRecommendations(delivery, unreadable, reason) {
  const list = $('recommendations');
  if (unreadable) {
    const item = el('li', undefined, 'note');
    item.append(inline(`None while the body cannot be read (${reason}).`));
    list.replaceChildren(item);
    return;
  }
  if (!delivery.recommendations.length) {
    list.replaceChildren(el('li', 'Every goal this tool knows is already reached.', 'note'));
    return;
  }
  list.replaceChildren(...delivery.recommendations.map((r) => {
    const item = el('li');
    item.dataset.goal = r.goal;
    const apply = el('button', 'Apply', 'small');
    apply.type = 'button';
    apply.setAttribute('aria-label', `Apply: ${r.description.replace(/`/g, '')}`);
    apply.addEventListener('click', () => {
      if (editBody(leaves(r.patch), 'recommendation')) requestEditor.focus(); // the button is redrawn
    });
    item.append(inline(r.description), ' ', el('code', JSON.stringify(r.patch)), ' ', apply);
    return item;
  }));
}

/** The [path, value] pairs an RFC 7396 merge patch sets (arrays and scalars are set whole). */
function leaves(patch, path = []) {
  return Object.entries(patch).flatMap(([key, value]) => (value && typeof value === 'object' && !Array.isArray(value)
    ? leaves(value, [...path, key])
    : [[[...path, key], value]]));
}

/**
 * Sets values in the request body (inside a GET /webhook response, the webhook the validator
 * read), each in place, the rest of the text as written; all of it one undoable step.
 */
function editBody(sets, userEvent) {
  let text = requestEditor.text();
  for (const [path, value] of sets) {
    const root = read(text);
    const base = root && at(root, bodyPath);
    const change = base?.type === 'object' ? planSet(text, base, path, value) : null;
    if (!change) {
      setText($('request-note'), 'The body must be a JSON object to change it with the boxes: fix the JSON first.');
      drawn.delivery = null; // put the boxes back as the body has them
      if (docs.request.report) drawRequest({ report: docs.request.report, delivery: docs.request.delivery, fixes: [...docs.request.fixes] });
      return false;
    }
    text = text.slice(0, change.from) + change.insert + text.slice(change.to);
  }
  $('request-note').textContent = '';
  if (requestEditor.replaceText(text, userEvent)) return true;
  // Nothing to change: put the boxes back as the body has them.
  drawn.delivery = null;
  if (docs.request.report) drawRequest({ report: docs.request.report, delivery: docs.request.delivery, fixes: [...docs.request.fixes] });
  return false;
}

function buildSettingsForm() {
  // One checkbox per flag, key and label from the package's FLAGS table.
  $('event-boxes').before(...FLAGS.map(({ key, label }) => {
    const box = el('input');
    box.type = 'checkbox';
    box.dataset.flag = key;
    const item = el('label');
    item.append(box, ` ${label}`);
    return item;
  }));
  const group = $('event-boxes');
  for (const name of SUBSCRIBABLE_EVENT_NAMES) {
    const box = el('input');
    box.type = 'checkbox';
    box.value = name;
    box.addEventListener('change', () => {
      // The events in effect: the array in the body, or the assumed default when it is omitted.
      const root = read(requestEditor.text());
      const events = at(root, `${bodyPath}/events`);
      const current = events?.type === 'array' ? events.items.map((item) => item.value) : [...(docs.request.delivery?.settings.events ?? [])];
      const next = current.filter((e) => e !== name);
      if (box.checked) next.push(name);
      editBody([[['events'], next]], 'settings');
    });
    const label = el('label');
    label.append(box, ` ${name}`);
    group.append(label);
  }
  for (const box of document.querySelectorAll('#settings-form input[data-flag]')) {
    box.addEventListener('change', () => editBody([[['webhook_settings', box.dataset.flag], box.checked ? '1' : '0']], 'settings'));
  }
}

// ---- the event -------------------------------------------------------------------------------

function drawEvent(answer) {
  const doc = docs.event;
  const key = JSON.stringify(answer);
  if (key === drawn.event) return;
  drawn.event = key;
  doc.results = answer;
  doc.fixes = new Set(answer.fixes ?? []);
  const diagnostics = answer.reports.flatMap((r) => r.diagnostics);
  drawDiagnostics($('event-diagnostics'), eventEditor, doc, diagnostics);
  eventEditor.setDiagnostics(lintOf(eventEditor, doc, diagnostics));
  $('format-event').disabled = answer.kind === 'ndjson';
  const { verdict, className } = renderEventResults($('event-results'), answer);
  if ($('event-verdict').textContent !== verdict) $('event-verdict').textContent = verdict;
  $('event-verdict').className = `verdict ${className}`;
}

// ---- completion from the package's catalogue ---------------------------------------------------

const REQUEST_SCHEMA = requestSchema();
const SETTINGS = REQUEST_SCHEMA.properties.webhook_settings.properties;
const FLAG_KEYS = FLAGS.map((flag) => flag.key);
const DAYS = SETTINGS.webhook_notification_frequency.items.enum;
const EVENT_SCHEMA = eventSchema();

const described = (schema) => schema?.description;

function options(kind, path) {
  const key = path.join('/');
  if (kind === 'key') {
    if (key === '' && path.length === 0) return Object.entries(REQUEST_SCHEMA.properties).map(([k, s]) => ({ label: k, type: 'property', info: described(s) }));
    if (key === 'webhook_settings') return Object.entries(SETTINGS).map(([k, s]) => ({ label: k, type: 'property', info: described(s) ?? described(REQUEST_SCHEMA.$defs.flag) }));
    return null;
  }
  if (key === 'events/*') return SUBSCRIBABLE_EVENT_NAMES.map((name) => ({ label: name, type: 'enum' }));
  if (path[0] === 'webhook_settings' && path.length === 2 && FLAG_KEYS.includes(path[1])) {
    return [{ label: '1', type: 'constant', detail: 'on' }, { label: '0', type: 'constant', detail: 'off' }];
  }
  if (key === 'webhook_settings/webhook_notification_frequency/*') return DAYS.map((day) => ({ label: day, type: 'constant', json: true }));
  return null;
}

function eventOptions(kind, path, eventName) {
  const key = path.join('/');
  if (kind === 'key') {
    if (path.length === 0) return Object.keys(EVENT_SCHEMA.properties).map((k) => ({ label: k, type: 'property' }));
    if (key === 'data') {
      const branch = EVENT_SCHEMA.allOf.find((b) => b.if.properties.event.const === eventName);
      const fields = branch?.then?.properties?.data?.properties ?? {};
      return Object.keys(fields).map((k) => ({ label: k, type: 'property' }));
    }
    if (key === 'data/certificate_chain/*') return [{ label: 'subject_common_name', type: 'property' }, { label: 'pem', type: 'property' }];
    return null;
  }
  if (key === 'event') return EVENT_NAMES.map((name) => ({ label: name, type: 'enum' }));
  return null;
}

const unquote = (text) => { try { return JSON.parse(text); } catch { return text.slice(1, -1); } };
const CONTAINERS = new Set(['Object', 'Array']);
/** How far back the cursor's context is read; a larger enclosing value gets no completion. */
const SCAN_LIMIT = 256 * 1024;

/**
 * Where the cursor is, for completion: the path from the root and whether a key or a value goes
 * there. CodeMirror's syntax tree (already parsed around the cursor) gives the enclosing values
 * and their keys; only the innermost value's text up to the cursor is read, so the cost does not
 * grow with the document, and text being typed (an unclosed string) is read as it is.
 */
function cursorContext(state, pos) {
  let container = null;
  for (let node = syntaxTree(state).resolveInner(pos, -1); node; node = node.parent) {
    if (CONTAINERS.has(node.name) && node.from < pos) { container = node; break; }
  }
  const prefix = [];
  let outermost = container;
  for (let node = container; node; node = node.parent) {
    if (!CONTAINERS.has(node.name)) continue;
    outermost = node;
    const parent = node.parent;
    if (parent?.name === 'Property') {
      const key = parent.getChild('PropertyName');
      prefix.unshift(key ? unquote(state.sliceDoc(key.from, key.to)) : null);
    } else if (parent?.name === 'Array') {
      prefix.unshift('*');
    }
  }
  const start = container ? container.from : 0;
  if (pos - start > SCAN_LIMIT) return null;
  const local = contextAt(state.sliceDoc(start, pos), pos - start);
  // The event's name, for the fields of its data: a member "event" of the outermost object.
  let eventName;
  for (let child = outermost?.name === 'Object' ? outermost.firstChild : null; child; child = child.nextSibling) {
    const key = child.name === 'Property' ? child.getChild('PropertyName') : null;
    if (key && unquote(state.sliceDoc(key.from, key.to)) === 'event') {
      const value = key.nextSibling?.nextSibling ?? child.lastChild;
      if (value?.name === 'String') eventName = unquote(state.sliceDoc(value.from, value.to));
    }
  }
  return {
    kind: local.kind === 'root' ? 'value' : local.kind,
    path: [...prefix, ...local.path],
    string: local.string && { from: start + local.string.from },
    eventName,
  };
}

/** A CodeMirror completion source from the catalogue lists, by where the cursor is. */
function completer(lists) {
  return (context) => {
    const where = cursorContext(context.state, context.pos);
    if (!where) return null;
    let { path } = where;
    if (path[0] === 'webhooks' && path[1] === '*') path = path.slice(2); // a GET /webhook response
    // The catalogue's order is kept: it is the order the documentation uses.
    const found = lists(where.kind, path, where.eventName)?.map((o, i) => ({ ...o, boost: 99 - i }));
    if (!found?.length) return null;
    if (where.string) {
      return {
        from: where.string.from,
        options: found.filter((o) => !o.json).map((o) => ({ ...o, label: String(o.label) })),
        validFor: /^[\w-]*$/,
      };
    }
    const word = context.matchBefore(/[\w-]+/);
    if (!word && !context.explicit) return null;
    return {
      from: word ? word.from : context.pos,
      options: found.map((o) => {
        const text = o.json ? String(o.label) : JSON.stringify(String(o.label));
        return { ...o, label: text, apply: where.kind === 'key' ? `${text}: ` : text };
      }),
    };
  };
}

// ---- examples, format, fix all, theme, share ---------------------------------------------------

function loadExample(editor, example) {
  editor.replaceText(example.text, 'example');
  editor.view.dispatch({ selection: { anchor: 0 }, scrollIntoView: true });
  editor.focus();
}

function formatText(editor, note) {
  const formatted = format(editor.text());
  if (formatted === null) {
    note.textContent = 'Format needs valid JSON: fix the syntax first.';
    return;
  }
  note.textContent = editor.replaceText(formatted, 'format') ? '' : 'Already formatted.';
}

function fixAll() {
  const doc = docs.request;
  const diagnostics = doc.report?.diagnostics ?? [];
  if (doc.shown !== doc.version) return; // the marks are about to be redrawn
  const changes = [];
  let end = -1;
  diagnostics.forEach((d, index) => {
    const replacement = fixOf(doc, d, index);
    if (replacement === undefined || d.range.start.offset < end) return; // never overlap
    changes.push({ from: d.range.start.offset, to: d.range.end.offset, insert: replacement });
    end = d.range.end.offset;
  });
  if (changes.length) requestEditor.change(changes, 'fix');
}

function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  $('theme').setAttribute('aria-pressed', String(theme === 'dark'));
  $('theme').textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
}

let linkShown = false;
/** A link made earlier (perhaps with the secret) must not outlive the text or the choice. */
function forgetLink() {
  if (!linkShown) return;
  linkShown = false;
  $('share-url').hidden = true;
  $('share-url').value = '';
  $('share-note').textContent = 'The page changed since the link was made: copy a new link to share this state.';
  history.replaceState(null, '', location.pathname);
}

async function share() {
  const includeSecret = $('share-secret').checked;
  const text = requestEditor.text();
  const request = includeSecret ? text : withoutSecret(text);
  let note;
  if (request === null) {
    note = 'The request is not valid JSON, so secrets cannot be taken out of it: it was left out of the link. Fix the JSON, or tick "include the secret".';
  } else {
    note = includeSecret ? 'The link includes the secret: share it only with people who may see it.' : 'The link leaves out the secret.';
  }
  const state = { r: request ?? '', e: eventEditor.text(), m: $('mode').value };
  const url = `${location.origin}${location.pathname}#s=${await encodeState(state)}`;
  history.replaceState(null, '', url);
  $('share-url').hidden = false;
  $('share-url').value = url;
  linkShown = true;
  $('share-note').textContent = note;
  await copy(url, $('share-note'));
}

async function copy(text, note) {
  try {
    await navigator.clipboard.writeText(text);
    note.textContent = `${note.textContent} Copied.`.trim();
  } catch {
    note.textContent = `${note.textContent} Copy it from the box below.`.trim();
  }
}

/** The shared state in the URL, or null; a link that cannot be read is said, not ignored. */
async function sharedState() {
  const decoded = await decodeState(location.hash);
  if (!decoded) return null;
  if (decoded.error) {
    $('share-note').textContent = `This link could not be read: ${decoded.error}. The page shows its examples instead.`;
    $('share-note').classList.add('error');
    return null;
  }
  $('share-note').classList.remove('error');
  const { state } = decoded;
  return {
    request: typeof state.r === 'string' ? state.r : '',
    event: typeof state.e === 'string' ? state.e : '',
    mode: state.m === 'update' ? 'update' : 'create',
  };
}

// ---- start -----------------------------------------------------------------------------------

async function start() {
  setTheme(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  $('matrix').tHead.rows[0].append(...ISSUANCES.map(({ label }) => Object.assign(el('th', label), { scope: 'col' })));
  const shared = await sharedState();
  $('mode').value = shared?.mode ?? 'create';
  requestEditor = createEditor($('request-editor'), {
    label: 'Request body JSON', doc: shared?.request ?? REQUEST_EXAMPLES[1].text, complete: completer(options), onChange: () => edited('request'),
  });
  eventEditor = createEditor($('event-editor'), {
    label: 'Webhook event JSON or NDJSON', doc: shared?.event ?? EVENT_EXAMPLES[0].text, complete: completer(eventOptions), onChange: () => edited('event'),
  });
  checker = createChecker({
    onReady: (version, first) => {
      // A worker restarted after a failure is not asked again about the text that failed it
      // (it would fail again, and again): the next edit asks, with every text.
      if (!first) return;
      $('version').textContent = version;
      ask();
    },
    onResult: answered,
    onFailure: (message, question, wasStarted) => {
      for (const which of ['request', 'event']) if (question?.[which] !== undefined) docs[which].refused = false;
      $('status').textContent = wasStarted
        ? `The checker failed on this text (${message}); it was restarted. Edit the text to check again.`
        : `Could not start the checker: ${message}`;
      $('status').classList.add('error');
    },
    // A fresh worker after a failure is told every text, as they are now.
    snapshot: () => {
      for (const doc of Object.values(docs)) doc.held = doc.same = doc.version;
      return { request: requestEditor.text(), event: eventEditor.text(), mode: $('mode').value, versions: { request: docs.request.version, event: docs.event.version } };
    },
  });

  markBusy();
  createMenu($('example'), REQUEST_EXAMPLES, (example) => loadExample(requestEditor, example));
  createMenu($('event-example'), EVENT_EXAMPLES, (example) => loadExample(eventEditor, example));
  buildSettingsForm();
  $('theme').addEventListener('click', () => setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark'));
  $('mode').addEventListener('change', () => edited('request'));
  $('share').addEventListener('click', share);
  $('share-secret').addEventListener('change', forgetLink);
  $('format-request').addEventListener('click', () => formatText(requestEditor, $('request-note')));
  $('format-event').addEventListener('click', () => formatText(eventEditor, $('event-note')));
  $('fix-all').addEventListener('click', fixAll);
  $('copy-normalized').addEventListener('click', () => {
    if (docs.request.report?.valid) copy($('normalized').textContent, $('copy-note'));
  });
  window.addEventListener('hashchange', async () => {
    const state = await sharedState();
    if (!state) return;
    linkShown = false;
    $('mode').value = state.mode;
    requestEditor.replaceText(state.request, 'restore');
    eventEditor.replaceText(state.event, 'restore');
    edited('request');
  });
}

start().catch((error) => {
  $('status').textContent = `Could not start: ${error?.message ?? error}`;
});
