import { suppressedBy, suppressionEvidence } from '../suppress/suppress-match.js';
import { boundedAlert, severityRank, STATUSES, timeOf, type GraphAlert } from '../model/alert.js';
import type { DeliveryKind, Notice } from '../model/notice.js';
import type { NoticeKind, Settings } from '../inputs/settings.js';
import {
  entryMap,
  knownEntry,
  stateSignature,
  statusOfSignature,
  type ReminderCopy,
  type Snapshot,
  type SnapshotEntry
} from '../snapshot/format.js';

export type { DeliveryKind, Notice } from '../model/notice.js';

/**
 * The pure core of a run: given the previous snapshot and the alerts just fetched, decide which notices
 * are owed, and (once delivery results are known) what the next snapshot is. No I/O here.
 */

/** How far before the cursor each incremental fetch starts: covers late indexing and ties. */
export const FETCH_OVERLAP_MS = 10 * 60_000;
/**
 * How far back an incremental fetch may reach. Delivered entries are kept a day longer than that
 * (RETENTION_MS + ENTRY_MARGIN_MS), so an alert Graph can still return always finds its entry and is
 * never re-posted after retention. Owed notices are kept for ever; past this reach they are posted from
 * their stored copy instead of pinning the window.
 */
export const RETENTION_MS = 30 * 86_400_000;
const ENTRY_MARGIN_MS = 86_400_000;
/** A lastUpdateDateTime further ahead of the clock than this is processed but never moves the cursor. */
export const CURSOR_FUTURE_LIMIT_MS = 5 * 60_000;

export type FilterSettings = Pick<Settings, 'minSeverity' | 'statuses' | 'serviceSources'>;
export type DeltaSettings = FilterSettings &
  Pick<Settings, 'notifyOn' | 'firstRun' | 'lookbackMs'> &
  Partial<Pick<Settings, 'remindAfterMs' | 'suppress'>>;

export interface Delta {
  /** Notices to deliver this run, new ones first, most severe and oldest first within a kind. */
  notices: Notice[];
  newCount: number;
  updatedCount: number;
  resolvedCount: number;
  /** Notifiable alerts known after this run that are not resolved. */
  openCount: number;
  reminderCount: number;
  /** remind-after in ms, when reminders are on: delivered notices then keep a ReminderCopy. */
  remindAfterMs?: number;
  /** Ids of alerts dated more than CURSOR_FUTURE_LIMIT_MS ahead: processed, but the cursor ignored them. */
  futureIds: string[];
  /** Notices a suppress rule began to hold back in this run, by rule name (they stay held; see `x` entries). */
  suppressed: Map<string, number>;
  /** Alerts held back by a suppress rule after this run (the new ones and those held before). */
  heldCount: number;
  /** True when there was no snapshot: first-run rules applied. */
  firstRun: boolean;
  /** Entries of the next snapshot before delivery results are applied. */
  entries: Map<string, SnapshotEntry>;
  cursor: number | null;
}

/**
 * Whether an alert passes min-severity, statuses and service-sources. A severity or status this action
 * does not know (a value Graph adds later, or none at all) passes: an alert is shown rather than hidden
 * when its data cannot say it is below the bar.
 */
export function isNotifiable(alert: GraphAlert, filters: FilterSettings): boolean {
  const rank = severityRank(alert.severity);
  if (rank !== -1 && rank < severityRank(filters.minSeverity)) return false;
  const status = STATUS_OF[String(alert.status ?? '').toLowerCase()];
  if (status !== undefined && !filters.statuses.includes(status)) return false;
  if (filters.serviceSources.length > 0 && !filters.serviceSources.includes(alert.serviceSource ?? '')) return false;
  return true;
}

const STATUS_OF: Record<string, string> = Object.fromEntries(STATUSES.map(status => [status.toLowerCase(), status]));

/** Start of the lastUpdateDateTime window of the next fetch (ms). */
export function fetchWindowStart(previous: Snapshot | undefined, now: number, lookbackMs: number): number {
  if (!previous || previous.cursor === null) {
    // No alert seen yet: look back as far as configured, but never past what an earlier run covered.
    return now - lookbackMs;
  }
  let start = previous.cursor;
  // Alerts whose notice is still owed are fetched again, so they are posted with their current state,
  // within RETENTION_MS of the cursor: older ones are posted from their stored copy.
  for (const id in previous.alerts) {
    const entry = previous.alerts[id];
    // A held-back notice (suppress) is decided again from its stored copy: it does not pin the window.
    if (entry.a && !entry.x && entry.u < start) start = entry.u;
  }
  return Math.max(start, previous.cursor - RETENTION_MS) - FETCH_OVERLAP_MS;
}

function noticeFor(
  alert: GraphAlert,
  signature: string,
  entry: SnapshotEntry | undefined,
  notifiable: boolean
): (Notice & { kind: NoticeKind }) | undefined {
  if (entry?.n === undefined) {
    // Never told: a notice is owed once the alert passes the filters (also when it escalates into them).
    return notifiable ? { kind: 'new', alert } : undefined;
  }
  if (entry.n === signature) return undefined;
  const wasResolved = statusOfSignature(entry.n) === 'resolved';
  if (alert.status === 'resolved' && !wasResolved) return { kind: 'resolved', alert, previousSignature: entry.n };
  return { kind: 'updated', alert, previousSignature: entry.n };
}

/**
 * What of a fetched alert is worth holding until the delta is computed. An alert that cannot lead to a
 * posted notice this run (first run in silent mode, outside the filters and never told, or unchanged
 * since the channel was told) is cut down to the fields the delta reads: a first run over 100k alerts
 * then holds a few MB instead of the whole listing.
 */
export function alertKeeper(
  previous: Snapshot | undefined,
  settings: DeltaSettings
): (alert: GraphAlert, problems?: string[]) => GraphAlert {
  const silent = previous === undefined && settings.firstRun === 'silent';
  return (alert, problems) => {
    const told = previous && knownEntry(previous, alert.id)?.n;
    const mayBePosted = !silent && (told === undefined ? isNotifiable(alert, settings) : told !== stateSignature(alert));
    // What may be posted is kept whole but bounded: cards, logs and the report never see unbounded data.
    return mayBePosted ? boundedAlert(alert, problems) : slim(alert);
  };
}

/**
 * What the snapshot keeps of an alert whose notice is still owed: enough for a card if Graph never returns
 * the alert again (the next run normally fetches it whole), and small, so a storm of owed notices cannot
 * swell the snapshot past what a later run is willing to read. Evidence, comments and other nested data
 * are left out; the description is cut.
 */
export function owedCopy(alert: GraphAlert): GraphAlert {
  const copy = slim(alert);
  for (const field of OWED_TEXT_FIELDS) {
    const value = alert[field];
    if (typeof value === 'string') copy[field] = value.length > 1000 ? `${value.slice(0, 1000)}…` : value;
  }
  return copy;
}

const OWED_TEXT_FIELDS = [
  'title',
  'description',
  'alertWebUrl',
  'incidentWebUrl',
  'incidentId',
  'detectionSource',
  'category',
  'resolvedDateTime',
  'firstActivityDateTime',
  'lastActivityDateTime'
] as const;

/**
 * What the snapshot keeps of an alert a suppress rule holds back: what the rules need to decide again
 * (title, sources, categories, a few entities) and what a card needs if it is posted from the copy. The
 * description is kept only under a snooze (`until`), whose end posts the alert; a rule without `until`
 * holds for good, so its copies stay small (a few hundred bytes, not the ~1.8 KB of an owed copy).
 */
export function heldCopy(alert: GraphAlert, snoozed: boolean): GraphAlert {
  const copy = snoozed ? owedCopy(alert) : slim(alert);
  if (!snoozed) {
    for (const field of ['title', 'alertWebUrl', 'detectionSource', 'category'] as const) {
      const value = alert[field];
      if (typeof value === 'string') copy[field] = value.slice(0, 300);
    }
  }
  if (Array.isArray(alert.categories))
    copy.categories = alert.categories
      .filter(item => typeof item === 'string')
      .slice(0, 10)
      .map(item => item.slice(0, 100));
  copy.evidence = suppressionEvidence(alert).slice(0, 20);
  return copy;
}

function slim(alert: GraphAlert): GraphAlert {
  const { id, status, severity, classification, determination, assignedTo, serviceSource, createdDateTime, lastUpdateDateTime } = alert;
  return { id, status, severity, classification, determination, assignedTo, serviceSource, createdDateTime, lastUpdateDateTime };
}

const KIND_ORDER: Record<DeliveryKind, number> = { new: 0, updated: 1, resolved: 2, reminder: 3 };

/** New before follow-ups, most severe first, then oldest first; the id breaks ties so the order is stable. */
export function sortByPriority(notices: Notice[]): Notice[] {
  // Keys are computed once per notice: parsing dates inside the comparator costs seconds at 100k alerts.
  const keyed = notices.map(notice => ({
    notice,
    kind: KIND_ORDER[notice.kind],
    severity: severityRank(notice.alert.severity),
    created: timeOf(notice.alert.createdDateTime) || 0,
    id: notice.alert.id
  }));
  keyed.sort((a, b) => a.kind - b.kind || b.severity - a.severity || a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map(entry => entry.notice);
}

/** Entries always have the same fields (undefined ones are left out of the JSON), which keeps them fast. */
function entry(
  u: number,
  s: string,
  n: string | undefined,
  a: GraphAlert | undefined,
  t?: number,
  c?: ReminderCopy,
  x?: string,
  d?: Record<string, string>
): SnapshotEntry {
  return { u, s, n, a, t, c, x, d };
}

export function reminderCopy(alert: GraphAlert): ReminderCopy {
  return {
    title: String(alert.title ?? '').slice(0, 200),
    severity: alert.severity ?? '',
    serviceSource: alert.serviceSource ?? '',
    alertWebUrl: alert.alertWebUrl ?? ''
  };
}

/** An alert rebuilt from a reminder copy: what the reminder digest shows. */
function alertFromCopy(id: string, copy: ReminderCopy, signature: string): GraphAlert {
  return {
    id,
    title: copy.title,
    severity: copy.severity,
    serviceSource: copy.serviceSource,
    alertWebUrl: copy.alertWebUrl,
    status: statusOfSignature(signature)
  };
}

/**
 * Works out what changed. `fetched` may hold the same alert twice (pages overlap, the window overlaps):
 * the copy with the newest lastUpdateDateTime wins.
 */
export function computeDelta(previous: Snapshot | undefined, fetched: GraphAlert[], settings: DeltaSettings, now: number): Delta {
  const firstRun = previous === undefined;
  // Read in place: copying a 100k-entry snapshot into a Map costs more than the lookups it would speed up.
  const known: Record<string, SnapshotEntry> = previous?.alerts ?? {};
  const latest = new Map<string, GraphAlert>();
  for (const alert of fetched) {
    if (!alert || typeof alert.id !== 'string' || alert.id === '') continue;
    const seen = latest.get(alert.id);
    if (!seen || !(timeOf(seen.lastUpdateDateTime) > timeOf(alert.lastUpdateDateTime))) latest.set(alert.id, alert);
  }

  const entries = new Map<string, SnapshotEntry>();
  const notices: Notice[] = [];
  const suppressed = new Map<string, number>();
  let openCount = 0;
  let updatedCount = 0;
  let resolvedCount = 0;
  let cursor = previous?.cursor ?? null;
  const futureIds: string[] = [];
  const cursorLimit = now + CURSOR_FUTURE_LIMIT_MS;
  // Pass 1 moves the cursor; retention is measured from it (not from the clock alone), so a clock far
  // ahead cannot make the snapshot forget alerts that the next fetch returns.
  for (const [id, alert] of latest) {
    const updatedAt = timeOf(alert.lastUpdateDateTime);
    if (Number.isNaN(updatedAt)) continue;
    if (updatedAt > cursorLimit) futureIds.push(id);
    else if (cursor === null || updatedAt > cursor) cursor = updatedAt;
  }
  const keepAfter = Math.min(now, cursor ?? now) - Math.max(RETENTION_MS, settings.lookbackMs) - ENTRY_MARGIN_MS;

  for (const id in known) {
    const stored = known[id];
    if (latest.has(id)) continue;
    // Owed notices whose alert did not come back (deleted, or outside the window) are retried from the stored copy.
    // A held-back one (suppress) is a decision, not a debt: it expires with the ordinary retention, so a
    // rule that holds for good does not keep every alert it ever held.
    if (stored.a) {
      if (stored.x !== undefined && stored.u < keepAfter) continue;
      latest.set(id, stored.a);
      continue;
    }
    // Forget what is old and owes nothing.
    if (stored.u < keepAfter) continue;
    entries.set(id, stored);
    if (statusOfSignature(stored.s) !== 'resolved' && stored.n !== undefined) openCount++;
  }

  for (const [id, alert] of latest) {
    const before = previous && knownEntry(previous, id);
    const signature = stateSignature(alert);
    const notifiable = isNotifiable(alert, settings);
    if (notifiable) openCount++;
    const updatedAt = timeOf(alert.lastUpdateDateTime);
    const u = Number.isNaN(updatedAt) ? (before?.u ?? now) : updatedAt;

    if (before && before.s !== signature) {
      if (alert.status === 'resolved' && statusOfSignature(before.s) !== 'resolved') resolvedCount++;
      else updatedCount++;
    }

    const notice = noticeFor(alert, signature, before, notifiable);
    let told = before?.n;
    let owed: GraphAlert | undefined;
    let heldBy: string | undefined;
    if (notice && ((firstRun && settings.firstRun === 'silent') || !settings.notifyOn.includes(notice.kind))) {
      // Not to be posted: record it as told, so it is not posted later either.
      told = signature;
    } else if (notice) {
      // A suppress rule holds the notice back: it stays owed (with what the rules need to decide again)
      // and is posted by the first run in which no rule holds it: after a snooze ends or the rule is removed.
      const rule = settings.suppress?.length ? suppressedBy(settings.suppress, alert, now) : undefined;
      heldBy = rule?.name;
      if (rule) {
        // Counted once: when the rule first holds this notice (or the alert changed), not in every run it stays held.
        if (before?.x !== rule.name || before.s !== signature) suppressed.set(rule.name, (suppressed.get(rule.name) ?? 0) + 1);
        owed = heldCopy(alert, rule.until !== undefined);
      } else {
        if (before?.d) notice.seenIn = before.d;
        notices.push(notice);
        owed = owedCopy(alert);
      }
    }
    // A reminder copy lives while the alert stays notifiable (open, within the filters); a whole alert refreshes it.
    const copy =
      settings.remindAfterMs && notifiable && before?.c ? (alert.title !== undefined ? reminderCopy(alert) : before.c) : undefined;
    // Forget what is old and owes nothing; keep owed notices however old they are.
    if (owed || u >= keepAfter) entries.set(id, entry(u, signature, told, owed, before?.t, copy, heldBy, before?.d));
  }

  // Reminders: told, still open and notifiable (the copy says so), and nothing heard for remind-after.
  // Once one is due, those due within the next quarter of remind-after come along: alerts posted at
  // different times are reminded together, in one digest per channel, not one post each through the day.
  let reminderCount = 0;
  if (settings.remindAfterMs) {
    const noticed = new Set(notices.map(notice => notice.alert.id));
    const candidates: Array<{ id: string; kept: SnapshotEntry; due: number }> = [];
    for (const [id, kept] of entries) {
      if (!kept.c || kept.n === undefined || noticed.has(id) || statusOfSignature(kept.s) === 'resolved') continue;
      candidates.push({ id, kept, due: (kept.t ?? kept.u) + settings.remindAfterMs });
    }
    const anyDue = candidates.some(candidate => candidate.due <= now);
    for (const { id, kept, due } of candidates) {
      if (!anyDue || due > now + settings.remindAfterMs / 4) continue;
      const reminder = alertFromCopy(id, kept.c!, kept.s);
      // A rule that holds the alert back holds its reminders too (they recur, nothing to keep).
      if (settings.suppress?.length && suppressedBy(settings.suppress, reminder, now)) continue;
      notices.push(kept.d ? { kind: 'reminder', alert: reminder, seenIn: kept.d } : { kind: 'reminder', alert: reminder });
      reminderCount++;
    }
  }
  let heldCount = 0;
  for (const kept of entries.values()) if (kept.x !== undefined) heldCount++;

  const sorted = sortByPriority(notices);
  const newCount = sorted.filter(notice => notice.kind === 'new').length;
  return {
    notices: sorted,
    newCount,
    updatedCount,
    resolvedCount,
    openCount,
    reminderCount,
    remindAfterMs: settings.remindAfterMs,
    futureIds,
    suppressed,
    heldCount,
    firstRun,
    entries,
    cursor
  };
}

/**
 * The snapshot to save after delivery: notices Teams accepted are recorded as told; the others keep
 * their alert copy so the next run posts them again.
 */
export function nextSnapshot(
  delta: Delta,
  delivered: ReadonlySet<Notice>,
  scope: string,
  now: number,
  /** With routes: the channels that accepted a card about each alert id in this run. */
  toldIn: ReadonlyMap<string, readonly string[]> = new Map()
): Snapshot {
  const heard = new Map<string, Notice>();
  for (const notice of delta.notices) if (delivered.has(notice)) heard.set(notice.alert.id, notice);
  const alerts = entryMap();
  for (const [id, kept] of delta.entries) {
    const notice = heard.get(id);
    // Channels that took a card now were told this state, also when another channel did not take its copy
    // (the notice stays owed, and the next run posts it only where it is still missing).
    const channels = toldIn.get(id);
    const d = channels?.length
      ? Object.assign(Object.create(null) as Record<string, string>, kept.d, ...channels.map(ch => ({ [ch]: kept.s })))
      : kept.d;
    if (!notice) {
      // Unchanged: entries are never mutated, so the same object serves.
      alerts[id] = d === kept.d ? kept : entry(kept.u, kept.s, kept.n, kept.a, kept.t, kept.c, kept.x, d);
    } else if (notice.kind === 'reminder') {
      alerts[id] = entry(kept.u, kept.s, kept.n, kept.a, now, kept.c, undefined, kept.d);
    } else {
      const open = notice.alert.status !== 'resolved' && notice.kind !== 'resolved';
      const copy = delta.remindAfterMs && open ? reminderCopy(notice.alert) : undefined;
      // kept.s is the signature of notice.alert: computeDelta built the entry from that very alert.
      alerts[id] = entry(kept.u, kept.s, kept.s, undefined, now, copy, undefined, d);
    }
  }
  return { version: 1, scope, cursor: delta.cursor, savedAt: new Date(now).toISOString(), alerts };
}
