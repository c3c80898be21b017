import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TENANT, makeAlert } from '../fakes/alerts.js';
import { CA_FILE } from '../fakes/https.js';
import { DIST, parseOutputFile } from '../fakes/runner.js';
import { visible } from '../helpers/action-inputs.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * "Nothing lost in the real world": the bundled action against the loopback fakes, in the conditions
 * that used to lose alerts silently: untrusted snapshots, future timestamps, a missing webhook secret,
 * backlogs longer than the job, cancellation, hostile alert data, echoed secrets, trickling servers.
 */
const fake = useFakeTenant();
const { inputs } = fake;
const snapshotFile = () => path.join(fake.ws.dir, '.m365-alerts/snapshot.json');
/** Alerts posted, by number; a backlog card names alerts it does not deliver, so it does not count. */
const postedIds = () =>
  fake.teams.received
    .filter(r => !r.text.includes('Backlog: '))
    .flatMap(r => [...r.text.matchAll(/hidden file #(\d+)/g)].map(m => Number(m[1])));
/** Lines the runner would take as workflow commands, other than the masks the action registers. */
const commands = (stdout: string) =>
  stdout.split('\n').filter(line => /^\s*::/.test(line) && !/^::(add-mask|debug|group|endgroup)::/.test(line));

test('a missing webhook secret with source graph is an input error: nothing is read, nothing recorded', async () => {
  fake.graph.alerts = [makeAlert(1)];
  const run = await fake.ws.run(inputs({ 'teams-webhook-url': '' }));
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/::error::Input 'teams-webhook-url' is empty, and there are no routes\. .*may be missing, misspelt/);
  expect(fake.graph.requests).toHaveLength(0);
  await expect(fs.access(snapshotFile())).rejects.toThrow();
  // Once the secret is fixed, the alert is posted.
  const fixed = await fake.ws.run(inputs());
  expect(fixed.code).toBe(0);
  expect(postedIds()).toEqual([1]);
});

test('an untrusted snapshot fails the run before any post and is left as it is; reset-snapshot starts afresh under first-run', async () => {
  fake.graph.alerts = [makeAlert(1)];
  expect((await fake.ws.run(inputs())).code).toBe(0);
  fake.graph.alerts.push(makeAlert(2, { lastUpdateDateTime: new Date().toISOString() }));
  for (const planted of [
    '{"version":1,"scope":"',
    JSON.stringify({ version: 1, scope: TENANT, cursor: Date.parse('2099-01-01'), savedAt: new Date().toISOString(), alerts: {} })
  ]) {
    await fs.writeFile(snapshotFile(), planted);
    const run = await fake.ws.run(inputs({ 'first-run': 'silent' }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::The stored alert snapshot \(.*snapshot\.json\) cannot be trusted: .*Nothing was posted and the stored snapshot was left as it is\..*reset-snapshot: true/
    );
    expect(await fs.readFile(snapshotFile(), 'utf8')).toBe(planted);
    expect(postedIds()).toEqual([1]);
  }
  const reset = await fake.ws.run(inputs({ 'reset-snapshot': 'true' }));
  expect(reset.code).toBe(0);
  expect(reset.stdout).toMatch(/::warning::reset-snapshot is true/);
  expect(postedIds().sort()).toEqual([1, 1, 2]);
});

test('snapshot-signing-key: signed snapshots verify; a tampered or unsigned one fails closed; adopt turns signing on without loss', async () => {
  const key = { 'snapshot-signing-key': 'k3y-that-is-long-enough-0123456789' };
  fake.graph.alerts = [makeAlert(1)];
  expect((await fake.ws.run(inputs(key))).code).toBe(0);
  const signed = await fs.readFile(snapshotFile(), 'utf8');
  expect(signed).toMatch(/^m365-alerts-snapshot-hmac-sha256-v2:[0-9a-f]{64}\n\{/);
  expect(signed).not.toContain(key['snapshot-signing-key']);
  const second = await fake.ws.run(inputs(key));
  expect([second.code, second.outputs['cache-hit']]).toEqual([0, 'true']);
  // Someone with cache write access edits the snapshot to mark alert 2 as told.
  await fs.writeFile(
    snapshotFile(),
    signed.replace('"alerts":{', `"alerts":{"${makeAlert(2).id}":{"u":1,"s":"new|medium|||","n":"new|medium|||"},`)
  );
  fake.graph.alerts.push(makeAlert(2, { lastUpdateDateTime: new Date().toISOString() }));
  const tampered = await fake.ws.run(inputs(key));
  expect(tampered.code).toBe(1);
  expect(tampered.stdout).toMatch(/signature matches no key of snapshot-signing-key/);
  expect(visible(tampered.stdout)).not.toContain(key['snapshot-signing-key']);
  await fs.writeFile(snapshotFile(), signed);
  // A run whose key secret is empty (renamed, not passed on) fails closed and leaves the signed snapshot alone.
  const keyless = await fake.ws.run(inputs());
  expect(keyless.code).toBe(1);
  expect(keyless.stdout).toMatch(/it is signed, but snapshot-signing-key is empty/);
  expect(await fs.readFile(snapshotFile(), 'utf8')).toBe(signed);
  // Turning signing on over an unsigned snapshot: reset-snapshot: adopt keeps it (alert 2 stays owed, is posted once).
  await fs.writeFile(snapshotFile(), signed.slice(signed.indexOf('\n') + 1));
  expect((await fake.ws.run(inputs(key))).stdout).toMatch(/carries no signature.*reset-snapshot: adopt/);
  const adopted = await fake.ws.run(inputs({ ...key, 'reset-snapshot': 'adopt', 'first-run': 'silent' }));
  expect(adopted.code).toBe(0);
  expect(adopted.stdout).toMatch(/::warning::reset-snapshot is adopt: the stored snapshot was taken as it is/);
  expect(await fs.readFile(snapshotFile(), 'utf8')).toMatch(/^m365-alerts-snapshot-hmac-sha256-v2:/);
  expect(postedIds().sort()).toEqual([1, 2]);
  // reset-snapshot: true left in the workflow resets nothing while the snapshot is trusted.
  const left = await fake.ws.run(inputs({ ...key, 'reset-snapshot': 'true', 'first-run': 'silent' }));
  expect(left.code).toBe(0);
  expect(left.stdout).toMatch(/::warning::reset-snapshot is true, but the stored snapshot is trusted: it is used and nothing is reset/);
  expect(left.outputs['cache-hit']).toBe('true');
});

test('key rotation: the new key first and the old one second verifies the old snapshot and signs it anew; then the old line can go', async () => {
  const oldKey = 'the-old-signing-key-0123456789abcdef';
  const newKey = 'the-new-signing-key-0123456789abcdef';
  fake.graph.alerts = [makeAlert(1)];
  expect((await fake.ws.run(inputs({ 'snapshot-signing-key': oldKey }))).code).toBe(0);
  fake.graph.alerts.push(makeAlert(2, { lastUpdateDateTime: new Date().toISOString() }));
  const both = await fake.ws.run(inputs({ 'snapshot-signing-key': `${newKey}\n${oldKey}` }));
  expect(both.code).toBe(0);
  expect(both.stdout).toMatch(/signed again \(it was signed with key 2 of snapshot-signing-key/);
  expect(visible(both.stdout)).not.toContain(newKey);
  expect(visible(both.stdout)).not.toContain(oldKey);
  fake.graph.alerts.push(makeAlert(3, { lastUpdateDateTime: new Date().toISOString() }));
  const onlyNew = await fake.ws.run(inputs({ 'snapshot-signing-key': newKey }));
  expect([onlyNew.code, onlyNew.outputs['cache-hit']]).toEqual([0, 'true']);
  expect(postedIds().sort()).toEqual([1, 2, 3]);
});

test('one alert dated 2099 is posted but never moves the cursor: later alerts keep arriving', async () => {
  fake.graph.alerts = [makeAlert(1, { lastUpdateDateTime: '2099-01-01T00:00:00Z' }), makeAlert(2)];
  const first = await fake.ws.run(inputs());
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(
    new RegExp(`::warning::Alert "${makeAlert(1).id}" has a lastUpdateDateTime more than 5 minutes in the future`)
  );
  fake.graph.alerts.push(makeAlert(3, { lastUpdateDateTime: new Date().toISOString() }));
  const second = await fake.ws.run(inputs());
  expect(second.code).toBe(0);
  expect(postedIds().sort()).toEqual([1, 2, 3]);
  const since = fake.graph.requests.at(-1)!.url.searchParams.get('$filter')!;
  expect(Date.parse(/ge (\S+)/.exec(since)![1])).toBeLessThan(Date.now());
});

test('hostile alerts: no workflow command in the log, malformed items skipped and counted, __proto__ posted once, deep evidence bounded', async () => {
  let deep = '{"leaf":1}';
  for (let i = 0; i < 20_000; i++) deep = `{"c":${deep}}`;
  const hostileTitle = 'Invoice\n::error::pwned\n::stop-commands::tok\n\n![x](https://evil.pw/i.png) [click](https://evil.pw)';
  fake.graph.alerts = [
    makeAlert(1, { title: hostileTitle, severity: 'high' }),
    makeAlert(2, { severity: 5, serviceSource: { x: 1 } }),
    makeAlert(3, { id: '__proto__' }),
    makeAlert(4)
  ];
  fake.graph.rawItems = [
    '42',
    '{"id":7,"title":"no id"}',
    JSON.stringify({ ...makeAlert(5), evidence: undefined }).replace(/}$/, `,"evidence":[${deep}]}`)
  ];
  fake.teams.faults.push({ kind: 'status', status: 500 });
  const first = await fake.ws.run(inputs({ 'max-cards': '10' }));
  expect(first.code).toBe(0);
  expect(commands(first.stdout).filter(line => !line.startsWith('::warning::'))).toEqual([]);
  expect(first.stdout).not.toMatch(/^\s*::(error::pwned|stop-commands)/m);
  expect(first.outputs['skipped-count']).toBe('2');
  expect(first.stdout).toMatch(
    /::warning::Alert "da637551227677500002_-961444812" has malformed fields \(severity is a number, serviceSource is an object\)/
  );
  expect(first.outputs['posted-count']).toBe('5');
  expect(postedIds().sort()).toEqual([2, 3, 4, 5]);
  const hostileCard = fake.teams.received.find(r => r.text.includes('Invoice'))!.text;
  expect(hostileCard).not.toMatch(/https:\/\/evil|evil\.pw/);
  const report = await fs.readFile(first.outputs['report-path'], 'utf8');
  expect(report.length).toBeLessThan(2_000_000);
  // The summary table stays one HTML block: no blank line, no markdown image or link.
  expect(first.summary).not.toMatch(/!\[|\]\(/);
  expect(first.summary.split('<table>')[1]).not.toMatch(/\n\s*\n/);
  // The consumer example of the README: @tsv keeps each alert on one line that starts with "alert".
  expect(JSON.parse(first.outputs['new-alerts']).map((a: { title: string }) => a.title)).toContain(hostileTitle);
  const second = await fake.ws.run(inputs());
  expect([second.code, second.outputs['posted-count']]).toEqual([0, '0']);
});

test('max-run-time: no post starts after it, the snapshot keeps what was delivered, the backlog drains with nothing posted twice', async () => {
  fake.graph.alerts = Array.from({ length: 600 }, (_, i) => makeAlert(i + 1));
  const runInputs = inputs({ 'max-cards': '2', 'max-run-time': '5s', 'post-rate': '2/2s' });
  const first = await fake.ws.run(runInputs);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/::warning::max-run-time \(5s\) reached: \d+ notice\(s\) were not posted in this run/);
  const owed = Number(first.outputs['owed-count']);
  expect(owed).toBeGreaterThan(0);
  expect(Number(first.outputs['posted-count']) + owed).toBe(600);
  expect(first.outputs['failed-count']).toBe('0');
  // A storm: the run's post budget went to the most severe cards and one backlog card saying more will follow.
  const backlog = fake.teams.received.find(r => r.text.includes('Backlog: '))!;
  expect(backlog.text).toMatch(new RegExp(`Backlog: ${owed} more alerts will follow in the next runs`));
  expect(backlog.text).toMatch(/By severity.*Medium \d+/);
  for (let run = 0; run < 10 && postedIds().length < 600; run++) expect((await fake.ws.run(runInputs)).code).toBe(0);
  const ids = postedIds();
  expect(ids.length).toBe(600);
  expect(new Set(ids).size).toBe(600);
}, 120_000);

test('SIGTERM: posting stops at once, what was delivered is saved, the step fails; the next run posts only the rest', async () => {
  fake.graph.alerts = Array.from({ length: 12 }, (_, i) => makeAlert(i + 1));
  // Slow Teams: each post takes 300 ms, so the signal arrives mid-way.
  fake.teams.faultFor = () => ({ kind: 'delay', ms: 300 });
  const outputFile = path.join(fake.ws.dir, 'sigterm-output');
  await fs.writeFile(outputFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_EXTRA_CA_CERTS: CA_FILE,
    GITHUB_OUTPUT: outputFile,
    GITHUB_WORKSPACE: fake.ws.dir,
    RUNNER_TEMP: path.join(fake.ws.dir, 'tmp'),
    GITHUB_RUN_ID: '77'
  };
  for (const [name, value] of Object.entries(inputs({ 'max-cards': '12' }))) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [DIST], { cwd: fake.ws.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', chunk => {
    stdout += chunk;
  });
  while (fake.teams.received.length < 3) await new Promise(resolve => setTimeout(resolve, 20));
  const signalledAt = Date.now();
  child.kill('SIGTERM');
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? -1)));
  expect(Date.now() - signalledAt).toBeLessThan(5_000);
  expect(code).not.toBe(0);
  expect(stdout).toMatch(/SIGTERM received: no further post starts/);
  // The post that was in flight may still land at Teams after the process left.
  await new Promise(resolve => setTimeout(resolve, 500));
  const outputs = parseOutputFile(await fs.readFile(outputFile, 'utf8'));
  const delivered = Number(outputs['posted-count']);
  expect(delivered).toBeGreaterThanOrEqual(3);
  expect(delivered).toBeLessThan(12);
  const before = postedIds().length;
  fake.teams.faultFor = undefined;
  const next = await fake.ws.run(inputs({ 'max-cards': '12' }));
  expect(next.code).toBe(0);
  // Everything arrives; only a card whose answer was cut off by the signal may come twice.
  expect(new Set(postedIds()).size).toBe(12);
  expect(postedIds().length - 12).toBeLessThanOrEqual(before - delivered);
}, 60_000);

test('a Teams error page echoing the webhook URL or its sig never reaches the log, the report or the summary', async () => {
  fake.graph.alerts = [makeAlert(1)];
  const url = new URL(fake.teams.workflowsUrl);
  const sig = url.searchParams.get('sig')!;
  const echo = `Bad request for ${fake.teams.workflowsUrl} (${encodeURIComponent(fake.teams.workflowsUrl)}) &lt;a href="${fake.teams.workflowsUrl.replace(/&/g, '&amp;')}"&gt; sig=${sig}`;
  fake.teams.faults.push({ kind: 'status', status: 400, body: echo });
  const run = await fake.ws.run(inputs());
  expect(run.code).toBe(1);
  const report = await fs.readFile(run.outputs['report-path'], 'utf8');
  for (const text of [visible(run.stdout), run.stderr, report, run.summary]) {
    expect(text).not.toContain(sig);
    expect(text).not.toContain(url.pathname);
  }
  expect(visible(run.stdout)).toMatch(/Teams rejected the card \(HTTP 400\): Bad request for \*\*\*/);
});

test('a server trickling one byte at a time is cut off at request-timeout, for Graph and Teams alike', async () => {
  fake.graph.alerts = [makeAlert(1)];
  fake.graph.faults.push({ kind: 'trickle', everyMs: 200, totalMs: 30_000 });
  fake.teams.faults.push({ kind: 'trickle', everyMs: 200, totalMs: 30_000 });
  const started = Date.now();
  const run = await fake.ws.run(inputs({ 'request-timeout': '2s' }));
  expect(run.code).toBe(0);
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(run.stdout).toMatch(/Microsoft Graph: a network error \(time-out: no complete answer within 2\.0s\); retrying/);
  expect(run.stdout).toMatch(/Teams: .*time-out: no complete answer within 2\.0s.*retrying/);
  expect(postedIds()).toEqual([1]);
}, 60_000);

test('a connection reset at the token endpoint is retried', async () => {
  fake.graph.alerts = [makeAlert(1)];
  fake.entra.faults.push({ kind: 'reset' }, { kind: 'status', status: 503, body: '{"error":"temporarily_unavailable"}' });
  const before = fake.entra.tokenRequests.length;
  const run = await fake.ws.run(inputs());
  expect(run.code).toBe(0);
  expect(fake.entra.tokenRequests.length - before).toBe(3);
  expect(postedIds()).toEqual([1]);
});

test('send-test-card posts one marked card to the default webhook and every route, reads no alerts, touches no snapshot', async () => {
  fake.graph.alerts = [makeAlert(1)];
  const tokenRequests = fake.entra.tokenRequests.length;
  const routes = `- name: soc\n  webhook-url: ${fake.teams.workflowUrl('50c')}\n- name: gone\n  webhook-url: ${fake.teams.workflowsUrl.replace('sig=fake-signature', 'sig=revoked')}`;
  const run = await fake.ws.run(inputs({ 'send-test-card': 'true', routes }));
  expect(run.code).toBe(1);
  expect(fake.teams.received.map(r => r.path)).toEqual([
    '/workflows/0a1b2c3d/triggers/manual/paths/invoke',
    '/workflows/50c/triggers/manual/paths/invoke'
  ]);
  expect(fake.teams.received[0].text).toContain('TEST CARD');
  expect(run.stdout).toMatch(/Test card to 'default': accepted/);
  expect(run.stdout).toMatch(/::error::Test card to 'gone': Teams answered HTTP 401/);
  expect(run.outputs['posted-count']).toBe('2');
  expect(run.outputs['failed-count']).toBe('1');
  expect(fake.graph.requests).toHaveLength(0);
  expect(fake.entra.tokenRequests.length).toBe(tokenRequests);
  await expect(fs.access(snapshotFile())).rejects.toThrow();
});

test("a runner clock far ahead (or behind) of Graph's stops the run before any post; nothing is saved", async () => {
  fake.graph.alerts = [makeAlert(1)];
  expect((await fake.ws.run(inputs())).code).toBe(0);
  const saved = await fs.readFile(snapshotFile(), 'utf8');
  fake.graph.alerts.push(makeAlert(2, { lastUpdateDateTime: new Date().toISOString() }));
  const shift = (offsetMs: number) => ({
    NODE_OPTIONS: `--import=${path.join(path.dirname(DIST), '../__tests__/helpers/shift-clock.mjs')}`,
    CLOCK_OFFSET_MS: String(offsetMs)
  });
  const ahead = await fake.ws.run(inputs(), shift(3 * 86_400_000));
  expect(ahead.code).toBe(1);
  expect(ahead.stdout).toMatch(/::error::The runner's clock is 4320 minutes ahead of Microsoft Graph's/);
  expect(await fs.readFile(snapshotFile(), 'utf8')).toBe(saved);
  expect(postedIds()).toEqual([1]);
  const fixed = await fake.ws.run(inputs());
  expect(fixed.code).toBe(0);
  expect(postedIds()).toEqual([1, 2]);
});

test('signing in is one request: MSAL is given the authority metadata, so it asks no discovery endpoint', async () => {
  fake.graph.alerts = [makeAlert(1)];
  const before = fake.entra.paths.length;
  expect((await fake.ws.run(inputs())).code).toBe(0);
  expect(fake.entra.paths.slice(before)).toEqual([`POST /${TENANT}/oauth2/v2.0/token`]);
});

test("the job summary gives each alert's time, a link to it and its channel; a silent first run says what it recorded", async () => {
  fake.graph.alerts = [makeAlert(1)];
  const silent = await fake.ws.run(inputs({ 'first-run': 'silent' }));
  expect(silent.stdout).toMatch(
    /First run with first-run: silent: 1 alert\(s\) \(1 notifiable and open\) are recorded as already told, without posting/
  );
  expect(silent.summary).toMatch(/1 alert\(s\) were recorded as already told, without posting/);
  fake.graph.alerts.push(makeAlert(2, { lastUpdateDateTime: new Date().toISOString() }));
  const routes = `- name: soc\n  webhook-url: ${fake.teams.workflowUrl('50c')}`;
  const run = await fake.ws.run(inputs({ routes }));
  expect(run.code).toBe(0);
  const row = run.summary.split('<tr>').find(r => r.includes('hidden file &#35;2') || r.includes('hidden file #2'))!;
  expect(row).toContain(`<a href="https://security.microsoft.com/alerts/${makeAlert(2).id}?tid=${TENANT}">`);
  expect(row).toMatch(/<td>\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/td><td>soc<\/td><td>✅<\/td>/);
});

test('suppress: a matching alert is held back and counted per rule in the run that held it; when the snooze has ended it is posted, with one warning to remove the rule', async () => {
  const scanner = { '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: '198.51.100.23' };
  fake.graph.alerts = [makeAlert(1, { evidence: [scanner] }), makeAlert(2)];
  const rule = (until: string) =>
    `- name: pen-test\n  reason: External penetration test, SEC-1234\n  until: ${until}\n  ips: [198.51.100.0/24]`;
  const held = await fake.ws.run(inputs({ suppress: rule('2099-01-01') }));
  expect(held.code).toBe(0);
  expect(postedIds()).toEqual([2]);
  expect(held.outputs['suppressed-count']).toBe('1');
  expect(held.outputs['owed-count']).toBe('0');
  expect(held.summary).toMatch(
    /<th>Suppress rule<\/th><th>Notices held back in this run<\/th><\/tr><tr><td>pen&#45;test<\/td><td>1<\/td>|<td>pen-test<\/td><td>1<\/td>/
  );
  // Still held, but not held back anew: counted in the run that held it, not in every run after.
  const still = await fake.ws.run(inputs({ suppress: rule('2099-01-01') }));
  expect([still.outputs['suppressed-count'], postedIds()]).toEqual(['0', [2]]);
  expect(still.summary).toMatch(/1 alert\(s\) held back by suppress rules/);
  const ended = await fake.ws.run(inputs({ suppress: rule('2026-01-01') }));
  expect(ended.code).toBe(0);
  expect(ended.stdout).toMatch(/::warning::Input 'suppress' rule 'pen-test' expired on 2026-01-01T00:00:00.000Z/);
  expect(ended.outputs['suppressed-count']).toBe('0');
  expect(postedIds()).toEqual([2, 1]);
  // Warned once: later runs list the expired rule in the job summary only.
  const later = await fake.ws.run(inputs({ suppress: rule('2026-01-01') }));
  expect(later.stdout).not.toMatch(/::warning::Input 'suppress' rule 'pen-test' expired/);
  expect(later.summary).toMatch(
    /Expired suppress rules \(they hold nothing back; remove them from the workflow\): pen(&#45;|-)test \(until 2026-01-01T00:00:00.000Z\)/
  );
  const bad = await fake.ws.run(inputs({ suppress: '- name: everything\n  reason: quiet please' }));
  expect(bad.code).toBe(1);
  expect(bad.stdout).toMatch(/::error::Input 'suppress' rule 'everything': has no matcher, so it would hold back every alert/);
});

test('a 5,000-notice backlog drains over successive runs, each cut short by max-run-time, with no card posted twice', async () => {
  fake.graph.alerts = Array.from({ length: 5000 }, (_, i) => makeAlert(i + 1));
  // A slow Teams (250 ms a post) and a 5 s budget: about 20 posts a run.
  fake.teams.faultFor = () => ({ kind: 'delay', ms: 250 });
  const runInputs = inputs({ 'max-run-time': '5s', 'post-rate': '1000/1s' });
  const owed: number[] = [];
  // How many runs it takes depends on the machine's speed; every run must make progress, so the bound
  // (about 12 runs here, 13 on a slower CI machine) only stops a run that posts nothing.
  for (let run = 0; run < 40 && postedIds().length < 5000; run++) {
    const before = postedIds().length;
    const result = await fake.ws.run(runInputs);
    expect([run, result.code, result.outputs['failed-count']]).toEqual([run, 0, '0']);
    expect(postedIds().length).toBeGreaterThan(before);
    owed.push(Number(result.outputs['owed-count']));
  }
  fake.teams.faultFor = undefined;
  expect(owed.length).toBeGreaterThan(1);
  expect(owed.at(-1)).toBe(0);
  // Owed counts only go down, run after run.
  expect(owed).toEqual([...owed].sort((a, b) => b - a));
  const ids = postedIds();
  expect(ids.length).toBe(5000);
  expect(new Set(ids).size).toBe(5000);
}, 600_000);

test('a run whose Graph answer comes after max-run-time posts nothing and fails saying so; the next run posts the alert', async () => {
  fake.graph.alerts = [makeAlert(1)];
  fake.graph.faults.push({ kind: 'delay', ms: 6_000 });
  const slow = await fake.ws.run(inputs({ 'max-run-time': '5s' }));
  expect(slow.code).toBe(1);
  expect(slow.stdout).toMatch(
    /::error::max-run-time \(5s\) passed before any of the 1 owed notice\(s\) could be posted: nothing was posted in this run/
  );
  expect(postedIds()).toEqual([]);
  const next = await fake.ws.run(inputs({ 'max-run-time': '5s' }));
  expect(next.code).toBe(0);
  expect(postedIds()).toEqual([1]);
});
