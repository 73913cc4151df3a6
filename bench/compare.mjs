// Two builds of this package, measured against each other in one process: the way to tell
// whether a change made the engine faster on this noisy 2-core machine, where a peer's figure
// (and ours) moves by a third between runs. Each round times A then B (or B then A, every other
// round) on the same inputs, and the speed-up is the median of the rounds' ratios, with the
// interquartile range: a change is real when that range stays on one side of 1.
//
//   cp -r pkg/web /tmp/before            # the build to compare against
//   ... change, then: bash scripts/build.sh
//   node bench/compare.mjs /tmp/before pkg/web [--rounds 41] [--only parseEvent]
//
// A build directory is a web build: certcentral_webhooks.js, its .wasm and binding.js.
import { readFileSync, readdirSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { EVENT_EXAMPLES } from '../www/examples.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const rounds = Number(option('rounds', 41));
const only = option('only', '');
if (args.length !== 2) {
  console.error('usage: node bench/compare.mjs BUILD_A BUILD_B [--rounds N] [--only CASE]');
  process.exit(2);
}

// Each build from a copy of its own, so that the two glue modules are distinct instances.
const copies = [];
async function load(dir) {
  const copy = mkdtempSync(`${tmpdir()}/ccw-compare-`);
  copies.push(copy);
  cpSync(dir, copy, { recursive: true });
  const glue = await import(`${copy}/certcentral_webhooks.js`);
  glue.initSync({ module: readFileSync(`${copy}/certcentral_webhooks_bg.wasm`) });
  return glue;
}
const [a, b] = [await load(args[0]), await load(args[1])];

const requests = `${root}tests/fixtures/requests/`;
const docsBody = readFileSync(`${requests}digicert-docs-create.json`, 'utf8');
const bodies = readdirSync(requests).filter((f) => f !== 'list-response.json').map((f) => readFileSync(requests + f, 'utf8'));
const smallBody = readFileSync(`${requests}minimal-create.json`, 'utf8');
const chainEvent = EVENT_EXAMPLES.find((e) => e.id === 'issued-chain').text;
const revoked = '{"event":"certificate_revoked","data":{"order_id":472316021,"certificate_id":472316022}}';
const log = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? JSON.stringify(JSON.parse(chainEvent)) : revoked)).join('\n');
const now = 1893456000000;

// [what, one operation, operations per timed batch]
const cases = [
  ['validateRequest, docs body', (m) => m.validateRequest(docsBody), 1000],
  [`validateRequest, ${bodies.length} fixture bodies`, (m) => { for (const t of bodies) m.validateRequest(t); }, 25],
  ['validateRequest, a small body, { mode: "update" }', (m) => m.validateRequest(smallBody, { mode: 'update' }), 1000],
  ['parseEvent, 3-certificate chain', (m) => { for (const c of m.parseEvent(chainEvent, { now }).chain) void c.subject; }, 150],
  ['parseEvent, that chain, reading event', (m) => { const r = m.parseEvent(chainEvent, { now }); for (const c of r.chain) void c.subject; void r.event.data; }, 150],
  ['parseEvents, 200 lines, 50 chains', (m) => m.parseEvents(log, { now }), 3],
  ['parseEvents, those lines, reading events', (m) => { for (const r of m.parseEvents(log, { now })) void r.event; }, 3],
];

const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const quantile = (xs, q) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * q)];
const time = (m, run, batch) => {
  const start = performance.now();
  for (let i = 0; i < batch; i++) run(m);
  return ((performance.now() - start) * 1000) / batch;
};

console.log(`A = ${args[0]}\nB = ${args[1]}\n${rounds} alternated rounds per case; speed-up = A's time / B's time\n`);
for (const [name, run, batch] of cases) {
  if (only && !name.startsWith(only)) continue;
  for (let i = 0; i < batch * 4; i++) { run(a); run(b); } // warm both up alike
  const ta = [];
  const tb = [];
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2) { ta.push(time(a, run, batch)); tb.push(time(b, run, batch)); } else { tb.push(time(b, run, batch)); ta.push(time(a, run, batch)); }
    ratios.push(ta[r] / tb[r]);
  }
  const range = `${quantile(ratios, 0.25).toFixed(2)}-${quantile(ratios, 0.75).toFixed(2)}`;
  console.log(`${name.padEnd(38)} A ${median(ta).toFixed(1).padStart(9)} µs   B ${median(tb).toFixed(1).padStart(9)} µs   B speed-up ${median(ratios).toFixed(2)}x (IQR ${range})`);
}
for (const copy of copies) rmSync(copy, { recursive: true, force: true });
