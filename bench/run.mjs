// make bench: this package against the peers a user would pick instead, measured side by side
// in one process (cold start in fresh processes). Prints medians and ratios, and writes them
// to BENCHMARKS.md with the machine and the date.
import { readFileSync, readdirSync, writeFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { X509Certificate as NodeX509 } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { z } from 'zod';
import 'reflect-metadata'; // @peculiar/x509 needs it loaded first
import * as peculiar from '@peculiar/x509';
import {
  validateRequest, parseEvent, parseEvents, requestSchema, SUBSCRIBABLE_EVENT_NAMES, createWebhooks,
} from '../pkg/node.mjs';
import { EVENT_EXAMPLES } from '../www/examples.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 3 : 9;
const ROUND_MS = QUICK ? 100 : 300;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Operations per second: the median over ROUNDS windows of ROUND_MS, after a warm-up. */
function rate(fn, opsPerCall = 1) {
  const warmUntil = performance.now() + ROUND_MS;
  while (performance.now() < warmUntil) fn();
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    let calls = 0;
    const start = performance.now();
    let now;
    do { fn(); calls++; now = performance.now(); } while (now - start < ROUND_MS);
    rates.push((calls * opsPerCall) / ((now - start) / 1000));
  }
  return median(rates);
}

async function rateAsync(fn, opsPerCall = 1) {
  const warmUntil = performance.now() + ROUND_MS;
  while (performance.now() < warmUntil) await fn();
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    let calls = 0;
    const start = performance.now();
    let now;
    do { await fn(); calls++; now = performance.now(); } while (now - start < ROUND_MS);
    rates.push((calls * opsPerCall) / ((now - start) / 1000));
  }
  return median(rates);
}

const rows = [];
const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
function report(section, name, value, unit, peers = {}) {
  const ratios = Object.entries(peers).map(([peer, v]) => `${(value / v).toFixed(2)}× ${peer}`).join(', ');
  rows.push({ section, name, value, unit, ratios });
  console.log(`${section.padEnd(10)} ${name.padEnd(44)} ${fmt(value).padStart(12)} ${unit.padEnd(6)} ${ratios}`);
}

// ---- 1. validate a request body given as text -------------------------------------------------
const requestsDir = `${root}tests/fixtures/requests/`;
const corpus = readdirSync(requestsDir).filter((f) => f !== 'list-response.json').map((f) => readFileSync(requestsDir + f, 'utf8'));
const valid = corpus.filter((t) => validateRequest(t).valid);
const invalid = corpus.filter((t) => !validateRequest(t).valid);
const ajvValidate = new Ajv2020({ allErrors: true }).compile(requestSchema());
const flag = z.union([z.literal('1'), z.literal('0'), z.boolean(), z.literal(1), z.literal(0)]);
const zodBody = z.strictObject({
  endpoint: z.string().regex(/^https:\/\/[^\s/?#@]+/i),
  secret: z.union([z.string().min(32), z.literal('')]).optional(),
  events: z.array(z.enum(SUBSCRIBABLE_EVENT_NAMES)).optional(),
  webhook_settings: z.strictObject({
    instant_issue_webhook_notification: flag.optional(),
    webhook_send_certificate_chain: flag.optional(),
    webhook_send_instant_issued_certificate_chain: flag.optional(),
    webhook_notification_frequency: z.array(z.union([90, 60, 30, 7, 0, -7].map((d) => z.literal(d)))).optional(),
  }).optional(),
});
const withParse = (check) => (texts) => () => {
  for (const t of texts) {
    try { check(JSON.parse(t)); } catch { /* JSON.parse failed: an error found too */ }
  }
};
const ours = (texts) => () => { for (const t of texts) validateRequest(t); };
const ajvPeer = withParse((v) => ajvValidate(v));
const zodPeer = withParse((v) => zodBody.safeParse(v));
const parseOnly = withParse(() => {});
for (const [kind, texts] of [['valid', valid], ['invalid', invalid]]) {
  const us = rate(ours(texts), texts.length);
  const a = rate(ajvPeer(texts), texts.length);
  const zz = rate(zodPeer(texts), texts.length);
  const floor = rate(parseOnly(texts), texts.length);
  report('validate', `${kind} bodies (${texts.length}): certcentral-webhooks`, us, 'ops/s', { 'JSON.parse+ajv': a, 'JSON.parse+zod': zz });
  report('validate', `${kind} bodies: JSON.parse + ajv`, a, 'ops/s');
  report('validate', `${kind} bodies: JSON.parse + zod`, zz, 'ops/s');
  report('validate', `${kind} bodies: JSON.parse alone (floor)`, floor, 'ops/s');
}

// ---- 2. a certificate_issued event with a three-certificate chain ----------------------------
const eventText = EVENT_EXAMPLES.find((e) => e.id === 'issued-chain').text;
// Like for like: the peers JSON.parse the event to reach its PEMs, so ours reads the event too
// (parseEvent leaves it to be parsed when first read).
const decodeOurs = () => {
  const r = parseEvent(eventText, { now: 1893456000000 });
  for (const c of r.chain) { void c.subject; void c.sha256Fingerprint; }
  void r.event.data;
};
const decodeNode = () => {
  const e = JSON.parse(eventText);
  for (const entry of e.data.certificate_chain) {
    const x = new NodeX509(entry.pem);
    void [x.subject, x.issuer, x.serialNumber, x.validFrom, x.validTo, x.fingerprint256, x.subjectAltName, x.ca];
  }
};
const decodePeculiar = async () => {
  const e = JSON.parse(eventText);
  for (const entry of e.data.certificate_chain) {
    const x = new peculiar.X509Certificate(entry.pem);
    const san = x.getExtension(peculiar.SubjectAlternativeNameExtension);
    const bc = x.getExtension(peculiar.BasicConstraintsExtension);
    void [x.subject, x.issuer, x.serialNumber, x.notBefore, x.notAfter, san?.names, bc?.ca, await x.getThumbprint('SHA-256')];
  }
};
const eOurs = rate(decodeOurs);
const eNode = rate(decodeNode);
const ePec = await rateAsync(decodePeculiar);
report('chain', 'parse + decode 3 certs: certcentral-webhooks', eOurs, 'ops/s', { 'node:crypto X509Certificate': eNode, '@peculiar/x509': ePec });
report('chain', 'JSON.parse + node:crypto X509Certificate', eNode, 'ops/s');
report('chain', 'JSON.parse + @peculiar/x509', ePec, 'ops/s');

// ---- 2b. the listener kit on the same event: receive() = key + source + parse + dispatch ------
// Target (issue #15): within 1.2x of parseEvent alone, i.e. a ratio of at least 0.83.
const kitSecret = 'k'.repeat(32);
const hooks = createWebhooks({ secret: kitSecret, now: 1893456000000 });
hooks.on('certificate_issued', (event, ctx) => { for (const c of ctx.chain) { void c.subject; void c.sha256Fingerprint; } });
const kitHeaders = { 'x-webhook-key': kitSecret, 'content-type': 'application/json' };
const receiveOurs = await rateAsync(() => hooks.receive({ headers: kitHeaders, body: eventText, remoteAddress: '216.168.240.1' }));
// receive() hands the event to the handler, so it reads `event`, as decodeOurs does.
const parseAlone = await rateAsync(async () => decodeOurs());
report('listener', 'hooks.receive of the chain event', receiveOurs, 'ops/s', { 'parseEvent, reading its event (same async loop)': parseAlone });

// ---- 2c. hostile sizes: 60k keys with every diagnostic kept (issue #16: linear or n log n) ----
const manyKeys = `{"endpoint":"https://a.example.com"${Array.from({ length: 60000 }, (_, i) => `,"k${i}":1`).join('')}}`;
const manyDuplicates = `{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2${',"order_id":1'.repeat(60000)}}}`;
const once = (fn) => { const times = []; for (let i = 0; i < (QUICK ? 1 : 3); i++) { const t = performance.now(); fn(); times.push(performance.now() - t); } return median(times); };
const keysOurs = once(() => validateRequest(manyKeys, { maxDiagnostics: 1e6 }));
const keysParse = once(() => JSON.parse(manyKeys));
report('60k keys', 'validateRequest, 60k unknown keys, all reported', keysOurs, 'ms', { 'JSON.parse of the same text': keysParse });
const dupOurs = once(() => parseEvent(manyDuplicates, { maxDiagnostics: 1e6 }));
const dupParse = once(() => JSON.parse(manyDuplicates));
report('60k keys', 'parseEvent, 60k duplicate keys, all reported', dupOurs, 'ms', { 'JSON.parse of the same text': dupParse });

// ---- 3. bulk NDJSON -------------------------------------------------------------------------
const small = [
  '{"event":"certificate_revoked","data":{"order_id":472316021,"certificate_id":472316022}}',
  '{"event":"certificate_issued","data":{"order_id":472316023,"certificate_id":472316024}}',
  '{"event":"order_approval_email_sent","data":{"order_id":1,"certificate_id":2,"orderApprovalEmailStatus":"sent","orderApprovalEmails":["a@example.com"]}}',
];
const chainLine = JSON.stringify(JSON.parse(eventText));
const lines = [];
let size = 0;
for (let i = 0; size < 10 * 1024 * 1024; i++) {
  const line = i % 20 === 0 ? chainLine : small[i % small.length];
  lines.push(line);
  size += line.length + 1;
}
const ndjson = `${lines.join('\n')}\n`;
const mb = Buffer.byteLength(ndjson) / 1e6;
const bulkRounds = QUICK ? 3 : 7;
const timeIt = (fn) => { const t = []; for (let i = 0; i < bulkRounds; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); } return median(t) / 1000; };
const bulkOurs = mb / timeIt(() => parseEvents(ndjson, { now: 1893456000000 }));
const bulkParse = mb / timeIt(() => { for (const l of ndjson.split('\n')) if (l) JSON.parse(l); });
report('bulk', `parseEvents, ${mb.toFixed(1)} MB NDJSON (${lines.length} events)`, bulkOurs, 'MB/s', { 'JSON.parse loop': bulkParse });

// A realistic log (issue #13): every certificate_issued carries a distinct leaf, with the same
// intermediate and root, as a CA's issuance log does. openssl makes one leaf; each event's leaf
// is that certificate with a serial number and a signature of its own (the last four bytes of
// the serial's DER INTEGER and of the signature rewritten; nothing here checks signatures), so
// no two leaves are equal, they differ at their ends as real ones do (a cache comparing PEMs
// is not flattered by a common tail), and each one is decoded and hashed.
// (Before commit cf1044b the log cycled through 16 leaves, which the per-call certificate cache held.)
const logDir = mkdtempSync(`${tmpdir()}/ccw-bench-log-`);
const ossl = (args) => execFileSync('openssl', args, { cwd: logDir, stdio: ['ignore', 'pipe', 'ignore'] });
writeFileSync(`${logDir}/ca.ext`, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
ossl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/CN=Bench Root', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE']);
ossl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'inter.key', '-out', 'inter.csr', '-subj', '/CN=Bench Intermediate']);
ossl(['x509', '-req', '-in', 'inter.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'inter.pem', '-days', '3650', '-extfile', 'ca.ext']);
ossl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=host.example.com']);
ossl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'inter.pem', '-CAkey', 'inter.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '397']);
const [interPem, rootPem, leafPem] = ['inter', 'root', 'leaf'].map((n) => readFileSync(`${logDir}/${n}.pem`, 'utf8').replace(/\n/g, '\r\n'));
rmSync(logDir, { recursive: true, force: true });
const leafDer = Buffer.from(leafPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
/** A DER element at `at`: where its content starts and how long it is. */
const element = (der, at) => {
  const first = der[at + 1];
  if (first < 0x80) return { content: at + 2, length: first };
  const n = first & 0x7f;
  return { content: at + 2 + n, length: der.readUIntBE(at + 2, n) };
};
const tbs = element(leafDer, element(leafDer, 0).content);
let fieldAt = tbs.content;
if (leafDer[fieldAt] === 0xa0) { const version = element(leafDer, fieldAt); fieldAt = version.content + version.length; }
const serial = element(leafDer, fieldAt);
if (leafDer[fieldAt] !== 0x02 || serial.length < 8) throw new Error('bench: unexpected leaf DER');
const distinctLeaf = (n) => {
  const der = Buffer.from(leafDer);
  der.writeUInt32BE(n >>> 0, serial.content + serial.length - 4);
  der.writeUInt32BE(n >>> 0, der.length - 4);
  const lines = der.toString('base64').match(/.{1,64}/g);
  return `-----BEGIN CERTIFICATE-----\r\n${lines.join('\r\n')}\r\n-----END CERTIFICATE-----\r\n`;
};
const logLines = [];
let logSize = 0;
let chains = 0;
for (let i = 0; logSize < 4 * 1024 * 1024; i++) {
  const line = i % 4 === 0
    ? JSON.stringify({ event: 'certificate_issued', data: { order_id: 1000 + i, certificate_id: 2000 + i, certificate_chain: [
      { subject_common_name: 'host.example.com', pem: distinctLeaf(chains++) },
      { subject_common_name: 'Bench Intermediate', pem: interPem },
      { subject_common_name: 'Bench Root', pem: rootPem }] } })
    : small[i % small.length];
  logLines.push(line);
  logSize += line.length + 1;
}
const log = `${logLines.join('\n')}\n`;
// Every event reads cleanly, and every leaf is a certificate of its own.
const logReports = parseEvents(log, { now: 1893456000000 });
const fingerprints = new Set(logReports.flatMap((r) => (r.chain ?? []).map((c) => c.sha256Fingerprint)));
if (logReports.some((r) => !r.ok) || fingerprints.size !== chains + 2) throw new Error('bench: the log of distinct leaves does not read as meant');
const logMb = Buffer.byteLength(log) / 1e6;
const logOurs = logMb / timeIt(() => parseEvents(log, { now: 1893456000000 }));
const logParse = logMb / timeIt(() => { for (const l of log.split('\n')) if (l) JSON.parse(l); });
report('bulk', `parseEvents, ${logMb.toFixed(1)} MB log, ${chains} distinct leaves, shared CAs`, logOurs, 'MB/s', { 'JSON.parse loop': logParse });
report('bulk', 'JSON.parse per line', bulkParse, 'MB/s');

// ---- 4. cold start ----------------------------------------------------------------------------
const coldRuns = QUICK ? 3 : 11;
const cold = (script) => {
  const times = [];
  for (let i = 0; i < coldRuns; i++) {
    times.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: `${root}bench`, encoding: 'utf8' }).trim()));
  }
  return median(times);
};
const body = JSON.stringify(readFileSync(`${requestsDir}digicert-docs-create.json`, 'utf8'));
const coldOurs = cold(`const t0 = performance.now(); const m = await import(${JSON.stringify(`${root}pkg/node.mjs`)}); m.validateRequest(${body}); console.log(performance.now() - t0);`);
const coldAjv = cold(`const t0 = performance.now(); const { default: Ajv } = await import('ajv/dist/2020.js'); const s = JSON.parse(${JSON.stringify(JSON.stringify(requestSchema()))}); const v = new Ajv({ allErrors: true }).compile(s); v(JSON.parse(${body})); console.log(performance.now() - t0);`);
report('cold', 'import + instantiate + first validateRequest', coldOurs, 'ms', { 'ajv import+compile+validate': coldAjv });
report('cold', 'ajv: import + compile + first validate', coldAjv, 'ms');

// ---- 4b. the CLI as a pipeline starts it: one file, and 500 files in one call ----------------
const wall = (args) => {
  const times = [];
  for (let i = 0; i < coldRuns; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  return median(times);
};
const cliDir = mkdtempSync(`${tmpdir()}/ccw-bench-cli-`);
for (let i = 0; i < 500; i++) writeFileSync(`${cliDir}/w${i}.json`, readFileSync(`${requestsDir}digicert-docs-create.json`));
const nodeAlone = wall(['-e', '']);
const cliOne = wall([`${root}pkg/cli.js`, 'validate', `${cliDir}/w0.json`]);
const cli500 = wall([`${root}pkg/cli.js`, 'validate', cliDir]);
rmSync(cliDir, { recursive: true, force: true });
report('cli', 'validate one file (process wall time)', cliOne, 'ms', { 'node -e "" (Node alone)': nodeAlone });
report('cli', 'validate 500 files in one call', cli500, 'ms', { 'node -e "" (Node alone)': nodeAlone });
report('cli', 'node -e "" (Node alone)', nodeAlone, 'ms');

// ---- 5. size ----------------------------------------------------------------------------------
const wasm = readFileSync(`${root}pkg/web/certcentral_webhooks_bg.wasm`);
const browserEntry = ['web.js', 'generated.js', 'listener.js', 'loaded.js', 'web/certcentral_webhooks.js', 'web/binding.js'].map((f) => readFileSync(`${root}pkg/${f}`));
const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', `${root}pkg`], { encoding: 'utf8' }))[0];
report('size', 'wasm, raw', wasm.length / 1024, 'KB');
report('size', 'wasm, gzip -9', gzipSync(wasm, { level: 9 }).length / 1024, 'KB');
report('size', 'browser entry (JS + wasm), gzip -9', (gzipSync(Buffer.concat([...browserEntry]), { level: 9 }).length + gzipSync(wasm, { level: 9 }).length) / 1024, 'KB');
report('size', 'npm tarball', packed.size / 1024, 'KB');
const validateWasm = readFileSync(`${root}pkg/validate/web/certcentral_webhooks_bg.wasm`);
const validateEntry = ['validate.js', 'generated.js', 'loaded.js', 'validate/web/certcentral_webhooks.js', 'validate/web/binding.js'].map((f) => readFileSync(`${root}pkg/${f}`));
report('size', 'validate-only wasm, gzip -9', gzipSync(validateWasm, { level: 9 }).length / 1024, 'KB');
report('size', 'validate-only entry (JS + wasm), gzip -9', (gzipSync(Buffer.concat(validateEntry), { level: 9 }).length + gzipSync(validateWasm, { level: 9 }).length) / 1024, 'KB');

// ---- BENCHMARKS.md ----------------------------------------------------------------------------
if (!QUICK) {
  const machine = `${cpus()[0].model}, ${cpus().length} cores, Node ${process.version}`;
  const table = rows.map((r) => `| ${r.section} | ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.ratios} |`).join('\n');
  // Sections measured elsewhere (the playground's, by the browser tests) are kept as they are.
  let previous = '';
  try { previous = readFileSync(`${root}BENCHMARKS.md`, 'utf8'); } catch { /* first run */ }
  const kept = previous.includes('\n## Playground') ? previous.slice(previous.indexOf('\n## Playground')) : '';
  writeFileSync(`${root}BENCHMARKS.md`, `# Benchmarks

Measured by \`make bench\` (\`bench/run.mjs\`) on ${new Date().toISOString().slice(0, 10)}: ${machine}.
Rates are medians of ${ROUNDS} windows of ${ROUND_MS} ms after a warm-up, every peer measured in
the same process; cold start is the median of ${coldRuns} fresh Node processes; ratios are this
package's figure divided by the peer's (above 1 is faster, for sizes and times below 1 is better).

| case | what | figure | ratio |
|---|---|---|---|
${table}

Between runs the peers' figures move by up to a third; to tell whether a change of this
package made it faster, compare two builds in one process with \`node bench/compare.mjs\`.
Where the time of a validation, a chain event and a cold start goes (profiles in wasm), and
the steps measured so far: README "Performance".
${kept}`);
  console.log(`wrote BENCHMARKS.md (${statSync(`${root}BENCHMARKS.md`).size} bytes)`);
}
