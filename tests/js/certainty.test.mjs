// Issue #12's reproductions through the built package: an answer never presents a guess as
// a fact (docs/domain.md, "Certainty").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  explainDelivery, parseEvent, validateRequest, verifyWebhookKey, isDigiCertSource,
} from '../../pkg/node.mjs';

const EP = 'https://listener.example.com/hook';
const root = readFileSync(new URL('../fixtures/certs/DigiCert_Global_Root_G2.pem', import.meta.url), 'utf8');
const withChain = JSON.stringify({
  event: 'certificate_issued',
  data: { order_id: 1, certificate_id: 2, certificate_chain: [{ subject_common_name: 'DigiCert Global Root G2', pem: root }] },
});
const allOn = { instant_issue_webhook_notification: '1', webhook_send_certificate_chain: '1', webhook_send_instant_issued_certificate_chain: '1' };

test('an update that omits events: not certain, and /events is in decidedBy', () => {
  const report = explainDelivery({ endpoint: EP, webhook_settings: { webhook_send_certificate_chain: '1' } }, { mode: 'update' });
  const tls = report.outcomes.find((o) => o.family === 'public_tls' && o.issuance === 'not_instant');
  assert.equal(tls.certain, false);
  assert.deepEqual(tls.decidedBy, ['/events', '/webhook_settings/webhook_send_certificate_chain']);
  assert.deepEqual(tls.assumed, ['/events']);
  for (const o of report.outcomes) assert.equal(o.decidedBy[0], '/events');
});

test('a chain under an update that omits the flag shows the flag is on', () => {
  const { explanation } = parseEvent(withChain, { settings: { endpoint: EP }, mode: 'update', product: 'ssl_plus', instant: false });
  assert.match(explanation, /shows that.*`webhook_send_certificate_chain` is on/);
  assert.doesNotMatch(explanation, /differ/);
});

test('a chain on code signing: the product was misidentified, not the settings', () => {
  const { explanation } = parseEvent(withChain, { settings: { endpoint: EP, webhook_settings: allOn }, product: 'code_signing', instant: false });
  assert.match(explanation, /product was misidentified/);
  assert.doesNotMatch(explanation, /settings in effect differ/);
});

test('an invalid flag is in the body: never "omitted"', () => {
  const report = explainDelivery({ endpoint: EP, webhook_settings: { webhook_send_certificate_chain: 'yes' } });
  for (const o of report.outcomes) assert.doesNotMatch(o.reason, /`webhook_send_certificate_chain` is off \(the default when omitted\)/);
  const a = report.assumptions.find((x) => x.path === '/webhook_settings/webhook_send_certificate_chain');
  assert.equal(a.source, 'invalid');
  assert.doesNotMatch(a.note, /not in the body/);
});

test('the approval note does not promise certificate_issued when it is not subscribed', () => {
  const { approval } = explainDelivery({ endpoint: EP, events: ['order_approval_email_sent'] });
  assert.doesNotMatch(approval.note, /comes only once/);
  assert.match(approval.note, /not in `events`/);
});

test('a list response with two webhooks is a warning', () => {
  const report = validateRequest({ webhooks: [{ id: 1, endpoint: EP, status: 'active' }, { id: 2, endpoint: EP, status: 'active' }] });
  assert.equal(report.diagnostics.find((d) => d.path === '/webhooks/1').severity, 'warning');
});

test('order_approval_completed gets a did-you-mean and says the event is undocumented', () => {
  const d = validateRequest({ endpoint: EP, events: ['order_approval_completed'] }).diagnostics[0];
  assert.match(d.hint, /did you mean "order_approval_email_sent"\?/);
  assert.match(d.hint, /does not document/);
});

test('an id of exactly 2^53 names the real bound', () => {
  const r = parseEvent('{"event":"certificate_revoked","data":{"order_id":9007199254740992,"certificate_id":1}}');
  assert.match(r.diagnostics[0].message, /above 9007199254740991/);
  assert.equal(parseEvent('{"event":"certificate_revoked","data":{"order_id":9007199254740991,"certificate_id":1}}').ok, true);
});

test('verifyWebhookKey never equates strings that differ in lone surrogates', () => {
  assert.equal(verifyWebhookKey('\ud800', '\udc00'), false);
  assert.equal(verifyWebhookKey('\ud800'.repeat(40), '\ufffd'.repeat(40)), false);
  const secret = `${'k'.repeat(31)}\ud83d\ude00`;
  assert.equal(verifyWebhookKey(secret, secret), true);
});

test('endpoints no URL parser accepts are invalid', () => {
  for (const endpoint of ['https://999.1.1.1/', 'https://a..b.com/', 'https://[::g]/', 'https://exa%6dple.com/']) {
    const d = validateRequest({ endpoint }).diagnostics.find((x) => x.path === '/endpoint');
    assert.ok(d && d.severity === 'error', endpoint);
  }
});

test('isDigiCertSource takes every spelling a runtime or proxy hands over, and nothing else', () => {
  for (const ip of ['216.168.240.1', '::ffff:216.168.240.1', '::FFFF:216.168.247.9', '::ffff:d8a8:f001', '[::ffff:216.168.240.1]', '216.168.240.1:443', '[::ffff:d8a8:f001]:8443', '0:0:0:0:0:ffff:216.168.255.255']) {
    assert.equal(isDigiCertSource(ip), true, ip);
  }
  for (const ip of ['216.168.239.255', ' 216.168.240.1', '216.168.240.01', '::216.168.240.1', '3634950145', '216.168.240.1:99999', 'example.com', '', undefined, 42]) {
    assert.equal(isDigiCertSource(ip), false, String(ip));
  }
});
