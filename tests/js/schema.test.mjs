// The shipped JSON Schemas, checked with a real JSON Schema 2020-12 validator (ajv): they
// accept what the validator accepts and reject what is structurally wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { requestSchema, eventSchema, validateRequest, parseEvent, parseEvents } from '../../pkg/node.mjs';

const requests = new URL('../fixtures/requests/', import.meta.url);
const events = new URL('../fixtures/events/', import.meta.url);
const ajv = new Ajv2020({ allErrors: true, strict: true, allowMatchingProperties: true });
const checkRequest = ajv.compile(requestSchema());
const checkEvent = ajv.compile(eventSchema());

// Rules no JSON Schema states: these fixtures are invalid, but structurally sound.
const BEYOND_SCHEMA = new Set(['endpoint-private-host.json', 'secret-empty.json']);
// Errors that are about structure: the schema must reject a body that has one.
const STRUCTURAL = new Set(['invalid-root', 'missing-field', 'unknown-field', 'invalid-type', 'invalid-value', 'secret-too-short']);

test('the shipped schema files equal requestSchema() and eventSchema()', () => {
  const file = (name) => JSON.parse(readFileSync(new URL(`../../pkg/schema/${name}`, import.meta.url), 'utf8'));
  assert.deepEqual(file('request.json'), requestSchema());
  assert.deepEqual(file('event.json'), eventSchema());
  assert.equal(requestSchema().$schema, 'https://json-schema.org/draft/2020-12/schema');
});

test('the request schema accepts every valid fixture and rejects the structurally invalid', () => {
  let accepted = 0;
  let rejected = 0;
  for (const name of readdirSync(requests)) {
    if (name === 'list-response.json') continue; // a GET /webhook response, not a request body
    const text = readFileSync(new URL(name, requests), 'utf8');
    let value;
    try { value = JSON.parse(text); } catch { continue; } // json-syntax: not a schema matter
    const report = validateRequest(text);
    const structural = report.diagnostics.some((d) => d.severity === 'error' && STRUCTURAL.has(d.code));
    const schemaSays = checkRequest(value);
    if (report.valid) {
      assert.equal(schemaSays, true, `${name}: valid, but the schema rejects it: ${ajv.errorsText(checkRequest.errors)}`);
      accepted++;
    } else if (structural && !BEYOND_SCHEMA.has(name)) {
      assert.equal(schemaSays, false, `${name}: structurally invalid, but the schema accepts it`);
      rejected++;
    }
  }
  assert.ok(accepted >= 8 && rejected >= 10, `${accepted} accepted, ${rejected} rejected`);
});

test('the event schema accepts good events and rejects broken ones', () => {
  const good = [
    ...readdirSync(events).filter((f) => f.endsWith('.json')).map((f) => readFileSync(new URL(f, events), 'utf8')),
    '{"event":"test_webhook_endpoint"}',
    '{"event":"some_future_event","data":{"anything":[1]}}',
  ];
  for (const text of good) {
    assert.equal(parseEvent(text).ok, true, text);
    assert.equal(checkEvent(JSON.parse(text)), true, `${text}: ${ajv.errorsText(checkEvent.errors)}`);
  }
  const bad = [
    '{"data":{}}',
    '{"event":"certificate_issued"}',
    '{"event":"certificate_issued","data":{"order_id":"1","certificate_id":2}}',
    '{"event":"certificate_revoked","data":{"order_id":1}}',
    '{"event":"challenge_webhook_endpoint","data":{"token":5,"webhook_id":1}}',
    '{"event":"certificate_issued","data":{"order_id":1,"certificate_id":2,"certificate_chain":[{"subject_common_name":"x"}]}}',
  ];
  for (const text of bad) {
    assert.equal(parseEvent(text).ok, false, text);
    assert.equal(checkEvent(JSON.parse(text)), false, text);
  }
  const lines = readFileSync(new URL('mixed.ndjson', events), 'utf8');
  assert.deepEqual(parseEvents(lines).map((r) => r.ok), [true, true, false, true]);
});

// What the schema cannot say (README "JSON Schemas"): a public host and a URL a parser
// accepts, and `secret: ""` being an error on create only (the schema is for both modes).
const beyondSchema = (d, body) =>
  (d.code === 'invalid-value' && d.path === '/endpoint' && /^https:\/\/[^\s/?#@]/i.test(body.endpoint))
  || (d.code === 'secret-too-short' && body.secret === '');

test('the request schema and validateRequest agree on every generated body', () => {
  const endpoints = ['https://listener.example.com/hook', 'http://listener.example.com/hook', 'https://localhost/hook', 'https://999.1.1.1/', 7];
  const secrets = [undefined, '', 'short', 's'.repeat(32), 32];
  const events = [undefined, [], ['certificate_issued'], ['certificate_issued', 'certificate_issued'], ['test_webhook_endpoint'], ['nope'], 'certificate_issued', [1]];
  const flags = [undefined, '1', '0', true, false, 1, 0, 1.0, 'yes', null, 2];
  const frequencies = [undefined, [90, 0, -7], [90.0], [90, 90], [5], [1.5], '90', []];
  let checked = 0;
  for (const endpoint of endpoints) for (const secret of secrets) for (const ev of events)
    for (const flag of flags) for (const frequency of frequencies) {
      const settings = {};
      if (flag !== undefined) settings.webhook_send_certificate_chain = flag;
      if (frequency !== undefined) settings.webhook_notification_frequency = frequency;
      const body = { endpoint };
      if (secret !== undefined) body.secret = secret;
      if (ev !== undefined) body.events = ev;
      if (Object.keys(settings).length) body.webhook_settings = settings;
      const report = validateRequest(JSON.stringify(body));
      const schemaSays = checkRequest(body);
      const errors = report.diagnostics.filter((d) => d.severity === 'error');
      if (report.valid) assert.equal(schemaSays, true, `${JSON.stringify(body)}: valid, schema rejects: ${ajv.errorsText(checkRequest.errors)}`);
      else if (!errors.every((d) => beyondSchema(d, body))) assert.equal(schemaSays, false, `${JSON.stringify(body)}: invalid (${errors.map((d) => d.code)}), schema accepts`);
      else assert.equal(schemaSays, true, `${JSON.stringify(body)}: only beyond-schema errors, yet the schema rejects`);
      checked++;
    }
  assert.ok(checked > 10000, `${checked}`);
});

test('text and parsed objects get the same verdict for the same JSON value', () => {
  const pairs = [
    ['{"endpoint":"https://a.example.com","webhook_settings":{"webhook_notification_frequency":[90.0]}}', { endpoint: 'https://a.example.com', webhook_settings: { webhook_notification_frequency: [90] } }],
    ['{"endpoint":"https://a.example.com","webhook_settings":{"webhook_send_certificate_chain":1.0}}', { endpoint: 'https://a.example.com', webhook_settings: { webhook_send_certificate_chain: 1 } }],
    ['{"endpoint":"https://a.example.com","webhook_settings":{"webhook_notification_frequency":[9e1]}}', { endpoint: 'https://a.example.com', webhook_settings: { webhook_notification_frequency: [90] } }],
  ];
  for (const [text, object] of pairs) {
    const fromText = validateRequest(text);
    const fromObject = validateRequest(object);
    assert.equal(fromText.valid, fromObject.valid, text);
    assert.deepEqual(fromText.normalized, fromObject.normalized, text);
    assert.deepEqual(fromText.diagnostics.map((d) => d.code), fromObject.diagnostics.map((d) => d.code), text);
  }
  const event = '{"event":"certificate_revoked","data":{"order_id":1.0,"certificate_id":2e0}}';
  assert.equal(parseEvent(event).ok, parseEvent(JSON.parse(event)).ok);
});
