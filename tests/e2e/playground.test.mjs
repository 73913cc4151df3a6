// The playground in headless Debian Chromium: it loads, validates as you type, shows the
// delivery matrix, sends no request anywhere but the local server, and logs no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const port = 8700 + Math.floor(Math.random() * 200);
const base = `http://127.0.0.1:${port}/`;
const artifacts = new URL('../../artifacts/', import.meta.url).pathname;
let server;
let browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'www'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
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

async function openPage() {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`request to ${r.url()}`); });
  await page.goto(base);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready.');
  return { page, problems };
}

test('typing a mistake shows its diagnostic at the right line', async () => {
  const { page, problems } = await openPage();
  await page.fill('#request', '{\n  "endpoint": "https://listener.example.com/x",\n  "evnts": ["certificate_issued"]\n}');
  const item = page.locator('#diagnostics li', { hasText: 'unknown-field' });
  await item.waitFor();
  assert.equal(await item.getAttribute('data-line'), '3');
  assert.match(await item.textContent(), /did you mean `events`\?/);
  await page.screenshot({ path: `${artifacts}playground-foundation.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the matrix shows which events carry the chain', async () => {
  const { page, problems } = await openPage();
  await page.fill('#request', '{"endpoint":"https://a.example.com","webhook_settings":{"webhook_send_certificate_chain":"1"}}');
  await page.waitForFunction(() => document.querySelector('#matrix tbody tr td')?.textContent === 'event with chain');
  const cells = await page.$$eval('#matrix tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.deepEqual(cells[0], ['Public TLS', 'event with chain', 'no event']);
  assert.deepEqual(cells[2], ['Code signing', 'event without chain', 'no event']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('user text is rendered as text, never as HTML', async () => {
  const { page, problems } = await openPage();
  await page.fill('#request', '{"endpoint":"https://a.example.com","<img src=x onerror=alert(1)>":1}');
  await page.locator('#diagnostics li', { hasText: 'unknown-field' }).waitFor();
  assert.equal(await page.locator('#diagnostics img').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});
