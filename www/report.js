// Drawing the event inspector's answers: the verdict, the explanation and the certificate chain
// as cards. The cards say what the package decoded, and nothing more: roles and "issued by"
// links come from each certificate's names and key identifiers (`role`, `issuerIndex`), never
// from its place in the list; an entry that could not be decoded keeps its place as an error
// card; a missing root is stated; and a chain with any problem never gets a green verdict.

export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Text in which `backticks` mark code, as the package writes its messages. */
export function inline(text) {
  const fragment = document.createDocumentFragment();
  String(text).split(/(`[^`]+`)/).forEach((part) => {
    if (!part) return;
    if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) fragment.append(el('code', part.slice(1, -1)));
    else fragment.append(part);
  });
  return fragment;
}

const CHAIN_CODES = new Set(['pem-invalid', 'chain-order', 'chain-incomplete', 'chain-name-mismatch', 'certificate-expired', 'certificate-not-yet-valid']);
const CHAIN_PATH = '/data/certificate_chain';
const isChainProblem = (d) => CHAIN_CODES.has(d.code) || d.path === CHAIN_PATH || d.path.startsWith(`${CHAIN_PATH}/`);
const entryOf = (d) => {
  const m = /^\/data\/certificate_chain\/(\d+)(?:\/|$)/.exec(d.path);
  return m ? Number(m[1]) : null;
};

function verdictOf(report) {
  const name = report.event?.event ?? report.unknownEvent?.event;
  if (!name) return { text: 'Not a webhook event.', level: 'bad' };
  const unknown = report.unknownEvent ? ' (not an event this version knows)' : '';
  if (!report.ok) return { text: `${name}${unknown}: has errors.`, level: 'bad' };
  const problems = report.diagnostics.filter(isChainProblem).length;
  if (problems) return { text: `${name}${unknown}: well formed, but its certificate chain has ${problems} problem${problems === 1 ? '' : 's'}.`, level: 'warn' };
  return { text: `${name}${unknown}: well formed.`, level: 'ok' };
}

function field(list, name, value, className) {
  const dd = el('dd', undefined, className);
  if (value instanceof Node) dd.append(value);
  else dd.textContent = value;
  list.append(el('dt', name), dd);
}

/** The bar shows where now falls; whether that is valid is the parser's verdict, not ours. */
function validityBar(c, problems) {
  const now = Date.now();
  const start = Date.parse(c.notBefore);
  const end = Date.parse(c.notAfter);
  const bar = el('div', undefined, 'validity');
  const codes = problems.map((d) => d.code);
  const state = codes.includes('certificate-expired') ? 'expired' : codes.includes('certificate-not-yet-valid') ? 'not yet valid' : 'valid now';
  bar.classList.add(state === 'not yet valid' ? 'future' : state === 'expired' ? 'past' : 'current');
  const track = el('div', undefined, 'track');
  const marker = el('span', undefined, 'now');
  const fraction = Math.min(1, Math.max(0, (now - start) / Math.max(1, end - start)));
  marker.style.setProperty('left', `${(fraction * 100).toFixed(2)}%`);
  marker.title = `now: ${new Date(now).toISOString()}`;
  track.append(marker);
  bar.append(el('span', c.notBefore.slice(0, 10), 'from'), track, el('span', c.notAfter.slice(0, 10), 'to'));
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', `Valid from ${c.notBefore} to ${c.notAfter}: ${state}`);
  return { bar, state };
}

function problemList(problems) {
  const list = el('ul', undefined, 'card-problems');
  for (const d of problems) {
    const item = el('li', undefined, d.severity);
    item.append(el('span', `${d.severity} ${d.code}`, 'where'), ' ', inline(d.message));
    list.append(item);
  }
  return list;
}

function chainView(report, key) {
  const entries = report.event?.data?.certificate_chain;
  if (!Array.isArray(entries) || entries.length === 0) return null;
  const decoded = new Map((report.chain ?? []).map((c) => [c.index, c]));
  const problems = report.diagnostics.filter(isChainProblem);
  const id = (i) => `${key}-entry-${i}`;
  const name = (c) => c.commonName ?? c.subject;

  const view = el('div', undefined, 'chain-view');
  view.append(el('h3', `Certificate chain: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, in the order sent`));
  const chainLevel = problems.filter((d) => d.code === 'chain-incomplete' || entryOf(d) === null);
  if (chainLevel.length) {
    const notes = problemList(chainLevel);
    notes.classList.add('chain-notes');
    view.append(notes);
  }

  const list = el('ol', undefined, 'chain');
  list.setAttribute('aria-label', 'Certificate chain, in the order sent');
  if (key === 'event') list.id = 'chain';
  entries.forEach((entry, i) => {
    const c = decoded.get(i);
    const mine = problems.filter((d) => entryOf(d) === i && d.code !== 'chain-incomplete');
    const card = el('li', undefined, 'card');
    card.id = id(i);
    card.tabIndex = -1;
    card.dataset.index = String(i);
    const head = el('div', undefined, 'card-head');
    if (!c) {
      // Kept in its place: the entries after it keep their numbers and their links.
      card.classList.add('undecodable');
      card.dataset.role = 'undecodable';
      head.append(el('span', `entry ${i}`, 'role'), el('h3', 'could not be decoded'));
      card.append(head);
      const facts = el('dl');
      if (typeof entry?.subject_common_name === 'string') field(facts, 'Sent as', entry.subject_common_name);
      card.append(facts, problemList(mine));
    } else {
      card.classList.add(c.role);
      card.dataset.role = c.role;
      head.append(el('span', `entry ${i} · ${c.role}`, 'role'), el('h3', name(c)));
      const { bar, state } = validityBar(c, mine);
      head.append(el('span', state, `badge ${state.replace(/ /g, '-')}`));
      if (c.isCa) head.append(el('span', 'CA', 'badge'));
      if (c.selfSigned) head.append(el('span', 'self-signed', 'badge'));
      const facts = el('dl');
      field(facts, 'Subject', c.subject);
      field(facts, 'Issuer', c.issuer);
      let issuedBy;
      if (c.selfSigned) {
        issuedBy = el('span', 'itself (self-signed)');
      } else if (c.issuerIndex !== null && c.issuerIndex !== undefined) {
        const target = decoded.get(c.issuerIndex);
        issuedBy = el('a', `entry ${c.issuerIndex}: ${target ? name(target) : ''}`, 'issuer-link');
        issuedBy.href = `#${id(c.issuerIndex)}`;
        issuedBy.addEventListener('click', (event) => {
          event.preventDefault(); // the hash holds shared links
          const card = document.getElementById(id(c.issuerIndex));
          card?.scrollIntoView({ block: 'nearest' });
          card?.focus();
        });
      } else {
        issuedBy = el('span', 'not in this chain', 'broken');
      }
      field(facts, 'Issued by', issuedBy);
      if (c.dnsNames.length) field(facts, 'DNS names', c.dnsNames.join(', '));
      field(facts, 'Serial', c.serialNumber, 'mono');
      field(facts, 'SHA-256', c.sha256Fingerprint, 'mono');
      field(facts, 'Key', `${c.keyAlgorithm}, signed with ${c.signatureAlgorithm}`);
      if (c.subjectCommonName !== null && c.subjectCommonName !== c.commonName) field(facts, 'Sent as', c.subjectCommonName);
      card.append(head, bar, facts);
      if (mine.length) card.append(problemList(mine));
    }
    // The link to the next entry is drawn only where the certificates make it.
    if (i < entries.length - 1) {
      let link;
      if (c && c.issuerIndex === i + 1) {
        link = el('p', '↓ issued by the next entry', 'link ok');
      } else {
        const why = !c ? 'this entry could not be decoded, so its issuer is unknown'
          : c.selfSigned ? 'this entry is self-signed: nothing should follow it'
            : c.issuerIndex === null || c.issuerIndex === undefined ? 'its issuer is not in the chain'
              : `its issuer is entry ${c.issuerIndex}`;
        link = el('p', `✕ not issued by the next entry: ${why}`, 'link broken');
      }
      card.append(link);
    }
    list.append(card);
  });
  if (![...decoded.values()].some((c) => c.role === 'root')) {
    const missing = el('li', undefined, 'card missing');
    missing.dataset.role = 'missing-root';
    const head = el('div', undefined, 'card-head');
    head.append(el('span', 'root', 'role'), el('h3', 'not in the chain'));
    const said = problems.find((d) => d.code === 'chain-incomplete' && /root/.test(d.message));
    missing.append(head, el('p', undefined, 'note'));
    missing.lastChild.append(inline(said ? said.message : 'no entry that could be decoded is a root certificate'));
    list.append(missing);
  }
  view.append(list);
  return view;
}

function eventView(report, key) {
  const parts = [];
  if (report.explanation) {
    const explanation = el('p', undefined, 'explanation');
    if (key === 'event') explanation.id = 'explanation';
    explanation.append(inline(report.explanation));
    parts.push(explanation);
  }
  const chain = chainView(report, key);
  if (chain) parts.push(chain);
  return parts;
}

/** Draws the answer into `container`; returns the verdict and its level (ok, warn, bad). */
export function renderEventResults(container, answer) {
  if (answer.kind === 'empty') {
    container.replaceChildren();
    return { verdict: 'Paste an event, or choose an example.', className: '' };
  }
  if (answer.kind === 'single') {
    const report = answer.reports[0];
    const { text, level } = verdictOf(report);
    container.replaceChildren(...eventView(report, 'event'));
    return { verdict: text, className: level };
  }
  // NDJSON: one result per non-empty line, each with the line number the package gives it.
  const list = el('ol', undefined, 'event-list');
  list.setAttribute('aria-label', 'Events, one per line');
  const counts = { ok: 0, warn: 0, bad: 0 };
  answer.reports.forEach((report, k) => {
    const { text, level } = verdictOf(report);
    counts[level]++;
    const item = el('li', undefined, `event-item ${level}`);
    const head = el('h3');
    head.append(el('span', `line ${report.line}`, 'role'), ' ', el('span', text, `verdict ${level}`));
    item.append(head, ...eventView(report, `line-${k}`));
    list.append(item);
  });
  container.replaceChildren(list);
  const n = answer.reports.length;
  const summary = [counts.bad && `${counts.bad} with errors`, counts.warn && `${counts.warn} with chain problems`].filter(Boolean).join(', ');
  return {
    verdict: `NDJSON: ${n} event${n === 1 ? '' : 's'}, ${summary || 'all well formed'}.`,
    className: counts.bad ? 'bad' : counts.warn ? 'warn' : 'ok',
  };
}
