#!/usr/bin/env node
// Whole-process figures for the bundled action (no timing assertions anywhere: this only prints).
// (a) cold start: `node -e ""` and a hello-world action as the floor, dist/index.js on a small file;
// (b) first and steady-state runs over 1k / 10k / 100k alerts (source: file, file snapshot, no webhook).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist', 'index.js');
const temp = mkdtempSync(path.join(os.tmpdir(), 'm365-bench-'));
const hasTime = existsSync('/usr/bin/time');

function run(args, inputs = {}) {
  const env = { ...process.env, GITHUB_OUTPUT: path.join(temp, 'out'), RUNNER_TEMP: temp };
  writeFileSync(env.GITHUB_OUTPUT, '');
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const command = hasTime ? ['/usr/bin/time', ['-f', '%M', process.execPath, ...args]] : [process.execPath, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], command[1], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = hasTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  if (result.status !== 0) throw new Error(`run failed: ${result.stdout.slice(-500)} ${result.stderr.slice(-500)}`);
  return { ms, rssMb: rssKb / 1024 };
}

function median(fn, n = 5) {
  const runs = Array.from({ length: n }, fn).sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(n / 2)];
}

const hello = path.join(temp, 'hello.mjs');
writeFileSync(hello, `import { appendFileSync } from 'node:fs'; appendFileSync(process.env.GITHUB_OUTPUT, 'hello=world\\n');`);
const rows = [];
rows.push(['node -e ""', median(() => run(['-e', '']))]);
rows.push(['hello-world action', median(() => run([hello]))]);

function alertsFile(count) {
  const now = Date.now();
  const alerts = Array.from({ length: count }, (_, i) => ({
    id: `da6375512276${String(i).padStart(8, '0')}_-${(i * 7919) % 1000000000}`,
    title: `Suspicious activity ${i}`, severity: ['informational', 'low', 'medium', 'high'][i % 4], status: i % 5 === 0 ? 'resolved' : 'new',
    serviceSource: 'microsoftDefenderForEndpoint', createdDateTime: new Date(now - i * 1000).toISOString(), lastUpdateDateTime: new Date(now - i * 1000).toISOString(),
    alertWebUrl: `https://security.microsoft.com/alerts/${i}`
  }));
  const file = path.join(temp, `alerts-${count}.json`);
  writeFileSync(file, JSON.stringify({ value: alerts }));
  return file;
}

const small = alertsFile(10);
rows.push(['dist/index.js, 10 alerts, dry run', median(() => run([dist], { source: 'file', 'alerts-file': small, 'dry-run': 'true', 'snapshot-store': 'file', 'snapshot-path': path.join(temp, 'none.json') }))]);
const sizes = [];
for (const count of [1000, 10000, 100000]) {
  const file = alertsFile(count);
  const snapshot = path.join(temp, `snapshot-${count}.json`);
  const inputs = { source: 'file', 'alerts-file': file, 'snapshot-store': 'file', 'snapshot-path': snapshot, 'first-run': 'silent' };
  rows.push([`${count} alerts, first run (silent)`, run([dist], inputs)]);
  rows.push([`${count} alerts, steady state`, median(() => run([dist], inputs), 3)]);
  const bytes = statSync(snapshot).size;
  const gz = gzipSync(readFileSync(snapshot)).length;
  sizes.push([count, bytes, gz]);
}

console.log('| scenario | wall ms (median) | peak RSS MB |');
console.log('|---|---:|---:|');
for (const [name, r] of rows) console.log(`| ${name} | ${r.ms.toFixed(0)} | ${Number.isNaN(r.rssMb) ? 'n/a' : r.rssMb.toFixed(0)} |`);
console.log('\n| alerts | snapshot bytes | gzip bytes | gzip bytes/alert |');
console.log('|---:|---:|---:|---:|');
for (const [count, bytes, gz] of sizes) console.log(`| ${count} | ${bytes} | ${gz} | ${(gz / count).toFixed(1)} |`);
console.log(`\nbundle: dist/index.js ${(statSync(dist).size / 1e6).toFixed(2)} MB; node ${process.version}`);
