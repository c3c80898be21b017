import path from 'node:path';
import { DIST } from '../fakes/runner.js';
import type { AuditRecordInLog } from '../fakes/audit.js';
import { visible } from '../helpers/action-inputs.js';
import { useFakeTenant } from '../helpers/fake-tenant.js';

/**
 * rules, end to end: the bundled action against a fake Audit Log Query API whose queries run on Graph's
 * clock, over several runs in simulated time (the action's clock and Graph's move together).
 */
const fake = useFakeTenant();
const MIN = 60_000;

const RULES = `
- name: Mass file deletion
  type: threshold
  severity: high
  operations: [FileDeleted, FileDeletedFirstStageRecycleBin, FileDeletedSecondStageRecycleBin]
  threshold: 100
  window: 10m
  group-by: userPrincipalName
- name: Inbox rule forwards mail
  type: match
  severity: high
  operations: [New-InboxRule, Set-InboxRule]
  where:
    - {field: auditData.Parameters.Name, in: [ForwardTo, RedirectTo, ForwardAsAttachmentTo, ForwardingSmtpAddress]}
- name: New sign-in IP
  type: new-value
  severity: low
  operations: [UserLoggedIn]
  value: clientIp
  group-by: userPrincipalName
  learn-for: 0s
`;

let serial = 0;
/** The fresh tier queries a window once its records are in the log: 30 minutes after it ends (audit-ledger.ts). */
const LAG = 30;
/**
 * A record created `minutesAgo` (plus the fresh tier's lag) before Graph's clock (simulated), reaching the log
 * `lateMinutes` after that clock. The lag keeps each record where it was against the fresh windows.
 */
function record(operation: string, minutesAgo: number, fields: Record<string, unknown> = {}, lateMinutes = 0): AuditRecordInLog {
  const now = Date.now() + fake.graph.clockOffsetMs - LAG * MIN;
  serial++;
  return {
    id: `0f${serial.toString(16).padStart(6, '0')}-7eca-f9a1-97a5-dedd3260e24a`,
    createdDateTime: new Date(now - minutesAgo * MIN).toISOString(),
    auditLogRecordType: 'sharePointFileOperation',
    operation,
    organizationId: 'c1a2b3c4-0000-4000-8000-000000000001',
    userType: 'regular',
    userId: 'megan@contoso.com',
    service: 'SharePoint',
    objectId: `https://contoso.sharepoint.com/sites/finance/Shared Documents/q${serial}.xlsx`,
    userPrincipalName: 'megan@contoso.com',
    clientIp: '203.0.113.10',
    auditData: { '@odata.type': 'microsoft.graph.security.auditData' },
    ...fields,
    ...(lateMinutes ? { visibleAt: now + (LAG + lateMinutes) * MIN } : {})
  };
}
const deletions = (count: number, fromMinutesAgo: number, spanMinutes: number, lateMinutes = 0) =>
  Array.from({ length: count }, (_, i) => record('FileDeleted', fromMinutesAgo - (spanMinutes * i) / count, {}, lateMinutes));

/** A run `offsetMs` into simulated time: the action's clock (preloaded shift) and Graph's agree. */
async function runAt(offsetMs: number, extra: Record<string, string> = {}) {
  fake.graph.clockOffsetMs = offsetMs;
  const env: Record<string, string> = offsetMs
    ? {
        NODE_OPTIONS: `--import=${path.join(path.dirname(DIST), '../__tests__/helpers/shift-clock.mjs')}`,
        CLOCK_OFFSET_MS: String(offsetMs)
      }
    : {};
  return fake.ws.run(fake.inputs({ rules: RULES, ...extra }), env);
}
const ruleCards = () => fake.teams.received.filter(r => r.text.includes('Audit log rule'));

test('120 deletions by one user in 10 minutes: created in one run, harvested in the next, exactly one notice naming user and count', async () => {
  fake.graph.audit.records = [
    ...deletions(120, 30, 8),
    ...deletions(50, 30, 8).map(r => ({ ...r, userPrincipalName: 'adele@contoso.com' }))
  ];
  const first = await runAt(0);
  expect(first.code).toBe(0);
  expect(first.outputs['rule-notice-count']).toBe('0');
  expect(fake.graph.audit.created).toHaveLength(1);
  expect(fake.graph.audit.created[0].operationFilters).toEqual(
    expect.arrayContaining(['FileDeleted', 'New-InboxRule', 'UserLoggedIn', 'FileDeletedSecondStageRecycleBin'])
  );
  const second = await runAt(MIN);
  expect(second.code).toBe(0);
  expect(second.outputs['rule-notice-count']).toBe('1');
  const cards = ruleCards();
  expect(cards).toHaveLength(1);
  expect(cards[0].text).toContain('Mass file deletion: 120 events in 10 min by megan@contoso[.]com');
  expect(cards[0].text).toContain('threshold 100');
  expect(cards[0].text).toContain('https://purview.microsoft.com/audit/auditsearch');
  expect(cards[0].text).not.toContain('adele');
  // Nothing new: the next runs post nothing, also when a later window reads the same records again.
  const third = await runAt(12 * MIN);
  expect([third.code, third.outputs['rule-notice-count']]).toEqual([0, '0']);
  await runAt(13 * MIN);
  const late = await runAt(8 * 60 * MIN);
  await runAt(8 * 60 * MIN + MIN);
  expect(late.code).toBe(0);
  expect(ruleCards()).toHaveLength(1);
});

test('the same burst split across two query windows is still one notice; a forwarding inbox rule is one match notice', async () => {
  fake.graph.audit.records = deletions(60, 8, 3);
  await runAt(0);
  expect((await runAt(MIN)).outputs['rule-notice-count']).toBe('0');
  // 31 minutes later (the next fresh window): 60 more of the same burst, and a forwarding inbox rule.
  fake.graph.clockOffsetMs = 31 * MIN;
  fake.graph.audit.records.push(
    ...deletions(60, 32, 3),
    record('New-InboxRule', 12, {
      auditLogRecordType: 'exchangeAdmin',
      service: 'Exchange',
      objectId: 'megan@contoso.com\\Forward all',
      auditData: {
        Parameters: [
          { Name: 'Name', Value: 'Forward all' },
          { Name: 'ForwardTo', Value: 'drop@example.net' }
        ]
      }
    })
  );
  await runAt(31 * MIN);
  const harvest = await runAt(32 * MIN);
  expect(harvest.code).toBe(0);
  expect(harvest.outputs['rule-notice-count']).toBe('2');
  const texts = ruleCards().map(card => card.text);
  expect(texts.filter(text => text.includes('Mass file deletion'))).toHaveLength(1);
  expect(texts.filter(text => text.includes('Inbox rule forwards mail: New-InboxRule by megan@contoso[.]com'))).toHaveLength(1);
});

test('a new sign-in IP for a user: one notice; the same IP again: none', async () => {
  const login = (minutesAgo: number, ip: string) =>
    record('UserLoggedIn', minutesAgo, {
      clientIp: ip,
      auditLogRecordType: 'azureActiveDirectoryStsLogon',
      service: 'AzureActiveDirectory'
    });
  fake.graph.audit.records = [login(60, '203.0.113.1')];
  await runAt(0);
  await runAt(MIN);
  expect(ruleCards()).toHaveLength(0);
  fake.graph.clockOffsetMs = 31 * MIN;
  fake.graph.audit.records.push(login(1, '198.51.100.9'));
  await runAt(31 * MIN);
  expect((await runAt(32 * MIN)).outputs['rule-notice-count']).toBe('1');
  // Addresses and domains are defanged on cards (untrusted text): 198[.]51[.]100[.]9.
  expect(ruleCards()[0].text).toContain('New sign-in IP: new clientIp 198[.]51[.]100[.]9 for megan@contoso[.]com');
  fake.graph.clockOffsetMs = 63 * MIN;
  fake.graph.audit.records.push(login(1, '198.51.100.9'));
  await runAt(63 * MIN);
  expect((await runAt(64 * MIN)).outputs['rule-notice-count']).toBe('0');
  expect(ruleCards()).toHaveLength(1);
});

test('quiet rules: empty windows on a fresh state and after a rule is added are harvested without error; a burst then fires once', async () => {
  // The seed's own example: 120 OneDrive sync downloads within 180 minutes, counted over all users.
  const syncRule = `
- name: Bulk sync
  type: threshold
  operations: [FileSyncDownloadedFull]
  threshold: 120
  window: 180m
- name: Consent
  type: match
  operations: [Consent to application.]
- name: New IP
  type: new-value
  operations: [UserLoggedIn]
  value: clientIp
  group-by: userPrincipalName
  learn-for: 0s`;
  const at = async (minutes: number, rules = syncRule) => {
    fake.graph.clockOffsetMs = minutes * MIN;
    const env = {
      NODE_OPTIONS: `--import=${path.join(path.dirname(DIST), '../__tests__/helpers/shift-clock.mjs')}`,
      CLOCK_OFFSET_MS: String(minutes * MIN)
    };
    return fake.ws.run(fake.inputs({ rules, 'max-run-time': '5m' }), env);
  };
  // Records of other operations only: every window is empty for these rules.
  fake.graph.audit.records = [record('FileAccessed', 10)];
  for (const minutes of [0, 1, 31, 32, 62]) {
    const run = await at(minutes);
    expect(run.code).toBe(0);
    expect(visible(run.stdout)).not.toMatch(/failed|given up|Cannot read/);
  }
  // A rule added later: its first windows are empty too.
  const more = `${syncRule}\n- name: Role\n  type: match\n  operations: [Add member to role.]`;
  for (const minutes of [63, 93]) {
    const run = await at(minutes, more);
    expect(run.code).toBe(0);
    expect(visible(run.stdout)).not.toMatch(/failed|given up|Cannot read/);
  }
  // 119 downloads over two hours by many users: no notice; the 120th: one.
  fake.graph.clockOffsetMs = 100 * MIN;
  const downloads = Array.from({ length: 119 }, (_, i) =>
    record('FileSyncDownloadedFull', 120 - i, { userPrincipalName: `u${i % 7}@contoso.com`, auditLogRecordType: 'oneDrive' })
  );
  fake.graph.audit.records.push(...downloads);
  for (const minutes of [100, 101, 131, 132]) expect((await at(minutes, more)).outputs['rule-notice-count']).toBe('0');
  fake.graph.clockOffsetMs = 133 * MIN;
  fake.graph.audit.records.push(record('FileSyncDownloadedFull', 3, { auditLogRecordType: 'oneDrive' }));
  const notices: string[] = [];
  for (const minutes of [133, 163, 164, 194, 195]) notices.push((await at(minutes, more)).outputs['rule-notice-count']);
  expect(notices.filter(n => n === '1')).toHaveLength(1);
  expect(ruleCards()).toHaveLength(1);
  expect(ruleCards()[0].text).toContain('Bulk sync: 120 events in 3 h');
});

test('a query that fails once, a 429 and a slow query: harvested later, nothing lost', async () => {
  fake.graph.audit.records = deletions(120, 30, 8);
  fake.graph.audit.throttleNext = 1;
  const throttled = await runAt(0);
  expect(throttled.code).toBe(0);
  expect(fake.graph.audit.created).toHaveLength(0);
  // The 429 asked for 60 s: two minutes later the query is created, and it fails.
  fake.graph.audit.failNext = 1;
  await runAt(2 * MIN);
  expect(fake.graph.audit.created).toHaveLength(1);
  const failed = await runAt(3 * MIN);
  expect(failed.code).toBe(0);
  expect(ruleCards()).toHaveLength(0);
  // Created again after the back-off (5 min); this one runs for 10 minutes.
  fake.graph.audit.runMs = 10 * MIN;
  await runAt(9 * MIN);
  expect(fake.graph.audit.created).toHaveLength(2);
  await runAt(14 * MIN);
  expect(ruleCards()).toHaveLength(0);
  const done = await runAt(20 * MIN);
  expect(done.outputs['rule-notice-count']).toBe('1');
  expect(ruleCards()).toHaveLength(1);
});

test('records that reach the log 3 hours late are counted by the late window within the day', async () => {
  // 60 deletions are in the log at once, 60 more of the same ten minutes arrive three hours late.
  fake.graph.audit.records = [...deletions(60, 30, 4), ...deletions(60, 26, 4, 180)];
  await runAt(0);
  expect((await runAt(MIN)).outputs['rule-notice-count']).toBe('0');
  let notices = 0;
  for (let hour = 1; hour <= 12 && notices === 0; hour++) {
    await runAt(hour * 60 * MIN);
    notices = Number((await runAt(hour * 60 * MIN + MIN)).outputs['rule-notice-count']);
  }
  expect(notices).toBe(1);
  expect(ruleCards()).toHaveLength(1);
  expect(ruleCards()[0].text).toContain('120 events in 10 min');
});

test("audit-api-version: Graph's 400 'not found for the segment' on v1.0 names the input and beta; alerts are still posted; beta works", async () => {
  fake.graph.audit.versions = new Set(['beta']);
  fake.graph.alerts = [(await import('../fakes/alerts.js')).makeAlert(1)];
  const run = await runAt(0);
  expect(run.code).toBe(1);
  expect(visible(run.stdout)).toMatch(
    /::error::Microsoft Graph does not serve the audit log query API on v1\.0 \(HTTP 400\).*set the input audit-api-version to beta/
  );
  expect(run.outputs['posted-count']).toBe('1');
  const beta = await runAt(MIN, { 'audit-api-version': 'beta' });
  expect(beta.code).toBe(0);
  expect(fake.graph.audit.created).toHaveLength(1);
});

test('auditing off (AuditingDisabledTenant) says to turn it on in Purview, not to switch versions; alerts are still posted', async () => {
  fake.graph.audit.auditingDisabled = true;
  fake.graph.alerts = [(await import('../fakes/alerts.js')).makeAlert(1)];
  const run = await runAt(0);
  expect(run.code).toBe(1);
  const log = visible(run.stdout);
  expect(log).toMatch(
    /::error::Unified auditing is off for this tenant \(HTTP 400, AuditingDisabledTenant\).*Turn it on in Microsoft Purview/
  );
  expect(log).not.toContain('audit-api-version');
  expect(run.outputs['posted-count']).toBe('1');
});

test("any other 400 on create shows Graph's own text and no version advice", async () => {
  fake.graph.audit.badRequest = "Invalid filter clause: 'operationFilters' contains an invalid value.";
  const run = await runAt(0);
  expect(run.code).toBe(1);
  const log = visible(run.stdout);
  expect(log).toMatch(
    /::error::Microsoft Graph refused to create an audit log query \(HTTP 400\) \(Graph said: BadRequest: Invalid filter clause/
  );
  expect(log).not.toContain('audit-api-version');
});

test('a missing permission names AuditLogsQuery.Read.All; read-alerts: false reads no alerts', async () => {
  fake.graph.audit.deny = 403;
  const denied = await runAt(0);
  expect(denied.code).toBe(1);
  expect(visible(denied.stdout)).toMatch(/::error::Microsoft Graph denied the audit log query API \(HTTP 403\).*AuditLogsQuery\.Read\.All/);
  fake.graph.audit.deny = undefined;
  fake.graph.requests.length = 0;
  const rulesOnly = await runAt(MIN, { 'read-alerts': 'false' });
  expect(rulesOnly.code).toBe(0);
  expect(fake.graph.requests.filter(r => r.url.pathname.includes('alerts_v2'))).toEqual([]);
  expect(fake.graph.requests.filter(r => r.url.pathname.includes('auditLog')).length).toBeGreaterThan(0);
});

test('hostile audit records: workflow commands in fields, __proto__ as a group, deep nesting, wrong types', async () => {
  const deepJson = `{"id":"deep","createdDateTime":"${new Date(Date.now() - 5 * MIN).toISOString()}","operation":"New-InboxRule","auditData":${'{"Parameters":['.repeat(20_000)}{"Name":"ForwardTo"}${']}'.repeat(20_000)}}`;
  fake.graph.audit.records = [
    record('New-InboxRule', 5, {
      userPrincipalName: 'evil\n::error::pwned\n::stop-commands::x',
      auditData: { Parameters: [{ Name: 'ForwardTo', Value: '[click](https://evil.example)' }] }
    }),
    record('New-InboxRule', 5, { userPrincipalName: '__proto__', auditData: { Parameters: [{ Name: 'ForwardTo' }] } }),
    { rawJson: deepJson },
    record('New-InboxRule', 5, { id: { not: 'a string' } }),
    ...deletions(120, 30, 8).map(r => ({ ...r, userPrincipalName: 'constructor' }))
  ];
  await runAt(0);
  const run = await runAt(MIN);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(/^::(error::pwned|stop-commands)/m);
  expect(run.outputs['rule-notice-count']).toBe('3');
  const texts = ruleCards().map(card => card.text);
  expect(texts.some(text => text.includes('by constructor'))).toBe(true);
  expect(texts.join('\n')).not.toContain('https://evil.example');
  // The next run reads the snapshot it saved: the odd keys did not make it untrusted.
  expect((await runAt(2 * MIN)).code).toBe(0);
});

test('a harvest longer than the run allows stops at the time budget and continues next run: every record once', async () => {
  const rules = '- name: Deleted\n  type: match\n  operations: [FileDeleted]';
  fake.graph.audit.records = Array.from({ length: 40 }, (_, i) => record('FileDeleted', 20, { userPrincipalName: `u${i}@contoso.com` }));
  fake.graph.audit.pageSize = 1;
  const run = (offsetMs: number) => runAt(offsetMs, { rules, 'max-run-time': '5s', 'post-rate': '1000/1s', 'max-cards': '50' });
  await run(0);
  fake.graph.latencyMs = () => 150;
  const counts: number[] = [];
  for (let i = 1; i <= 8 && counts.reduce((a, b) => a + b, 0) < 40; i++) {
    const next = await run(i * MIN);
    expect(next.code).toBe(0);
    counts.push(Number(next.outputs['rule-notice-count']));
  }
  fake.graph.latencyMs = undefined;
  expect(counts.length).toBeGreaterThan(1); // it did not fit one run
  const users = fake.teams.received.flatMap(r => [...r.text.matchAll(/Deleted: FileDeleted by (u\d+)@/g)].map(m => m[1]));
  expect(users).toHaveLength(40);
  expect(new Set(users).size).toBe(40);
});

test("rules alone with the runner's clock far ahead of Graph's: the run stops before saving, and the fixed clock leaves no gap", async () => {
  const rules = '- name: Deleted\n  type: match\n  operations: [FileDeleted]';
  fake.graph.audit.records = [record('FileDeleted', 30, { userPrincipalName: 'early@contoso.com' })];
  const run = (offsetMs: number, env: Record<string, string> = {}) => {
    fake.graph.clockOffsetMs = 0;
    return fake.ws.run(fake.inputs({ rules, 'read-alerts': 'false' }), {
      NODE_OPTIONS: `--import=${path.join(path.dirname(DIST), '../__tests__/helpers/shift-clock.mjs')}`,
      CLOCK_OFFSET_MS: String(offsetMs),
      ...env
    });
  };
  expect((await run(0)).code).toBe(0);
  const ahead = await run(3 * 86_400_000);
  expect(ahead.code).toBe(1);
  expect(visible(ahead.stdout)).toMatch(/::error::The runner's clock is 4320 minutes ahead of Microsoft Graph's/);
  // Back on time: the first window is harvested, and a record made meanwhile is found by the next one.
  fake.graph.audit.records.push(record('FileDeleted', 1, { userPrincipalName: 'meanwhile@contoso.com' }));
  await run(MIN);
  fake.graph.clockOffsetMs = 0;
  const later = async (offset: number) => {
    fake.graph.clockOffsetMs = offset;
    return fake.ws.run(fake.inputs({ rules, 'read-alerts': 'false' }), {
      NODE_OPTIONS: `--import=${path.join(path.dirname(DIST), '../__tests__/helpers/shift-clock.mjs')}`,
      CLOCK_OFFSET_MS: String(offset)
    });
  };
  await later(11 * MIN);
  await later(12 * MIN);
  const users = fake.teams.received.flatMap(r => [...r.text.matchAll(/Deleted: FileDeleted by (\w+)@/g)].map(m => m[1]));
  expect(users.sort()).toEqual(['early', 'meanwhile']);
});

test('a window whose query keeps failing is retried with back-off, then given up with a warning naming it', async () => {
  fake.graph.audit.records = deletions(120, 30, 8);
  fake.graph.audit.failNext = 100;
  let offset = 0;
  let warned = '';
  let summary = '';
  for (let i = 0; i < 30 && !warned; i++) {
    const run = await runAt(offset);
    expect(run.code).toBe(0);
    warned =
      visible(run.stdout)
        .split('\n')
        .find(line => line.startsWith('::warning::Audit log query for')) ?? '';
    summary = run.summary;
    offset += 30 * MIN;
  }
  expect(warned).toMatch(/failed 6 times \(last: the query ended as failed\); this window is given up/);
  // Not a silent loss: the job summary names the window too, and lists every rule (quiet ones with 0).
  expect(summary).toMatch(/1 window\(s\) given up: \S+ – \S+<\/b> \(records only in them are not counted\)/);
  expect(summary).toMatch(/in the last 24 h, budget 100/);
  for (const name of ['Mass file deletion', 'Inbox rule forwards mail', 'New sign-in IP']) expect(summary).toContain(`<td>${name}</td>`);
  // The window the warning names had its query created six times.
  const named = /Audit log query for (\S+ – \S+) failed/.exec(warned)![1];
  expect(fake.graph.audit.created.filter(body => String(body.displayName).endsWith(named))).toHaveLength(6);
});

test('a query past its record limit (isRecordCountLimitExceeded) is read again in halves until every record is counted', async () => {
  const rules = '- name: Deleted\n  type: match\n  operations: [FileDeleted]';
  fake.graph.audit.records = Array.from({ length: 25 }, (_, i) =>
    record('FileDeleted', 60 - i * 2, { userPrincipalName: `u${i}@contoso.com` })
  );
  fake.graph.audit.recordLimit = 10;
  let warnings = '';
  for (let i = 0; i < 40; i++) {
    const run = await runAt(i * MIN, { rules, 'post-rate': '1000/1s', 'max-cards': '50' });
    expect(run.code).toBe(0);
    warnings += visible(run.stdout);
    const users = new Set(fake.teams.received.flatMap(r => [...r.text.matchAll(/Deleted: FileDeleted by (u\d+)@/g)].map(m => m[1])));
    if (users.size === 25) break;
  }
  const users = fake.teams.received.flatMap(r => [...r.text.matchAll(/Deleted: FileDeleted by (u\d+)@/g)].map(m => m[1]));
  expect(new Set(users).size).toBe(25);
  expect(users).toHaveLength(25);
  expect(warnings).toContain('reached its record limit (isRecordCountLimitExceeded); the window is read again in two halves');
});

test('a dry run creates no audit log query (nothing would be saved to harvest it)', async () => {
  fake.graph.audit.records = deletions(120, 30, 8);
  const dry = await runAt(0, { 'dry-run': 'true' });
  expect(dry.code).toBe(0);
  expect(fake.graph.audit.created).toHaveLength(0);
  expect(dry.stdout).toContain('Dry run: audit log queries in flight are read, but no new query is created');
});

test('routes send rule notices by title: mass deletion to the SOC channel, the rest to the default channel', async () => {
  fake.graph.audit.records = [
    ...deletions(120, 30, 8),
    record('New-InboxRule', 12, { auditData: { Parameters: [{ Name: 'ForwardTo', Value: 'drop@example.net' }] } })
  ];
  const routes = `- name: soc\n  title: ^Mass file deletion\n  webhook-url: ${fake.teams.workflowUrl('soc')}\n`;
  await runAt(0, { routes });
  const run = await runAt(MIN, { routes });
  expect(run.code).toBe(0);
  expect(
    ruleCards()
      .filter(card => card.path.startsWith('/workflows/soc/'))
      .map(card => card.text.includes('Mass file deletion'))
  ).toEqual([true]);
  expect(
    ruleCards()
      .filter(card => card.path.startsWith('/workflows/0a1b2c3d/'))
      .map(card => card.text.includes('Inbox rule forwards mail'))
  ).toEqual([true]);
});

test('a rule notice Teams refused stays owed, and is posted even after the rules were removed', async () => {
  fake.graph.audit.records = [record('New-InboxRule', 12, { auditData: { Parameters: [{ Name: 'ForwardTo', Value: 'x' }] } })];
  await runAt(0);
  fake.teams.faultFor = () => ({ kind: 'status', status: 500 });
  const refused = await runAt(MIN);
  fake.teams.faultFor = undefined;
  expect(refused.code).toBe(1);
  expect(refused.outputs['rule-notice-count']).toBe('1');
  expect(refused.outputs['owed-count']).toBe('1');
  expect(ruleCards()).toHaveLength(0);
  // The rules input is gone: the owed notice is still delivered, once.
  fake.graph.clockOffsetMs = 2 * MIN;
  const env = {
    NODE_OPTIONS: `--import=${path.join(path.dirname(DIST), '../__tests__/helpers/shift-clock.mjs')}`,
    CLOCK_OFFSET_MS: String(2 * MIN)
  };
  const carried = await fake.ws.run(fake.inputs(), env);
  expect(carried.code).toBe(0);
  expect(ruleCards().map(card => card.text.includes('Inbox rule forwards mail'))).toEqual([true]);
  const after = await fake.ws.run(fake.inputs(), env);
  expect(after.outputs['posted-count']).toBe('0');
  expect(ruleCards()).toHaveLength(1);
});
