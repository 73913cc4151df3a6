// Docs that run (issue #16): every code block of README.md and pkg/README.md, as written.
// JavaScript runs under Node against the built package, TypeScript is checked by tsc --strict,
// shell blocks run the CLI in a scratch folder. Rust blocks are doc tests (src/lib.rs) and the
// HTML block runs in Chromium (tests/e2e/docs.test.mjs). A block that cannot run here is
// preceded by `<!-- not run: why -->` or `<!-- run by FILE ... -->`, and that FILE must exist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, symlinkSync, rmSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeBlocks } from './blocks.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const blocks = ['README.md', 'pkg/README.md'].flatMap(codeBlocks);
let dir;

before(() => {
  dir = mkdtempSync('/tmp/ccw-docs-');
  mkdirSync(`${dir}/node_modules/.bin`, { recursive: true });
  symlinkSync(`${root}pkg`, `${dir}/node_modules/certcentral-webhooks`);
  symlinkSync(`${root}pkg/cli.js`, `${dir}/node_modules/.bin/certcentral-webhooks`);
  writeFileSync(`${dir}/package.json`, JSON.stringify({ name: 'docs', private: true, type: 'module' }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('every code block is labelled with its language', () => {
  for (const b of blocks) assert.ok(b.lang, `${b.file}:${b.line} has no language`);
});

test('a block that is not run here says why, and one run elsewhere names an existing test', () => {
  for (const b of blocks.filter((x) => x.marker)) {
    if (b.marker.startsWith('run by ')) {
      const path = b.marker.slice('run by '.length).split(' ')[0];
      assert.ok(existsSync(`${root}${path}`), `${b.file}:${b.line}: ${path} does not exist`);
      assert.match(readFileSync(`${root}${path}`, 'utf8'), new RegExp(b.file.replace('.', '\\.')), `${path} does not read ${b.file}`);
    } else {
      assert.match(b.marker, /^not run: \S.{10,}/, `${b.file}:${b.line}: say why`);
    }
  }
});

for (const [i, b] of blocks.entries()) {
  if (b.marker) continue;
  if (b.lang === 'js') {
    test(`${b.file}:${b.line} (js) runs under Node`, () => {
      const file = `${dir}/snippet-${i}.mjs`;
      writeFileSync(file, b.code);
      const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', env: { ...process.env, WEBHOOK_SECRET: 'k'.repeat(32) }, timeout: 30000 });
      assert.equal(r.status, 0, `${b.file}:${b.line}\n${r.stderr}`);
      assert.ok(r.stdout.trim().length > 0, `${b.file}:${b.line} printed nothing`);
    });
  } else if (b.lang === 'ts') {
    test(`${b.file}:${b.line} (ts) compiles with tsc --strict`, () => {
      const file = `${dir}/snippet-${i}.mts`;
      writeFileSync(file, b.code);
      execFileSync(`${root}node_modules/.bin/tsc`, ['--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', file], { cwd: dir, encoding: 'utf8' });
    });
  } else if (b.lang === 'sh') {
    test(`${b.file}:${b.line} (sh) runs in a scratch folder`, () => {
      const work = `${dir}/sh-${i}`;
      mkdirSync(work);
      symlinkSync(`${dir}/node_modules`, `${work}/node_modules`);
      const r = spawnSync('bash', ['-euo', 'pipefail', '-c', b.code], { cwd: work, encoding: 'utf8', timeout: 60000 });
      assert.equal(r.status, 0, `${b.file}:${b.line}\n${r.stdout}\n${r.stderr}`);
    });
  }
}
