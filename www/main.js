// The playground. Every answer comes from the wasm package; this file only wires the page:
// it edits JSON text, renders reports, and keeps the state in the URL when asked to share.
// Everything the user or a report provides is written with textContent, never as HTML.
import init, {
  validateRequest, explainDelivery, parseEvent, SUBSCRIBABLE_EVENT_NAMES, FAMILIES, ISSUANCES, version,
} from './pkg/web.js';
import { createEditor } from './editor.js';
import { encodeState, decodeState, withoutSecret, parseText } from './share.js';
import { REQUEST_EXAMPLES, EVENT_EXAMPLES } from './examples.js';

const $ = (id) => document.getElementById(id);


function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Work is deferred to the next frame, so typing never waits for it. */
function deferred(work) {
  let frame = 0;
  return () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(work);
  };
}
// The request body feeds every panel; an event edit only re-reads the event.
const requestEditor = createEditor($('request-editor'), { label: 'Request body JSON', onInput: deferred(update) });
const eventEditor = createEditor($('event-editor'), { label: 'Webhook event JSON', onInput: deferred(updateEvent) });

// The matrix columns, in the package's order and words.
$('matrix').tHead.rows[0].append(...ISSUANCES.map(({ label }) => Object.assign(el('th', label), { scope: 'col' })));

// ---- updates -------------------------------------------------------------------------------

let lastDelivery = null;
/** Where the request body is in the document: "" or, for a GET /webhook response, /webhooks/0. */
let bodyPath = '';

function update() {
  const text = requestEditor.value;
  const mode = $('mode').value;
  const report = validateRequest(text, { mode });
  bodyPath = report.diagnostics.find((d) => d.code === 'list-response')?.path ?? '';
  renderDiagnostics($('diagnostics'), report.diagnostics, requestEditor);
  requestEditor.setDiagnostics(report.diagnostics);
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const others = report.diagnostics.length - errors;
  $('verdict').textContent = report.valid
    ? `Valid${others ? `, with ${others} warning${others === 1 ? '' : 's'} or note${others === 1 ? '' : 's'}` : ''}.`
    : `${errors} error${errors === 1 ? '' : 's'}${others ? `, ${others} other` : ''}.`;
  if (report.truncated) $('verdict').textContent += ' More were found than are listed.';
  $('verdict').className = `verdict ${report.valid ? 'ok' : 'bad'}`;
  $('normalized').textContent = report.normalized ? JSON.stringify(report.normalized, null, 2) : '—';
  $('copy-normalized').disabled = !report.normalized;

  lastDelivery = explainDelivery(text, { mode });
  renderSettings(lastDelivery, report.normalized !== null);
  renderMatrix(lastDelivery);
  renderRecommendations(lastDelivery);
  updateEvent();
}

function updateEvent() {
  const text = eventEditor.value;
  if (!text.trim()) {
    $('event-verdict').textContent = 'Paste an event, or choose an example.';
    $('event-verdict').className = 'verdict';
    $('explanation').textContent = '';
    $('event-diagnostics').replaceChildren();
    $('chain').replaceChildren();
    eventEditor.setDiagnostics([]);
    return;
  }
  const report = parseEvent(text, { settings: requestEditor.value, mode: $('mode').value });
  const name = report.event?.event ?? report.unknownEvent?.event;
  $('event-verdict').textContent = name
    ? `${name}${report.unknownEvent ? ' (not an event this version knows)' : ''}: ${report.ok ? 'well formed' : 'has errors'}.`
    : 'Not a webhook event.';
  $('event-verdict').className = `verdict ${report.ok ? 'ok' : 'bad'}`;
  $('explanation').textContent = report.explanation ?? '';
  renderDiagnostics($('event-diagnostics'), report.diagnostics, eventEditor);
  eventEditor.setDiagnostics(report.diagnostics);
  renderChain(report.chain ?? [], report.diagnostics);
}

// ---- diagnostics ---------------------------------------------------------------------------

function renderDiagnostics(list, diagnostics, editor) {
  list.replaceChildren(...diagnostics.map((d) => {
    const item = el('li', undefined, `diagnostic ${d.severity}`);
    item.dataset.code = d.code;
    if (d.range) item.dataset.line = String(d.range.start.line);
    const go = el('button', undefined, 'goto');
    go.type = 'button';
    const where = d.range ? `${d.range.start.line}:${d.range.start.column}` : '';
    go.append(el('span', `${where} ${d.severity} ${d.code}`, 'where'), el('span', ` ${d.message}`, 'message'));
    if (d.hint) go.append(el('span', ` (${d.hint})`, 'hint'));
    go.title = d.path ? `at ${d.path}` : 'at the root';
    if (d.range) go.addEventListener('click', () => editor.select(d.range.start.offset, d.range.end.offset, d.range.start.line));
    item.append(go);
    if (d.replacement !== undefined && d.range) {
      const fix = el('button', 'Apply fix', 'small fix');
      fix.type = 'button';
      fix.setAttribute('aria-label', `Apply fix: ${d.hint ?? d.replacement}`);
      fix.addEventListener('click', () => editor.replace(d.range.start.offset, d.range.end.offset, d.replacement));
      item.append(fix);
    }
    return item;
  }));
}

// ---- delivery ------------------------------------------------------------------------------

function renderSettings(delivery, editable) {
  const s = delivery.settings;
  const flags = {
    webhook_send_certificate_chain: s.sendCertificateChain,
    webhook_send_instant_issued_certificate_chain: s.sendInstantIssuedCertificateChain,
    instant_issue_webhook_notification: s.instantIssueNotification,
  };
  for (const box of document.querySelectorAll('#settings-form input[data-flag]')) {
    box.checked = flags[box.dataset.flag];
    box.disabled = !editable;
  }
  for (const box of document.querySelectorAll('#event-boxes input')) {
    box.checked = s.events.includes(box.value);
    box.disabled = !editable;
  }
  // Omitted and invalid are different grounds: an invalid value is in the body.
  const named = (source) => delivery.assumptions.filter((a) => a.source === source).map((a) => a.path.split('/').pop());
  const omitted = [...named('default'), ...named('unchanged')];
  const invalid = named('invalid');
  const notes = [];
  if (omitted.length) notes.push(`Not in the body, assumed: ${omitted.join(', ')}.`);
  if (invalid.length) notes.push(`Invalid in the body, assumed: ${invalid.join(', ')}.`);
  $('settings-note').textContent = editable ? notes.join(' ') : 'Fix the JSON to edit the settings with these boxes.';
  $('assumptions').replaceChildren(...delivery.assumptions.map((a) => el('li', `${a.path}: ${a.note}`)));
  $('approval').textContent = delivery.approval.note;
}

function renderMatrix(delivery) {
  const body = $('matrix').tBodies[0];
  body.replaceChildren();
  for (const { id: family, label } of FAMILIES) {
    const row = el('tr');
    const head = el('th', label);
    head.scope = 'row';
    row.append(head);
    for (const { id: issuance, label: heading } of ISSUANCES) {
      const o = delivery.outcomes.find((x) => x.family === family && x.issuance === issuance);
      const cell = el('td', o.summary, !o.eventSent ? 'none' : o.includesChain ? 'chain' : 'nochain');
      if (!o.certain) cell.classList.add('assumed');
      cell.title = o.reason;
      cell.tabIndex = 0;
      cell.dataset.family = family;
      cell.dataset.issuance = issuance;
      const show = () => { $('cell-reason').textContent = `${label}, ${heading.toLowerCase()}: ${o.reason}`; };
      cell.addEventListener('focus', show);
      cell.addEventListener('mouseenter', show);
      row.append(cell);
    }
    body.append(row);
  }
}

function renderRecommendations(delivery) {
  const list = $('recommendations');
  if (!delivery.recommendations.length) {
    list.replaceChildren(el('li', 'Every goal this tool knows is already reached, or the body cannot be read.', 'note'));
    return;
  }
  list.replaceChildren(...delivery.recommendations.map((r) => {
    const item = el('li');
    item.dataset.goal = r.goal;
    const apply = el('button', 'Apply', 'small');
    apply.type = 'button';
    apply.setAttribute('aria-label', `Apply: ${r.description}`);
    apply.addEventListener('click', () => {
      editBody((body) => mergePatch(body, r.patch));
      requestEditor.textarea.focus(); // the button is gone once the list is redrawn
    });
    item.append(el('span', r.description), ' ', el('code', JSON.stringify(r.patch)), ' ', apply);
    return item;
  }));
}

/** RFC 7396 JSON Merge Patch. */
function mergePatch(target, patch) {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target && typeof target === 'object' && !Array.isArray(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * Applies `change` to the request body (to the webhook inside a GET /webhook response) and
 * writes it back as formatted JSON. Only possible when the text is JSON.
 */
function editBody(change) {
  let parsed;
  try { parsed = parseText(requestEditor.value); } catch { update(); return; }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) { update(); return; }
  // The body sits where the validator said (a GET /webhook response holds it at /webhooks/0).
  const tokens = bodyPath.split('/').slice(1);
  if (tokens.length === 0) {
    parsed = change(parsed);
  } else {
    const last = tokens.pop();
    const holder = tokens.reduce((value, token) => value?.[token], parsed);
    if (!holder || typeof holder[last] !== 'object') { update(); return; }
    holder[last] = change(holder[last]);
  }
  requestEditor.value = JSON.stringify(parsed, null, 2);
  update();
}

function buildEventBoxes() {
  const group = $('event-boxes');
  for (const name of SUBSCRIBABLE_EVENT_NAMES) {
    const box = el('input');
    box.type = 'checkbox';
    box.value = name;
    box.addEventListener('change', () => editBody((body) => {
      const events = Array.isArray(body.events) ? body.events.filter((e) => e !== name)
        : [...(lastDelivery?.settings.events ?? [])].filter((e) => e !== name);
      if (box.checked) events.push(name);
      return mergePatch(body, { events });
    }));
    const label = el('label');
    label.append(box, ` ${name}`);
    group.append(label);
  }
  for (const box of document.querySelectorAll('#settings-form input[data-flag]')) {
    box.addEventListener('change', () => editBody((body) => mergePatch(body, { webhook_settings: { [box.dataset.flag]: box.checked ? '1' : '0' } })));
  }
}

// ---- the chain -----------------------------------------------------------------------------

/** The bar shows where now falls; whether that is valid is the parser's verdict, not ours. */
function validityBar(c, now, diagnostics) {
  const start = Date.parse(c.notBefore);
  const end = Date.parse(c.notAfter);
  const bar = el('div', undefined, 'validity');
  const mine = diagnostics.filter((d) => d.path === `/data/certificate_chain/${c.index}`).map((d) => d.code);
  const state = mine.includes('certificate-expired') ? 'expired' : mine.includes('certificate-not-yet-valid') ? 'not yet valid' : 'valid now';
  bar.classList.add(state === 'not yet valid' ? 'future' : state === 'expired' ? 'past' : 'current');
  const track = el('div', undefined, 'track');
  const marker = el('span', undefined, 'now');
  const fraction = Math.min(1, Math.max(0, (now - start) / Math.max(1, end - start)));
  marker.style.setProperty('left', `${(fraction * 100).toFixed(2)}%`);
  marker.title = `now: ${new Date(now).toISOString()}`;
  track.append(marker);
  bar.append(el('span', c.notBefore.slice(0, 10), 'from'), track, el('span', c.notAfter.slice(0, 10), 'to'));
  bar.setAttribute('aria-label', `Valid from ${c.notBefore} to ${c.notAfter}: ${state}`);
  return { bar, state };
}

function field(list, name, value, className) {
  list.append(el('dt', name), el('dd', value, className));
}

function renderChain(chain, diagnostics) {
  const now = Date.now();
  $('chain').replaceChildren(...chain.map((c, i) => {
    const card = el('li', undefined, `card ${c.role}`);
    card.dataset.role = c.role;
    const head = el('div', undefined, 'card-head');
    head.append(el('span', c.role, 'role'), el('h3', c.commonName ?? c.subject));
    const { bar, state } = validityBar(c, now, diagnostics);
    head.append(el('span', state, `badge ${state.replace(/ /g, '-')}`));
    if (c.isCa) head.append(el('span', 'CA', 'badge'));
    if (c.selfSigned) head.append(el('span', 'self-signed', 'badge'));
    const facts = el('dl');
    field(facts, 'Subject', c.subject);
    field(facts, 'Issuer', c.issuer);
    if (c.dnsNames.length) field(facts, 'DNS names', c.dnsNames.join(', '));
    field(facts, 'Serial', c.serialNumber, 'mono');
    field(facts, 'SHA-256', c.sha256Fingerprint, 'mono');
    field(facts, 'Key', `${c.keyAlgorithm}, signed with ${c.signatureAlgorithm}`);
    if (c.subjectCommonName !== null && c.subjectCommonName !== c.commonName) field(facts, 'Sent as', c.subjectCommonName);
    card.append(head, bar, facts);
    if (i < chain.length - 1) card.append(el('p', '↓ issued by', 'link'));
    return card;
  }));
}

// ---- examples, theme, share ----------------------------------------------------------------

function fillExamples(select, examples, editor) {
  for (const example of examples) {
    const option = el('option', example.label);
    option.value = example.id;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const example = examples.find((e) => e.id === select.value);
    if (example) { editor.value = example.text; update(); }
    select.value = '';
  });
}

function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  $('theme').setAttribute('aria-pressed', String(theme === 'dark'));
  $('theme').textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
}

async function share() {
  const includeSecret = $('share-secret').checked;
  const request = includeSecret ? requestEditor.value : withoutSecret(requestEditor.value);
  const note = $('share-note');
  if (request === null) {
    note.textContent = 'The request is not valid JSON, so secrets cannot be taken out of it: it was left out of the link. Fix the JSON, or tick "include the secret".';
  } else {
    note.textContent = includeSecret ? 'The link includes the secret: share it only with people who may see it.' : 'The link leaves out the secret.';
  }
  const state = { r: request ?? '', e: eventEditor.value, m: $('mode').value };
  const url = `${location.origin}${location.pathname}#s=${await encodeState(state)}`;
  history.replaceState(null, '', url);
  $('share-url').hidden = false;
  $('share-url').value = url;
  await copy(url, note);
}

async function copy(text, note) {
  try {
    await navigator.clipboard.writeText(text);
    note.textContent = `${note.textContent} Copied.`.trim();
  } catch {
    note.textContent = `${note.textContent} Copy the link from the box below.`.trim();
  }
}

async function restore() {
  const state = await decodeState(location.hash);
  if (!state) return false;
  requestEditor.value = typeof state.r === 'string' ? state.r : '';
  eventEditor.value = typeof state.e === 'string' ? state.e : '';
  $('mode').value = state.m === 'update' ? 'update' : 'create';
  return true;
}

// ---- start ---------------------------------------------------------------------------------

try {
  await init();
  setTheme(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  $('theme').addEventListener('click', () => setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark'));
  fillExamples($('example'), REQUEST_EXAMPLES, requestEditor);
  fillExamples($('event-example'), EVENT_EXAMPLES, eventEditor);
  buildEventBoxes();
  $('mode').addEventListener('change', update);
  $('share').addEventListener('click', share);
  // A link made earlier (perhaps with the secret) must not outlive the choice or the text.
  const forgetLink = () => {
    if ($('share-url').hidden) return;
    $('share-url').hidden = true;
    $('share-url').value = '';
    $('share-note').textContent = '';
    history.replaceState(null, '', location.pathname);
  };
  $('share-secret').addEventListener('change', forgetLink);
  requestEditor.textarea.addEventListener('input', forgetLink);
  $('copy-normalized').addEventListener('click', () => copy($('normalized').textContent, $('copy-note')));
  window.addEventListener('hashchange', async () => { if (await restore()) update(); });
  if (!(await restore())) {
    requestEditor.value = REQUEST_EXAMPLES[1].text;
    eventEditor.value = EVENT_EXAMPLES[0].text;
  }
  $('version').textContent = version();
  update();
  $('status').textContent = 'Ready.';
} catch (error) {
  $('status').textContent = `Could not start: ${error?.message ?? error}`;
}
