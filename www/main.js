// The playground: validates and explains the pasted body on every edit. Every string from the
// user or the report is written with textContent, never as HTML.
import init, { validateRequest, explainDelivery } from './pkg/certcentral_webhooks.js';

const $ = (id) => document.getElementById(id);
const EXAMPLE = `{
  "endpoint": "https://listener.example.com/digicert",
  "events": ["certificate_issued"],
  "webhook_settings": {
    "webhook_send_certificate_chain": true,
    "webhook_send_instant_issued_certificate_chain": "1"
  }
}`;
const FAMILY_LABELS = {
  public_tls: 'Public TLS', private_tls: 'Private TLS', code_signing: 'Code signing',
  document_signing: 'Document signing', smime: 'S/MIME',
};

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function renderDiagnostics(report) {
  const list = $('diagnostics');
  list.replaceChildren();
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  $('verdict').textContent = report.valid
    ? `Valid${report.diagnostics.length ? `, with ${report.diagnostics.length} note(s)` : ''}.`
    : `${errors} error(s).`;
  for (const d of report.diagnostics) {
    const item = element('li', undefined, `diagnostic ${d.severity}`);
    const where = d.range ? `${d.range.start.line}:${d.range.start.column}` : '';
    item.append(element('span', `${where} ${d.severity} ${d.code}`, 'where'), element('span', ` ${d.message}`));
    if (d.hint) item.append(element('span', ` (${d.hint})`, 'hint'));
    item.dataset.line = d.range ? d.range.start.line : '';
    list.append(item);
  }
  $('normalized').textContent = report.normalized ? JSON.stringify(report.normalized, null, 2) : '—';
}

function renderMatrix(explanation) {
  const body = $('matrix').tBodies[0];
  body.replaceChildren();
  const families = [...new Set(explanation.outcomes.map((o) => o.family))];
  for (const family of families) {
    const row = element('tr');
    row.append(element('th', FAMILY_LABELS[family] ?? family));
    row.firstChild.scope = 'row';
    for (const issuance of ['not_instant', 'instant']) {
      const o = explanation.outcomes.find((x) => x.family === family && x.issuance === issuance);
      const label = !o.eventSent ? 'no event' : o.includesChain ? 'event with chain' : 'event without chain';
      const cell = element('td', label, !o.eventSent ? 'none' : o.includesChain ? 'chain' : 'nochain');
      cell.title = o.reason;
      cell.tabIndex = 0;
      row.append(cell);
    }
    body.append(row);
  }
  const recs = $('recommendations');
  recs.replaceChildren(...explanation.recommendations.map((r) =>
    element('li', `${r.description}: merge ${JSON.stringify(r.patch)}`)));
}

let pending = 0;
function update() {
  // Deferred to the next frame so typing never waits for validation.
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(() => {
    const text = $('request').value;
    const mode = $('mode').value;
    renderDiagnostics(validateRequest(text, { mode }));
    renderMatrix(explainDelivery(text, { mode }));
  });
}

try {
  await init();
  $('request').value = EXAMPLE;
  $('request').addEventListener('input', update);
  $('mode').addEventListener('change', update);
  $('status').textContent = 'Ready.';
  update();
} catch (error) {
  $('status').textContent = `Could not load the WebAssembly module: ${error}`;
}
