import { severityRank, statusOfSignature } from '../model/alert.js';
import { BOARD_ROWS, type BoardContent, type BoardRow } from '../model/board.js';
import type { Snapshot, SnapshotEntry } from '../snapshot/format.js';

/**
 * The open set, from the snapshot the action keeps (no extra Graph listing): alerts the channel was told
 * about, not resolved, with the copy a board row needs. An alert closed in the portal while no run saw it
 * leaves when Graph reports it resolved, or when it falls out of the snapshot's retention. Pure.
 */

/** Assignee from a state signature (status|severity|classification|determination|assignedTo). */
const assigneeOf = (signature: string) => signature.split('|')[4] ?? '';
const severityOf = (signature: string) => signature.split('|')[1] ?? '';

/** The channels an entry's card went to: with routes `d` names them; without, the default channel. */
function channelsOf(entry: SnapshotEntry): string[] {
  return entry.d ? Object.keys(entry.d) : ['default'];
}

/** A row from an entry's copy; the copy's fields are read as text whatever the snapshot holds (it may be planted). */
function rowOf(entry: SnapshotEntry): BoardRow | undefined {
  const copy = entry.c;
  if (!copy) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    title: text(copy.title).slice(0, 200),
    severity: severityOf(entry.s) || text(copy.severity),
    serviceSource: text(copy.serviceSource),
    status: statusOfSignature(entry.s),
    assignedTo: assigneeOf(entry.s),
    createdAt: typeof copy.created === 'string' ? Date.parse(copy.created) : Number.NaN,
    alertWebUrl: text(copy.alertWebUrl)
  };
}

const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
/** Counts with their keys in order: the board's content (and its hash) must not depend on the snapshot's order. */
const sorted = (counts: Record<string, number>): Record<string, number> =>
  Object.assign(Object.create(null), Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

/** What one channel's board (or digest) shows at `now`. */
export function boardContent(snapshot: Snapshot, channel: string, now: number, lookbackMs: number): BoardContent {
  const rows: BoardRow[] = [];
  const bySeverity: Record<string, number> = Object.create(null);
  for (const id in snapshot.alerts) {
    const entry = snapshot.alerts[id];
    if (entry.n === undefined || statusOfSignature(entry.s) === 'resolved' || !channelsOf(entry).includes(channel)) continue;
    const row = rowOf(entry);
    if (!row) continue;
    rows.push(row);
    count(bySeverity, row.severity.toLowerCase() || 'unknown');
  }
  // Oldest first (unknown ages last), then most severe, then by title: a stable order.
  rows.sort(
    (a, b) =>
      (Number.isNaN(a.createdAt) ? Infinity : a.createdAt) - (Number.isNaN(b.createdAt) ? Infinity : b.createdAt) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)
  );
  const incidentsBySeverity: Record<string, number> = Object.create(null);
  for (const id in snapshot.incidents ?? {}) {
    const [status, severity] = snapshot.incidents![id].s.split('|');
    if (status && status !== 'resolved' && status !== 'redirected') count(incidentsBySeverity, (severity || 'unknown').toLowerCase());
  }
  const rules: Record<string, number> = Object.create(null);
  for (const [at, rule, where] of snapshot.ruleLog ?? []) if (at > now - 86_400_000 && where === channel) count(rules, rule);
  return {
    channel,
    bySeverity: sorted(bySeverity),
    incidentsBySeverity: sorted(incidentsBySeverity),
    rows: rows.slice(0, BOARD_ROWS),
    total: rows.length,
    rules: sorted(rules),
    lookbackMs,
    refreshedAt: now
  };
}

/** What counts as a change of the board: everything but the refresh time (and the rows' ages, which follow from it). */
export function boardHash(content: BoardContent): string {
  const { refreshedAt: _refreshed, ...rest } = content;
  return JSON.stringify(rest);
}
