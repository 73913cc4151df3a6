// Docs that run, in the browser: each HTML block of README.md and pkg/README.md, as written,
// served next to the built package and opened in Debian's Chromium. It must log its result
// and raise no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { codeBlocks } from '../js/blocks.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const blocks = ['README.md', 'pkg/README.md'].flatMap(codeBlocks).filter((b) => b.lang === 'html' && !b.marker);
let dir;
let server;
let browser;
let port;

before(async () => {
  dir = mkdtempSync('/tmp/ccw-docs-html-');
  mkdirSync(`${dir}/node_modules`);
  symlinkSync(`${root}pkg`, `${dir}/node_modules/certcentral-webhooks`);
  port = 8700 + Math.floor(Math.random() * 90);
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    try { up = (await fetch(`http://127.0.0.1:${port}/`)).ok; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  assert.ok(up, 'the static server did not start');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('there is an HTML block to run', () => assert.ok(blocks.length >= 2));

for (const [i, b] of blocks.entries()) {
  test(`${b.file}:${b.line} (html) runs in Chromium`, async () => {
    writeFileSync(`${dir}/snippet-${i}.html`, `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>snippet</title>\n${b.code}`);
    const page = await browser.newPage();
    const logs = [];
    const errors = [];
    page.on('console', (m) => (m.type() === 'error' ? errors : logs).push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/snippet-${i}.html`);
    for (let t = 0; t < 100 && logs.length === 0 && errors.length === 0; t++) await page.waitForTimeout(50);
    await page.close();
    assert.deepEqual(errors, [], `${b.file}:${b.line}`);
    assert.ok(logs.length > 0, `${b.file}:${b.line} logged nothing`);
  });
}
