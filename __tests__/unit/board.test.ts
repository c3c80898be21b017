import { boardContent, boardHash } from '../../src/board/open-set.js';
import { digestDue, localDayAndMinutes } from '../../src/board/schedule.js';
import { fitBoard } from '../../src/delivery/cards/board-card.js';
import { RENDERERS } from '../../src/delivery/cards/renderers.js';
import { MAX_STORED_BODY_BYTES, storedBodyBytes } from '../../src/delivery/cards/size.js';
import { GLOBAL_PORTALS } from '../../src/inputs/clouds.js';
import { parseDigestTime } from '../../src/inputs/board-inputs.js';
import type { Snapshot, SnapshotEntry } from '../../src/snapshot/format.js';
import { adaptiveCardProblems } from '../helpers/adaptive-cards.js';

const NOW = Date.parse('2026-12-05T08:00:00Z');
const DAY = 86_400_000;

function entry(n: number, status: string, severity: string, hoursOld: number, extra: Partial<SnapshotEntry> = {}): SnapshotEntry {
  const signature = `${status}|${severity}|||${n % 3 === 0 ? 'megan@contoso.com' : ''}`;
  return {
    u: NOW - hoursOld * 3_600_000,
    s: signature,
    n: signature,
    c: {
      title: `Alert ${n}`,
      severity,
      serviceSource: 'microsoftDefenderForEndpoint',
      alertWebUrl: `https://security.microsoft.com/alerts/${n}`,
      created: new Date(NOW - hoursOld * 3_600_000).toISOString()
    },
    ...extra
  };
}

function snapshot(entries: Record<string, SnapshotEntry>, more: Partial<Snapshot> = {}): Snapshot {
  return { version: 1, scope: 't', cursor: NOW, savedAt: new Date(NOW).toISOString(), alerts: entries, ...more };
}

test('the open set: told and not resolved, per channel, oldest first, at most 15 rows and a total; incidents and 24 h of rule notices', () => {
  const alerts: Record<string, SnapshotEntry> = {};
  for (let n = 1; n <= 20; n++) alerts[`a${n}`] = entry(n, 'new', n % 2 ? 'high' : 'low', n);
  alerts.resolved = entry(99, 'resolved', 'high', 200);
  alerts.untold = { ...entry(98, 'new', 'high', 300), n: undefined };
  alerts.soc = entry(97, 'inProgress', 'medium', 400, { d: { soc: 'x' } });
  const snap = snapshot(alerts, {
    incidents: { 1: { s: 'active|high|||', u: NOW }, 2: { s: 'resolved|low|||', u: NOW } },
    ruleLog: [
      [NOW - 2 * DAY, 'Old rule', 'default'],
      [NOW - 3_600_000, 'Mass file deletion', 'default'],
      [NOW - 60_000, 'Mass file deletion', 'default'],
      [NOW - 60_000, 'Consent', 'soc']
    ]
  });
  const board = boardContent(snap, 'default', NOW, 30 * DAY);
  expect(board.total).toBe(20);
  expect(board.rows).toHaveLength(15);
  expect(board.rows[0].title).toBe('Alert 20');
  expect(board.rows.map(r => r.title)).not.toContain('Alert 99');
  expect(board.bySeverity).toEqual({ high: 10, low: 10 });
  expect(board.incidentsBySeverity).toEqual({ high: 1 });
  expect(board.rules).toEqual({ 'Mass file deletion': 2 });
  const soc = boardContent(snap, 'soc', NOW, 30 * DAY);
  expect([soc.total, soc.rows[0].status, soc.rules]).toEqual([1, 'inProgress', { Consent: 1 }]);
  // What counts as a change does not depend on the snapshot's order or the refresh time.
  const reversed = snapshot(Object.fromEntries(Object.entries(alerts).reverse()), { incidents: snap.incidents, ruleLog: snap.ruleLog });
  expect(boardHash(boardContent(reversed, 'default', NOW + 60_000, 30 * DAY))).toBe(boardHash(board));
});

test('a full board of hostile-width titles stays within 26,000 bytes as stored and is a valid Adaptive Card', () => {
  const alerts: Record<string, SnapshotEntry> = {};
  for (let n = 1; n <= 40; n++) {
    const e = entry(n, 'new', 'high', n, { s: `new|high|||${'\\"用户'.repeat(40)}@contoso.com` });
    e.c!.title = '"\\警告'.repeat(60);
    alerts[`a${n}`] = e;
  }
  const board = boardContent(
    snapshot(alerts, {
      ruleLog: Array.from({ length: 50 }, (_, i) => [NOW, `规则 "${i}" ${'x'.repeat(60)}`, 'default'] as [number, string, string])
    }),
    'default',
    NOW,
    30 * DAY
  );
  const fitted = fitBoard(board, 'Open alerts board', GLOBAL_PORTALS);
  const card = RENDERERS.board.adaptive({ notices: [], board: fitted, digestHeading: 'Open alerts board', portalHosts: GLOBAL_PORTALS });
  expect(storedBodyBytes(card)).toBeLessThanOrEqual(MAX_STORED_BODY_BYTES);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(fitted.rows.length).toBeGreaterThan(5);
  expect(JSON.stringify(card)).toContain(`and ${40 - fitted.rows.length} more`);
});

test('digest times: Intl days and times in the zone, daylight saving included; bad times and zones refused', () => {
  const time = parseDigestTime('01:30 America/New_York')!;
  expect(time).toEqual({ minutes: 90, zone: 'America/New_York', text: '01:30 America/New_York' });
  expect(parseDigestTime('')).toBeUndefined();
  expect(parseDigestTime('08:30')!.zone).toBe('UTC');
  // 2026-11-01: New York's 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
  expect(localDayAndMinutes(Date.parse('2026-11-01T05:35:00Z'), 'America/New_York')).toEqual({ day: '2026-11-01', minutes: 95 });
  expect(localDayAndMinutes(Date.parse('2026-11-01T06:35:00Z'), 'America/New_York')).toEqual({ day: '2026-11-01', minutes: 95 });
  expect(digestDue(Date.parse('2026-11-01T05:35:00Z'), time, '2026-10-31')).toBe('2026-11-01');
  expect(digestDue(Date.parse('2026-11-01T06:35:00Z'), time, '2026-11-01')).toBeUndefined();
  expect(digestDue(Date.parse('2026-11-01T05:20:00Z'), time, '2026-10-31')).toBeUndefined();
  // Berlin, spring forward (2026-03-29: 02:00 becomes 03:00): a 02:30 digest is posted by the first run after.
  expect(digestDue(Date.parse('2026-03-29T01:05:00Z'), parseDigestTime('02:30 Europe/Berlin')!, '2026-03-28')).toBe('2026-03-29');
  expect(() => parseDigestTime('24:00')).toThrow(/Input 'open-alerts-digest' is '24:00', which is not a time of day/);
  expect(() => parseDigestTime('08:30 Europe/Atlantis')).toThrow(/not an IANA time zone/);
});

test('hostile and planted state: copies of the wrong type, titles with line breaks and workflow commands, foreign message ids', async () => {
  const { refInChannel } = await import('../../src/delivery/channels/bot/bot.js');
  const planted = entry(1, 'new', 'high', 5);
  planted.c = { title: 42, severity: { x: 1 }, serviceSource: null, alertWebUrl: ['x'], created: 7 } as never;
  const hostile = entry(2, 'new', 'high', 4);
  hostile.c!.title = 'Invoice\n::error::pwned [click](https://evil.example) <at>all</at>';
  hostile.c!.alertWebUrl = 'https://evil.example/alerts/2';
  const board = boardContent(snapshot({ planted, hostile }), 'default', NOW, 30 * DAY);
  // Unknown ages (a planted creation time) come last.
  expect(board.rows.map(r => r.title)).toEqual(['Invoice\n::error::pwned [click](https://evil.example) <at>all</at>', '']);
  for (const drawn of [
    RENDERERS.board.adaptive({ notices: [], board, portalHosts: GLOBAL_PORTALS }),
    RENDERERS.board.legacy({ notices: [], board, portalHosts: GLOBAL_PORTALS })
  ]) {
    const json = JSON.stringify(drawn);
    expect(json).not.toMatch(/\\n::/);
    expect(json).not.toContain('https://evil.example');
    expect(json).not.toContain('<at>');
  }
  // A stored message is edited only in its own channel, and only with a plain id.
  const ref = (conversationId: string, activityId: string) => ({
    serviceUrl: 'https://smba.trafficmanager.net/teams/',
    conversationId,
    activityId
  });
  expect(refInChannel(ref('19:a@thread.tacv2;messageid=17', '17'), '19:a@thread.tacv2')).toBe(true);
  expect(refInChannel(ref('19:b@thread.tacv2;messageid=17', '17'), '19:a@thread.tacv2')).toBe(false);
  expect(refInChannel(ref('19:a@thread.tacv2;messageid=17', '../../v3/x'), '19:a@thread.tacv2')).toBe(false);
  expect(refInChannel(undefined, '19:a@thread.tacv2')).toBe(false);
});

test('the rule log keeps the last 24 hours: older and future-dated entries are dropped', async () => {
  const { settle } = await import('../../src/run/settle.js');
  const { computeDelta } = await import('../../src/alerts/delta.js');
  const delta = computeDelta(
    undefined,
    [],
    { minSeverity: 'low', statuses: ['new'], serviceSources: [], notifyOn: ['new'], firstRun: 'notify', lookbackMs: DAY },
    NOW
  );
  const settled = settle({
    mode: 'post',
    delta,
    planned: [],
    results: [],
    hasRules: false,
    scope: 's',
    expiredSuppress: [],
    now: NOW,
    openAlerts: {
      ruleLog: [
        [NOW - DAY, 'old', 'default'],
        [NOW - 1000, 'kept', 'default'],
        [NOW + DAY, 'planted', 'default']
      ]
    }
  });
  expect(settled.snapshot!.ruleLog).toEqual([[NOW - 1000, 'kept', 'default']]);
});
