import { budgetFreesAt, MAX_IN_FLIGHT, newLedger, planWindows, recordCreation, type AuditWindow } from '../../src/rules/audit-ledger.js';
import { prng } from './prng.js';

/**
 * A modelled tenant for the audit query plan: activity at a steady rate, each record reaching the audit
 * log 10–60 minutes after the activity (Microsoft: "30 minutes to 24 hours", most within an hour:
 * https://learn.microsoft.com/purview/audit-search#before-you-search-the-audit-log), queries that run
 * 1–40 minutes, and a scheduled run every few minutes that polls, harvests and creates queries as
 * runAudit does (the ledger's own planWindows, in-flight cap and daily budget). It measures how long
 * after the activity each record is first harvested, and how many queries a day the plan creates.
 * Used by a unit test (bounds) and by `npm run bench` (figures).
 */
export interface LatencyModel {
  days: number;
  scheduleMinutes: number;
  lateMinutes: [number, number];
  queryMinutes: [number, number];
  eventsPerHour: number;
  seed: number;
}

export interface LatencyFigures {
  records: number;
  /** Records never harvested by the end of the model (should be none). */
  missed: number;
  medianMinutes: number;
  p90Minutes: number;
  maxMinutes: number;
  /** Query creations in the busiest 24 hours, and on average a day. */
  maxCreatesPerDay: number;
  createsPerDay: number;
}

const MIN = 60_000;

export function modelNoticeLatency(model: LatencyModel): LatencyFigures {
  const next = prng(model.seed);
  const between = ([low, high]: [number, number]) => (low + next() * (high - low)) * MIN;
  const start = Date.UTC(2026, 0, 5);
  const end = start + model.days * 86_400_000;
  // Activity stops 12 hours before the end, so every record has had time to be harvested.
  const events: Array<{ at: number; visible: number; noticed?: number }> = [];
  const step = 3_600_000 / model.eventsPerHour;
  for (let at = start + step * next(); at < end - 12 * 3_600_000; at += step) events.push({ at, visible: at + between(model.lateMinutes) });
  const ledger = newLedger(start, 24 * 3_600_000);
  const done = new Map<AuditWindow, number>();
  const created: number[] = [];
  for (let now = start; now <= end; now += model.scheduleMinutes * MIN) {
    for (const window of ledger.windows.filter(w => w.q && (done.get(w) ?? Infinity) <= now)) {
      // A query lists what had reached the log when it was created (conservative: not what arrived while it ran).
      for (const event of events) {
        if (event.noticed === undefined && event.at >= window.s && event.at <= window.e && event.visible <= window.c!) event.noticed = now;
      }
      ledger.windows = ledger.windows.filter(w => w !== window);
    }
    planWindows(ledger, now, now - 48 * 3_600_000);
    for (const window of ledger.windows.filter(w => !w.q).sort((a, b) => a.s - b.s)) {
      if (ledger.windows.filter(w => w.q).length >= MAX_IN_FLIGHT || budgetFreesAt(ledger, now) !== undefined) break;
      window.q = `q${created.length}`;
      window.c = now;
      done.set(window, now + between(model.queryMinutes));
      recordCreation(ledger, now);
      created.push(now);
    }
  }
  const latencies = events.filter(e => e.noticed !== undefined).map(e => (e.noticed! - e.at) / MIN);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  let maxCreatesPerDay = 0;
  for (let i = 0, j = 0; i < created.length; i++) {
    while (created[j] <= created[i] - 86_400_000) j++;
    maxCreatesPerDay = Math.max(maxCreatesPerDay, i - j + 1);
  }
  return {
    records: events.length,
    missed: events.length - latencies.length,
    medianMinutes: at(0.5),
    p90Minutes: at(0.9),
    maxMinutes: latencies.at(-1) ?? Number.NaN,
    maxCreatesPerDay,
    createsPerDay: created.length / model.days
  };
}
