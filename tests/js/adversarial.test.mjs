// 10 000 hostile inputs in a row through one wasm instance, then a valid input must still get
// the right answer, and nothing may have touched Object.prototype.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../pkg/node.mjs';

const MIB = 1 << 20;
const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();

function* hostile() {
  const texts = [
    '', ' ', '{', '}', '[]', 'null', '"', '\u0000', '{"\u0000":1}', '\ud800', '"\ud800"', '"\\ud800"', '"\\udc00\\ud800"',
    '['.repeat(100_000), '{"a":'.repeat(50_000), `{"endpoint":${'['.repeat(65)}${']'.repeat(65)}}`,
    '1e999999', '-1e999999', '9'.repeat(100_000), '{"events":[1e308, -0, 0.0000001, 123456789012345678901234567890]}',
    `{"endpoint":"https://a.example.com/${'x'.repeat(MIB)}"}`, `"${'a'.repeat(MIB + 10)}"`,
    '{"__proto__":{"polluted":true},"endpoint":"https://a.example.com"}',
    '{"constructor":{"prototype":{"polluted":true}},"endpoint":"https://a.example.com"}',
    '{"webhook_settings":{"__proto__":{"polluted":true}},"endpoint":"https://a.example.com"}',
    '{"event":"__proto__","data":{"__proto__":{"polluted":true}}}',
    '{"event":"certificate_issued","data":{"__proto__":1,"order_id":1,"certificate_id":2,"certificate_chain":[{"pem":"\u0000"}]}}',
    `{"event":"certificate_issued","data":{"order_id":1,"certificate_id":2,"certificate_chain":${JSON.stringify(Array.from({ length: 40 }, () => ({ pem: '-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----' })))}}}`,
    `{"event":"certificate_issued","data":{"order_id":1,"certificate_id":2,"certificate_chain":[{"pem":"-----BEGIN CERTIFICATE-----\\n${'A'.repeat(70_000)}\\n-----END CERTIFICATE-----"}]}}`,
    `{${Array.from({ length: 20_000 }, (_, i) => `"k${i % 500}":${i}`).join(',')}}`,
  ];
  for (const text of texts) yield text;
  const objects = [
    JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } },
    [], [1, 2], { endpoint: 1n.toString() }, Object.create(null), { toJSON() { return '{"x"'; } },
  ];
  for (const object of objects) yield object;
  // Random mutations of a valid body, deterministic.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const base = '{"endpoint":"https://listener.example.com/x","events":["certificate_issued"],"webhook_settings":{"webhook_send_certificate_chain":"1"}}';
  const alphabet = '{}[],:"\\ 01-e.tn\u0000é😀\ud800';
  for (;;) {
    const chars = [...base];
    for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
      const at = Math.floor(random() * chars.length);
      if (random() < 0.5) chars.splice(at, 1);
      else chars.splice(at, 0, alphabet[Math.floor(random() * alphabet.length)]);
    }
    yield chars.join('');
  }
}

test('10 000 hostile inputs leave the instance correct and Object.prototype untouched', (t) => {
  let calls = 0;
  let inputs = 0;
  for (const input of hostile()) {
    if (calls >= 10_000) break;
    // Every input through every operation.
    const operations = [
      () => api.validateRequest(input),
      () => api.explainDelivery(input, { mode: 'update' }),
      () => api.parseEvent(input, { now: 0, settings: input }),
      () => (typeof input === 'string' ? api.parseEvents(input) : []),
      () => api.explainCase(input, { product: typeof input === 'string' ? input.slice(0, 40) : 'x', instant: true }),
    ];
    for (const run of operations) {
      let result;
      try {
        result = run();
      } catch (error) {
        // Text never throws; an object may, only as misuse (e.g. a toJSON that is not JSON).
        assert.notEqual(typeof input, 'string', `${input.slice(0, 60)} threw ${error.message}`);
        assert.equal(error.code, 'invalid-argument', `${String(input).slice(0, 60)}: ${error.message}`);
      }
      if (result && 'valid' in result && !result.truncated) assert.equal(result.valid, !result.diagnostics.some((d) => d.severity === 'error'));
      calls++;
    }
    inputs++;
  }
  t.diagnostic(`${inputs} inputs`);
  t.diagnostic(`${calls} calls`);
  const report = api.validateRequest('{"endpoint":"https://listener.example.com/x","webhook_settings":{"webhook_send_certificate_chain":true}}');
  assert.deepEqual(report, {
    valid: true,
    diagnostics: [{
      severity: 'warning', code: 'flag-spelling', path: '/webhook_settings/webhook_send_certificate_chain',
      message: '`webhook_send_certificate_chain` is written as true; it is accepted and sent as the string the API documents',
      hint: 'write "1"', replacement: '"1"',
      range: { start: { line: 1, column: 99, offset: 98 }, end: { line: 1, column: 103, offset: 102 } },
    }],
    normalized: { endpoint: 'https://listener.example.com/x', webhook_settings: { webhook_send_certificate_chain: '1' } },
    truncated: false,
  });
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), protoKeysBefore);
  assert.equal(({}).polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
});

test('keys such as __proto__ come back as own properties', () => {
  const report = api.validateRequest('{"endpoint":"https://a.example.com","__proto__":{"x":1}}');
  assert.equal(Object.getPrototypeOf(report.normalized), Object.prototype);
  assert.deepEqual(Object.keys(report.normalized), ['endpoint', '__proto__']);
  assert.equal(report.diagnostics[0].code, 'unknown-field');
});

test('a body left unchanged is its own normalized, however it was given', () => {
  // `normalized` is then parsed from the caller's text (README "What it checks"): with a
  // byte order mark, a raw lone surrogate, white space, as bytes or as an object, it is the
  // value the wasm checked, as when it is written out.
  const value = { endpoint: 'https://a.example.com/x', secret: 'x'.repeat(40), unknown_key: 'caf\u00e9 \ud83d\ude00 ab' };
  const text = JSON.stringify(value, null, 2);
  const lone = text.replace('ab', 'a\ud800b'); // JSON.stringify would escape it: written raw
  const read = { ...value, unknown_key: 'caf\u00e9 \ud83d\ude00 a\ufffdb' };
  for (const [input, expected] of [[text, value], [`\ufeff${text}`, value], [Buffer.from(`\ufeff${text}`), value], [value, value], [lone, read], [`\ufeff${lone}`, read], [Buffer.from(lone), read]]) {
    const report = api.validateRequest(input);
    assert.deepEqual(report.normalized, expected);
    assert.deepEqual(Object.keys(report.normalized), Object.keys(value));
  }
  // A number beyond a double's range is written as null (as JSON.stringify would write
  // Infinity), not parsed from the text into Infinity.
  assert.equal(api.validateRequest('{"endpoint":"https://a.example.com","x":1e400}').normalized.x, null);
  assert.equal(api.validateRequest('{"endpoint":"https://a.example.com","x":[-1e400]}').normalized.x[0], null);
  // Changed by normalization (a repeated key dropped, a flag respelled): written out.
  assert.deepEqual(api.validateRequest('{"endpoint":"https://a.example.com","endpoint":"https://b.example.com"}').normalized, { endpoint: 'https://b.example.com' });
  assert.deepEqual(api.validateRequest('{"endpoint":"https://a.example.com","webhook_settings":{"webhook_send_certificate_chain":1}}').normalized, { endpoint: 'https://a.example.com', webhook_settings: { webhook_send_certificate_chain: '1' } });
});

test('an options object that throws neither kills the instance nor changes the answer', () => {
  // An exception thrown while the wasm is running skips its clean-up; enough of them used to
  // leave every later call failing. A getter that throws reads as absent (as before); a Proxy
  // whose key listing throws makes the call throw that error.
  const body = '{"endpoint":"https://a.example.com"}';
  const expected = api.validateRequest(body);
  const getter = { get strict() { throw new Error('boom'); } };
  const proxy = new Proxy({}, { ownKeys() { throw new Error('no keys'); } });
  for (let i = 0; i < 5000; i++) {
    assert.deepEqual(api.validateRequest(body, getter), expected);
    assert.throws(() => api.validateRequest(body, proxy), /no keys/);
    assert.throws(() => api.parseEvent('{"event":"certificate_revoked","data":{}}', proxy), /no keys/);
  }
  assert.deepEqual(api.validateRequest(body), expected);
  assert.equal(api.parseEvent('{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2}}').ok, true);
});

test('text is copied in as UTF-8 up to maxInputBytes, counted in bytes, whatever its characters', () => {
  // The copy starts with room for ASCII and makes room for the rest when a text needs it.
  const body = (value) => `{"endpoint":"https://a.example.com","note":"${value}"}`;
  // String.prototype.toWellFormed, which Node 18 (in `engines`) lacks.
  const wellFormed = (s) => Buffer.from(s).toString();
  for (const char of ['a', '\u00e9', '\u20ac', '\ud83d\ude00', '\ud800']) {
    const text = body(char.repeat(300));
    const bytes = Buffer.byteLength(wellFormed(text));
    const fits = api.validateRequest(text, { maxInputBytes: bytes });
    assert.equal(fits.diagnostics.some((d) => d.code === 'input-too-large'), false, char);
    assert.equal(fits.normalized.note, wellFormed(char.repeat(300)), char);
    const over = api.validateRequest(text, { maxInputBytes: bytes - 1 });
    assert.deepEqual(over.diagnostics.map((d) => d.code), ['input-too-large'], char);
  }
});

test('options are read whatever Array.prototype holds', () => {
  // Index setters on Array.prototype break Node itself, so they stand only for the call.
  let called = 0;
  let report;
  try {
    for (const index of ['0', '1', '2']) {
      Object.defineProperty(Array.prototype, index, { set() { called++; }, get() {}, configurable: true });
    }
    report = api.validateRequest('{"endpoint":"https://a.example.com","secret":""}', { mode: 'update', strict: true });
  } finally {
    for (const index of ['0', '1', '2']) delete Array.prototype[index];
  }
  // On update an empty secret removes it: valid only if `mode` was read.
  assert.equal(report.valid, true);
  assert.equal(called, 0);
});

test('optional members are own properties whatever Object.prototype holds', (t) => {
  // A setter or a read-only property of the same name on Object.prototype neither hides a
  // report's optional member nor makes the call throw, as with JSON.parse.
  let stolen;
  Object.defineProperty(Object.prototype, 'hint', { set(value) { stolen = value; }, get() {}, configurable: true });
  Object.defineProperty(Object.prototype, 'line', { value: 0, writable: false, configurable: true });
  t.after(() => { delete Object.prototype.hint; delete Object.prototype.line; });
  const typo = api.validateRequest('{"endpoint":"https://a.example.com","evnts":[]}').diagnostics[0];
  assert.equal(Object.hasOwn(typo, 'hint'), true);
  assert.equal(typo.hint, 'did you mean `events`?');
  assert.equal(stolen, undefined);
  const [line] = api.parseEvents('{"event":"order_rejected","data":{"order_id":1}}\n');
  assert.equal(Object.hasOwn(line, 'line'), true);
  assert.equal(line.line, 1);
});
