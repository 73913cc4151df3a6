// The packed tarball as users get it from npm: installed into a fresh project, then used from
// Node (ESM, CommonJS, the CLI) and from a Vite production build loaded in Debian Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = `${root}artifacts/`;
let dir;
let packed;

const EXPECTED_FILES = [
  'cli.js', 'generated.cjs', 'generated.js', 'index.d.cts', 'index.d.ts', 'listener.cjs', 'listener.js', 'loaded.js', 'node.cjs', 'node.mjs',
  'node/binding.js', 'node/certcentral_webhooks.js', 'node/package.json',
  'README.md', 'package.json', 'schema/event.json', 'schema/request.json',
  'validate.d.cts', 'validate.d.ts', 'validate.js', 'validate.node.cjs', 'validate.node.mjs',
  'validate/node/binding.js', 'validate/node/certcentral_webhooks.js', 'validate/node/package.json',
  'validate/web/binding.js', 'validate/web/certcentral_webhooks.js', 'validate/web/certcentral_webhooks_bg.wasm',
  'web.d.ts', 'web.js', 'web/binding.js', 'web/certcentral_webhooks.js', 'web/certcentral_webhooks_bg.wasm',
];

before(() => {
  dir = mkdtempSync('/tmp/ccw-consumer-');
  packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir, `${root}pkg`], { encoding: 'utf8' }))[0];
  writeFileSync(`${dir}/package.json`, JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', `./${packed.filename}`], { cwd: dir });
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the tarball holds exactly what users need, with no dependencies or install scripts', (t) => {
  const files = packed.files.map((f) => f.path).sort();
  t.diagnostic(`tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
  for (const f of packed.files) t.diagnostic(`  ${String(f.size).padStart(8)}  ${f.path}`);
  assert.deepEqual(files, [...EXPECTED_FILES].sort());
  const manifest = JSON.parse(readFileSync(`${dir}/node_modules/certcentral-webhooks/package.json`, 'utf8'));
  assert.equal(manifest.dependencies, undefined);
  assert.equal(manifest.scripts, undefined);
  // Only the Node entries (and the Node glue) instantiate the wasm as they load; everything a
  // browser bundle takes stays free of side effects, so bundlers can drop what it does not use.
  assert.deepEqual(manifest.sideEffects, ['./node.mjs', './node.cjs', './validate.node.mjs', './validate.node.cjs', './node/certcentral_webhooks.js', './validate/node/certcentral_webhooks.js']);
});

test('ESM import and CommonJS require work with no init()', () => {
  const esm = execFileSync('node', ['-e', `import("certcentral-webhooks").then(m => console.log(m.validateRequest('{"endpoint":"http://x.example.com"}').diagnostics[0].code))`], { cwd: dir, encoding: 'utf8' });
  assert.equal(esm.trim(), 'invalid-value');
  const cjs = execFileSync('node', ['-e', 'const m = require("certcentral-webhooks"); console.log(m.explainDelivery({endpoint:"https://x.example.com"}).outcomes.length, m.EVENT_NAMES.length, Object.keys(m.requestSchema()).length > 0)'], { cwd: dir, encoding: 'utf8' });
  assert.equal(cjs.trim(), '10 12 true');
});

test('TypeScript resolves the installed package from ESM and from CommonJS', () => {
  mkdirSync(`${dir}/types`, { recursive: true });
  const use = [
    'const report = validateRequest("{}", { mode: "update" });',
    'const valid: boolean = report.valid;',
    'const parsed = parseEvent("{}");',
    'if (parsed.ok && parsed.event?.event === "certificate_issued") { const id: number = parsed.event.data.order_id; void id; }',
    'void valid; void init;',
  ].join('\n');
  writeFileSync(`${dir}/types/esm.mts`, `import init, { validateRequest, parseEvent } from "certcentral-webhooks";\n${use}\nawait init();\n`);
  writeFileSync(`${dir}/types/cjs.cts`, `import init, { validateRequest, parseEvent } from "certcentral-webhooks";\n${use}\n`);
  writeFileSync(`${dir}/types/tsconfig.json`, JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [] },
    files: ['esm.mts', 'cjs.cts'],
  }));
  execFileSync(`${root}node_modules/.bin/tsc`, ['-p', `${dir}/types/tsconfig.json`], { encoding: 'utf8' });
});

test('the installed CLI runs with every exit status and format', () => {
  const bin = `${dir}/node_modules/.bin/certcentral-webhooks`;
  const fixtures = `${root}tests/fixtures/`;
  const run = (args) => spawnSync(bin, args, { encoding: 'utf8' });
  assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+$/m);
  assert.equal(run(['validate', `${fixtures}requests/digicert-docs-create.json`]).status, 0);
  const text = run(['validate', `${fixtures}requests/endpoint-http.json`]);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /endpoint-http\.json:2:15 error invalid-value/);
  assert.match(run(['validate', '--format', 'github', `${fixtures}requests/endpoint-http.json`]).stdout, /^::error file=.*endpoint-http\.json,line=2,col=15,/);
  assert.equal(JSON.parse(run(['validate', '--format', 'json', `${fixtures}requests/endpoint-http.json`]).stdout)[0].valid, false);
  assert.match(run(['explain', `${fixtures}requests/minimal-create.json`]).stdout, /^Product family/);
  assert.equal(JSON.parse(run(['parse', '--format', 'json', '--ndjson', `${fixtures}events/mixed.ndjson`]).stdout).length, 4);
  const usage = run(['validate', '--nope']);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /unknown option '--nope'/);
});

test('a Vite production build of a page that imports the package works in Chromium', async () => {
  mkdirSync(`${dir}/app`);
  writeFileSync(`${dir}/app/index.html`, '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>consumer</title></head><body><pre id="out">loading</pre><script type="module" src="./main.js"></script></body></html>');
  writeFileSync(`${dir}/app/main.js`, [
    "import init, { validateRequest, EVENT_NAMES, createWebhooks, createWebHandler } from 'certcentral-webhooks';",
    'await init();',
    "const report = validateRequest('{\"endpoint\": \"https://listener.example.com\", \"events\": [\"certificate_isued\"]}');",
    // The listener kit as a Service-Worker-style fetch handler, in the browser.
    "const hooks = createWebhooks({ secret: 'k'.repeat(32) });",
    "let seen = '';",
    "hooks.on('certificate_revoked', (event) => { seen = String(event.data.order_id); });",
    'const handle = createWebHandler(hooks);',
    "const send = (key) => handle(new Request('https://listener.example/', { method: 'POST', headers: { 'x-webhook-key': key, 'content-type': 'application/json' }, body: '{\"event\":\"certificate_revoked\",\"data\":{\"order_id\":7,\"certificate_id\":8}}' }));",
    "const [good, bad] = await Promise.all([send('k'.repeat(32)), send('nope')]);",
    "document.getElementById('out').textContent = `${report.diagnostics[0].code} ${report.diagnostics[0].hint} ${EVENT_NAMES.length} ${good.status} ${bad.status} ${(await bad.json()).code} ${seen}`;",
  ].join('\n'));
  execFileSync(`${root}node_modules/.bin/vite`, ['build', '--logLevel', 'warn', '--outDir', `${dir}/dist`, '--emptyOutDir'], { cwd: `${dir}/app`, encoding: 'utf8' });
  const port = 8900 + Math.floor(Math.random() * 90);
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', `${dir}/dist`], { stdio: 'ignore' });
  let browser;
  try {
    let up = false;
    for (let i = 0; i < 100 && !up; i++) {
      try { up = (await fetch(`http://127.0.0.1:${port}/`)).ok; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    assert.ok(up, `the static server did not start on port ${port}`);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading');
    assert.equal(await page.textContent('#out'), 'invalid-value did you mean "certificate_issued"? 12 200 401 wrong-key 7');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}vite-consumer.png` });
    assert.deepEqual(errors, []);
  } finally {
    await browser?.close();
    server.kill();
  }
});
