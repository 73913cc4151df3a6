// The packed tarball installed into a fresh project: what `npm install certcentral-webhooks`
// gives a user, used with no init() from ESM and from CommonJS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));

test('the packed package installs and runs from ESM and CommonJS', (t) => {
  const dir = mkdtempSync('/tmp/ccw-pack-');
  try {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir, pkg], { encoding: 'utf8' }))[0];
    t.diagnostic(`tarball ${packed.filename}: ${packed.size} bytes, ${packed.entryCount} files`);
    const files = packed.files.map((f) => f.path).sort();
    assert.ok(files.includes('node/certcentral_webhooks_bg.wasm') && files.includes('web/certcentral_webhooks_bg.wasm'), files.join());
    writeFileSync(`${dir}/package.json`, JSON.stringify({ name: 'consumer', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', `./${packed.filename}`], { cwd: dir });
    const esm = execFileSync('node', ['--input-type=module', '-e',
      'import { validateRequest } from "certcentral-webhooks"; console.log(validateRequest(`{"endpoint":"http://x.example.com"}`).diagnostics[0].code)'],
      { cwd: dir, encoding: 'utf8' });
    assert.equal(esm.trim(), 'invalid-value');
    const cjs = execFileSync('node', ['-e',
      'const { explainDelivery, EVENT_NAMES } = require("certcentral-webhooks"); console.log(explainDelivery({endpoint:"https://x.example.com"}).outcomes.length, EVENT_NAMES.length)'],
      { cwd: dir, encoding: 'utf8' });
    assert.equal(cjs.trim(), '10 12');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
