/**
 * Which time windows of the audit log to query, and when. The audit log query API is asynchronous (a
 * query is created, runs for minutes, then its records are read), so the work spans runs: the snapshot
 * keeps a ledger of windows, each planned → created (a query id) → harvested (removed from the ledger).
 *
 * Records reach the audit log 10–60 minutes after the activity, some hours late. A query lists only what
 * had reached the log, so a window queried the moment it ends finds little. Each tier therefore queries a
 * window only once most of its records are in (its lag), and reads a span again later for the stragglers
 * (records already counted are recognised by id):
 * - fresh: up to now − 30 min, every 30 min: the bulk of the records, noticed about an hour after the activity;
 * - settle: up to now − 2 h, every hour: records up to 2 h late;
 * - reconcile: up to now − 6 h, every 6 h: records up to 6 h late, counted within 12 h.
 * That is 76 queries a day (48 + 24 + 4), and never more than MAX_CREATES_PER_DAY with retries: the tenant's
 * allowance (about 200 per rolling 24 h) is shared with every other tool and with the admins' own searches.
 * The latency this gives is measured by `npm run bench` and a unit test (a modelled tenant, records
 * 10–60 min late, queries running up to 40 min).
 */
/** How long event times, firings, seen record ids and told rule notices are kept: longer than any record can arrive late. */
export const EVENT_HORIZON_MS = 48 * 3_600_000;
export const TIERS = {
  fresh: { lagMs: 30 * 60_000, everyMs: 30 * 60_000 },
  settle: { lagMs: 2 * 3_600_000, everyMs: 3_600_000 },
  reconcile: { lagMs: 6 * 3_600_000, everyMs: 6 * 3_600_000 }
} as const;
/** Query creations in any 24 hours, retries included; past it, waiting windows wait. */
export const MAX_CREATES_PER_DAY = 100;
export type WindowTier = keyof typeof TIERS;
export const WINDOW_TIERS = Object.keys(TIERS) as WindowTier[];
export const OVERLAP_MS = 5 * 60_000;
/** A window longer than this is split: one query never has to return days of records. */
export const MAX_WINDOW_MS = 24 * 3_600_000;
/** Queries in flight at once (the tenant allows about 10 concurrent searches, shared with people). */
export const MAX_IN_FLIGHT = 3;
/** Windows waiting in the ledger; beyond this no new window is planned (a frontier simply waits). */
export const MAX_PENDING = 12;
/** A failed query is created again after a back-off; after this many attempts the window is given up. */
export const MAX_ATTEMPTS = 6;
/** A query still not finished after this long is taken as failed and created again. */
export const STUCK_AFTER_MS = 6 * 3_600_000;

export interface AuditWindow {
  /** Start and end of the window (ms). */
  s: number;
  e: number;
  k: WindowTier;
  /** The query id once created. */
  q?: string;
  /** When the query was created (ms). */
  c?: number;
  /** Attempts so far (failed queries, failed reads). */
  n: number;
  /** Not to be created before this time (ms): back-off after a failure, Retry-After after a 429. */
  b?: number;
  /** The next page of the query's records, when a run stopped reading at its time budget. */
  p?: string;
}

export interface Ledger {
  /** Where the next window of each tier starts (ms). */
  frontiers: Record<WindowTier, number>;
  windows: AuditWindow[];
  /** When queries were created in the last 24 h (ms, ascending): the daily budget's count. */
  made?: number[];
}

const DAY_MS = 86_400_000;

/**
 * Creation times of the 24 hours before `now`, ascending. A time after `now` (planted, or from a clock
 * since set back) is not a creation this clock can place: it is ignored, so it cannot hold the budget shut.
 */
function recentCreations(ledger: Ledger, now: number): number[] {
  return (ledger.made ?? []).filter(at => at > now - DAY_MS && at <= now).sort((a, b) => a - b);
}

/** Creations in the 24 hours before `now`. */
export function createdToday(ledger: Ledger, now: number): number {
  return recentCreations(ledger, now).length;
}

/** Records a creation and forgets the others but the last day's (bounded: at most twice a day's budget is kept). */
export function recordCreation(ledger: Ledger, now: number): void {
  ledger.made = [...recentCreations(ledger, now), now].slice(-2 * MAX_CREATES_PER_DAY);
}

/** When the next creation fits the daily budget again (ms), or undefined when it fits now. */
export function budgetFreesAt(ledger: Ledger, now: number): number | undefined {
  const recent = recentCreations(ledger, now);
  if (recent.length < MAX_CREATES_PER_DAY) return undefined;
  return recent[recent.length - MAX_CREATES_PER_DAY] + DAY_MS;
}

export function newLedger(now: number, lookbackMs: number): Ledger {
  // The first fresh window reads the whole look-back (its overlap is taken off in advance); the later
  // tiers re-read from their lag before the first run on.
  const frontiers = { fresh: now - lookbackMs + OVERLAP_MS } as Record<WindowTier, number>;
  for (const tier of WINDOW_TIERS) if (tier !== 'fresh') frontiers[tier] = Math.max(now - lookbackMs, now - TIERS[tier].lagMs);
  return { frontiers, windows: [], made: [] };
}

function split(start: number, end: number, tier: WindowTier): AuditWindow[] {
  const windows: AuditWindow[] = [];
  for (let s = start; s < end; s += MAX_WINDOW_MS) windows.push({ s, e: Math.min(end, s + MAX_WINDOW_MS), k: tier, n: 0 });
  // A sliver at the end (the clock moved on while planning) joins the window before it: no query for a millisecond.
  const last = windows.at(-1);
  if (windows.length > 1 && last && last.e - last.s < OVERLAP_MS) {
    windows.pop();
    windows[windows.length - 1].e = last.e;
  }
  return windows;
}

/** Adds the windows now due to the ledger (pure apart from the ledger it is given). */
export function planWindows(ledger: Ledger, now: number, oldestMs: number): AuditWindow[] {
  const planned: AuditWindow[] = [];
  for (const tier of WINDOW_TIERS) {
    const { lagMs, everyMs } = TIERS[tier];
    const end = now - lagMs;
    // A frontier ahead of the clock (the clock was set back) is brought back to it; one older than the
    // reach (a long outage) is pulled in: the first window then reads from the reach on.
    const frontier = Math.max(Math.min(ledger.frontiers[tier], end), oldestMs);
    ledger.frontiers[tier] = frontier;
    if (ledger.windows.length + planned.length >= MAX_PENDING || end - frontier < everyMs) continue;
    planned.push(...split(Math.max(oldestMs, frontier - OVERLAP_MS), end, tier));
    ledger.frontiers[tier] = end;
  }
  ledger.windows.push(...planned);
  return planned;
}

/** Back-off before a window's next attempt: 5 min, doubling, at most 2 h. */
export function retryDelay(attempts: number): number {
  return Math.min(2 * 3_600_000, 5 * 60_000 * 2 ** Math.max(0, attempts - 1));
}
