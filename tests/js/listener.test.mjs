// The listener kit (issue #15): the three example listeners started on 127.0.0.1 and sent real
// traffic, the README's listener run as written, fullchainPem checked by openssl, and receive()
// case by case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, symlinkSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import express from 'express';
import {
  createWebhooks, createNodeMiddleware, createWebHandler, fullchainPem, parseEvent,
} from '../../pkg/node.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'k'.repeat(40);
const DIGICERT_PEER = '216.168.240.9';
let dir;
let pem;

function openssl(args) {
  return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

before(() => {
  dir = mkdtempSync('/tmp/ccw-listener-');
  // The examples import "certcentral-webhooks" and "express" as users do.
  mkdirSync(`${dir}/node_modules`);
  symlinkSync(`${root}pkg`, `${dir}/node_modules/certcentral-webhooks`);
  symlinkSync(`${root}node_modules/express`, `${dir}/node_modules/express`);
  for (const f of ['listener-http.mjs', 'listener-express.mjs', 'listener-fetch.mjs']) copyFileSync(`${root}examples/${f}`, `${dir}/${f}`);
  // Root → intermediate → leaf, as a CA issues them (the same shape as DigiCert's chains).
  writeFileSync(`${dir}/ca.ext`, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  writeFileSync(`${dir}/leaf.ext`, 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:www.example.com\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/CN=Listener Test Root', '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'inter.key', '-out', 'inter.csr', '-subj', '/CN=Listener Test Intermediate']);
  openssl(['x509', '-req', '-in', 'inter.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'inter.pem', '-days', '30', '-extfile', 'ca.ext']);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=www.example.com']);
  openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'inter.pem', '-CAkey', 'inter.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '30', '-extfile', 'leaf.ext']);
  pem = Object.fromEntries(['leaf', 'inter', 'root'].map((n) => [n, readFileSync(`${dir}/${n}.pem`, 'utf8').replace(/\n/g, '\r\n')]));
});

after(() => rmSync(dir, { recursive: true, force: true }));

const issued = (entries, ids = { order_id: 472000001, certificate_id: 472000002 }) => JSON.stringify({
  event: 'certificate_issued',
  data: { ...ids, certificate_chain: entries.map(([cn, p]) => ({ subject_common_name: cn, pem: p })) },
});
const chainEvent = () => issued([['www.example.com', pem.leaf], ['Listener Test Intermediate', pem.inter], ['Listener Test Root', pem.root]]);

/** Starts `node file` in the temp dir; resolves with its URL once it says it listens. */
function start(file, env = {}) {
  const child = spawn(process.execPath, [file], { cwd: dir, env: { ...process.env, PORT: '0', WEBHOOK_SECRET: SECRET, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const url = /listening on (\S+)/.exec(String(d))?.[1];
      if (url) resolve({ url, child, stderr: () => stderr, stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`${file} exited ${code}: ${stderr}`)));
  });
}

/** A node:http front for the fetch example: Request in, Response out. A test header stands
 * for the peer address a fetch runtime would pass in `context`. */
const FETCH_FRONT = `
import http from 'node:http';
import handler from './listener-fetch.mjs';
const server = http.createServer(async (req, res) => {
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : req;
  const request = new Request('http://127.0.0.1' + req.url, { method: req.method, headers: req.headers, body, duplex: 'half' });
  const response = await handler.fetch(request, { remoteAddress: req.headers['x-test-peer'] });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(await response.text());
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port + '/digicert'));
`;

async function post(url, body, headers = {}, method = 'POST') {
  const response = await fetch(url, { method, body: method === 'GET' ? undefined : body, headers: { 'content-type': 'application/json', 'x-webhook-key': SECRET, ...headers } });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

/** The traffic every listener gets; `good` are the headers of a request DigiCert would send. */
async function traffic(url, good) {
  const seen = new Map();
  const expect = async (name, status, code, body, headers = {}, method = 'POST') => {
    const r = await post(url, body, { ...good, ...headers }, method);
    assert.equal(r.status, status, `${name}: ${r.text}`);
    assert.equal(r.json.code, code, name);
    assert.doesNotMatch(r.text, new RegExp(SECRET), `${name}: the secret never appears`);
    assert.doesNotMatch(r.text, /\n\s+at /, `${name}: no stack`);
    seen.set(status, (seen.get(status) ?? 0) + 1);
    return r;
  };
  await expect('chain event', 200, 'ok', chainEvent());
  await expect('test event', 200, 'ok', '{"event":"test_webhook_endpoint"}');
  await expect('challenge', 200, 'ok', '{"event":"challenge_webhook_endpoint","data":{"token":"abc","webhook_id":7}}');
  await expect('wrong key', 401, 'wrong-key', chainEvent(), { 'x-webhook-key': 'x'.repeat(40) });
  const missing = await fetch(url, { method: 'POST', body: chainEvent(), headers: { 'content-type': 'application/json', ...good } });
  assert.equal(missing.status, 401);
  assert.equal((await missing.json()).code, 'missing-key');
  seen.set(401, seen.get(401) + 1);
  await expect('GET', 405, 'method-not-allowed', undefined, {}, 'GET');
  await expect('not JSON', 415, 'unsupported-media-type', 'hello', { 'content-type': 'text/plain' });
  await expect('garbage', 400, 'invalid-event', 'not json at all');
  await expect('no data', 400, 'invalid-event', '{"event":"certificate_issued"}');
  await expect('5 MB', 413, 'payload-too-large', `{"event":"test_webhook_endpoint","pad":"${'x'.repeat(5 << 20)}"}`);
  // The process is still up and answering after all of that.
  await expect('still up', 200, 'ok', '{"event":"test_webhook_endpoint"}');
  return { seen, expect };
}

test('the node:http example: every status, and a fullchain.pem that openssl verifies', async () => {
  const server = await start('listener-http.mjs', { TRUST_PROXY: '1' });
  try {
    const good = { 'x-forwarded-for': DIGICERT_PEER };
    const { seen, expect } = await traffic(server.url, good);
    await expect('proxy header outside the range', 403, 'forbidden-source', chainEvent(), { 'x-forwarded-for': '10.0.0.1' });
    await expect('handler throws: no chain to write', 500, 'handler-failed', '{"event":"certificate_issued","data":{"order_id":1,"certificate_id":2}}');
    assert.match(server.stderr(), /handler failed: this report has no certificate_chain/);
    assert.deepEqual([...seen.keys()].sort(), [200, 400, 401, 403, 405, 413, 415, 500], 'every status of the table');
    const written = readFileSync(`${dir}/472000002.fullchain.pem`, 'utf8');
    const certs = written.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g);
    assert.equal(certs.length, 2, 'leaf and intermediate, no root');
    assert.equal(certs.join(''), written);
    assert.doesNotMatch(written, /\r/);
    writeFileSync(`${dir}/b-leaf.pem`, certs[0]);
    writeFileSync(`${dir}/b-inter.pem`, certs[1]);
    assert.match(openssl(['x509', '-in', 'b-leaf.pem', '-noout', '-subject']), /CN\s*=\s*www\.example\.com/);
    assert.match(openssl(['verify', '-partial_chain', '-trusted', 'b-inter.pem', 'b-leaf.pem']), /b-leaf\.pem: OK/);
    assert.match(openssl(['verify', '-CAfile', 'root.pem', '-untrusted', '472000002.fullchain.pem', 'b-leaf.pem']), /OK/);
    // A reordered chain makes the same bundle.
    const reordered = issued([['Listener Test Root', pem.root], ['www.example.com', pem.leaf], ['Listener Test Intermediate', pem.inter]], { order_id: 1, certificate_id: 99 });
    await expect('reordered chain', 200, 'ok', reordered);
    assert.equal(readFileSync(`${dir}/99.fullchain.pem`, 'utf8'), written);
  } finally {
    server.stop();
  }
});

test('the Express example: every status, the process never crashes', async () => {
  const server = await start('listener-express.mjs', { TRUST_PROXY: '1' });
  try {
    const { seen, expect } = await traffic(server.url, { 'x-forwarded-for': DIGICERT_PEER });
    await expect('proxy header outside the range', 403, 'forbidden-source', chainEvent(), { 'x-forwarded-for': '203.0.113.5' });
    await expect('handler throws', 500, 'handler-failed', '{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2}}', { 'x-forwarded-for': DIGICERT_PEER });
    assert.match(server.stderr(), /handler failed: revocations are not handled yet/);
    assert.equal(seen.get(200) >= 3, true);
    // Other paths are Express's.
    assert.equal((await fetch(server.url.replace('/digicert', '/other'), { method: 'POST' })).status, 404);
  } finally {
    server.stop();
  }
});

test('the fetch handler example behind a node:http front: every status', async () => {
  writeFileSync(`${dir}/fetch-front.mjs`, FETCH_FRONT);
  const server = await start('fetch-front.mjs');
  try {
    const { expect } = await traffic(server.url, {});
    await expect('peer outside the range', 403, 'forbidden-source', chainEvent(), { 'x-test-peer': '::ffff:10.1.2.3' });
    await expect('peer inside the range', 200, 'ok', chainEvent(), { 'x-test-peer': '::ffff:216.168.250.1' });
    await expect('handler throws', 500, 'handler-failed', '{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2}}');
  } finally {
    server.stop();
  }
});

test("the READMEs' listener is the node:http example, as written", () => {
  const example = readFileSync(`${root}examples/listener-http.mjs`, 'utf8');
  for (const [file, heading] of [['README.md', '## Listener'], ['pkg/README.md', '## A listener']]) {
    const readme = readFileSync(`${root}${file}`, 'utf8');
    const section = readme.slice(readme.indexOf(heading));
    const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    assert.equal(block, example, file);
  }
});

test('express.json() having parsed the body first: still verified, and the report says so', async () => {
  // A local test turns the source check off: the peer is 127.0.0.1.
  const hooks = createWebhooks({ secret: SECRET, checkSource: false });
  let notes;
  hooks.on('certificate_revoked', (event, ctx) => { notes = ctx.notes; });
  const app = express();
  app.use(express.json());
  app.use(createNodeMiddleware(hooks));
  const server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  try {
    const url = `http://127.0.0.1:${server.address().port}/`;
    const body = '{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2}}';
    assert.equal((await post(url, body)).status, 200);
    assert.match(notes.join(' '), /already parsed/);
    assert.equal((await post(url, body, { 'x-webhook-key': 'nope' })).status, 401);
  } finally {
    server.close();
  }
});

test('receive: headers in any case and as lists, bodies as text, bytes, ArrayBuffer and streams', async () => {
  const hooks = createWebhooks({ secret: SECRET });
  const seen = [];
  hooks.on('certificate_revoked', (event) => { seen.push(event.data.order_id); });
  const text = '{"event":"certificate_revoked","data":{"order_id":5,"certificate_id":6}}';
  const bytes = new TextEncoder().encode(text);
  const bodies = [text, Buffer.from(text), bytes, bytes.buffer.slice(0), new Blob([text]).stream(), new Request('http://x/', { method: 'POST', body: text }).body];
  for (const body of bodies) {
    const r = await hooks.receive({ headers: { 'X-Webhook-Key': [SECRET], 'Content-Type': 'application/json; charset=utf-8' }, body });
    assert.equal(r.status, 200, String(r.error?.message));
  }
  const viaHeaders = await hooks.receive({ headers: new Headers({ 'x-webhook-key': SECRET }), body: `\ufeff${text}` });
  assert.equal(viaHeaders.status, 200);
  assert.deepEqual(seen, [5, 5, 5, 5, 5, 5, 5]);
  const twoKeys = await hooks.receive({ headers: { 'x-webhook-key': [SECRET, SECRET] }, body: text });
  assert.equal(twoKeys.status, 401);
  const notUtf8 = await hooks.receive({ headers: { 'x-webhook-key': SECRET }, body: new Uint8Array([0x7b, 0xff, 0x7d]) });
  assert.equal(notUtf8.error.code, 'invalid-event');
});

test('receive: the source check, behind proxies only as trustProxy says', async () => {
  const text = '{"event":"test_webhook_endpoint"}';
  const direct = createWebhooks();
  assert.equal((await direct.receive({ body: text, remoteAddress: '216.168.240.1' })).status, 200);
  assert.equal((await direct.receive({ body: text, remoteAddress: '::ffff:216.168.240.1' })).status, 200);
  assert.equal((await direct.receive({ body: text, remoteAddress: '127.0.0.1' })).status, 403);
  // A forwarded header is not believed without trustProxy.
  assert.equal((await direct.receive({ body: text, remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': DIGICERT_PEER } })).status, 403);
  // No address known: not checked unless asked.
  assert.equal((await direct.receive({ body: text })).status, 200);
  assert.equal((await createWebhooks({ checkSource: true }).receive({ body: text })).status, 403);
  assert.equal((await createWebhooks({ checkSource: false }).receive({ body: text, remoteAddress: '127.0.0.1' })).status, 200);
  const twoProxies = createWebhooks({ trustProxy: 2 });
  const headers = { 'x-forwarded-for': `6.6.6.6, ${DIGICERT_PEER}, 10.0.0.9` };
  assert.equal((await twoProxies.receive({ body: text, remoteAddress: '10.0.0.1', headers })).status, 200);
  assert.equal((await createWebhooks({ trustProxy: 1 }).receive({ body: text, remoteAddress: '10.0.0.1', headers })).status, 403);
});

test('dispatch: typed handlers in order, onAny for unknown events, removeListener, never an ok:false event', async () => {
  const hooks = createWebhooks();
  const calls = [];
  const first = () => calls.push('first');
  hooks.on('certificate_revoked', first);
  hooks.on(['certificate_revoked', 'order_rejected'], (e) => calls.push(`second:${e.event}`));
  hooks.onAny((e) => calls.push(`any:${e.event}`));
  await hooks.receive({ body: '{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2}}' });
  assert.deepEqual(calls, ['first', 'second:certificate_revoked', 'any:certificate_revoked']);
  calls.length = 0;
  hooks.removeListener('certificate_revoked', first);
  await hooks.receive({ body: '{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2}}' });
  assert.deepEqual(calls, ['second:certificate_revoked', 'any:certificate_revoked']);
  calls.length = 0;
  const unknown = await hooks.receive({ body: '{"event":"some_future_event","data":{}}' });
  assert.equal(unknown.status, 200);
  assert.deepEqual(calls, ['any:some_future_event']);
  calls.length = 0;
  const broken = await hooks.receive({ body: '{"event":"certificate_revoked","data":{"order_id":"1","certificate_id":2}}' });
  assert.equal(broken.status, 400);
  assert.deepEqual(calls, [], 'no handler sees an event that does not match its type');
  assert.throws(() => hooks.on('certificate_isued', () => {}), { code: 'invalid-argument' });
  assert.throws(() => createWebhooks({ secret: undefined }), /environment variable/);
  assert.throws(() => createWebhooks({ secrets: 'x' }), { code: 'invalid-argument' });
  const errors = [];
  hooks.onError((error) => errors.push(error.message));
  hooks.on('order_rejected', () => { throw new Error('boom'); });
  const failed = await hooks.receive({ body: '{"event":"order_rejected","data":{"order_id":1,"certificate_id":2}}' });
  assert.equal(failed.status, 500);
  assert.deepEqual(errors, ['boom']);
  assert.doesNotMatch(failed.error.message, /boom/);
});

test('createWebHandler answers a Request with a Response', async () => {
  const handle = createWebHandler(createWebhooks({ secret: SECRET }));
  const ok = await handle(new Request('http://x/', { method: 'POST', headers: { 'x-webhook-key': SECRET, 'content-type': 'application/json' }, body: '{"event":"test_webhook_endpoint"}' }));
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { code: 'ok' });
  const get = await handle(new Request('http://x/'));
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
  // A string body gets text/plain from the Request constructor: that is not JSON.
  const text = await handle(new Request('http://x/', { method: 'POST', headers: { 'x-webhook-key': SECRET }, body: '{}' }));
  assert.equal(text.status, 415);
});

test('fullchainPem: by links not positions, includeRoot, and clear errors', () => {
  const report = parseEvent(chainEvent());
  const bundle = fullchainPem(report);
  const withRoot = fullchainPem(report, { includeRoot: true });
  assert.equal(withRoot, `${bundle}${pem.root.replace(/\r\n/g, '\n').trim()}\n`);
  assert.ok(bundle.endsWith('-----END CERTIFICATE-----\n') && !bundle.endsWith('\n\n'));
  const swapped = parseEvent(issued([['Listener Test Intermediate', pem.inter], ['www.example.com', pem.leaf], ['Listener Test Root', pem.root]]));
  assert.equal(fullchainPem(swapped), bundle);
  const unrelated = parseEvent(issued([['www.example.com', pem.leaf], ['Listener Test Root', pem.root]]));
  assert.throws(() => fullchainPem(unrelated), (e) => e.code === 'chain-unusable' && /links are broken/.test(e.message));
  const corrupt = parseEvent(issued([['www.example.com', pem.leaf], ['Listener Test Intermediate', pem.inter.replace('MI', 'XX')]]));
  assert.throws(() => fullchainPem(corrupt), (e) => e.code === 'chain-unusable' && /did not decode/.test(e.message) && e.diagnostics.length > 0);
  const none = parseEvent('{"event":"certificate_issued","data":{"order_id":1,"certificate_id":2}}');
  assert.throws(() => fullchainPem(none), /no certificate_chain to bundle\. To receive certificate_chain in every TLS certificate_issued event, instantly issued or not, merge into the webhook's body: \{"webhook_settings":\{.*"webhook_send_certificate_chain":"1"/);
  assert.ok(existsSync(`${dir}/root.pem`));
});

test('trustProxy without a known peer never believes an entry the sender wrote', async () => {
  const body = '{"event":"test_webhook_endpoint"}';
  const hooks = createWebhooks({ checkSource: true, trustProxy: 1 });
  // One trusted proxy: its entry is the last; the sender's own entries stand left of it.
  const forged = await hooks.receive({ headers: { 'x-forwarded-for': `${DIGICERT_PEER}, 203.0.113.9` }, body });
  assert.equal(forged.status, 403);
  const real = await hooks.receive({ headers: { 'x-forwarded-for': `203.0.113.9, ${DIGICERT_PEER}` }, body });
  assert.equal(real.status, 200);
  assert.equal((await hooks.receive({ body })).status, 403, 'no header, no peer: unknown');
});

test('a body stream that fails is a 400, never a thrown error', async () => {
  const hooks = createWebhooks();
  const failing = new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode('{"ev')); controller.error(new Error('aborted')); } });
  const result = await hooks.receive({ body: failing });
  assert.equal(result.status, 400);
  assert.equal(result.error.code, 'invalid-event');
});

test('maxBodyBytes is the limit end to end: a body under it is handled, one over it is 413', async () => {
  const hooks = createWebhooks({ maxBodyBytes: 4 << 20 });
  let seen = 0;
  hooks.on('certificate_revoked', () => { seen++; });
  // 2 MiB: over parseEvent's own 1 MiB default, under the listener's limit.
  const padding = ' '.repeat(2 << 20);
  const event = `{"event":"certificate_revoked","data":{"order_id":1,"certificate_id":2}${padding}}`;
  const ok = await hooks.receive({ body: event });
  assert.equal(ok.status, 200, JSON.stringify(ok.error));
  assert.equal(seen, 1);
  const small = createWebhooks({ maxBodyBytes: 1000 });
  assert.equal((await small.receive({ body: event })).status, 413);
});

// A server that never answered would hang the test; the timeout makes that a failure.
test('under Node a 413 waits for the rest of the upload, so the sender reads it instead of a reset', { timeout: 10_000 }, async () => {
  const hooks = createWebhooks({ maxBodyBytes: 1000, checkSource: false });
  const server = http.createServer(createNodeMiddleware(hooks));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { connect } = await import('node:net');
  try {
    const socket = connect(server.address().port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => { received += chunk; });
    const closed = new Promise((resolve) => socket.on('close', resolve));
    const body = `{"event":"test_webhook_endpoint","pad":"${'x'.repeat(5000)}"}`;
    socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    // Past the limit, but not the whole body: the answer waits, and nothing resets.
    socket.write(body.slice(0, 3000));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(received, '', 'no answer before the body has arrived');
    socket.end(body.slice(3000));
    await closed;
    assert.match(received, /^HTTP\/1\.1 413 /);
    assert.match(received, /"code":"payload-too-large"/);
  } finally {
    server.close();
  }
});
