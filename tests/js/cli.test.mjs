// The CLI as build pipelines use it: every command, format and exit status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = fileURLToPath(new URL('../../pkg/cli.js', import.meta.url));
const requests = fileURLToPath(new URL('../fixtures/requests/', import.meta.url));
const events = fileURLToPath(new URL('../fixtures/events/', import.meta.url));

function run(args, input) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('validate: a valid body exits 0', () => {
  const r = run(['validate', `${requests}digicert-docs-create.json`]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /1 file checked: 0 errors, 0 warnings/);
});

test('validate: errors exit 1 with FILE:LINE:COL severity code message (hint)', () => {
  const file = `${requests}endpoint-http.json`;
  const r = run(['validate', file]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout.split('\n')[0],
    `${file}:2:15 error invalid-value \`endpoint\` must begin with https://, not http:// (use https://listener.example.com/digicert)`);
});

test('validate: warnings alone exit 0, --strict makes flag spellings errors', () => {
  const file = `${requests}flag-spelling-boolean.json`;
  assert.equal(run(['validate', file]).status, 0);
  const strict = run(['validate', '--strict', file]);
  assert.equal(strict.status, 1);
  assert.match(strict.stdout, /error flag-spelling/);
});

test('validate: --mode update accepts an empty secret', () => {
  const file = `${requests}secret-empty.json`;
  assert.equal(run(['validate', file]).status, 1);
  assert.equal(run(['validate', '--mode', 'update', file]).status, 0);
  assert.equal(run(['validate', '--mode=update', file]).status, 0);
});

test('validate: an error beyond the 100-diagnostic cut still exits 1', () => {
  const events = Array.from({ length: 101 }, () => '"certificate_issued"').join(',');
  const r = run(['validate', '-'], `{"events": [${events}], "endpoint": "http://x.example.com"}`);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stdout, /there are more/);
});

test('validate: reads standard input with - or no file', () => {
  const body = readFileSync(`${requests}endpoint-http.json`, 'utf8');
  const r = run(['validate', '-'], body);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^<stdin>:2:15 error invalid-value/);
  assert.equal(run(['validate'], body).status, 1);
});

test('validate --format json: reports per file, secrets redacted', () => {
  const body = JSON.stringify({ endpoint: 'https://a.example.com', secret: 'a-very-secret-value-that-is-long-enough-42' });
  const r = run(['validate', '--format', 'json', '-'], body);
  assert.equal(r.status, 0);
  const [report] = JSON.parse(r.stdout);
  assert.equal(report.file, '<stdin>');
  assert.equal(report.valid, true);
  assert.equal(report.normalized.secret, '[redacted]');
  assert.ok(!r.stdout.includes('a-very-secret-value'));
});

test('validate --format github: annotations, at most 10 per severity, then a summary', () => {
  const events = Array.from({ length: 14 }, (_, i) => `"bogus_${i}"`).join(', ');
  const body = `{"endpoint": "https://a.example.com", "events": [${events}], "webhook_settings": {"webhook_send_certificate_chain": true}}`;
  const r = run(['validate', '--format', 'github', '-'], body);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.filter((l) => l.startsWith('::error file=')).length, 10);
  // flag-spelling only: with `events` invalid, no-effect has no stated premise.
  assert.equal(lines.filter((l) => l.startsWith('::warning file=')).length, 1);
  assert.ok(lines.includes('::notice::4 more errors not shown as annotations; run with --format text to see all'), lines.join('\n'));
  assert.match(lines[0], /^::error file=<stdin>,line=1,col=\d+,endLine=1,endColumn=\d+,title=invalid-value::"bogus_0" is not a CertCentral event name/);
});

test('explain: prints an aligned matrix and exits 0', () => {
  const r = run(['explain', `${requests}digicert-docs-create.json`]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Product family    Not issued instantly  Issued instantly');
  assert.equal(lines[2], 'Public TLS        event with chain      event with chain');
  assert.equal(lines[4], 'Code signing      event without chain   event without chain');
  assert.equal(lines.indexOf('Why:') > 0, true);
  assert.match(r.stdout, /^ {2}S\/MIME, issued instantly: certificate_issued is sent/m);
});

test('explain: a body that cannot be read is "cannot tell" in every cell, as in the playground', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccw-cli-'));
  const file = join(dir, 'broken.json');
  writeFileSync(file, '{"endpoint": "https://a.example.com",}');
  const r = run(['explain', file]);
  rmSync(dir, { recursive: true, force: true });
  const rows = r.stdout.split('\n').filter((line) => /^(Public TLS|Private TLS|Code signing|Document signing|S\/MIME) /.test(line));
  assert.equal(rows.length, 5, r.stdout);
  for (const row of rows) assert.equal(row.match(/cannot tell/g)?.length, 2, row);
  assert.match(r.stdout, /Cannot tell: the body could not be read as a request body/);
  assert.doesNotMatch(r.stdout, /event without chain/);
});

test('explain --format json is the explainDelivery report', () => {
  const r = run(['explain', '--format', 'json', `${requests}minimal-create.json`]);
  assert.equal(JSON.parse(r.stdout).outcomes.length, 10);
});

test('parse: events, NDJSON and settings', () => {
  const ok = run(['parse', `${events}certificate-revoked.json`]);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /certificate_revoked/);
  const nd = run(['parse', '--ndjson', `${events}mixed.ndjson`]);
  assert.equal(nd.status, 1);
  assert.match(nd.stdout, /^\S*mixed\.ndjson:3:\d+ error json-syntax/m);
  // A file named as a log is one event per line without the flag.
  const named = run(['parse', `${events}mixed.ndjson`]);
  assert.equal(named.stdout, nd.stdout);
  assert.equal(named.status, nd.status);
  // The same rule, in any case, for a file named on the command line and one found in a directory.
  const dir = mkdtempSync(join(tmpdir(), 'ccw-cli-logs-'));
  try {
    writeFileSync(join(dir, 'LOG.NDJSON'), readFileSync(`${events}mixed.ndjson`));
    const upper = run(['parse', join(dir, 'LOG.NDJSON')]);
    const found = run(['parse', '--ndjson', dir]);
    assert.equal(found.status, 1, found.stderr);
    assert.equal(found.stdout, upper.stdout);
    assert.match(found.stdout, /LOG\.NDJSON:3:\d+ error json-syntax/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const explained = run(['parse', '--settings', `${requests}digicert-docs-create.json`, `${events}certificate-issued-no-chain.json`]);
  assert.match(explained.stdout, /without certificate_chain/);
});

test('usage and I/O failures exit 2 on stderr, without a stack trace', () => {
  for (const args of [['validate', '--bogus'], ['frobnicate'], [], ['validate', '/nonexistent/file.json'], ['explain', 'a', 'b'], ['validate', '--format', 'xml'], ['validate', '--mode'], ['validate', '--strict=false', '-'], ['parse', '--now', 'soon', '-']]) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^certcentral-webhooks: /);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    // --help is offered for a mistake in the arguments, not for a file that cannot be read.
    const unreadable = args.includes('/nonexistent/file.json');
    assert.equal(/Try --help\.\n$/.test(r.stderr), !unreadable, `${args.join(' ')}: ${r.stderr}`);
  }
});

test('text output stays one line per diagnostic, whatever the input holds', () => {
  const r = run(['validate', '-'], '{"endpoint": "https://a.example.com", "x\\nsrc/fake.json:1:1 error forged": 1}');
  assert.equal(r.status, 1);
  assert.equal(r.stdout.trim().split('\n').length, 2, r.stdout);
  assert.doesNotMatch(r.stdout, /^src\/fake/m);
});

test('--help and --version', () => {
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage:/);
  const version = run(['--version']);
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('parse --settings with errors in the settings shows them and exits 1', () => {
  const settings = `${requests}flag-not-a-spelling.json`;
  const r = run(['parse', '--settings', settings, `${events}certificate-revoked.json`]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, new RegExp(`^${settings.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error invalid-value`, 'm'));
  assert.match(r.stdout, /settings \(errors: the explanations below rest on assumptions\)/);
  const notJson = run(['parse', '--settings', '-', `${events}certificate-revoked.json`], '{"endpoint": ');
  assert.equal(notJson.status, 1);
  assert.match(notJson.stdout, /error json-syntax/);
  const json = JSON.parse(run(['parse', '--format', 'json', '--settings', settings, `${events}certificate-revoked.json`]).stdout);
  assert.equal(json.settings.valid, false);
  assert.equal(json.events.length, 1);
});

test('validate good.json missing.json checks good.json, names missing.json, and exits 2', () => {
  const good = `${requests}digicert-docs-create.json`;
  const bad = `${requests}endpoint-http.json`;
  const r = run(['validate', good, '/nonexistent/missing.json', bad]);
  assert.equal(r.status, 2, 'the worst status: an unreadable file');
  assert.match(r.stdout, /endpoint-http\.json:2:15 error invalid-value/);
  assert.match(r.stdout, /2 files checked: 1 error, 0 warnings/);
  assert.equal(r.stderr, 'certcentral-webhooks: cannot read /nonexistent/missing.json: no such file or directory\n');
});

test('I/O reasons are said in words, not errno codes', () => {
  const r = run(['explain', '/nonexistent/x.json']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no such file or directory/);
  assert.doesNotMatch(r.stderr, /ENOENT|EISDIR/);
});

test('a directory argument checks its *.json files, and with -r its subdirectories too', () => {
  const flat = run(['validate', requests]);
  assert.equal(flat.status, 1);
  assert.match(flat.stdout, /27 files checked/);
  const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
  const none = run(['validate', fixtures]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /has no \.json files \(use -r for its subdirectories\)/);
  const deep = run(['validate', '-r', fixtures]);
  assert.match(deep.stdout, /29 files checked/); // 27 requests + 2 events
});

test('NDJSON text output: each record header carries its line number; the summary counts events', () => {
  const r = run(['parse', '--ndjson', `${events}mixed.ndjson`]);
  assert.equal(r.status, 1);
  const headers = r.stdout.split('\n').filter((l) => l.startsWith('# '));
  assert.deepEqual(headers.map((h) => h.replace(/^# .*mixed\.ndjson:/, '')), ['1: test_webhook_endpoint', '2: challenge_webhook_endpoint', '3: (not an event) (errors)', '4: order_approval_email_sent']);
  assert.match(r.stdout, /4 events checked: 1 error, 0 warnings/);
});

test('--max-input-bytes N sets the input limit', () => {
  const r = run(['validate', '--max-input-bytes', '20', `${requests}minimal-create.json`]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /error input-too-large .*over the limit of 20 bytes/);
  assert.equal(run(['validate', '--max-input-bytes', 'lots', '-'], '{}').status, 2);
});

test('a hint never suggests a value that is itself invalid (http://localhost)', () => {
  const r = run(['validate', '-'], '{"endpoint": "http://localhost:8080/hook"}');
  assert.equal(r.status, 1);
  assert.doesNotMatch(r.stdout, /use https:\/\/localhost/);
  assert.match(r.stdout, /would still be refused/);
});
