import type { GraphAlert } from '../../src/model/alert.js';
import {
  alertKeeper,
  computeDelta,
  fetchWindowStart,
  FETCH_OVERLAP_MS,
  isNotifiable,
  nextSnapshot,
  RETENTION_MS,
  type DeltaSettings
} from '../../src/alerts/delta.js';
import type { Snapshot } from '../../src/snapshot/format.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const settings: DeltaSettings = {
  minSeverity: 'low',
  statuses: ['new', 'inProgress'],
  serviceSources: [],
  notifyOn: ['new'],
  firstRun: 'notify',
  lookbackMs: 86_400_000
};

function alert(id: string, changes: Partial<GraphAlert> = {}, minutesAgo = 30): GraphAlert {
  const at = new Date(NOW - minutesAgo * 60_000).toISOString();
  return {
    id,
    title: `Alert ${id}`,
    severity: 'medium',
    status: 'new',
    serviceSource: 'microsoftDefenderForEndpoint',
    createdDateTime: at,
    lastUpdateDateTime: at,
    ...changes
  };
}

/** One run: delta, then every notice delivered except those listed as failing. */
function run(previous: Snapshot | undefined, alerts: GraphAlert[], s: DeltaSettings = settings, failing: string[] = [], now = NOW) {
  const delta = computeDelta(previous, alerts, s, now);
  const delivered = new Set(delta.notices.filter(n => !failing.includes(n.alert.id)));
  return { delta, snapshot: nextSnapshot(delta, delivered, 'tenant', now) };
}
const ids = (delta: { notices: Array<{ alert: GraphAlert; kind: string }> }) => delta.notices.map(n => `${n.kind}:${n.alert.id}`);

test('filters: min-severity, statuses, service-sources', () => {
  expect(isNotifiable(alert('a', { severity: 'informational' }), settings)).toBe(false);
  expect(isNotifiable(alert('a', { severity: 'low' }), settings)).toBe(true);
  // A severity this action does not know cannot say the alert is below the bar: it is shown, not hidden.
  expect(isNotifiable(alert('a', { severity: 'unknownFutureValue' }), settings)).toBe(true);
  expect(isNotifiable(alert('a', { severity: undefined }), settings)).toBe(true);
  expect(isNotifiable(alert('a', { status: 'unknownFutureValue' }), settings)).toBe(true);
  expect(isNotifiable(alert('a', { status: 'resolved' }), settings)).toBe(false);
  expect(isNotifiable(alert('a', { serviceSource: 'dataLossPrevention' }), { ...settings, serviceSources: ['microsoftSentinel'] })).toBe(
    false
  );
  expect(isNotifiable(alert('a', { serviceSource: 'microsoftSentinel' }), { ...settings, serviceSources: ['microsoftSentinel'] })).toBe(
    true
  );
});

test('first run notifies notifiable alerts, most severe first; silent first run records them', () => {
  const alerts = [alert('low', { severity: 'low' }), alert('high', { severity: 'high' }), alert('info', { severity: 'informational' })];
  const { delta, snapshot } = run(undefined, alerts);
  expect(ids(delta)).toEqual(['new:high', 'new:low']);
  expect(delta.firstRun).toBe(true);
  expect(delta.newCount).toBe(2);
  expect(snapshot.alerts.info.n).toBeUndefined();
  expect(snapshot.alerts.high.n).toBeDefined();

  const silent = run(undefined, alerts, { ...settings, firstRun: 'silent' });
  expect(silent.delta.notices).toEqual([]);
  expect(run(silent.snapshot, alerts).delta.notices).toEqual([]);
});

test('an unchanged second run owes nothing; the same alert twice in one fetch counts once', () => {
  const a = alert('a');
  const { snapshot } = run(undefined, [a]);
  const second = run(snapshot, [a, { ...a }]);
  expect(second.delta.notices).toEqual([]);
  expect(second.delta.updatedCount).toBe(0);
});

test('a failed delivery is owed again, even when the alert is not fetched again', () => {
  const first = run(undefined, [alert('a'), alert('b')], settings, ['b']);
  expect(first.snapshot.alerts.b.a?.id).toBe('b');
  expect(first.snapshot.alerts.a.a).toBeUndefined();
  const retried = run(first.snapshot, []);
  expect(ids(retried.delta)).toEqual(['new:b']);
  expect(run(retried.snapshot, []).delta.notices).toEqual([]);
});

test('the fetch window never moves past an owed notice, and overlaps the cursor', () => {
  const first = run(undefined, [alert('old', {}, 120), alert('new', {}, 10)], settings, ['old']);
  expect(first.snapshot.cursor).toBe(NOW - 10 * 60_000);
  expect(fetchWindowStart(first.snapshot, NOW, settings.lookbackMs)).toBe(NOW - 120 * 60_000 - FETCH_OVERLAP_MS);
  const ok = run(undefined, [alert('new', {}, 10)]);
  expect(fetchWindowStart(ok.snapshot, NOW, settings.lookbackMs)).toBe(NOW - 10 * 60_000 - FETCH_OVERLAP_MS);
  expect(fetchWindowStart(undefined, NOW, settings.lookbackMs)).toBe(NOW - settings.lookbackMs);
});

test('an alert filtered out that escalates is posted as new, once', () => {
  const first = run(undefined, [alert('a', { severity: 'informational' })]);
  expect(first.delta.notices).toEqual([]);
  const escalated = run(first.snapshot, [alert('a', { severity: 'high' }, 5)]);
  expect(ids(escalated.delta)).toEqual(['new:a']);
  expect(escalated.delta.updatedCount).toBe(1);
  expect(run(escalated.snapshot, [alert('a', { severity: 'high' }, 5)]).delta.notices).toEqual([]);
});

test('resolved and updated follow-ups only when notify-on asks, and are counted either way', () => {
  const all = { ...settings, notifyOn: ['new', 'resolved', 'updated'] as DeltaSettings['notifyOn'] };
  const first = run(undefined, [alert('a'), alert('b')], all);
  const changed = [
    alert('a', { status: 'resolved', classification: 'truePositive' }, 5),
    alert('b', { assignedTo: 'secops@contoso.com' }, 5)
  ];
  const followUps = run(first.snapshot, changed, all);
  expect(ids(followUps.delta)).toEqual(['updated:b', 'resolved:a']);
  expect(followUps.delta.notices[1].previousSignature).toMatch(/^new\|medium/);
  expect(followUps.delta.resolvedCount).toBe(1);
  expect(followUps.delta.updatedCount).toBe(1);

  const quiet = run(first.snapshot, changed, settings);
  expect(quiet.delta.notices).toEqual([]);
  expect(quiet.delta.resolvedCount).toBe(1);
  // Recorded as told: turning notify-on up later does not post stale follow-ups.
  expect(run(quiet.snapshot, changed, all).delta.notices).toEqual([]);
});

test('a resolved alert that was never posted does not get a resolved notice; reopened, it is new', () => {
  const first = run(undefined, [alert('a', { status: 'resolved' })], { ...settings, notifyOn: ['new', 'resolved'] });
  expect(first.delta.notices).toEqual([]);
  const reopened = run(first.snapshot, [alert('a', { status: 'inProgress' }, 5)]);
  expect(ids(reopened.delta)).toEqual(['new:a']);
});

test('open-count counts notifiable unresolved alerts, including known ones not fetched this time', () => {
  const first = run(undefined, [alert('a'), alert('b', { status: 'resolved' }), alert('c', { severity: 'informational' })]);
  expect(first.delta.openCount).toBe(1);
  const second = run(first.snapshot, [alert('d', {}, 1)]);
  expect(second.delta.openCount).toBe(2);
});

test('old entries that owe nothing are pruned; owed ones are kept', () => {
  const minutesAgo = RETENTION_MS / 60_000 + 2 * 1440;
  const first = run(undefined, [alert('a', {}, minutesAgo), alert('b', {}, minutesAgo)], { ...settings, lookbackMs: 180 * 86_400_000 }, [
    'b'
  ]);
  expect(Object.keys(first.snapshot.alerts).sort()).toEqual(['a', 'b']);
  // Retention counts from the cursor (the newest alert seen), not from the clock alone.
  const later = run(first.snapshot, [alert('c', {}, 1)], settings, ['b']);
  expect(Object.keys(later.snapshot.alerts).sort()).toEqual(['b', 'c']);
});

test('alerts without an id are ignored; the newest copy of an alert wins', () => {
  const newer = alert('a', { severity: 'high' }, 1);
  const older = alert('a', { severity: 'low' }, 50);
  const { delta } = run(undefined, [newer, older, { id: '' } as GraphAlert, null as unknown as GraphAlert]);
  expect(delta.notices.map(n => n.alert.severity)).toEqual(['high']);
});

test('alertKeeper keeps whole only the alerts that may be posted, and trimming never changes the delta', () => {
  const first = run(undefined, [alert('told'), alert('quiet', { severity: 'informational' })]).snapshot;
  const fetched = [
    alert('told', {}, 5), // unchanged since told: trimmed
    alert('quiet', { severity: 'informational' }, 5), // below the filters, never told: trimmed
    alert('escalated', { severity: 'high' }, 5), // new and notifiable: whole
    alert('told2', { status: 'resolved' }, 5) // unknown, resolved: outside the filters, trimmed
  ];
  const keep = alertKeeper(first, { ...settings, notifyOn: ['new', 'resolved'] });
  const kept = fetched.map(alert => keep(alert));
  expect(kept.map(a => a.title !== undefined)).toEqual([false, false, true, false]);
  expect(keep(alert('told', { status: 'resolved' }, 1)).title).toBe('Alert told'); // follow-up owed: whole
  const withAll = computeDelta(first, fetched, { ...settings, notifyOn: ['new', 'resolved'] }, NOW);
  const withKept = computeDelta(first, kept, { ...settings, notifyOn: ['new', 'resolved'] }, NOW);
  expect(ids(withKept)).toEqual(ids(withAll));
  expect(nextSnapshot(withKept, new Set(withKept.notices), 't', NOW)).toEqual(nextSnapshot(withAll, new Set(withAll.notices), 't', NOW));
  // A silent first run posts nothing, so nothing is kept whole.
  expect(alertKeeper(undefined, { ...settings, firstRun: 'silent' })(alert('x')).title).toBeUndefined();
});

describe('reminders (remind-after)', () => {
  const HOUR = 3_600_000;
  const remind: DeltaSettings = { ...settings, notifyOn: ['new', 'resolved'], remindAfterMs: 24 * HOUR };
  const reminders = (delta: { notices: Array<{ kind: string; alert: GraphAlert }> }) =>
    delta.notices.filter(n => n.kind === 'reminder').map(n => n.alert.id);

  test('an open posted alert is reminded once per remind-after, from the snapshot alone', () => {
    const first = run(
      undefined,
      [
        alert('open', { title: 'Open one', alertWebUrl: 'https://security.microsoft.com/alerts/open' }),
        alert('quiet', { severity: 'informational' })
      ],
      remind
    );
    expect(first.snapshot.alerts.open.c).toEqual({
      title: 'Open one',
      severity: 'medium',
      serviceSource: 'microsoftDefenderForEndpoint',
      alertWebUrl: 'https://security.microsoft.com/alerts/open'
    });
    expect(first.snapshot.alerts.quiet.c).toBeUndefined();
    // 23 h later: not yet. Graph returns nothing (the alert did not change).
    expect(reminders(run(first.snapshot, [], remind, [], NOW + 23 * HOUR).delta)).toEqual([]);
    // 25 h later: one reminder, built from the copy.
    const due = run(first.snapshot, [], remind, [], NOW + 25 * HOUR);
    expect(reminders(due.delta)).toEqual(['open']);
    expect(due.delta.notices[0].alert).toMatchObject({ title: 'Open one', status: 'new', severity: 'medium' });
    expect(due.delta.reminderCount).toBe(1);
    // Delivered: not again until another 24 h have passed.
    expect(reminders(run(due.snapshot, [], remind, [], NOW + 30 * HOUR).delta)).toEqual([]);
    expect(reminders(run(due.snapshot, [], remind, [], NOW + 50 * HOUR).delta)).toEqual(['open']);
    // Not delivered: due again on the next run.
    const failed = run(first.snapshot, [], remind, ['open'], NOW + 25 * HOUR);
    expect(reminders(run(failed.snapshot, [], remind, [], NOW + 26 * HOUR).delta)).toEqual(['open']);
  });

  test('resolved, filtered-out or freshly updated alerts are not reminded; no remind-after, no copies', () => {
    const first = run(undefined, [alert('a'), alert('b'), alert('c')], remind);
    const later = NOW + 25 * HOUR;
    const at = (minutesAgo: number) => new Date(later - minutesAgo * 60_000).toISOString();
    const next = run(
      first.snapshot,
      [
        { ...alert('a'), status: 'resolved', lastUpdateDateTime: at(60) },
        { ...alert('b'), severity: 'informational', lastUpdateDateTime: at(60) }
      ],
      remind,
      [],
      later
    );
    expect(next.delta.notices.map(n => `${n.kind}:${n.alert.id}`)).toEqual(['resolved:a', 'reminder:c']);
    expect(next.snapshot.alerts.a.c).toBeUndefined();
    expect(next.snapshot.alerts.b.c).toBeUndefined();
    expect(reminders(run(next.snapshot, [], remind, [], later + 25 * HOUR).delta)).toEqual(['c']);
    expect(run(undefined, [alert('x')]).snapshot.alerts.x.c).toBeUndefined();
  });
});

test('60 daily runs with a notice owed all along: the window is never pinned past retention, and no delivered alert is ever re-posted', () => {
  const DAY = 86_400_000;
  // The tenant: a stuck alert whose notice keeps failing, and every day a new alert that is delivered.
  const tenant: GraphAlert[] = [{ ...alert('stuck', {}, 0), lastUpdateDateTime: new Date(NOW).toISOString() }];
  let snapshot: Snapshot | undefined;
  const posted = new Map<string, number>();
  for (let day = 0; day < 60; day++) {
    const now = NOW + day * DAY;
    const at = new Date(now - 60_000).toISOString();
    tenant.push({ ...alert(`d${day}`), createdDateTime: at, lastUpdateDateTime: at });
    // Graph returns what was updated since the window start, like $filter=lastUpdateDateTime ge.
    const since = fetchWindowStart(snapshot, now, settings.lookbackMs);
    if (snapshot?.cursor) expect(snapshot.cursor - since).toBeLessThanOrEqual(RETENTION_MS + FETCH_OVERLAP_MS);
    const fetched = tenant.filter(a => Date.parse(a.lastUpdateDateTime!) >= since);
    const result = run(snapshot, fetched, settings, ['stuck'], now);
    for (const notice of result.delta.notices)
      if (notice.alert.id !== 'stuck') posted.set(notice.alert.id, (posted.get(notice.alert.id) ?? 0) + 1);
    // The owed notice never expires: it is owed every day, from its stored copy once the window has moved on.
    expect(result.delta.notices.map(n => n.alert.id)).toContain('stuck');
    snapshot = result.snapshot;
  }
  expect(posted.size).toBe(60);
  expect([...posted.values()].every(count => count === 1)).toBe(true);
});
