import { suppressedBy } from '../suppress/suppress-match.js';
import { boundedAlert, severityRank, STATUSES, timeOf, type GraphAlert } from '../model/alert.js';
import { alertFromCopy, entry, heldCopy, owedCopy, reminderCopy, slim } from './copies.js';
export { heldCopy, owedCopy, reminderCopy } from './copies.js';
import type { DeliveryKind, MessageRef, Notice } from '../model/notice.js';
import type { NoticeKind, Settings } from '../inputs/settings.js';
import { entryMap, knownEntry, stateSignature, statusOfSignature, type Snapshot, type SnapshotEntry } from '../snapshot/format.js';

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
  Partial<Pick<Settings, 'remindAfterMs' | 'suppress' | 'openAlertsBoard' | 'openAlertsDigest'>>;

/** Copies of told, open alerts are kept for reminders and for the open-alerts board and digest. */
function keepsCopies(settings: DeltaSettings): boolean {
  return Boolean(settings.remindAfterMs || settings.openAlertsBoard || settings.openAlertsDigest);
}

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
  /** Delivered notices keep a ReminderCopy (remind-after, open-alerts-board, open-alerts-digest). */
  keepCopies?: boolean;
  /** The copies keep the creation time too (open-alerts-board, open-alerts-digest). */
  boardCopies?: boolean;
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

/** One copy per alert id: the one with the newest lastUpdateDateTime (pages and windows overlap). */
function latestById(fetched: GraphAlert[]): Map<string, GraphAlert> {
  const latest = new Map<string, GraphAlert>();
  for (const alert of fetched) {
    if (!alert || typeof alert.id !== 'string' || alert.id === '') continue;
    const seen = latest.get(alert.id);
    if (!seen || !(timeOf(seen.lastUpdateDateTime) > timeOf(alert.lastUpdateDateTime))) latest.set(alert.id, alert);
  }
  return latest;
}

/**
 * The fetch cursor after this listing. Retention is measured from it (not from the clock alone), so a
 * clock far ahead cannot make the snapshot forget alerts that the next fetch returns. Alerts dated more
 * than CURSOR_FUTURE_LIMIT_MS ahead do not move it.
 */
function moveCursor(latest: Map<string, GraphAlert>, cursor: number | null, now: number): { cursor: number | null; futureIds: string[] } {
  const futureIds: string[] = [];
  const cursorLimit = now + CURSOR_FUTURE_LIMIT_MS;
  for (const [id, alert] of latest) {
    const updatedAt = timeOf(alert.lastUpdateDateTime);
    if (Number.isNaN(updatedAt)) continue;
    if (updatedAt > cursorLimit) futureIds.push(id);
    else if (cursor === null || updatedAt > cursor) cursor = updatedAt;
  }
  return { cursor, futureIds };
}

/**
 * Known alerts not listed this time: owed ones are retried from their stored copy (added to `latest`);
 * the rest are kept until retention. Returns how many kept ones are open and told.
 */
function carryUnlisted(
  known: Record<string, SnapshotEntry>,
  latest: Map<string, GraphAlert>,
  entries: Map<string, SnapshotEntry>,
  keepAfter: number
): number {
  let open = 0;
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
    if (statusOfSignature(stored.s) !== 'resolved' && stored.n !== undefined) open++;
  }
  return open;
}

/** What one listed alert means: the notice owed (or held back, or told silently) and its next entry. */
function decide(
  alert: GraphAlert,
  before: SnapshotEntry | undefined,
  settings: DeltaSettings,
  context: { firstRun: boolean; now: number; keepAfter: number }
): { notice?: Notice; entry?: SnapshotEntry; heldBy?: string; newlyHeld: boolean } {
  const signature = stateSignature(alert);
  const notifiable = isNotifiable(alert, settings);
  const updatedAt = timeOf(alert.lastUpdateDateTime);
  const u = Number.isNaN(updatedAt) ? (before?.u ?? context.now) : updatedAt;
  const notice = noticeFor(alert, signature, before, notifiable);
  let told = before?.n;
  let owed: GraphAlert | undefined;
  let heldBy: string | undefined;
  let newlyHeld = false;
  let posted: Notice | undefined;
  if (notice && ((context.firstRun && settings.firstRun === 'silent') || !settings.notifyOn.includes(notice.kind))) {
    // Not to be posted: record it as told, so it is not posted later either.
    told = signature;
  } else if (notice) {
    // A suppress rule holds the notice back: it stays owed (with what the rules need to decide again)
    // and is posted by the first run in which no rule holds it: after a snooze ends or the rule is removed.
    const rule = settings.suppress?.length ? suppressedBy(settings.suppress, alert, context.now) : undefined;
    heldBy = rule?.name;
    if (rule) {
      // Counted once: when the rule first holds this notice (or the alert changed), not in every run it stays held.
      newlyHeld = before?.x !== rule.name || before.s !== signature;
      owed = heldCopy(alert, rule.until !== undefined);
    } else {
      if (before?.d) notice.seenIn = before.d;
      if (before?.m) notice.messages = before.m;
      posted = notice;
      owed = owedCopy(alert);
    }
  }
  // A reminder copy lives while the alert stays notifiable (open, within the filters); a whole alert refreshes it.
  // With a board or digest, a told alert without a copy (told before they were turned on) gets one too.
  const boardOn = Boolean(settings.openAlertsBoard || settings.openAlertsDigest);
  const copy =
    keepsCopies(settings) && notifiable && (before?.c || (boardOn && before?.n !== undefined))
      ? alert.title !== undefined
        ? reminderCopy(alert, boardOn)
        : before?.c
      : undefined;
  // Forget what is old and owes nothing; keep owed notices however old they are.
  const kept = owed || u >= context.keepAfter ? entry(u, signature, told, owed, before?.t, copy, heldBy, before?.d, before?.m) : undefined;
  return { notice: posted, entry: kept, heldBy, newlyHeld };
}

/**
 * Works out what changed. `fetched` may hold the same alert twice (pages overlap, the window overlaps):
 * the copy with the newest lastUpdateDateTime wins.
 */
export function computeDelta(previous: Snapshot | undefined, fetched: GraphAlert[], settings: DeltaSettings, now: number): Delta {
  const firstRun = previous === undefined;
  // Read in place: copying a 100k-entry snapshot into a Map costs more than the lookups it would speed up.
  const known: Record<string, SnapshotEntry> = previous?.alerts ?? {};
  const latest = latestById(fetched);
  const { cursor, futureIds } = moveCursor(latest, previous?.cursor ?? null, now);
  const keepAfter = Math.min(now, cursor ?? now) - Math.max(RETENTION_MS, settings.lookbackMs) - ENTRY_MARGIN_MS;
  const entries = new Map<string, SnapshotEntry>();
  const notices: Notice[] = [];
  const suppressed = new Map<string, number>();
  let openCount = carryUnlisted(known, latest, entries, keepAfter);
  let updatedCount = 0;
  let resolvedCount = 0;
  for (const [id, alert] of latest) {
    const before = previous && knownEntry(previous, id);
    if (isNotifiable(alert, settings)) openCount++;
    if (before && before.s !== stateSignature(alert)) {
      if (alert.status === 'resolved' && statusOfSignature(before.s) !== 'resolved') resolvedCount++;
      else updatedCount++;
    }
    const decided = decide(alert, before, settings, { firstRun, now, keepAfter });
    if (decided.notice) notices.push(decided.notice);
    if (decided.heldBy && decided.newlyHeld) suppressed.set(decided.heldBy, (suppressed.get(decided.heldBy) ?? 0) + 1);
    if (decided.entry) entries.set(id, decided.entry);
  }
  const reminders = dueReminders(entries, notices, settings, now);
  notices.push(...reminders);
  let heldCount = 0;
  for (const kept of entries.values()) if (kept.x !== undefined) heldCount++;

  const sorted = sortByPriority(notices);
  return {
    notices: sorted,
    newCount: sorted.filter(notice => notice.kind === 'new').length,
    updatedCount,
    resolvedCount,
    openCount,
    reminderCount: reminders.length,
    remindAfterMs: settings.remindAfterMs,
    keepCopies: keepsCopies(settings),
    boardCopies: Boolean(settings.openAlertsBoard || settings.openAlertsDigest),
    futureIds,
    suppressed,
    heldCount,
    firstRun,
    entries,
    cursor
  };
}

/**
 * Reminders: told, still open and notifiable (the copy says so), and nothing heard for remind-after.
 * Once one is due, those due within the next quarter of remind-after come along: alerts posted at
 * different times are reminded together, in one digest per channel, not one post each through the day.
 */
function dueReminders(entries: Map<string, SnapshotEntry>, notices: Notice[], settings: DeltaSettings, now: number): Notice[] {
  if (!settings.remindAfterMs) return [];
  const noticed = new Set(notices.map(notice => notice.alert.id));
  const candidates: Array<{ id: string; kept: SnapshotEntry; due: number }> = [];
  for (const [id, kept] of entries) {
    if (!kept.c || kept.n === undefined || noticed.has(id) || statusOfSignature(kept.s) === 'resolved') continue;
    candidates.push({ id, kept, due: (kept.t ?? kept.u) + settings.remindAfterMs });
  }
  if (!candidates.some(candidate => candidate.due <= now)) return [];
  const reminders: Notice[] = [];
  for (const { id, kept, due } of candidates) {
    if (due > now + settings.remindAfterMs / 4) continue;
    const reminder = alertFromCopy(id, kept.c!, kept.s);
    // A rule that holds the alert back holds its reminders too (they recur, nothing to keep).
    if (settings.suppress?.length && suppressedBy(settings.suppress, reminder, now)) continue;
    reminders.push(kept.d ? { kind: 'reminder', alert: reminder, seenIn: kept.d } : { kind: 'reminder', alert: reminder });
  }
  return reminders;
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
  toldIn: ReadonlyMap<string, readonly string[]> = new Map(),
  /** teams-delivery: bot: the messages posted about each alert id in this run, by channel. */
  postedIn: ReadonlyMap<string, Record<string, MessageRef>> = new Map()
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
    const posted = postedIn.get(id);
    const m = posted ? Object.assign(Object.create(null) as Record<string, MessageRef>, kept.m, posted) : kept.m;
    if (!notice) {
      // Unchanged: entries are never mutated, so the same object serves.
      alerts[id] = d === kept.d && m === kept.m ? kept : entry(kept.u, kept.s, kept.n, kept.a, kept.t, kept.c, kept.x, d, m);
    } else if (notice.kind === 'reminder') {
      alerts[id] = entry(kept.u, kept.s, kept.n, kept.a, now, kept.c, undefined, kept.d, m);
    } else {
      const open = notice.alert.status !== 'resolved' && notice.kind !== 'resolved';
      const copy = (delta.keepCopies ?? delta.remindAfterMs) && open ? reminderCopy(notice.alert, delta.boardCopies) : undefined;
      // kept.s is the signature of notice.alert: computeDelta built the entry from that very alert.
      alerts[id] = entry(kept.u, kept.s, kept.s, undefined, now, copy, undefined, d, m);
    }
  }
  return { version: 1, scope, cursor: delta.cursor, savedAt: new Date(now).toISOString(), alerts };
}
