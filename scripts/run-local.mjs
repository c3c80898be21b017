#!/usr/bin/env node
// Runs the bundled action on your machine the way the runner does (inputs as INPUT_* variables),
// on examples/alerts.json with a file snapshot and no webhook: cards are printed instead of posted.
// Run it twice: the second run finds nothing new. Extra inputs: `npm run local -- min-severity=high`.
// Set VERBOSE=1 to see the full card JSON.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from './action-runner.mjs';

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
const run = await runAction({ entry: path.join(root, 'dist', 'index.js'), inputs, cwd: root, files: temp, env: { ...process.env } });
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
console.log(`\nOutputs (as later steps would see them):`);
for (const [name, value] of Object.entries(run.outputs))
  console.log(`  ${name}: ${value.length > 120 ? `${value.slice(0, 117)}...` : value}`);
console.log(`Snapshot: ${inputs['snapshot-path']}`);
console.log(
  `Exit code ${run.code}. Run again to see that nothing is new; delete ${path.relative(root, inputs['snapshot-path'])} to start over.`
);
process.exit(run.code);
