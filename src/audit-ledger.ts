/**
 * Which time windows of the audit log to query, and when. The audit log query API is asynchronous (a
 * query is created, runs for minutes, then its records are read), so the work spans runs: the snapshot
 * keeps a ledger of windows, each planned → created (a query id) → harvested (removed from the ledger).
 *
 * Two tiers of windows cover time:
 * - fresh: from the fresh frontier to now, at most every FRESH_EVERY_MS, for prompt notices;
 * - late: from the late frontier to now − LATE_LAG_MS, every LATE_EVERY_MS: records reach the audit log
 *   up to hours after the activity, and a late window reads the same span again once they are in
 *   (records already counted are recognised by id). A record up to LATE_LAG_MS late is counted within
 *   LATE_LAG_MS + LATE_EVERY_MS (7 h), well within a day.
 * Windows overlap by OVERLAP_MS; both tiers start at now − lookback on the first run.
 */
export const FRESH_EVERY_MS = 10 * 60_000;
export const LATE_LAG_MS = 4 * 3_600_000;
export const LATE_EVERY_MS = 3 * 3_600_000;
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

export type WindowTier = 'fresh' | 'late';

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
}

export interface Ledger {
  /** Where the next window of each tier starts (ms). */
  fresh: number;
  late: number;
  windows: AuditWindow[];
}

export function newLedger(now: number, lookbackMs: number): Ledger {
  // The first fresh window reads the whole look-back (its overlap is taken off in advance); late windows
  // re-read from LATE_LAG_MS before the first run on.
  return { fresh: now - lookbackMs + OVERLAP_MS, late: Math.max(now - lookbackMs, now - LATE_LAG_MS), windows: [] };
}

function split(start: number, end: number, tier: WindowTier): AuditWindow[] {
  const windows: AuditWindow[] = [];
  for (let s = start; s < end; s += MAX_WINDOW_MS) windows.push({ s, e: Math.min(end, s + MAX_WINDOW_MS), k: tier, n: 0 });
  return windows;
}

/** Adds the windows now due to the ledger (pure apart from the ledger it is given). */
export function planWindows(ledger: Ledger, now: number, oldestMs: number): AuditWindow[] {
  const planned: AuditWindow[] = [];
  // A frontier ahead of the clock (a clock set back) waits for the clock; one older than the reach is pulled in.
  ledger.fresh = Math.max(Math.min(ledger.fresh, now), oldestMs);
  ledger.late = Math.max(Math.min(ledger.late, now - LATE_LAG_MS), oldestMs);
  if (ledger.windows.length < MAX_PENDING && now - ledger.fresh >= FRESH_EVERY_MS) {
    planned.push(...split(Math.max(oldestMs, ledger.fresh - OVERLAP_MS), now, 'fresh'));
    ledger.fresh = now;
  }
  const lateEnd = now - LATE_LAG_MS;
  if (ledger.windows.length < MAX_PENDING && lateEnd - ledger.late >= LATE_EVERY_MS) {
    planned.push(...split(Math.max(oldestMs, ledger.late - OVERLAP_MS), lateEnd, 'late'));
    ledger.late = lateEnd;
  }
  ledger.windows.push(...planned);
  return planned;
}

/** Back-off before a window's next attempt: 5 min, doubling, at most 2 h. */
export function retryDelay(attempts: number): number {
  return Math.min(2 * 3_600_000, 5 * 60_000 * 2 ** Math.max(0, attempts - 1));
}
