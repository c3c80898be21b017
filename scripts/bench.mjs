#!/usr/bin/env node
// Figures for the bundled action; prints tables, asserts nothing. Run with `npm run bench`.
// (a) cold start: `node -e ""`, a hello-world action bundled with ncc (the floor), dist/index.js;
// (b) whole-process runs of dist/index.js against the loopback fake Graph with 1k / 10k / 100k alerts:
//     the first run (first-run: silent) and the steady state with nothing new;
// (c) in-process: delta + next snapshot + JSON + gzip for the same sizes (steady state: from the stored snapshot).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

import { runAction } from './action-runner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = p => import(path.join(root, 'build', p));
const { startFakeEntra } = await build('__tests__/fakes/entra.js');
const { startFakeGraph } = await build('__tests__/fakes/graph.js');
const { CA_FILE } = await build('__tests__/fakes/https.js');
const { makeAlert, TENANT, CLIENT, SECRET } = await build('__tests__/fakes/alerts.js');
const { computeDelta, nextSnapshot } = await build('src/delta.js');
const { planCards, bodyBytes } = await build('src/teams/cards.js');
const { parseSnapshot } = await build('src/snapshot/format.js');

const dist = path.join(root, 'dist', 'index.js');
const temp = mkdtempSync(path.join(os.tmpdir(), 'm365-bench-'));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const GRAPH_PAGE = 500;

async function run(args, inputs = {}, cwd = temp) {
  // args: [script] or ['-e', code]; /usr/bin/time reports the peak RSS on stderr's last line.
  const command = timeBin ? [timeBin, '-f', '%M'] : [];
  const started = process.hrtime.bigint();
  const result = await runAction({ entry: args[0], inputs, cwd, files: temp, command, env: { NODE_EXTRA_CA_CERTS: CA_FILE } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.code !== 0) throw new Error(`run failed (${result.code}): ${result.stdout.slice(-800)} ${result.stderr.slice(-800)}`);
  const rssMb = timeBin ? Number(result.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rssMb, stdout: result.stdout };
}

async function median(times, fn) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await fn());
  return results.sort((a, b) => a.ms - b.ms)[Math.floor(times / 2)];
}

const fmt = (n, digits = 0) =>
  Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// (a) cold start
const helloDir = path.join(temp, 'hello');
execFileSync(process.execPath, [
  path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
  'build',
  path.join(root, 'scripts/bench-hello.mjs'),
  '-o',
  helloDir,
  '-q'
]);
const emptyScript = path.join(temp, 'empty.mjs');
writeFileSync(emptyScript, '');
const fileAlerts = path.join(temp, 'alerts.json');
writeFileSync(fileAlerts, JSON.stringify(Array.from({ length: 10 }, (_, i) => makeAlert(i))));
const cold = [
  ['node (empty script)', await median(7, () => run([emptyScript]))],
  [
    'hello-world action (@actions/core, ncc) = floor',
    await median(7, () =>
      run([
        path.join(
          helloDir,
          readdirSync(helloDir).find(f => /^index\.m?js$/.test(f))
        )
      ])
    )
  ],
  [
    'dist/index.js, source: file, 10 alerts, dry run',
    await median(7, () => run([dist], { source: 'file', 'alerts-file': fileAlerts, 'dry-run': 'true' }))
  ]
];

// (b) whole process against the fake Graph
const entra = await startFakeEntra({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET });
const graph = await startFakeGraph(token => entra.tokens.has(token));
graph.defaultPageSize = GRAPH_PAGE;
const graphRows = [];
const sizeRows = [];
for (const count of [1000, 10000, 100000]) {
  // Spread over six days (a busy tenant's week), so the steady state re-reads only the overlap window.
  const now = Date.now();
  const span = 6 * 86_400_000;
  graph.alerts = Array.from({ length: count }, (_, i) => {
    const at = new Date(now - span + Math.floor((i * span) / count) - 60_000).toISOString();
    return makeAlert(i, { severity: ['informational', 'low', 'medium', 'high'][i % 4], createdDateTime: at, lastUpdateDateTime: at }, now);
  });
  const snapshotPath = path.join(temp, `snapshot-${count}.json`);
  // The webhook is never called: the first run is silent and the steady state has nothing new.
  const inputs = {
    'tenant-id': TENANT,
    'client-id': CLIENT,
    'client-secret': SECRET,
    'graph-endpoint': graph.url,
    'authority-host': entra.url,
    'teams-webhook-url': 'https://127.0.0.1:9/workflows/never/triggers/manual/paths/invoke?sig=x',
    'snapshot-store': 'file',
    'snapshot-path': snapshotPath,
    'first-run': 'silent',
    lookback: '7d'
  };
  graph.requests = [];
  graph.bytesSent = 0;
  const first = await run([dist], inputs);
  graphRows.push([
    `${fmt(count)} alerts, first run (${fmt(graph.bytesSent / count)} Graph bytes/alert, gzip)`,
    first,
    graph.requests.length
  ]);
  graph.requests = [];
  const steady = await median(3, () => run([dist], inputs));
  graphRows.push([`${fmt(count)} alerts known, steady state (nothing new)`, steady, graph.requests.length / 3]);
  const json = readFileSync(snapshotPath);
  sizeRows.push([count, json.length, gzipSync(json).length]);
}
// The real scheduled path at its lightest: secret sign-in, one Graph page, a snapshot, nothing to post.
graph.alerts = Array.from({ length: 20 }, (_, i) => makeAlert(i));
const scheduledInputs = {
  'tenant-id': TENANT,
  'client-id': CLIENT,
  'client-secret': SECRET,
  'graph-endpoint': graph.url,
  'authority-host': entra.url,
  'teams-webhook-url': 'https://127.0.0.1:9/workflows/never/triggers/manual/paths/invoke?sig=x',
  'snapshot-store': 'file',
  'snapshot-path': path.join(temp, 'snapshot-scheduled.json'),
  'first-run': 'silent'
};
await run([dist], scheduledInputs);
cold.push([
  'dist/index.js, scheduled path: sign-in + Graph + snapshot, nothing to post',
  await median(7, () => run([dist], scheduledInputs))
]);
await graph.close();
await entra.close();

// Posts for a burst of 1,000 new alerts with the defaults (max-cards 10, the rest in digests).
const burst = planCards(
  Array.from({ length: 1000 }, (_, i) => ({ kind: 'new', alert: makeAlert(i) })),
  10
);
const digestSizes = burst.slice(10).map(plan => plan.notices.length);

// (c) in process: the pure core, no I/O
const settings = {
  minSeverity: 'low',
  statuses: ['new', 'inProgress'],
  serviceSources: [],
  notifyOn: ['new'],
  firstRun: 'notify',
  lookbackMs: 86_400_000
};
const coreRows = [];
for (const count of [1000, 10000, 100000]) {
  const now = Date.now();
  // Through JSON, as alerts arrive from Graph and the snapshot from the store.
  const alerts = JSON.parse(JSON.stringify(Array.from({ length: count }, (_, i) => makeAlert(i, {}, now))));
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  const firstDelta = computeDelta(undefined, alerts, settings, now);
  const snapshot = nextSnapshot(firstDelta, new Set(firstDelta.notices), TENANT, now);
  const stored = gzipSync(JSON.stringify(snapshot));
  const firstBytes = stored.length;
  const firstMs = performance.now() - t;
  const fresh = JSON.parse(JSON.stringify(Array.from({ length: 10 }, (_, i) => makeAlert(count + i, {}, now))));
  t = performance.now();
  const steadyDelta = computeDelta(parseSnapshot(gunzipSync(stored).toString(), { scope: TENANT, now }), fresh, settings, now);
  gzipSync(JSON.stringify(nextSnapshot(steadyDelta, new Set(steadyDelta.notices), TENANT, now)));
  const steadyMs = performance.now() - t;
  coreRows.push([count, firstMs, steadyMs, (process.memoryUsage().rss - rssBefore) / 1e6, firstBytes]);
}

console.log(
  `Node ${process.version}, ${os.cpus().length} cores; fake Graph page size ${GRAPH_PAGE}; medians of 7 (cold start) and 3 (steady state).\n`
);
console.log('| cold start | wall ms | peak RSS MB | × floor |');
console.log('|---|---:|---:|---:|');
for (const [name, r] of cold) console.log(`| ${name} | ${fmt(r.ms)} | ${fmt(r.rssMb)} | ${(r.ms / cold[1][1].ms).toFixed(2)} |`);
console.log('\n| run against the fake Graph | wall ms | peak RSS MB | Graph requests |');
console.log('|---|---:|---:|---:|');
for (const [name, r, requests] of graphRows) console.log(`| ${name} | ${fmt(r.ms)} | ${fmt(r.rssMb)} | ${fmt(requests)} |`);
console.log(
  '\n| alerts | first run: delta + snapshot + JSON + gzip, ms | steady state (10 new): gunzip + parse + delta + snapshot + gzip, ms | RSS growth MB | snapshot gzip bytes | bytes/alert |'
);
console.log('|---:|---:|---:|---:|---:|---:|');
for (const [count, firstMs, steadyMs, rss, bytes] of coreRows)
  console.log(`| ${fmt(count)} | ${fmt(firstMs)} | ${fmt(steadyMs)} | ${fmt(rss)} | ${fmt(bytes)} | ${(bytes / count).toFixed(1)} |`);
console.log('\n| snapshot file (JSON) | bytes | gzip bytes | gzip bytes/alert |');
console.log('|---:|---:|---:|---:|');
for (const [count, bytes, gz] of sizeRows) console.log(`| ${fmt(count)} | ${fmt(bytes)} | ${fmt(gz)} | ${(gz / count).toFixed(1)} |`);
console.log(
  `\n1,000 new alerts with the defaults: ${burst.length} posts (10 cards, then digests of ${Math.min(...digestSizes.slice(0, -1))}–${Math.max(...digestSizes)} alerts, largest request body ${fmt(Math.max(...burst.slice(10).map(plan => bodyBytes(plan.card))))} bytes)`
);
const distBytes = ['index.js', ...readdirSync(path.join(root, 'dist')).filter(f => /^\d+\.index\.js$/.test(f))].map(f => [
  f,
  statSync(path.join(root, 'dist', f)).size
]);
console.log(`\nbundle: ${distBytes.map(([f, b]) => `${f} ${(b / 1e6).toFixed(2)} MB`).join(', ')} (index.js is what every run loads)`);
