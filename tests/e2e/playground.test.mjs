// The playground in headless Debian Chromium, as a person uses it. Every test fails on a
// console error or a request to anything but the local server; screenshots of each view in
// light and dark, desktop and phone width, go to artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const port = 8700 + Math.floor(Math.random() * 200);
const base = `http://127.0.0.1:${port}/`;
const artifacts = new URL('../../artifacts/', import.meta.url).pathname;
let server;
let browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'www'], { stdio: 'ignore' });
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    try { up = (await fetch(base)).ok; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  assert.ok(up, `the static server did not start on ${base}`);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** A fresh page, with every console problem and outside request recorded. */
async function open(url = base, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) problems.push(`request to ${url}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready.');
  return { page, problems, close: () => context.close() };
}

/** Two animation frames: the page updates in the frame after an edit. */
const settled = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function typeRequest(page, text) {
  await page.fill('#request-editor textarea', text);
  await settled(page);
}

const cells = (page) => page.$$eval('#matrix tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));

test('typing a mistake shows its diagnostic at the right line, marked in the text', async () => {
  const { page, problems, close } = await open();
  await typeRequest(page, '{\n  "endpoint": "https://listener.example.com/x",\n  "evnts": ["certificate_issued"]\n}');
  const item = page.locator('#diagnostics li[data-code="unknown-field"]');
  await item.waitFor();
  assert.equal(await item.getAttribute('data-line'), '3');
  assert.match(await item.textContent(), /3:3 error unknown-field.*did you mean `events`\?/);
  assert.equal(await page.locator('#request-editor mark.mark-error').first().textContent(), '"evnts"');
  // Clicking the diagnostic puts the cursor on the range.
  await item.locator('button.goto').click();
  const selection = await page.$eval('#request-editor textarea', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(selection, '"evnts"');
  assert.deepEqual(problems, []);
  await close();
});

test('applying a hint fixes the mistake', async () => {
  const { page, problems, close } = await open();
  await typeRequest(page, '{\n  "endpoint": "https://listener.example.com/x",\n  "webhook_settings": {"webhook_send_certificate_chain": true}\n}');
  const item = page.locator('#diagnostics li[data-code="flag-spelling"]');
  await item.waitFor();
  await item.locator('button.fix').click();
  await page.waitForFunction(() => !document.querySelector('#diagnostics li[data-code="flag-spelling"]'));
  assert.match(await page.inputValue('#request-editor textarea'), /"webhook_send_certificate_chain": "1"/);
  assert.equal(await page.textContent('#verdict'), 'Valid.');
  assert.deepEqual(problems, []);
  await close();
});

test('toggling a checkbox changes both the JSON and the matrix, and the JSON changes the boxes', async () => {
  const { page, problems, close } = await open();
  await typeRequest(page, '{"endpoint": "https://listener.example.com/x", "events": ["certificate_issued"]}');
  // The flags are omitted: the create default (off) is assumed, and the cells say so.
  assert.deepEqual((await cells(page))[0], ['Public TLS', 'event without chain (assumed)', 'no event (assumed)']);
  await page.check('input[data-flag="webhook_send_certificate_chain"]');
  await page.waitForFunction(() => document.querySelector('#matrix tbody td').textContent === 'event with chain');
  const body = JSON.parse(await page.inputValue('#request-editor textarea'));
  assert.equal(body.webhook_settings.webhook_send_certificate_chain, '1');
  await page.check('input[data-flag="instant_issue_webhook_notification"]');
  await page.waitForFunction(() => document.querySelectorAll('#matrix tbody td')[1].textContent === 'event without chain (assumed)');
  // Editing the JSON updates the boxes.
  await typeRequest(page, '{"endpoint": "https://listener.example.com/x", "events": ["certificate_revoked"]}');
  assert.equal(await page.isChecked('input[data-flag="webhook_send_certificate_chain"]'), false);
  assert.equal(await page.isChecked('#event-boxes input[value="certificate_issued"]'), false);
  assert.equal(await page.isChecked('#event-boxes input[value="certificate_revoked"]'), true);
  assert.deepEqual((await cells(page))[0], ['Public TLS', 'no event', 'no event']);
  // A recommendation is one click away.
  await page.click('#recommendations li[data-goal="chain-in-every-tls-event"] button');
  await page.waitForFunction(() => [...document.querySelectorAll('#matrix tbody tr')].slice(0, 2).every((r) => [...r.cells].slice(1).every((c) => c.textContent === 'event with chain')));
  assert.deepEqual(problems, []);
  await close();
});

test('focusing a matrix cell shows its reason', async () => {
  const { page, problems, close } = await open();
  await page.focus('#matrix tbody td[data-family="code_signing"][data-issuance="not_instant"]');
  assert.match(await page.textContent('#cell-reason'), /code signing certificates never carry the chain/);
  assert.deepEqual(problems, []);
  await close();
});

test('an event with a chain shows linked cards, leaf to root', async () => {
  const { page, problems, close } = await open();
  await page.selectOption('#event-example', 'issued-chain');
  await page.locator('#chain li.card').nth(2).waitFor();
  assert.deepEqual(await page.$$eval('#chain li.card', (cards) => cards.map((c) => c.dataset.role)), ['leaf', 'intermediate', 'root']);
  assert.equal(await page.textContent('#chain li.card.leaf h3'), 'shop.example.com');
  assert.match(await page.textContent('#chain li.card.leaf'), /SHA-256[0-9a-f]{64}/);
  assert.match(await page.textContent('#explanation'), /certificate_chain/);
  assert.deepEqual(problems, []);
  await close();
});

test('a shared URL restores the same state in a new page, without the secret', async () => {
  const { page, problems, close } = await open();
  const body = '{\n  "endpoint": "https://listener.example.com/shared",\n  "secret": "do-not-share-this-secret-value-0123456789"\n}';
  await typeRequest(page, body);
  await page.selectOption('#mode', 'update');
  await page.selectOption('#event-example', 'revoked');
  await page.click('#share');
  await page.waitForFunction(() => !document.getElementById('share-url').hidden);
  const url = await page.inputValue('#share-url');
  assert.ok(url.startsWith(`${base}#s=`));
  const shared = JSON.parse(inflateRawSync(Buffer.from(url.split('#s=')[1], 'base64url')).toString());
  assert.ok(!JSON.stringify(shared).includes('do-not-share'), JSON.stringify(shared));
  const second = await open(url);
  const restored = await second.page.inputValue('#request-editor textarea');
  assert.deepEqual(JSON.parse(restored), { endpoint: 'https://listener.example.com/shared' });
  assert.equal(await second.page.inputValue('#mode'), 'update');
  assert.match(await second.page.inputValue('#event-editor textarea'), /certificate_revoked/);
  // With the box ticked, the secret is included, and the page says so.
  await page.check('#share-secret');
  await page.click('#share');
  await page.waitForFunction(() => document.getElementById('share-note').textContent.includes('includes the secret'));
  const withSecret = await open(await page.inputValue('#share-url'));
  assert.match(await withSecret.page.inputValue('#request-editor textarea'), /do-not-share-this-secret/);
  assert.deepEqual([...problems, ...second.problems, ...withSecret.problems], []);
  await Promise.all([close(), second.close(), withSecret.close()]);
});

test('HTML and script in an event render as inert text', async () => {
  const { page, problems, close } = await open();
  await page.evaluate(() => { window.pwned = false; });
  const payload = '<img src=x onerror="window.pwned=true"><script>window.pwned=true</script>';
  const event = JSON.stringify({
    event: `certificate_issued${payload}`,
    data: { order_id: 1, certificate_id: 2, certificate_chain: [{ subject_common_name: payload, pem: payload }] },
  });
  await page.fill('#event-editor textarea', event);
  await page.fill('#request-editor textarea', `{"endpoint": "https://a.example.com", "${payload}": 1}`);
  await page.locator('#event-diagnostics li').first().waitFor();
  await settled(page);
  assert.equal(await page.evaluate(() => window.pwned), false);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.match(await page.textContent('#event-verdict'), /<img src=x/);
  assert.deepEqual(problems, []);
  await close();
});

test('screenshots of every view: light and dark, desktop and phone', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const [device, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]]) {
      const { page, problems, close } = await open(base, { width, height, colorScheme });
      await page.selectOption('#example', 'booleans');
      await page.selectOption('#event-example', 'issued-chain');
      await page.locator('#chain li.card').nth(2).waitFor();
      await page.screenshot({ path: `${artifacts}playground-request-${colorScheme}-${device}.png` });
      await page.locator('#delivery-panel').screenshot({ path: `${artifacts}playground-delivery-${colorScheme}-${device}.png` });
      await page.locator('#event-panel').screenshot({ path: `${artifacts}playground-event-${colorScheme}-${device}.png` });
      if (device === 'phone') {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
      }
      assert.deepEqual(problems, []);
      await close();
    }
  }
});

test('usable by keyboard: Tab reaches the editor, the boxes and the matrix', async () => {
  const { page, problems, close } = await open();
  const reached = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => {
      const a = document.activeElement;
      return a.closest('#request-editor') ? 'editor' : a.matches('input[data-flag]') ? 'flag' : a.closest('#matrix') ? 'matrix' : a.id || a.tagName;
    }));
  }
  for (const stop of ['editor', 'flag', 'matrix', 'share', 'theme']) assert.ok(reached.has(stop), `${stop} not reached by Tab: ${[...reached]}`);
  assert.deepEqual(problems, []);
  await close();
});
