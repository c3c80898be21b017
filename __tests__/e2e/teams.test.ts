import { promises as fs } from 'node:fs';
import path from 'node:path';
import { makeAlert } from '../fakes/alerts.js';
import { visible } from '../helpers/action-inputs.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * End to end, Teams side: routes to several channels, reminders across runs, and the legacy connector
 * (MessageCard, HTTP 200 answers that are failures). dist/index.js against loopback fakes.
 */
const fake = useFakeTenant();
const { inputs } = fake;

/** Alert numbers (makeAlert's #n) on the cards a workflow received. */
const numbersAt = (workflow: string) =>
  fake.teams.received
    .filter(r => r.path.startsWith(`/workflows/${workflow}/`))
    .flatMap(r => [...r.text.matchAll(/hidden file #(\d+)/g)].map(m => Number(m[1])))
    .sort((a, b) => a - b);

const dlp = { serviceSource: 'dataLossPrevention', detectionSource: 'dataLossPrevention', title: 'DLP policy match for document #N' };

test('routes: DLP to compliance, high endpoint alerts to the SOC, the rest to the default channel; URLs masked', async () => {
  fake.graph.alerts = [
    makeAlert(1, { ...dlp, title: 'Suspicious execution of hidden file #1 (DLP)' }),
    makeAlert(2, { severity: 'high' }),
    makeAlert(3, { severity: 'low' }),
    makeAlert(4, { severity: 'high', title: 'Ransomware activity: hidden file #4' })
  ];
  const routes = `
- name: compliance
  service-sources: [dataLossPrevention, microsoftInsiderRiskManagement]
  webhook-url: ${fake.teams.workflowUrl('compliance')}
- name: soc-ransomware
  title: ransom
  webhook-url: ${fake.teams.workflowUrl('ransom')}
- name: soc
  service-sources: microsoftDefenderForEndpoint
  min-severity: high
  webhook-url: ${fake.teams.workflowUrl('soc')}
`;
  const run = await fake.ws.run(inputs({ routes }));
  expect(run.code).toBe(0);
  expect(numbersAt('compliance')).toEqual([1]);
  expect(numbersAt('ransom')).toEqual([4]);
  expect(numbersAt('soc')).toEqual([2]);
  expect(numbersAt('0a1b2c3d')).toEqual([3]);
  expect(run.outputs['posted-count']).toBe('4');
  // The route URLs are masked for the runner, and appear nowhere in what it shows.
  for (const workflow of ['compliance', 'ransom', 'soc']) {
    // (workflow commands escape % as %25; the runner decodes it)
    expect(run.stdout).toContain(`::add-mask::${fake.teams.workflowUrl(workflow).replace(/%/g, '%25')}`);
    expect(visible(run.stdout)).not.toContain(`/workflows/${workflow}/`);
  }
  // The report names each card's channel by route name.
  const report = JSON.parse(await fs.readFile(run.outputs['report-path'], 'utf8'));
  expect(report.cards.map((card: any) => card.label.split(' ')[0]).sort()).toEqual([
    '[compliance]',
    '[default]',
    '[soc-ransomware]',
    '[soc]'
  ]);
  // Nothing new: nothing posted anywhere.
  const again = await fake.ws.run(inputs({ routes }));
  expect(again.code).toBe(0);
  expect(fake.teams.received).toHaveLength(4);
});

test('follow-ups go where the card went: a resolution reaches the channel that had the card; an escalation also brings a new card to the channel it now routes to; a failed copy is retried only where it is missing', async () => {
  const routes = `
- name: soc
  min-severity: high
  webhook-url: ${fake.teams.workflowUrl('soc')}
`;
  const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  fake.graph.alerts = [makeAlert(1, { severity: 'high' }), makeAlert(2, { severity: 'medium' })];
  const run = (extra: Record<string, string> = {}) => fake.ws.run(inputs({ routes, 'notify-on': 'new,updated,resolved', ...extra }));
  expect((await run()).code).toBe(0);
  expect([numbersAt('soc'), numbersAt('0a1b2c3d')]).toEqual([[1], [2]]);
  // Alert 1 is downgraded to medium and resolved: the SOC, which has its card, hears it; the default channel does not.
  fake.graph.alerts = [
    makeAlert(1, { severity: 'medium', status: 'resolved', lastUpdateDateTime: at(1) }),
    makeAlert(2, { severity: 'medium' })
  ];
  const resolved = await run();
  expect(resolved.code).toBe(0);
  expect([numbersAt('soc'), numbersAt('0a1b2c3d')]).toEqual([[1, 1], [2]]);
  // Alert 2 escalates to high: the default channel (which has its card) hears the change, the SOC gets a new card.
  fake.teams.faultFor = card => (card.path.startsWith('/workflows/soc/') ? { kind: 'status', status: 500 } : undefined);
  fake.graph.alerts = [makeAlert(2, { severity: 'high', lastUpdateDateTime: at(2) })];
  const partly = await run();
  expect(partly.code).toBe(1);
  expect(partly.outputs['failed-count']).toBe('1');
  expect([numbersAt('soc'), numbersAt('0a1b2c3d')]).toEqual([
    [1, 1],
    [2, 2]
  ]);
  fake.teams.faultFor = undefined;
  const retried = await run();
  expect(retried.code).toBe(0);
  // The SOC gets its new card; the default channel, already told, is not told twice.
  expect([numbersAt('soc'), numbersAt('0a1b2c3d')]).toEqual([
    [1, 1, 2],
    [2, 2]
  ]);
  const socCard = fake.teams.received.filter(r => r.path.startsWith('/workflows/soc/')).at(-1)!;
  expect(socCard.text).toContain('New alert');
  expect((await run()).outputs['posted-count']).toBe('0');
});

test('an alert that matches no route, with no teams-webhook-url, fails the step and is kept for the next run', async () => {
  fake.graph.alerts = [makeAlert(1, dlp), makeAlert(2, { severity: 'high' })];
  const routes = JSON.stringify([
    { name: 'compliance', 'service-sources': ['dataLossPrevention'], 'webhook-url': fake.teams.workflowUrl('compliance') }
  ]);
  const first = await fake.ws.run(inputs({ routes, 'teams-webhook-url': '' }));
  expect(first.code).toBe(1);
  expect(fake.teams.received).toHaveLength(1);
  expect(first.stdout).toMatch(/matches no route and teams-webhook-url is empty/);
  expect(first.outputs['failed-count']).toBe('1');
  // Once a catch-all route exists, the kept alert is posted, and only it.
  const catchAll = JSON.stringify([...JSON.parse(routes), { name: 'everything-else', 'webhook-url': fake.teams.workflowUrl('rest') }]);
  const second = await fake.ws.run(inputs({ routes: catchAll, 'teams-webhook-url': '' }));
  expect(second.code).toBe(0);
  expect(numbersAt('rest')).toEqual([2]);
  expect(fake.teams.received).toHaveLength(2);
});

test('a bad route is a clear settings error that never repeats the webhook URL', async () => {
  const secretUrl = fake.teams.workflowUrl('secret-flow');
  const run = await fake.ws.run(inputs({ routes: `- name: soc\n  severity: critical\n  webhook-url: ${secretUrl}\n` }));
  expect(run.code).toBe(1);
  expect(visible(run.stdout)).toMatch(
    /::error::Input 'routes' route 'soc': 'severity' has 'critical', which is not a valid value\. Valid values: informational, low, medium, high\./
  );
  expect(visible(run.stdout)).not.toContain('secret-flow');
  expect(fake.teams.received).toHaveLength(0);
});

test('reminders across runs: one digest of alerts still open after remind-after, then not again until it has passed', async () => {
  fake.graph.alerts = [makeAlert(1, { severity: 'high' }), makeAlert(2), makeAlert(3)];
  const settings = inputs({ 'remind-after': '24h', 'notify-on': 'new,resolved' });
  expect((await fake.ws.run(settings)).code).toBe(0);
  expect(fake.teams.received).toHaveLength(3);
  // A day passes: the alerts are untouched (Graph returns none of them), #3 was resolved meanwhile.
  fake.graph.alerts[2].status = 'resolved';
  fake.graph.alerts[2].lastUpdateDateTime = new Date().toISOString();
  const snapshotFile = path.join(fake.ws.dir, '.m365-alerts/snapshot.json');
  const snapshot = JSON.parse(await fs.readFile(snapshotFile, 'utf8'));
  for (const entry of Object.values<any>(snapshot.alerts)) entry.t -= 25 * 3_600_000;
  await fs.writeFile(snapshotFile, JSON.stringify(snapshot));

  const due = await fake.ws.run(settings);
  expect(due.code).toBe(0);
  expect(due.outputs['reminder-count']).toBe('2');
  const [resolved, reminder] = fake.teams.received.slice(3);
  expect(resolved.text).toMatch(/Resolved/);
  expect(reminder.card.body[0].text).toBe('Reminder: 2 alerts are still unresolved, with no news for 1 day');
  expect(reminder.text).toMatch(/hidden file #1/);
  expect(reminder.text).toMatch(/hidden file #2/);
  expect(reminder.text).not.toMatch(/hidden file #3/);
  expect(fake.teams.received).toHaveLength(5);

  const next = await fake.ws.run(settings);
  expect(next.code).toBe(0);
  expect(next.outputs['reminder-count']).toBe('0');
  expect(fake.teams.received).toHaveLength(5);
});

test('legacy connector (allowed): MessageCards without markdown; an HTTP 200 throttling text is a failure that is retried', async () => {
  fake.graph.alerts = [makeAlert(1, { title: '**Urgent** [click](https://evil.example/x) <at>CEO</at> #1' }), makeAlert(2)];
  fake.teams.faults.push({
    kind: 'status',
    status: 200,
    body: 'Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi-production-eus-azsc2-4-170,cv=deadbeef.0..'
  });
  const run = await fake.ws.run(inputs({ 'teams-webhook-url': fake.teams.connectorUrl, 'allow-legacy-connector': 'true' }));
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/connector answered "Microsoft Teams endpoint returned HTTP error 429/);
  expect(fake.teams.received).toHaveLength(2);
  for (const { card } of fake.teams.received) {
    expect(card['@type']).toBe('MessageCard');
    expect(card.sections.every((section: any) => section.markdown === false)).toBe(true);
  }
  const hostile = fake.teams.received.find(r => r.text.includes('Urgent'))!;
  expect(hostile.text).not.toMatch(/https:\/\/evil|<at>/);
  expect(hostile.card.potentialAction.map((a: any) => a.targets[0].uri)).toEqual([
    expect.stringMatching(/^https:\/\/security\.microsoft\.com\/alerts\//),
    expect.stringMatching(/^https:\/\/security\.microsoft\.com\/incidents\//)
  ]);
});

test('legacy connector URL without allow-legacy-connector: rejected with the migration steps, nothing posted', async () => {
  fake.graph.alerts = [makeAlert(1)];
  const run = await fake.ws.run(inputs({ 'teams-webhook-url': fake.teams.connectorUrl }));
  expect(run.code).toBe(1);
  expect(visible(run.stdout)).toMatch(
    /Office 365 connector.*retired.*Workflows template "Send webhook alerts to a channel" \(formerly "Post to a channel when a webhook request is received"\)/
  );
  expect(fake.teams.attempts).toBe(0);
});
