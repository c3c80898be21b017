import { gzipSync } from 'node:zlib';
import type { GraphAlert } from '../../src/model/alert.js';
import { timeOf } from '../../src/model/alert.js';
import { newLedger, planWindows, recordCreation } from '../../src/rules/audit-ledger.js';
import { emptyRuleEvalState, ensureRuleStates, evaluateRecords, pruneRuleState } from '../../src/rules/rule-eval.js';
import { computeDelta, fetchWindowStart, isNotifiable, nextSnapshot, type DeltaSettings } from '../../src/alerts/delta.js';
import { parseRules } from '../../src/rules/rules.js';
import { fitSnapshot } from '../../src/snapshot/budget.js';
import { parseSnapshot, serializeSnapshot, type Snapshot } from '../../src/snapshot/format.js';
import { parseSuppress } from '../../src/suppress/suppress.js';
import { makeAlert } from '../fakes/alerts.js';
import { prng } from '../fakes/prng.js';

/**
 * Soak: a virtual year of scheduled runs on one snapshot, compressed (a run a day, each doing a day's work, the pure core
 * in process: the delta, suppress rules, reminders, audit rule state and its query ledger, the save
 * budget and a signed snapshot's round trip). The tenant raises 60 alerts a day, a third of them held
 * back for good by a suppress rule and some by a snooze that ends on day 100; audit records come from
 * 1,000 users. It asserts that the snapshot levels off, that the work of a run stays flat, and that every
 * notifiable alert not held back was told; it prints the snapshot's size after 30, 180 and 365 days
 * (the README's measured section quotes them).
 */
const DAY = 86_400_000;
const RUN_EVERY = 24 * 3_600_000;
const START = Date.UTC(2026, 0, 1);
const DAYS = Number(process.env.SOAK_DAYS ?? 365);
const KEY = 'soak-test-signing-key-0123456789';

test('a virtual year of runs: the snapshot levels off, a run does no more work in month 12 than in month 2, nothing owed is lost', () => {
  const next = prng(2026);
  const suppress = parseSuppress(`
- name: scanner
  reason: The vulnerability scanner's subnet, reviewed quarterly
  ips: [198.51.100.0/24]
- name: pen-test
  reason: External penetration test, SEC-1234
  until: ${new Date(START + 100 * DAY).toISOString()}
  title: pen-test
`);
  const settings: DeltaSettings = {
    minSeverity: 'low',
    statuses: ['new', 'inProgress'],
    serviceSources: [],
    notifyOn: ['new', 'updated', 'resolved'],
    firstRun: 'notify',
    lookbackMs: DAY,
    remindAfterMs: DAY,
    suppress
  };
  const rules = parseRules(`
- name: New IP
  type: new-value
  operations: [UserLoggedIn]
  value: clientIp
  group-by: userPrincipalName
  learn-for: 7d
- name: Mass deletion
  type: threshold
  operations: [FileRecycled]
  threshold: 100
  window: 10m
  group-by: userPrincipalName
`);

  const tenant = new Map<string, GraphAlert>();
  const told = new Set<string>();
  const heldForGood = new Set<string>();
  const resolvedAt = new Map<string, number>();
  let n = 0;
  let snapshot: Snapshot | undefined;
  const audit = { w: newLedger(START, DAY), r: emptyRuleEvalState(), o: Object.create(null), t: Object.create(null) };
  const sizes = new Map<number, number>();
  const work: Array<{ day: number; fetched: number; entries: number }> = [];

  for (let now = START; now < START + DAYS * DAY; now += RUN_EVERY) {
    const day = Math.floor((now - START) / DAY);
    // The tenant: 60 new alerts a day, a third from the scanner's subnet; older ones get resolved.
    for (let i = 0; i < 60; i++) {
      const k = ++n;
      const created = new Date(now - Math.floor(next() * RUN_EVERY)).toISOString();
      const scanner = k % 3 === 0;
      const alert = makeAlert(k, {
        severity: ['low', 'medium', 'high'][k % 3],
        title: k % 17 === 0 ? `pen-test finding #${k}` : `Suspicious execution of hidden file #${k}`,
        createdDateTime: created,
        lastUpdateDateTime: created,
        evidence: [{ '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: scanner ? '198.51.100.7' : '203.0.113.9' }]
      }) as GraphAlert;
      tenant.set(alert.id, alert);
      if (scanner) heldForGood.add(alert.id);
    }
    for (const alert of tenant.values()) {
      const age = now - timeOf(alert.createdDateTime);
      if (alert.status !== 'resolved' && age > 2 * DAY && next() < 0.3) {
        alert.status = 'resolved';
        alert.lastUpdateDateTime = new Date(now - 1000).toISOString();
        resolvedAt.set(alert.id, now);
      }
    }
    // Graph: alerts_v2 keeps 180 days; the fetch asks for those updated since the window's start.
    for (const [id, alert] of tenant) if (now - timeOf(alert.createdDateTime) > 180 * DAY) tenant.delete(id);
    const since = fetchWindowStart(snapshot, now, settings.lookbackMs);
    const fetched = [...tenant.values()].filter(alert => timeOf(alert.lastUpdateDateTime) >= since).map(alert => ({ ...alert }));

    const delta = computeDelta(snapshot, fetched, settings, now);
    for (const notice of delta.notices) if (notice.kind === 'new') told.add(notice.alert.id);
    const saved = nextSnapshot(delta, new Set(delta.notices), 'soak', now);

    // Audit rules: a day's records (1,000 users signing in, some deleting) through the rules' state and ledger.
    planWindows(audit.w, now, now - 2 * DAY);
    for (let created = audit.w.windows.splice(0).length; created > 0; created--) recordCreation(audit.w, now);
    ensureRuleStates(audit.r, rules, now - RUN_EVERY);
    const records = Array.from({ length: 600 }, (_, i) => {
      // A user signs in from a handful of addresses (home, office, phone), now and then from a new one.
      const user = Math.floor(next() * 1000);
      return {
        id: `rec-${now}-${i}`,
        createdDateTime: new Date(now - Math.floor(next() * RUN_EVERY)).toISOString(),
        operation: i % 10 === 0 ? 'FileRecycled' : 'UserLoggedIn',
        userPrincipalName: `user${user}@contoso.com`,
        clientIp: `203.0.${user % 200}.${next() < 0.98 ? Math.floor(next() * 4) : Math.floor(next() * 250)}`
      };
    });
    evaluateRecords(audit.r, rules, records, now - RUN_EVERY, now, 2 * DAY, false);
    pruneRuleState(audit.r, rules, now, 2 * DAY);
    saved.audit = audit;

    // Saved within the budget, signed, and read back as the next run would.
    const fitted = fitSnapshot(saved, JSON.stringify(saved));
    snapshot = parseSnapshot(serializeSnapshot(saved, KEY, fitted.json, 'soak-key'), {
      scope: 'soak',
      now,
      signingKeys: [KEY],
      boundTo: 'soak-key'
    });
    if ([30, 180, 364].includes(day) && !sizes.has(day)) sizes.set(day, Buffer.byteLength(gzipSync(fitted.json)));
    work.push({ day, fetched: fetched.length, entries: Object.keys(snapshot.alerts).length });
  }

  const kb = (day: number) => (sizes.get(day)! / 1024).toFixed(0);
  console.log(`soak: snapshot (gzip) after 30 / 180 / 365 days: ${kb(30)} / ${kb(180)} / ${kb(364)} KB`);
  // Levels off: the last half-year adds (almost) nothing.
  expect(sizes.get(364)!).toBeLessThanOrEqual(sizes.get(180)! * 1.15);
  expect(sizes.get(180)!).toBeLessThanOrEqual(sizes.get(30)! * 2);
  // The work of a run: entries kept and alerts fetched, month 2 against month 12.
  const mean = (from: number, to: number, pick: (w: (typeof work)[number]) => number) => {
    const slice = work.filter(w => w.day >= from && w.day < to);
    return slice.reduce((sum, w) => sum + pick(w), 0) / slice.length;
  };
  expect(mean(335, 365, w => w.entries)).toBeLessThanOrEqual(mean(30, 60, w => w.entries) * 1.2);
  expect(mean(335, 365, w => w.fetched)).toBeLessThanOrEqual(mean(30, 60, w => w.fetched) * 1.5);
  // Nothing lost: every alert that was notifiable when created and not held back for good was told; one
  // held by the snooze was told when the snooze ended, unless it had been resolved before (no news then).
  const snoozeEnd = START + 100 * DAY;
  for (let k = 1; k <= n; k++) {
    const id = (makeAlert(k) as GraphAlert).id;
    const created = START + Math.floor((k - 1) / 60) * RUN_EVERY;
    if (heldForGood.has(id) || created > START + 364 * DAY) continue;
    if (k % 17 === 0 && created < snoozeEnd && (resolvedAt.get(id) ?? Infinity) <= snoozeEnd) continue;
    if (!isNotifiable({ severity: ['low', 'medium', 'high'][k % 3], status: 'new' } as GraphAlert, settings)) continue;
    expect([k, told.has(id)]).toEqual([k, true]);
  }
}, 120_000);
