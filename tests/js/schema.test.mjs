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
