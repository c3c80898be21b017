import type { GraphAlert } from '../alert.js';

/**
 * The snapshot is what one run leaves for the next: for every alert seen recently, the state it was in
 * and the state the channel was last told about. It is versioned JSON, a few dozen bytes per alert,
 * and holds no secrets (alert ids, timestamps and short enum values; full alert text only for the few
 * alerts whose notice could not be delivered, so a later run can still post them).
 */
export const SNAPSHOT_VERSION = 1;

export interface SnapshotEntry {
  /** lastUpdateDateTime of the alert when last seen, in ms since the epoch. */
  u: number;
  /** State signature when last seen (see stateSignature). */
  s: string;
  /** State signature the channel was last told about; absent while no notice was delivered. */
  n?: string;
  /** The alert as last fetched, kept only while a notice for it is still owed. */
  a?: GraphAlert;
  /** When the channel last heard about the alert (a delivered notice or reminder), ms; for remind-after. */
  t?: number;
  /** What a reminder shows, kept (with remind-after only) while the alert is told, open and notifiable. */
  c?: ReminderCopy;
}

/** The few alert fields a reminder row needs; alerts that are not fetched again are reminded from it. */
export interface ReminderCopy {
  title: string;
  severity: string;
  serviceSource: string;
  alertWebUrl: string;
}

export interface Snapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Tenant id (or `file`) the snapshot belongs to; a snapshot of another tenant is never used. */
  scope: string;
  /** Newest lastUpdateDateTime seen (ms); the next fetch starts just before it. Null before any alert was seen. */
  cursor: number | null;
  savedAt: string;
  alerts: Record<string, SnapshotEntry>;
}

/** Why a stored snapshot was rejected; the run then continues as a first run, after a warning. */
export class SnapshotFormatError extends Error {
  override name = 'SnapshotFormatError';
}

/**
 * The parts of an alert whose change is worth a follow-up notice. Joined into one short string so the
 * snapshot stays small and comparison is a string compare.
 */
export function stateSignature(alert: GraphAlert): string {
  return `${alert.status ?? ''}|${alert.severity ?? ''}|${alert.classification ?? ''}|${alert.determination ?? ''}|${alert.assignedTo ?? ''}`;
}

/** The snapshot's entry for an alert id; own keys only, so an id such as `constructor` finds nothing. */
export function knownEntry(snapshot: Snapshot, id: string): SnapshotEntry | undefined {
  return Object.hasOwn(snapshot.alerts, id) ? snapshot.alerts[id] : undefined;
}

export function statusOfSignature(signature: string): string {
  const end = signature.indexOf('|');
  return end === -1 ? signature : signature.slice(0, end);
}

export function emptySnapshot(scope: string): Snapshot {
  return { version: SNAPSHOT_VERSION, scope, cursor: null, savedAt: new Date(0).toISOString(), alerts: {} };
}

export function serializeSnapshot(snapshot: Snapshot): string {
  return JSON.stringify(snapshot);
}

/** Parses and checks a stored snapshot. Anything unexpected throws SnapshotFormatError, never a crash. */
export function parseSnapshot(text: string, scope: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SnapshotFormatError('the stored snapshot is not valid JSON');
  }
  if (!isRecord(data)) throw new SnapshotFormatError('the stored snapshot is not a JSON object');
  if (data.version !== SNAPSHOT_VERSION) {
    throw new SnapshotFormatError(`the stored snapshot has format version ${JSON.stringify(data.version)}, this action reads version ${SNAPSHOT_VERSION}`);
  }
  if (data.scope !== scope) {
    throw new SnapshotFormatError(`the stored snapshot belongs to '${String(data.scope)}', not to '${scope}'`);
  }
  if (!(data.cursor === null || typeof data.cursor === 'number') || !isRecord(data.alerts)) {
    throw new SnapshotFormatError('the stored snapshot is missing its cursor or alerts');
  }
  for (const id in data.alerts) {
    const entry = data.alerts[id];
    if (
      !isRecord(entry) ||
      typeof entry.u !== 'number' ||
      typeof entry.s !== 'string' ||
      (entry.n !== undefined && typeof entry.n !== 'string') ||
      (entry.t !== undefined && typeof entry.t !== 'number') ||
      (entry.c !== undefined && !isRecord(entry.c))
    ) {
      throw new SnapshotFormatError(`the stored snapshot has a malformed entry for alert ${id}`);
    }
  }
  return data as unknown as Snapshot;
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
