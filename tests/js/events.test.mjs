// parseEvent / parseEvents through the built package, checked against Node's own X.509
// reader (OpenSSL) rather than against values this package produced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { inspect } from 'node:util';
import { parseEvent, parseEvents, verifyWebhookKey, isDigiCertSource } from '../../pkg/node.mjs';

const certs = new URL('../fixtures/certs/', import.meta.url);
const roots = ['DigiCert_Global_Root_G2.pem', 'DigiCert_Global_Root_CA.pem', 'DigiCert_TLS_ECC_P384_Root_G5.pem']
  .map((f) => readFileSync(new URL(f, certs), 'utf8'));

function issued(pems) {
  return JSON.stringify({
    event: 'certificate_issued',
    data: {
      order_id: 472000001,
      certificate_id: 472000002,
      certificate_chain: pems.map((pem) => ({
        subject_common_name: new X509Certificate(pem).subject.match(/CN=(.*)/)?.[1],
        pem: pem.replace(/\n/g, '\r\n'),
      })),
    },
  }).replace(/\//g, '\\/');
}

test('chain entries decode to what node:crypto reports', () => {
  const report = parseEvent(issued(roots), { now: '2030-01-01T00:00:00Z' });
  assert.equal(report.ok, true, JSON.stringify(report.diagnostics));
  assert.equal(report.event.data.order_id, 472000001);
  assert.equal(report.chain.length, roots.length);
  report.chain.forEach((info, i) => {
    const x = new X509Certificate(roots[i]);
    assert.equal(info.sha256Fingerprint, x.fingerprint256.replaceAll(':', '').toLowerCase());
    assert.equal(info.serialNumber, x.serialNumber.toLowerCase().replace(/^(00)+(?=..)/, ''));
    assert.equal(new Date(info.notAfter).getTime(), new Date(x.validTo).getTime());
    assert.equal(info.isCa, x.ca);
    assert.equal(info.commonName, info.subjectCommonName);
  });
});

test('every root certificate Node ships decodes to what node:crypto reports', () => {
  const curves = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
  assert.ok(rootCertificates.length > 100);
  for (const pem of rootCertificates) {
    const x = new X509Certificate(pem);
    const report = parseEvent(issued([pem]));
    assert.equal(report.ok, true, `${x.subject}: ${JSON.stringify(report.diagnostics)}`);
    const [info] = report.chain;
    assert.equal(info.sha256Fingerprint, x.fingerprint256.replaceAll(':', '').toLowerCase());
    assert.equal(BigInt(`0x${info.serialNumber}`), BigInt(`0x${x.serialNumber}`), x.subject);
    assert.equal(new Date(info.notBefore).getTime(), new Date(x.validFrom).getTime(), x.subject);
    assert.equal(new Date(info.notAfter).getTime(), new Date(x.validTo).getTime(), x.subject);
    assert.equal(info.isCa, x.ca, x.subject);
    assert.equal(info.selfSigned, x.checkIssued(x), x.subject);
    const { asymmetricKeyType: type, asymmetricKeyDetails: details } = x.publicKey;
    const key = type === 'rsa' ? `RSA ${details.modulusLength}` : type === 'ec' ? `EC ${curves[details.namedCurve]}` : info.keyAlgorithm;
    assert.equal(info.keyAlgorithm, key, x.subject);
  }
});

test('event and unknownEvent are what JSON.parse makes of the text', () => {
  const texts = [
    ' \r\n{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2,"order_id":3}}\n',
    '{"event":"certificate_issued","data":{"order_id":9007199254740993,"certificate_id":1.5e3,"note":"caf\\u00e9 \\ud83d\\ude00 \\/ \\"q\\"","__proto__":{"x":1}}}',
    '{"event":"order_renamed_by_digicert","data":{"a":[1,-0.25,true,null,{"b":"\\n"}]},"event":"order_renamed_by_digicert"}',
    issued(roots.slice(0, 1)),
  ];
  for (const text of texts) {
    const report = parseEvent(text, { now: '2030-01-01T00:00:00Z' });
    const echoed = report.event ?? report.unknownEvent;
    assert.deepEqual(echoed, JSON.parse(text), text);
    const [fromLines] = parseEvents(`${text}\n`);
    assert.deepEqual(fromLines.event ?? fromLines.unknownEvent, JSON.parse(text), text);
  }
});

test('a short event is parsed at once: a plain data property from the start', () => {
  const text = '{"event":"certificate_revoked","data":{"order_id":472316021,"certificate_id":472316022}}';
  for (const report of [parseEvent(text), parseEvents(`${text}\n${text}`)[1]]) {
    assert.deepEqual(Object.getOwnPropertyDescriptor(report, 'event'), { value: JSON.parse(text), writable: true, enumerable: true, configurable: true });
    assert.deepEqual(Object.getOwnPropertySymbols(report), []);
    assert.doesNotMatch(inspect(report), /Getter|Symbol/);
  }
  const unknown = '{"event":"order_renamed_by_digicert","data":{"name":"x"}}';
  assert.deepEqual(Object.getOwnPropertyDescriptor(parseEvent(unknown), 'unknownEvent').value, JSON.parse(unknown));
});

test('a long event, parsed from the caller\'s text when first read, behaves as a plain property', () => {
  const text = issued(roots.slice(0, 2));
  // Longer than what binding.js parses at once (PARSED_AT_ONCE): this one waits to be read.
  assert.ok(text.length > 2048, text.length);
  assert.equal(typeof Object.getOwnPropertyDescriptor(parseEvent(text), 'event').get, 'function');
  const report = parseEvent(text, { now: '2030-01-01T00:00:00Z' });
  assert.deepEqual(Object.keys(report), ['ok', 'event', 'unknownEvent', 'chain', 'explanation', 'diagnostics']);
  const plain = { ...report, event: JSON.parse(text) };
  assert.equal(JSON.stringify(report), JSON.stringify(plain));
  assert.deepEqual(structuredClone(report), plain);
  assert.deepEqual({ ...report }, plain);
  // Read once, it is an ordinary data property: the same object each time, edits kept.
  assert.equal(report.event, report.event);
  report.event.data.order_id = 7;
  assert.equal(report.event.data.order_id, 7);
  assert.deepEqual(Object.getOwnPropertyDescriptor(report, 'event'), { value: report.event, writable: true, enumerable: true, configurable: true });
  // console.log shows the event, not a getter, and says nothing of how it was made.
  const shown = parseEvent(text);
  assert.match(inspect(shown, { depth: 4 }), /order_id: 472000001/);
  assert.doesNotMatch(inspect(shown), /Getter|Symbol/);
  // Frozen or sealed before the first read, a report still gives its event, the same each time.
  for (const seal of [Object.freeze, Object.seal]) {
    const held = seal(parseEvent(text));
    assert.deepEqual(held.event, JSON.parse(text));
    assert.equal(held.event, held.event);
    assert.equal(JSON.stringify(held), JSON.stringify(plain));
    assert.match(inspect(held, { depth: 4 }), /order_id: 472000001/);
  }
  assert.throws(() => { Object.freeze(parseEvent(text)).event = null; }, TypeError);
  // Its descriptors copied onto another object, the copy reads the same event.
  const copied = Object.defineProperties({}, Object.getOwnPropertyDescriptors(parseEvent(text)));
  assert.equal(copied.event, copied.event);
  // Assigned before it is read, the assignment wins.
  const replaced = parseEvent(text);
  replaced.event = null;
  assert.equal(replaced.event, null);
  assert.equal(JSON.stringify(replaced), JSON.stringify({ ...plain, event: null, diagnostics: replaced.diagnostics }));
});

test('each NDJSON line\'s event is that line, wherever multi-byte text puts it', () => {
  const events = [
    { event: 'certificate_revoked', data: { order_id: 1, certificate_id: 2, note: 'café ünïcödé' } },
    { event: 'certificate_revoked', data: { order_id: 3, certificate_id: 4, note: '😀 astral, two UTF-16 units' } },
    { event: 'order_renamed_by_digicert', data: { name: '東京' } },
    { event: 'certificate_revoked', data: { order_id: 5, certificate_id: 6 } },
  ];
  const log = `\ufeff${events.map((e) => JSON.stringify(e)).join('\r\n\n')}\r\n`;
  for (const input of [log, Buffer.from(log), new TextEncoder().encode(log).buffer]) {
    const reports = parseEvents(input);
    assert.deepEqual(reports.map((r) => r.event ?? r.unknownEvent), events);
    assert.deepEqual(reports.map((r) => r.line), [1, 3, 5, 7]);
  }
});

test('an event given as bytes or as an object is read back as JSON.parse reads it', () => {
  const event = { event: 'certificate_revoked', data: { order_id: 1, certificate_id: 2, note: 'café' } };
  assert.deepEqual(parseEvent(Buffer.from(`\ufeff${JSON.stringify(event)}`)).event, event);
  assert.deepEqual(parseEvent(event).event, event);
  // A lone surrogate is read as U+FFFD, as the checks saw it, with or without
  // String.prototype.toWellFormed (Node 18 has none).
  const loneText = '{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2,"note":"a\ud800b\udc00c\ud83d\ude00"}}';
  assert.equal(parseEvent(loneText).event.data.note, 'a\ufffdb\ufffdc\ud83d\ude00');
  const toWellFormed = Object.getOwnPropertyDescriptor(String.prototype, 'toWellFormed');
  delete String.prototype.toWellFormed;
  try {
    assert.equal(parseEvent(loneText).event.data.note, 'a\ufffdb\ufffdc\ud83d\ude00');
  } finally {
    if (toWellFormed) Object.defineProperty(String.prototype, 'toWellFormed', toWellFormed);
  }
});

test('now as epoch milliseconds and as ISO 8601 agree', () => {
  const text = issued(roots.slice(0, 1));
  const iso = parseEvent(text, { now: '2040-01-01T00:00:00Z' });
  const ms = parseEvent(text, { now: Date.UTC(2040, 0, 1) });
  assert.deepEqual(iso, ms);
  assert.ok(iso.diagnostics.some((d) => d.code === 'certificate-expired'));
});

test('a bad now is misuse and throws', () => {
  assert.throws(() => parseEvent('{}', { now: 'yesterday' }), { code: 'invalid-argument' });
  assert.throws(() => parseEvent('{}', { when: 1 }), { code: 'invalid-argument' });
});

test('parseEvents gives one result per non-empty line with file line numbers', () => {
  const lines = ['{"event":"test_webhook_endpoint"}', '', '{"event":"certificate_revoked","data":{"order_id":"x","certificate_id":1}}', 'not json'];
  const results = parseEvents(lines.join('\n'));
  assert.equal(results.length, 3);
  assert.equal(results[0].ok, true);
  assert.deepEqual(results.map((r) => r.diagnostics[0]?.range.start.line), [undefined, 3, 4]);
});

test('the explanation uses the settings given', () => {
  const settings = { endpoint: 'https://a.example.com', webhook_settings: { webhook_send_certificate_chain: '1' } };
  const report = parseEvent('{"event":"certificate_issued","data":{"order_id":1,"certificate_id":2}}', { settings, product: 'code_signing', instant: false });
  assert.match(report.explanation, /code signing certificates never carry the chain/);
});

test('verifyWebhookKey and isDigiCertSource', () => {
  const secret = 'k'.repeat(40);
  assert.equal(verifyWebhookKey(secret, secret), true);
  assert.equal(verifyWebhookKey(undefined, secret), false);
  assert.equal(verifyWebhookKey(null, secret), false);
  assert.equal(verifyWebhookKey('k'.repeat(39), secret), false);
  assert.equal(isDigiCertSource('216.168.241.10'), true);
  assert.equal(isDigiCertSource('::ffff:216.168.241.10'), true);
  assert.equal(isDigiCertSource('216.168.224.1'), false);
});
