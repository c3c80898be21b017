import fc from 'fast-check';
import { computeDelta, fetchWindowStart, type DeltaSettings } from '../../src/alerts/delta.js';
import type { DeliveryResult } from '../../src/delivery/channels/webhook/webhook.js';
import type { GraphAlert } from '../../src/model/alert.js';
import type { Notice } from '../../src/model/notice.js';
import type { AuditState } from '../../src/rules/audit-state.js';
import { settle, type SettleInput } from '../../src/run/settle.js';
import type { Snapshot } from '../../src/snapshot/format.js';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const settings: DeltaSettings = {
  minSeverity: 'low',
  statuses: ['new', 'inProgress'],
  serviceSources: [],
  notifyOn: ['new', 'updated', 'resolved'],
  firstRun: 'notify',
  lookbackMs: DAY
};

type Answer = 'accepted' | 'refused' | 'deferred';

/** One card per notice, answered as given (a channel copy `of` a notice counts for the original). */
function answered(notices: Notice[], answer: (notice: Notice, index: number) => Answer): DeliveryResult[] {
  return notices.map((notice, index) => {
    const a = answer(notice, index);
    const plan = {
      kind: 'alert' as const,
      card: { type: 'AdaptiveCard' as const, $schema: '', version: '1.4' as const, body: [] },
      notices: [notice],
      label: notice.alert.id,
      portalHosts: []
    };
    return a === 'accepted'
      ? { plan, delivered: true }
      : a === 'refused'
        ? { plan, delivered: false, error: 'HTTP 500' }
        : { plan, delivered: false, deferred: 'deadline' as const, error: 'not sent' };
  });
}

function input(delta: ReturnType<typeof computeDelta>, results: DeliveryResult[], now = NOW, more: Partial<SettleInput> = {}): SettleInput {
  return { mode: 'post', delta, planned: delta.notices, results, hasRules: false, scope: 's', expiredSuppress: [], now, ...more };
}

function alert(id: string, at: number, changes: Partial<GraphAlert> = {}): GraphAlert {
  const time = new Date(at).toISOString();
  return {
    id,
    title: `Alert ${id}`,
    severity: 'medium',
    status: 'new',
    serviceSource: 'microsoftDefenderForEndpoint',
    createdDateTime: time,
    lastUpdateDateTime: time,
    ...changes
  };
}

describe('settle', () => {
  test('accepted notices are told, refused and deferred ones owed; the snapshot keeps a copy of each owed alert', () => {
    const delta = computeDelta(undefined, [alert('a', NOW - MINUTE), alert('b', NOW - MINUTE), alert('c', NOW - MINUTE)], settings, NOW);
    const order: Answer[] = ['accepted', 'refused', 'deferred'];
    const settled = settle(
      input(
        delta,
        answered(delta.notices, (_, i) => order[i])
      )
    );
    expect([...settled.delivered].map(n => n.alert.id)).toEqual([delta.notices[0].alert.id]);
    expect(settled.owed.map(n => n.alert.id)).toEqual(delta.notices.slice(1).map(n => n.alert.id));
    const entries = settled.snapshot!.alerts;
    expect(entries[delta.notices[0].alert.id].a).toBeUndefined();
    for (const owed of settled.owed) expect(entries[owed.alert.id].a).toBeDefined();
  });

  test('a notice sent to several channels is delivered only when every copy was accepted', () => {
    const delta = computeDelta(undefined, [alert('a', NOW - MINUTE)], settings, NOW);
    const original = delta.notices[0];
    const copies: Notice[] = [
      { ...original, channel: 'soc', of: original },
      { ...original, channel: 'default', of: original }
    ];
    const half = settle(
      input(
        delta,
        answered(copies, (_, i) => (i === 0 ? 'accepted' : 'refused'))
      )
    );
    expect(half.delivered.size).toBe(0);
    expect(half.owed).toEqual([original]);
    // The channel that took it is recorded, so the next run posts it only where it is missing.
    expect(half.snapshot!.alerts.a.d).toEqual({ soc: expect.any(String) });
    const both = settle(
      input(
        delta,
        answered(copies, () => 'accepted')
      )
    );
    expect([...both.delivered]).toEqual([original]);
  });

  test('print mode counts every planned notice as told; a dry run tells nothing and saves nothing', () => {
    const delta = computeDelta(undefined, [alert('a', NOW - MINUTE)], settings, NOW);
    const printed = settle(input(delta, [], NOW, { mode: 'print' }));
    expect(printed.owed).toEqual([]);
    expect(printed.snapshot!.alerts.a.a).toBeUndefined();
    const dry = settle(
      input(
        delta,
        answered(delta.notices, () => 'accepted'),
        NOW,
        { mode: 'dry-run' }
      )
    );
    expect(dry.snapshot).toBeUndefined();
    expect(dry.delivered.size).toBe(0);
  });

  test('an incident card delivers the alert notices it carries; silent follow-ups are told', () => {
    const delta = computeDelta(undefined, [alert('a', NOW - MINUTE), alert('b', NOW - MINUTE)], settings, NOW);
    const [a, b] = delta.notices;
    const incident: Notice = {
      kind: 'new',
      alert: { id: 'incident:1' },
      incident: { incident: { id: '1' }, alerts: [a], changes: [], record: { s: 'active|high|', u: NOW } }
    };
    const incidentPlan = { notices: [incident], silent: [b], base: Object.create(null) };
    const settled = settle(
      input(
        delta,
        answered([incident], () => 'accepted'),
        NOW,
        { planned: [incident], incidentPlan }
      )
    );
    expect(settled.told).toEqual(new Set([incident, a, b]));
    expect(settled.snapshot!.incidents).toEqual({ 1: { s: 'active|high|', u: NOW } });
    expect(settled.snapshot!.alerts.a.a).toBeUndefined();
  });

  test('rule notices: delivered ones move from owed to told; the state given is not changed; no rules and nothing owed drops it', () => {
    const owedCopy = (id: string) => ({
      a: { id },
      h: { rule: 'r', type: 'match' as const, group: 'g', groupBy: 'u', operations: [], samples: [] }
    });
    const state = {
      w: {},
      r: {},
      o: { 'rule:1': owedCopy('rule:1'), 'rule:2': owedCopy('rule:2') },
      t: { 'rule:0': NOW - 3 * DAY }
    } as unknown as AuditState;
    const frozen = JSON.stringify(state);
    const notices: Notice[] = ['rule:1', 'rule:2'].map(id => ({ kind: 'new', alert: { id }, rule: state.o[id].h }));
    const delta = computeDelta(undefined, [], settings, NOW);
    const settled = settle(
      input(
        delta,
        answered(notices, (_, i) => (i === 0 ? 'accepted' : 'refused')),
        NOW,
        { planned: notices, audit: state, hasRules: true }
      )
    );
    expect(Object.keys(settled.snapshot!.audit!.o)).toEqual(['rule:2']);
    // Told ids are kept for the event horizon (48 h): rule:0, told three days ago, is forgotten.
    expect(settled.snapshot!.audit!.t).toEqual({ 'rule:1': NOW });
    expect(settled.owed).toEqual([notices[1]]);
    expect(JSON.stringify(state)).toBe(frozen);
    const allTold = settle(
      input(
        delta,
        answered(notices, () => 'accepted'),
        NOW,
        { planned: notices, audit: state, hasRules: false }
      )
    );
    expect(allTold.snapshot!.audit).toBeUndefined();
    const stillOwed = settle(
      input(
        delta,
        answered(notices, () => 'refused'),
        NOW,
        { planned: notices, audit: state, hasRules: false }
      )
    );
    expect(Object.keys(stillOwed.snapshot!.audit!.o).sort()).toEqual(['rule:1', 'rule:2']);
  });

  test('expired suppress rules warned about are remembered (at most 200 names); incidents of the previous snapshot are kept without group-by: incident', () => {
    const delta = computeDelta(undefined, [], settings, NOW);
    const names = Array.from({ length: 250 }, (_, i) => `rule-${i}`);
    const previousIncidents = { 9: { s: 'x', u: NOW } };
    const settled = settle(input(delta, [], NOW, { expiredSuppress: names, previousIncidents }));
    expect(settled.snapshot!.expiredWarned).toHaveLength(200);
    expect(settled.snapshot!.incidents).toBe(previousIncidents);
  });
});

/**
 * The invariants over many runs, as fast-check generates them: a tenant of up to 6 alerts changing at
 * random, each notice answered at random (accepted, refused, deferred by max-run-time), runs killed before
 * their snapshot is saved, and gaps of minutes to more than a year between runs.
 */
describe('settle: invariants over random runs', () => {
  const change = fc.record({
    alert: fc.integer({ min: 0, max: 5 }),
    status: fc.constantFrom('new', 'inProgress', 'resolved'),
    severity: fc.constantFrom('informational', 'low', 'medium', 'high')
  });
  const runSpec = fc.record({
    changes: fc.array(change, { maxLength: 4 }),
    answers: fc.array(fc.constantFrom<Answer>('accepted', 'accepted', 'refused', 'deferred'), { minLength: 8, maxLength: 8 }),
    killed: fc.integer({ min: 0, max: 9 }).map(n => n < 3),
    gapMinutes: fc.constantFrom(5, 10, 60, 24 * 60, 40 * 24 * 60, 400 * 24 * 60)
  });

  test('every notice not delivered is owed in the next run (also after a year), nothing delivered is posted again unless the run was killed', () => {
    fc.assert(
      fc.property(fc.array(runSpec, { minLength: 1, maxLength: 12 }), runs => {
        const tenant = new Map<string, GraphAlert>();
        let saved: Snapshot | undefined;
        let now = NOW;
        for (const spec of runs) {
          now += spec.gapMinutes * MINUTE;
          for (const c of spec.changes)
            tenant.set(`a${c.alert}`, alert(`a${c.alert}`, now - MINUTE, { status: c.status, severity: c.severity }));
          // Graph lists what was updated since the cursor, as the real listing does.
          const since = fetchWindowStart(saved, now, settings.lookbackMs);
          const listed = [...tenant.values()].filter(a => Date.parse(a.lastUpdateDateTime!) >= since);
          const delta = computeDelta(saved, listed, settings, now);
          const settled = settle(
            input(
              delta,
              answered(delta.notices, (_, i) => spec.answers[i % spec.answers.length]),
              now
            )
          );
          const next = spec.killed ? saved : settled.snapshot;
          // The next run, with nothing new in Graph: a minute later (it lists again what its cursor covers), or
          // after a pause of more than a year (the look-back window lists nothing: only the snapshot remembers).
          for (const later of [now + MINUTE, now + 400 * DAY]) {
            if (spec.killed && later !== now + MINUTE) continue;
            const window = fetchWindowStart(next, later, settings.lookbackMs);
            const relisted = [...tenant.values()].filter(a => Date.parse(a.lastUpdateDateTime!) >= window);
            const owedAgain = new Set(computeDelta(next, relisted, settings, later).notices.map(n => n.alert.id));
            for (const notice of settled.owed) expect([notice.alert.id, owedAgain.has(notice.alert.id)]).toEqual([notice.alert.id, true]);
            // Told is told; after a kill (no snapshot saved) it is posted again: at least once, never lost.
            for (const notice of settled.delivered)
              expect([notice.alert.id, owedAgain.has(notice.alert.id)]).toEqual([notice.alert.id, spec.killed]);
          }
          saved = next;
        }
      }),
      { numRuns: 300 }
    );
  });

  test('every notifiable alert the tenant shows is told or owed after every saved run', () => {
    fc.assert(
      fc.property(fc.array(runSpec, { minLength: 1, maxLength: 10 }), runs => {
        const tenant = new Map<string, GraphAlert>();
        const toldState = new Map<string, string>();
        let saved: Snapshot | undefined;
        let now = NOW;
        for (const spec of runs) {
          now += Math.min(spec.gapMinutes, 60) * MINUTE;
          for (const c of spec.changes)
            tenant.set(`a${c.alert}`, alert(`a${c.alert}`, now - MINUTE, { status: c.status, severity: c.severity }));
          const since = fetchWindowStart(saved, now, settings.lookbackMs);
          const listed = [...tenant.values()].filter(a => Date.parse(a.lastUpdateDateTime!) >= since);
          const delta = computeDelta(saved, listed, settings, now);
          const settled = settle(
            input(
              delta,
              answered(delta.notices, (_, i) => spec.answers[i % spec.answers.length]),
              now
            )
          );
          saved = settled.snapshot;
          for (const notice of settled.delivered) toldState.set(notice.alert.id, `${notice.alert.status}|${notice.alert.severity}`);
          const owed = new Set(computeDelta(saved, [], settings, now + MINUTE).notices.map(n => n.alert.id));
          for (const [id, current] of tenant) {
            // An open alert above the bar: the channel has its current state, or it is owed.
            const open = current.status !== 'resolved' && current.severity !== 'informational';
            if (!open) continue;
            const told = toldState.get(id) === `${current.status}|${current.severity}`;
            expect([id, told || owed.has(id)]).toEqual([id, true]);
          }
        }
      }),
      { numRuns: 300 }
    );
  });
});
