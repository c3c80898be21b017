import { severityRank, timeOf, type GraphAlert } from './alert.js';
import type { NoticeKind, Settings } from './settings.js';
import { stateSignature, statusOfSignature, type Snapshot, type SnapshotEntry } from './snapshot/format.js';

/**
 * The pure core of a run: given the previous snapshot and the alerts just fetched, decide which notices
 * are owed, and (once delivery results are known) what the next snapshot is. No I/O here.
 */

/** How far before the cursor each incremental fetch starts: covers late indexing and ties. */
export const FETCH_OVERLAP_MS = 10 * 60_000;
/** Delivered entries untouched for this long are dropped from the snapshot. */
export const RETENTION_MS = 30 * 86_400_000;

export type FilterSettings = Pick<Settings, 'minSeverity' | 'statuses' | 'serviceSources'>;
export type DeltaSettings = FilterSettings & Pick<Settings, 'notifyOn' | 'firstRun' | 'lookbackMs'>;

export interface Notice {
  kind: NoticeKind;
  alert: GraphAlert;
  /** For follow-ups: the state signature the channel saw last. */
  previousSignature?: string;
}

export interface Delta {
  /** Notices to deliver this run, new ones first, most severe and oldest first within a kind. */
  notices: Notice[];
  newCount: number;
  updatedCount: number;
  resolvedCount: number;
  /** Notifiable alerts known after this run that are not resolved. */
  openCount: number;
  /** True when there was no snapshot: first-run rules applied. */
  firstRun: boolean;
  /** Entries of the next snapshot before delivery results are applied. */
  entries: Record<string, SnapshotEntry>;
  cursor: number | null;
}

/** Whether an alert passes min-severity, statuses and service-sources. */
export function isNotifiable(alert: GraphAlert, filters: FilterSettings): boolean {
  if (severityRank(alert.severity) < severityRank(filters.minSeverity)) return false;
  if (!filters.statuses.includes(alert.status ?? '')) return false;
  if (filters.serviceSources.length > 0 && !filters.serviceSources.includes(alert.serviceSource ?? '')) return false;
  return true;
}

/** Start of the lastUpdateDateTime window of the next fetch (ms). */
export function fetchWindowStart(previous: Snapshot | undefined, now: number, lookbackMs: number): number {
  if (!previous || previous.cursor === null) {
    // No alert seen yet: look back as far as configured, but never past what an earlier run covered.
    return now - lookbackMs;
  }
  let start = previous.cursor;
  // Alerts whose notice is still owed are fetched again, so they are posted with their current state.
  for (const entry of Object.values(previous.alerts)) {
    if (entry.a && entry.u < start) start = entry.u;
  }
  return start - FETCH_OVERLAP_MS;
}

function noticeFor(alert: GraphAlert, entry: SnapshotEntry | undefined, notifiable: boolean): Notice | undefined {
  const signature = stateSignature(alert);
  if (entry?.n === undefined) {
    // Never told: a notice is owed once the alert passes the filters (also when it escalates into them).
    return notifiable ? { kind: 'new', alert } : undefined;
  }
  if (entry.n === signature) return undefined;
  const wasResolved = statusOfSignature(entry.n) === 'resolved';
  if (alert.status === 'resolved' && !wasResolved) return { kind: 'resolved', alert, previousSignature: entry.n };
  return { kind: 'updated', alert, previousSignature: entry.n };
}

const KIND_ORDER: Record<NoticeKind, number> = { new: 0, updated: 1, resolved: 2 };

function byPriority(a: Notice, b: Notice): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    severityRank(b.alert.severity) - severityRank(a.alert.severity) ||
    timeOf(a.alert.createdDateTime) - timeOf(b.alert.createdDateTime) ||
    a.alert.id.localeCompare(b.alert.id)
  );
}

/**
 * Works out what changed. `fetched` may hold the same alert twice (pages overlap, the window overlaps):
 * the copy with the newest lastUpdateDateTime wins.
 */
export function computeDelta(previous: Snapshot | undefined, fetched: GraphAlert[], settings: DeltaSettings, now: number): Delta {
  const firstRun = previous === undefined;
  const latest = new Map<string, GraphAlert>();
  for (const alert of fetched) {
    if (!alert || typeof alert.id !== 'string' || alert.id === '') continue;
    const seen = latest.get(alert.id);
    if (!seen || !(timeOf(seen.lastUpdateDateTime) > timeOf(alert.lastUpdateDateTime))) latest.set(alert.id, alert);
  }
  // Owed notices whose alert did not come back (deleted, or outside the window) are retried from the stored copy.
  for (const [id, entry] of Object.entries(previous?.alerts ?? {})) {
    if (entry.a && !latest.has(id)) latest.set(id, entry.a);
  }

  const entries: Record<string, SnapshotEntry> = { ...(previous?.alerts ?? {}) };
  const notices: Notice[] = [];
  let updatedCount = 0;
  let resolvedCount = 0;
  let cursor = previous?.cursor ?? null;

  for (const [id, alert] of latest) {
    const before = previous?.alerts[id];
    const signature = stateSignature(alert);
    const notifiable = isNotifiable(alert, settings);
    const updatedAt = timeOf(alert.lastUpdateDateTime);
    const u = Number.isNaN(updatedAt) ? (before?.u ?? now) : updatedAt;
    if (!Number.isNaN(updatedAt) && (cursor === null || updatedAt > cursor)) cursor = updatedAt;

    if (before && before.s !== signature) {
      if (alert.status === 'resolved' && statusOfSignature(before.s) !== 'resolved') resolvedCount++;
      else updatedCount++;
    }

    const entry: SnapshotEntry = { u, s: signature };
    if (before?.n !== undefined) entry.n = before.n;
    const notice = noticeFor(alert, before, notifiable);
    if (notice && (firstRun && settings.firstRun === 'silent' || !settings.notifyOn.includes(notice.kind))) {
      // Not to be posted: record it as told, so it is not posted later either.
      entry.n = signature;
    } else if (notice) {
      notices.push(notice);
      entry.a = alert;
    }
    entries[id] = entry;
  }

  // Forget what is old and owes nothing; keep owed notices however old they are.
  const keepAfter = now - Math.max(RETENTION_MS, settings.lookbackMs);
  for (const [id, entry] of Object.entries(entries)) {
    if (entry.u < keepAfter && !entry.a) delete entries[id];
  }

  notices.sort(byPriority);
  const newCount = notices.filter(notice => notice.kind === 'new').length;
  const openCount = Object.keys(entries).filter(id => {
    const alert = latest.get(id);
    return alert ? isNotifiable(alert, settings) : statusOfSignature(entries[id].s) !== 'resolved' && entries[id].n !== undefined;
  }).length;
  return { notices, newCount, updatedCount, resolvedCount, openCount, firstRun, entries, cursor };
}

/**
 * The snapshot to save after delivery: notices Teams accepted are recorded as told; the others keep
 * their alert copy so the next run posts them again.
 */
export function nextSnapshot(delta: Delta, delivered: ReadonlySet<Notice>, scope: string, now: number): Snapshot {
  const alerts: Record<string, SnapshotEntry> = {};
  for (const [id, entry] of Object.entries(delta.entries)) alerts[id] = { ...entry };
  for (const notice of delta.notices) {
    const entry = alerts[notice.alert.id];
    if (delivered.has(notice)) {
      entry.n = stateSignature(notice.alert);
      delete entry.a;
    }
  }
  return { version: 1, scope, cursor: delta.cursor, savedAt: new Date(now).toISOString(), alerts };
}
