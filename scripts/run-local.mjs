#!/usr/bin/env node
// Runs the bundled action on your machine the way the runner does (inputs as INPUT_* variables).
//
//   npm run local                          examples/alerts.json, a file snapshot, no webhook: cards are printed
//   npm run local -- min-severity=high     any input of action.yml as name=value (unknown names are refused)
//   npm run local -- --dry-run             the same as dry-run=true: nothing is posted or saved
//   npm run local:rules                    examples/rules.yml against a local fake tenant (Entra, Graph's audit
//                                          log with a mass deletion, an Outlook forwarding rule and an MFA change,
//                                          and a Teams webhook): two runs, then the rule notices Teams received
//
// Run it twice: the second run finds nothing new. Set VERBOSE=1 to see the full card JSON.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { runAction } from './action-runner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const declared = Object.keys(parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')).inputs);

function usage(problem) {
  console.error(`npm run local: ${problem}`);
  console.error('Usage: npm run local [-- name=value ...] [-- --dry-run]    or    npm run local:rules');
  console.error(`Inputs (action.yml): ${declared.join(', ')}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const rulesMode = args.includes('--rules');
const inputs = {};
for (const arg of args) {
  if (arg === '--rules') continue;
  if (arg === '--dry-run') {
    inputs['dry-run'] = 'true';
    continue;
  }
  const at = arg.indexOf('=');
  if (at <= 0) usage(`'${arg}' is not name=value or --dry-run`);
  const name = arg.slice(0, at);
  if (!declared.includes(name)) usage(`'${name}' is not an input of the action`);
  inputs[name] = arg.slice(at + 1);
}

/** Prints a run's log as the runner shows it: groups folded, masks hidden. */
function show(run) {
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
}

/** One closing line: what the run did. */
function outcome(run, all) {
  const o = run.outputs;
  if (run.code !== 0) return `Failed (exit code ${run.code}): see the ::error:: line above.`;
  if (all['dry-run'] === 'true') return `Dry run: ${o['new-count'] ?? 0} new alert(s) shown, nothing posted, nothing saved.`;
  if (!all['teams-webhook-url'] && all.source === 'file')
    return `Printed ${o['posted-count'] ?? 0} notice(s) to the log (no teams-webhook-url); the snapshot records them as told.`;
  return `Posted ${o['posted-count'] ?? 0} notice(s)${Number(o['owed-count'] ?? 0) ? `, ${o['owed-count']} still owed` : ''}; snapshot saved.`;
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'm365-local-'));
const entry = path.join(root, 'dist', 'index.js');

if (!rulesMode) {
  const all = {
    source: 'file',
    'alerts-file': path.join(root, 'examples', 'alerts.json'),
    'snapshot-store': 'file',
    'snapshot-path': path.join(root, '.m365-alerts', 'local-snapshot.json'),
    ...inputs
  };
  const run = await runAction({ entry, inputs: all, cwd: root, files: temp, env: { ...process.env } });
  show(run);
  console.log(`Snapshot: ${all['snapshot-path']}`);
  console.log(
    `\n${outcome(run, all)} Run again to see that nothing is new; delete ${path.relative(root, all['snapshot-path'])} to start over.`
  );
  process.exit(run.code);
}

// --rules: examples/rules.yml against loopback fakes (compiled by `npm run local:rules` into build/).
const fakes = p => import(path.join(root, 'build', '__tests__', 'fakes', p));
const { startFakeEntra } = await fakes('entra.js');
const { startFakeGraph } = await fakes('graph.js');
const { startFakeTeams } = await fakes('teams.js');
const { CA_FILE } = await fakes('https.js');
const { TENANT, CLIENT, SECRET } = await fakes('alerts.js');
const entra = await startFakeEntra({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET });
const graph = await startFakeGraph(token => entra.tokens.has(token));
const teams = await startFakeTeams();
const MIN = 60_000;
let serial = 0;
const record = (operation, minutesAgo, fields = {}) => ({
  id: `local-${++serial}`,
  createdDateTime: new Date(Date.now() - minutesAgo * MIN).toISOString(),
  auditLogRecordType: 'sharePointFileOperation',
  operation,
  userType: 'regular',
  userId: 'megan@contoso.com',
  userPrincipalName: 'megan@contoso.com',
  service: 'SharePoint',
  objectId: `https://contoso-my.sharepoint.com/personal/megan/Documents/report-${serial}.docx`,
  clientIp: '203.0.113.10',
  auditData: {},
  ...fields
});
// Older than the fresh tier's lag (30 min), so the first run's queries find them.
graph.audit.records = [
  ...Array.from({ length: 140 }, (_, i) => record('FileRecycled', 50 - i * 0.05)),
  record('UpdateInboxRules', 45, {
    auditLogRecordType: 'exchangeAdmin',
    service: 'Exchange',
    auditData: { OperationProperties: [{ Name: 'RuleActions', Value: '[{"ActionType":"ForwardToRecipientsAction"}]' }] }
  }),
  record('User registered security info.', 40, { auditLogRecordType: 'azureActiveDirectory', service: 'AzureActiveDirectory' })
];
const all = {
  'tenant-id': TENANT,
  'client-id': CLIENT,
  'client-secret': SECRET,
  'graph-endpoint': graph.url,
  'authority-host': entra.url,
  'teams-webhook-url': teams.workflowsUrl,
  'snapshot-store': 'file',
  'snapshot-path': path.join(temp, 'snapshot.json'),
  'post-interval': '0s',
  'read-alerts': 'false',
  rules: readFileSync(path.join(root, 'examples', 'rules.yml'), 'utf8'),
  ...inputs
};
let run;
try {
  for (const step of ['first run: creates the audit log queries', 'second run: harvests them and posts the rule notices']) {
    console.log(`\n=== ${step}`);
    run = await runAction({ entry, inputs: all, cwd: temp, files: temp, env: { ...process.env, NODE_EXTRA_CA_CERTS: CA_FILE } });
    show(run);
    if (run.code !== 0) break;
  }
  console.log(`\nRule notices the fake Teams channel received:`);
  for (const card of teams.received) {
    // The card's header: its severity line, then the notice's title.
    const texts = [...card.text.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)].map(m => JSON.parse(`"${m[1]}"`));
    console.log(`  - ${texts.slice(0, 2).join(' · ')}`);
  }
  console.log(`\n${outcome(run, all)}`);
} finally {
  await Promise.all([teams.close(), graph.close(), entra.close()]);
  rmSync(temp, { recursive: true, force: true });
}
process.exit(run.code);
