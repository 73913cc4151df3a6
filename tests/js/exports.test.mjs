// The package as users meet it (issue #16): the same names from every entry, each declared in
// the types; bytes accepted wherever text is; the web build says "call init() first".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as node from '../../pkg/node.mjs';

const require = createRequire(import.meta.url);
const pkg = new URL('../../pkg/', import.meta.url);

test('node.mjs, node.cjs and web.js export the same names, and every one is declared', async () => {
  const web = await import('../../pkg/web.js');
  const cjs = require('../../pkg/node.cjs');
  const names = (m) => Object.keys(m).filter((k) => k !== '__esModule').sort();
  assert.deepEqual(names(web), names(node));
  assert.deepEqual(names(cjs), names(node));
  const declared = readFileSync(new URL('index.d.ts', pkg), 'utf8');
  for (const name of names(node)) {
    if (name === 'default') continue;
    assert.match(declared, new RegExp(`export declare (function|const) ${name}\\b`), `${name} is exported but not declared`);
  }
  for (const [, name] of declared.matchAll(/export declare (?:function|const) (\w+)/g)) {
    assert.ok(name in node, `${name} is declared but not exported`);
  }
});

test('FLAGS comes from the Rust flag table: every key the schema knows, a label, a summary name', () => {
  const keys = Object.keys(node.requestSchema().properties.webhook_settings.properties).filter((k) => k !== 'webhook_notification_frequency');
  assert.deepEqual(node.FLAGS.map((f) => f.key), keys);
  const summary = node.explainDelivery('{"endpoint":"https://a.example.com"}').settings;
  for (const flag of node.FLAGS) {
    assert.equal(typeof summary[flag.summaryName], 'boolean', flag.summaryName);
    assert.ok(flag.label.length > 10);
  }
  assert.ok(Object.isFrozen(node.FLAGS) && Object.isFrozen(node.FLAGS[0]));
});

test('eventNames() is gone: EVENT_NAMES is the one list', () => {
  assert.equal('eventNames' in node, false);
  assert.ok(node.EVENT_NAMES.includes('certificate_issued'));
});

test('Buffer, Uint8Array and ArrayBuffer inputs are read as UTF-8 text, BOM tolerated', () => {
  const text = '{"endpoint": "http://example.com", "events": ["certificate_issued"]}';
  const expected = node.validateRequest(text);
  const bytes = new TextEncoder().encode(text);
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  for (const input of [Buffer.from(text), bytes, bytes.buffer.slice(0), new DataView(bytes.buffer.slice(0))]) {
    assert.deepEqual(node.validateRequest(input), expected);
    assert.deepEqual(node.explainDelivery(input), node.explainDelivery(text));
  }
  const bom = node.validateRequest(withBom);
  assert.deepEqual(bom.diagnostics.map((d) => d.code), expected.diagnostics.map((d) => d.code));
  const event = '{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2}}';
  assert.equal(node.parseEvent(Buffer.from(event)).ok, true);
  assert.equal(node.parseEvent(Buffer.from(event)).event.data.order_id, 1);
  assert.equal(node.parseEvents(Buffer.from(`${event}\n${event}\n`)).length, 2);
  assert.equal(node.explainCase(Buffer.from('{"endpoint":"https://a.example.com"}'), { product: 'ssl_plus', instant: false }).family, 'public_tls');
});

test('the web build before init(): an invalid-argument error that says to call init() first', () => {
  // In a fresh process, as a user's would be (the import entry holds a glue of its own, so
  // importing it first would not change this).
  const script = `
    import assert from 'node:assert/strict';
    import { readFileSync } from 'node:fs';
    const web = await import(${JSON.stringify(new URL('web.js', pkg).href)});
    assert.throws(() => web.validateRequest('{}'), (e) => e.code === 'invalid-argument' && /call \`await init\\(\\)\`/.test(e.message));
    assert.throws(() => web.createWebhooks(), (e) => e.code === 'invalid-argument');
    // init() with no argument cannot fetch a file: URL under Node; the error says what to do.
    await assert.rejects(web.init(), (e) => e.code === 'invalid-argument' && /initSync\\(readFileSync/.test(e.message));
    web.initSync(readFileSync(new URL('web/certcentral_webhooks_bg.wasm', ${JSON.stringify(pkg.href)})));
    assert.equal(web.validateRequest('{"endpoint":"https://a.example.com"}').valid, true);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('certcentral-webhooks/validate: the same answers from a wasm that holds the validator only', async () => {
  const esm = await import('../../pkg/validate.node.mjs');
  const cjs = require('../../pkg/validate.node.cjs');
  const web = await import('../../pkg/validate.js');
  const names = (m) => Object.keys(m).filter((k) => k !== '__esModule').sort();
  assert.deepEqual(names(esm), ['DEFAULT_MAX_INPUT_BYTES', 'EVENT_NAMES', 'FAMILIES', 'FLAGS', 'ISSUANCES', 'SUBSCRIBABLE_EVENT_NAMES', 'default', 'init', 'initSync', 'requestSchema', 'validateRequest', 'version']);
  assert.deepEqual(names(cjs), names(esm));
  assert.deepEqual(names(web), names(esm));
  const dir = new URL('../fixtures/requests/', import.meta.url);
  for (const file of ['digicert-docs-create.json', 'unknown-field-typo.json', 'endpoint-private-host.json', 'json-syntax-trailing-comma.json', 'list-response.json']) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const mode of ['create', 'update']) {
      assert.deepEqual(esm.validateRequest(text, { mode }), node.validateRequest(text, { mode }), file);
      assert.deepEqual(cjs.validateRequest(text, { mode }), node.validateRequest(text, { mode }), file);
    }
  }
  assert.throws(() => web.validateRequest('{}'), { code: 'invalid-argument' });
  web.initSync(readFileSync(new URL('validate/web/certcentral_webhooks_bg.wasm', pkg)));
  assert.equal(web.validateRequest('{"endpoint":"https://a.example.com"}').valid, true);
  const full = readFileSync(new URL('web/certcentral_webhooks_bg.wasm', pkg)).length;
  const lean = readFileSync(new URL('validate/web/certcentral_webhooks_bg.wasm', pkg)).length;
  assert.ok(lean < full * 0.75, `validate-only wasm ${lean} bytes vs full ${full}`);
  const declared = readFileSync(new URL('validate.d.ts', pkg), 'utf8');
  for (const name of names(esm).filter((n) => n !== 'default')) assert.match(declared, new RegExp(`export declare (function|const) ${name}\\b`), name);
  assert.doesNotMatch(declared, /declare function parseEvent\b/);
});
