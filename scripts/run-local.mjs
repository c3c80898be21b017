#!/usr/bin/env node
// Runs the bundled action on your machine the way the runner does (inputs as INPUT_* variables),
// on examples/alerts.json with a file snapshot and no webhook: cards are printed instead of posted.
// Run it twice: the second run finds nothing new. Extra inputs: `npm run local -- min-severity=high`.
// Set VERBOSE=1 to see the full card JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inputs = {
  source: 'file',
  'alerts-file': path.join(root, 'examples', 'alerts.json'),
  'snapshot-store': 'file',
  'snapshot-path': path.join(root, '.m365-alerts', 'local-snapshot.json')
};
for (const arg of process.argv.slice(2)) {
  const at = arg.indexOf('=');
  if (at > 0) inputs[arg.slice(0, at)] = arg.slice(at + 1);
}
const temp = mkdtempSync(path.join(os.tmpdir(), 'm365-local-'));
const env = { ...process.env, GITHUB_OUTPUT: path.join(temp, 'output'), RUNNER_TEMP: temp };
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
writeFileSync(env.GITHUB_OUTPUT, '');
const run = spawnSync(process.execPath, [path.join(root, 'dist', 'index.js')], { cwd: root, env, encoding: 'utf8' });
let inGroup = false;
for (const line of run.stdout.split('\n')) {
  if (line.startsWith('::group::')) {
    console.log(`• ${line.slice('::group::'.length)}`);
    inGroup = true;
  } else if (line.startsWith('::endgroup::')) {
    inGroup = false;
  } else if (!inGroup || process.env.VERBOSE) {
    if (line && !line.startsWith('::add-mask::')) console.log(line);
  }
}
process.stderr.write(run.stderr);
console.log(`\nOutputs (as later steps would see them) are in ${env.GITHUB_OUTPUT}; snapshot: ${inputs['snapshot-path']}`);
console.log(
  `Exit code ${run.status}. Run again to see that nothing is new; delete ${path.relative(root, inputs['snapshot-path'])} to start over.`
);
process.exit(run.status ?? 1);
