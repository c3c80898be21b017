import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SECRET, makeAlert, touch } from '../fakes/alerts.js';
import { visible } from '../helpers/action-inputs.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * End to end: the bundled dist/index.js, started as the runner starts it, against loopback fakes of
 * Entra ID (HTTPS), Microsoft Graph alerts_v2 and a Teams Workflows webhook.
 */
const fake = useFakeTenant();
const { inputs } = fake;

const titles = () => fake.teams.received.map(r => r.card.body[0].items[1].inlines[0].text as string);

test('first run posts the notifiable alerts, an unchanged second run makes one Graph request and posts nothing', async () => {
  fake.graph.alerts = [
    makeAlert(1, { severity: 'high' }),
    makeAlert(2, { severity: 'low' }),
    makeAlert(3, { severity: 'informational' }),
    makeAlert(4, { status: 'resolved' }),
    makeAlert(5, { serviceSource: 'microsoftSentinel', detectionSource: 'scheduledAlerts' })
  ];
  const first = await fake.ws.run(inputs());
  expect(first.code).toBe(0);
  expect(titles().sort()).toEqual([
    'Suspicious execution of hidden file #1',
    'Suspicious execution of hidden file #2',
    'Suspicious execution of hidden file #5'
  ]);
  expect(first.outputs['new-count']).toBe('3');
  expect(first.outputs['posted-count']).toBe('3');
  expect(first.outputs['failed-count']).toBe('0');
  expect(first.outputs['open-count']).toBe('3');
  expect(first.outputs['cache-hit']).toBe('false');
  const newAlerts = JSON.parse(first.outputs['new-alerts']);
  expect(newAlerts.map((a: any) => a.severity)).toEqual(['high', 'medium', 'low']);
  expect(Object.keys(newAlerts[0]).sort()).toEqual([
    'alertWebUrl',
    'createdDateTime',
    'id',
    'serviceSource',
    'severity',
    'status',
    'title'
  ]);
  // Every request asked for unknown enum members, so the Sentinel alert kept its real serviceSource.
  expect(fake.graph.requests.every(r => r.prefer === 'include-unknown-enum-members')).toBe(true);
  expect(newAlerts[1].serviceSource).toBe('microsoftSentinel');
  const report = JSON.parse(await fs.readFile(first.outputs['report-path'], 'utf8'));
  expect(report.postedCount).toBe(3);
  expect(first.summary).toContain('Suspicious execution of hidden file #1');

  fake.graph.requests = [];
  const second = await fake.ws.run(inputs());
  expect(second.code).toBe(0);
  expect(fake.graph.requests).toHaveLength(1);
  expect(fake.teams.received).toHaveLength(3);
  expect(second.outputs['new-count']).toBe('0');
  expect(second.outputs['posted-count']).toBe('0');
  expect(second.outputs['cache-hit']).toBe('true');
  // The incremental query starts at the cursor minus the overlap, not at the look-back.
  const filter = fake.graph.requests[0].url.searchParams.get('$filter')!;
  const since = Date.parse(/lastUpdateDateTime ge (\S+)/.exec(filter)![1]);
  expect(since).toBeGreaterThan(Date.now() - 3 * 3_600_000);
});

test('new alerts after the first run: exactly those are posted; ties in lastUpdateDateTime are not lost', async () => {
  const now = Date.now();
  fake.graph.alerts = [makeAlert(1, {}, now), makeAlert(2, {}, now)];
  expect((await fake.ws.run(inputs())).code).toBe(0);
  expect(fake.teams.received).toHaveLength(2);
  const cursor = fake.graph.alerts[1].lastUpdateDateTime;
  // Same timestamp as the newest alert seen (a tie), and one clearly newer.
  fake.graph.alerts.push(
    makeAlert(3, { lastUpdateDateTime: cursor }),
    makeAlert(4, { lastUpdateDateTime: new Date(now + 1000).toISOString() })
  );
  const run = await fake.ws.run(inputs());
  expect(run.code).toBe(0);
  expect(titles().slice(2).sort()).toEqual(['Suspicious execution of hidden file #3', 'Suspicious execution of hidden file #4']);
  expect(run.outputs['new-count']).toBe('2');
});

test('resolved and escalated alerts follow notify-on', async () => {
  const low = makeAlert(1, { severity: 'low' });
  const info = makeAlert(2, { severity: 'informational' });
  fake.graph.alerts = [low, info];
  const settings = inputs({ 'min-severity': 'low', 'notify-on': 'new,resolved' });
  await fake.ws.run(settings);
  expect(titles()).toEqual(['Suspicious execution of hidden file #1']);

  touch(low, { status: 'resolved', classification: 'truePositive', determination: 'malware', resolvedDateTime: new Date().toISOString() });
  touch(info, { severity: 'high' });
  const run = await fake.ws.run(settings);
  expect(run.code).toBe(0);
  expect(run.outputs['resolved-count']).toBe('1');
  expect(run.outputs['new-count']).toBe('1');
  const [escalated, resolved] = fake.teams.received.slice(1);
  expect(escalated.text).toContain('HIGH SEVERITY · New alert');
  expect(escalated.text).toContain('#2');
  expect(resolved.text).toContain('Resolved');
  expect(resolved.text).toContain('True Positive');

  // Without 'updated' in notify-on an assignment is recorded but not posted.
  touch(info, { assignedTo: 'secops@contoso.com' });
  const quiet = await fake.ws.run(settings);
  expect(quiet.outputs['updated-count']).toBe('1');
  expect(fake.teams.received).toHaveLength(3);
});

test('a card Teams refuses fails the step, the others are recorded, the next run posts only the refused one', async () => {
  fake.graph.alerts = [1, 2, 3, 4, 5].map(n => makeAlert(n));
  fake.teams.faultFor = card => (card.text.includes('file #3') ? { kind: 'status', status: 500 } : undefined);
  const failed = await fake.ws.run(inputs());
  expect(failed.code).toBe(1);
  expect(failed.outputs['posted-count']).toBe('4');
  expect(failed.outputs['failed-count']).toBe('1');
  expect(failed.stdout).toContain('::error::');
  expect(visible(failed.stdout)).not.toContain('fake-signature');
  expect(titles()).toHaveLength(4);
  expect(titles()).not.toContain('Suspicious execution of hidden file #3');

  fake.teams.faultFor = undefined;
  const next = await fake.ws.run(inputs());
  expect(next.code).toBe(0);
  expect(titles()).toHaveLength(5);
  expect(titles()[4]).toBe('Suspicious execution of hidden file #3');
  expect(next.outputs['posted-count']).toBe('1');
}, 120_000);

test('Graph 429 with a fractional Retry-After is honoured, a refused $top falls back, paging follows @odata.nextLink, pages come gzipped', async () => {
  fake.graph.alerts = Array.from({ length: 7 }, (_, i) => makeAlert(i + 1));
  fake.graph.defaultPageSize = 3;
  // This Graph takes no $top above 3: the action's $top=1000 and $top=100 are refused, its default (3) is used.
  fake.graph.maxTop = 3;
  fake.graph.faults.push({ kind: 'status', status: 429, retryAfter: '1.5' });
  const started = Date.now();
  const run = await fake.ws.run(inputs({ 'max-cards': '20' }));
  fake.graph.maxTop = undefined;
  expect(run.code).toBe(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  expect(fake.graph.requests.map(r => r.url.searchParams.get('$top'))).toEqual(['1000', '1000', '100', null, null, null]);
  expect(fake.graph.requests.filter(r => r.url.searchParams.has('$skiptoken'))).toHaveLength(2);
  expect(fake.graph.requests.every(r => /gzip/.test(r.acceptEncoding ?? ''))).toBe(true);
  expect(fake.teams.received).toHaveLength(7);
});

test('Graph resets, 503 and a malformed page are retried; nothing is lost', async () => {
  fake.graph.alerts = [makeAlert(1), makeAlert(2)];
  fake.graph.faults.push({ kind: 'reset' }, { kind: 'status', status: 503, retryAfter: '0' }, { kind: 'malformed' });
  const run = await fake.ws.run(inputs());
  expect(run.code).toBe(0);
  expect(fake.teams.received).toHaveLength(2);
});

test('50 alerts with max-cards 10: ten cards, the other forty in digest cards', async () => {
  fake.graph.alerts = Array.from({ length: 50 }, (_, i) => makeAlert(i + 1));
  const run = await fake.ws.run(inputs({ 'max-cards': '10' }));
  expect(run.code).toBe(0);
  const digests = fake.teams.received.filter(r => r.text.includes('more alerts'));
  expect(fake.teams.received.length - digests.length).toBe(10);
  expect(digests.length).toBeGreaterThanOrEqual(1);
  const digestRows = digests.reduce((sum, d) => sum + d.card.body.filter((e: any) => e.type === 'RichTextBlock').length, 0);
  expect(digestRows).toBe(40);
  expect(digests).toHaveLength(1);
  expect(fake.teams.received.every(r => Buffer.byteLength(r.text) <= 24_000)).toBe(true);
  expect(run.outputs['posted-count']).toBe('50');
});

test('Graph 403 names the missing permission; a wrong secret gets the AADSTS remedy; no secret is printed', async () => {
  fake.graph.alerts = [makeAlert(1)];
  fake.graph.deny = 403;
  const denied = await fake.ws.run(inputs());
  expect(denied.code).toBe(1);
  expect(denied.stdout).toMatch(/::error::.*SecurityAlert\.Read\.All.*admin consent/);

  const badSecret = await fake.ws.run(inputs({ 'client-secret': 'wrong-secret-value-123456' }));
  expect(badSecret.code).toBe(1);
  expect(badSecret.stdout).toMatch(/::error::.*AADSTS7000215/);
  for (const run of [denied, badSecret]) {
    const all = visible(run.stdout + run.stderr);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('wrong-secret-value-123456');
    expect(all).not.toContain('fake-signature');
    expect(all).not.toMatch(/fake-access-token-[0-9a-f]/);
  }
  expect(fake.teams.received).toHaveLength(0);
});

test.each([
  [{ 'tenant-id': 'contoso' }, /Input 'tenant-id' .*not a GUID/],
  [{ 'min-severity': 'critical' }, /Input 'min-severity' is 'critical'.*Valid values: informational, low, medium, high/],
  [{ lookback: 'yesterday' }, /Input 'lookback' is 'yesterday', which is not a duration/],
  [{ 'teams-webhook-url': 'http://example.invalid/hook' }, /Input 'teams-webhook-url' uses http instead of https/],
  [{ 'teams-webhook-url': 'https://contoso.webhook.office.com/webhookb2/abc/IncomingWebhook/def/ghi' }, /Office 365 connector.*Workflows/],
  [{ source: 'file', 'alerts-file': 'missing.json' }, /Input 'alerts-file' names 'missing.json', which does not exist/],
  [{ cloud: 'china' }, /not available in the China cloud/]
])('bad input %o fails fast with a clear message', async (extra, message) => {
  const run = await fake.ws.run(inputs(extra));
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(message);
  expect(run.stdout).not.toMatch(/\n\s+at .*\.js:\d+/);
  expect(fake.graph.requests).toHaveLength(0);
  expect(visible(run.stdout)).not.toContain('webhookb2/abc');
});

test('alerts-file that is not JSON is named in the error', async () => {
  await fs.writeFile(path.join(fake.ws.dir, 'alerts.json'), '{"value": [');
  const run = await fake.ws.run({ source: 'file', 'alerts-file': 'alerts.json', 'snapshot-store': 'file' });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/::error::Input 'alerts-file' names 'alerts.json', which is not valid JSON/);
});

test('dry-run prints cards, posts nothing, saves nothing', async () => {
  fake.graph.alerts = [makeAlert(1)];
  const run = await fake.ws.run(inputs({ 'dry-run': 'true' }));
  expect(run.code).toBe(0);
  expect(fake.teams.attempts).toBe(0);
  expect(run.stdout).toContain('"type": "AdaptiveCard"');
  await expect(fs.stat(path.join(fake.ws.dir, '.m365-alerts/snapshot.json'))).rejects.toThrow();
  expect(run.outputs['snapshot-key']).toBe('');
});

test('first-run: silent records the alerts without posting; later alerts are posted', async () => {
  fake.graph.alerts = [makeAlert(1), makeAlert(2)];
  const quiet = await fake.ws.run(inputs({ 'first-run': 'silent' }));
  expect(quiet.code).toBe(0);
  expect(fake.teams.received).toHaveLength(0);
  fake.graph.alerts.push(makeAlert(3, { lastUpdateDateTime: new Date().toISOString() }));
  await fake.ws.run(inputs({ 'first-run': 'silent' }));
  expect(titles()).toEqual(['Suspicious execution of hidden file #3']);
});
