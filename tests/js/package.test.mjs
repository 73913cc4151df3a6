// The built package as Node users meet it: ESM import and CJS require with no init(), text
// input with positions in UTF-16 units, and the same answers as the native crate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esm from '../../pkg/node.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = `${root}tests/fixtures/requests/`;
const nativeReport = `${root}target/debug/examples/report`;

test('ESM import works with no init()', () => {
  const report = esm.validateRequest('{"endpoint":"https://listener.example.com/x"}');
  assert.deepEqual(report, {
    valid: true,
    diagnostics: [],
    normalized: { endpoint: 'https://listener.example.com/x' },
    truncated: false,
  });
});

test('CommonJS require works and shares the API', () => {
  const cjs = require('../../pkg/node.cjs');
  assert.equal(typeof cjs.validateRequest, 'function');
  assert.equal(cjs.version(), esm.version());
  assert.deepEqual(cjs.EVENT_NAMES, esm.EVENT_NAMES);
});

test('the npm version is the crate version', () => {
  assert.equal(require('../../pkg/package.json').version, esm.version());
});

test('init() and initSync() exist under Node and do nothing', async () => {
  await esm.init();
  esm.initSync();
  assert.equal(esm.validateRequest('{}').valid, false);
});

test('EVENT_NAMES lists every event, subscribable first, frozen', () => {
  assert.equal(esm.EVENT_NAMES[0], 'certificate_issued');
  assert.ok(esm.EVENT_NAMES.includes('order_approval_email_sent'));
  assert.equal(esm.EVENT_NAMES.at(-1), 'challenge_webhook_endpoint');
  assert.ok(Object.isFrozen(esm.EVENT_NAMES));
});

test('ranges count UTF-16 code units, as JS strings do', () => {
  const text = '{\n  "secret": "😀😀 naïve café secret long enough to pass",\n  "events": ["certificate_isued"],\n  "endpoint": "https://listener.example.com/x"\n}';
  const [d] = esm.validateRequest(text).diagnostics;
  assert.equal(d.code, 'invalid-value');
  assert.equal(d.path, '/events/0');
  assert.equal(d.hint, 'did you mean "certificate_issued"?');
  const at = text.indexOf('"certificate_isued"');
  assert.equal(d.range.start.offset, at);
  assert.equal(text.slice(d.range.start.offset, d.range.end.offset), '"certificate_isued"');
  assert.deepEqual([d.range.start.line, d.range.start.column], [3, 14]);
});

test('an object input gives the same diagnostics without ranges', () => {
  const fromText = esm.validateRequest('{"endpoint":"http://a.example.com"}').diagnostics;
  const fromObject = esm.validateRequest({ endpoint: 'http://a.example.com' }).diagnostics;
  assert.deepEqual(fromObject, fromText.map(({ range, ...rest }) => rest));
});

test('misuse throws an Error with code invalid-argument', () => {
  assert.throws(() => esm.validateRequest(42), { code: 'invalid-argument' });
  assert.throws(() => esm.validateRequest('{}', { mode: 'replace' }), { code: 'invalid-argument' });
  assert.throws(() => esm.validateRequest('{}', { stritc: true }), { code: 'invalid-argument' });
  assert.throws(() => esm.explainCase('{}', { product: 'ssl_plus' }), { code: 'invalid-argument' });
});

test('each operation reads its own options, as options[key] reads them, and names the unknown one', () => {
  const unknown = (call, known) => assert.throws(call, (e) => e.code === 'invalid-argument' && e.message === `unknown option \`nope\`; known: ${known}`);
  // In turns, so that each operation's keys are its own however they are looked up.
  for (let round = 0; round < 2; round++) {
    unknown(() => esm.validateRequest('{}', { nope: 1 }), 'mode, strict, maxDiagnostics, maxInputBytes');
    unknown(() => esm.explainDelivery('{}', { nope: 1 }), 'mode, maxInputBytes');
    unknown(() => esm.explainCase('{}', { nope: 1 }), 'product, instant, mode');
    unknown(() => esm.parseEvent('{}', { nope: 1 }), 'now, settings, product, instant, mode, maxDiagnostics, maxInputBytes');
  }
  // An inherited option counts, and a getter is read.
  const update = esm.validateRequest('{"endpoint":"https://a.example.com"}', Object.create({ mode: 'update' }));
  assert.deepEqual(update, esm.validateRequest('{"endpoint":"https://a.example.com"}', { mode: 'update' }));
  let read = 0;
  const strict = { get strict() { read++; return true; } };
  assert.equal(esm.validateRequest('{"endpoint":"https://a.example.com","webhook_settings":{"webhook_send_certificate_chain":true}}', strict).valid, false);
  assert.equal(read, 1);
  // Absent, undefined and null options are the defaults.
  for (const options of [undefined, null, {}, { mode: undefined }]) {
    assert.deepEqual(esm.validateRequest('{}', options), esm.validateRequest('{}'));
  }
});

test('explainDelivery gives ten outcomes in contract order', () => {
  const report = esm.explainDelivery('{"endpoint":"https://a.example.com"}');
  assert.equal(report.outcomes.length, 10);
  assert.deepEqual(
    report.outcomes.map((o) => `${o.family}/${o.issuance}`).slice(0, 4),
    ['public_tls/not_instant', 'public_tls/instant', 'private_tls/not_instant', 'private_tls/instant'],
  );
});

// Every fixture, and every flag combination, through the native crate and the wasm package.
function flagBodies() {
  const keys = ['instant_issue_webhook_notification', 'webhook_send_certificate_chain', 'webhook_send_instant_issued_certificate_chain'];
  const states = [undefined, '0', '1'];
  const bodies = [];
  for (const events of [['certificate_issued'], ['certificate_revoked']]) {
    for (const a of states) for (const b of states) for (const c of states) {
      const settings = {};
      [a, b, c].forEach((v, i) => { if (v !== undefined) settings[keys[i]] = v; });
      bodies.push(JSON.stringify({ endpoint: 'https://a.example.com', events, webhook_settings: settings }, null, 2));
    }
  }
  return bodies;
}

test('the wasm package answers exactly as the native crate', async (t) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const dir = mkdtempSync('/tmp/ccw-diff-');
  const inputs = readdirSync(fixtures).map((f) => readFileSync(fixtures + f, 'utf8')).concat(flagBodies());
  let compared = 0;
  inputs.forEach((text, i) => {
    const file = `${dir}/${i}.json`;
    writeFileSync(file, text);
    for (const mode of ['create', 'update']) {
      const suffix = mode === 'update' ? '-update' : '';
      const native = (op) => JSON.parse(execFileSync(nativeReport, [op + suffix, file], { encoding: 'utf8' }));
      assert.deepEqual(esm.validateRequest(text, { mode }), native('validate'), `validate ${mode} #${i}`);
      assert.deepEqual(esm.explainDelivery(text, { mode }), native('explain'), `explain ${mode} #${i}`);
      compared += 2;
    }
  });
  t.diagnostic(`${compared} results compared`);
  assert.ok(compared > 200);
});

test('events: the wasm package answers exactly as the native crate', async (t) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const dir = mkdtempSync('/tmp/ccw-diff-events-');
  const events = `${root}tests/fixtures/events/`;
  const certs = `${root}tests/fixtures/certs/`;
  const chain = readdirSync(certs).map((f) => ({ subject_common_name: 'x', pem: readFileSync(certs + f, 'utf8') }));
  const inputs = readdirSync(events).map((f) => readFileSync(events + f, 'utf8')).concat([
    JSON.stringify({ event: 'certificate_issued', data: { order_id: 1, certificate_id: 2, certificate_chain: chain } }),
    '{"event":"certificate_issued","data":{"order_id":9007199254740993,"certificate_id":2.5}}',
    '{"event":"brand_new","data":{"n":1e400,"f":0.1}}',
  ]);
  const now = Date.UTC(2030, 0, 1);
  let compared = 0;
  inputs.forEach((text, i) => {
    const file = `${dir}/${i}.json`;
    writeFileSync(file, text);
    const canonical = (value) => JSON.stringify(value);
    const native = (op) => canonical(JSON.parse(execFileSync(nativeReport, [op, file], { encoding: 'utf8' })));
    assert.equal(canonical(esm.parseEvent(text, { now })), native('parse'), `parse #${i}`);
    assert.equal(canonical(esm.parseEvents(text, { now })), native('parse-ndjson'), `parseEvents #${i}`);
    compared += 2;
  });
  t.diagnostic(`${compared} event results compared`);
});
