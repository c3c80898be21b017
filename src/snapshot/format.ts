import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { GraphAlert } from '../model/alert.js';
import type { MessageRef } from '../model/message.js';
import { SnapshotUntrustedError } from './errors.js';
import { channelMap, checkIncidents, checkSideState, isRecord, messageMap } from './shape.js';
import type { AuditState } from '../rules/audit-state.js';
import { WINDOW_TIERS } from '../rules/audit-ledger.js';

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
  /** The suppress rule holding the owed notice back; `a` then keeps what is needed to decide again. */
  x?: string;
  /**
   * With routes: each channel (route name, or `default`) that has the alert's card → the state signature it
   * was last told there. Follow-ups go where the card went; absent without routes (one channel).
   */
  d?: Record<string, string>;
  /**
   * teams-delivery: bot: each channel's message with the alert's card (where it is, to edit it and reply
   * in its thread). Used only with the configured service URL and channel (see channels/bot).
   */
  m?: Record<string, MessageRef>;
}

/** The few alert fields a reminder row needs; alerts that are not fetched again are reminded from it. */
export interface ReminderCopy {
  title: string;
  severity: string;
  serviceSource: string;
  alertWebUrl: string;
  /** createdDateTime, for the open-alerts board's age (kept with open-alerts-board or -digest). */
  created?: string;
}

export interface Snapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Tenant id (or `file`) the snapshot belongs to; a snapshot of another tenant is never used. */
  scope: string;
  /** Newest lastUpdateDateTime seen (ms); the next fetch starts just before it. Null before any alert was seen. */
  cursor: number | null;
  savedAt: string;
  alerts: Record<string, SnapshotEntry>;
  /** group-by: incident: what the channel was told per incident (absent until an incident was told). */
  incidents?: Record<string, IncidentEntry>;
  /** rules: the audit rules' ledger of query windows, counts, learned values and owed notices (see audit.ts). */
  audit?: AuditState;
  /** Suppress rules whose `until` had passed and were warned about: each is warned about once. */
  expiredWarned?: string[];
  /** open-alerts-board: each channel's board message and what it showed (a hash), to edit it only on change. */
  boards?: Record<string, { m: MessageRef; h: string }>;
  /** open-alerts-digest: the local day (YYYY-MM-DD) each channel last got its digest. */
  digestDays?: Record<string, string>;
  /** Rule notices told in the last 24 h, as [time ms, rule name, channel], for the board (at most 2,000). */
  ruleLog?: Array<[number, string, string]>;
}

/** What the channel was told about one incident. */
export interface IncidentEntry {
  /** Incident state signature told (see incidentSignature). */
  s: string;
  /** lastUpdateDateTime when last seen, ms. */
  u: number;
  /** The incident it was told to be merged into. */
  r?: string;
  /** The incident as last fetched, kept while a follow-up about it is owed. */
  a?: Record<string, unknown>;
  /** teams-delivery: bot: each channel's message with the incident's card (see SnapshotEntry.m). */
  m?: Record<string, MessageRef>;
}

export { SnapshotUntrustedError } from './errors.js';

/** Decompressed snapshots larger than this are refused (a gzip bomb must not exhaust the runner). */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
/** A cursor or savedAt further ahead of the runner's clock than this is not from a real earlier run. */
export const MAX_FUTURE_SKEW_MS = 10 * 60_000;
/**
 * First line of a signed snapshot: `<SIGNATURE_PREFIX><hex HMAC-SHA256 of "<bound to>\n<JSON that follows>">`.
 * "Bound to" is where it was saved (the cache key; `file` for the file store): a valid entry re-uploaded
 * under another cache key (an old snapshot replayed as the newest) fails the check.
 */
const SIGNATURE_PREFIX = 'm365-alerts-snapshot-hmac-sha256-v2:';
/** The earlier format signed the JSON alone, so it cannot tell a replayed entry: only reset-snapshot: adopt takes it. */
const OLD_SIGNATURE_PREFIX = 'm365-alerts-snapshot-hmac-sha256:';
const ANY_SIGNATURE = 'm365-alerts-snapshot-hmac-sha256';

export interface SnapshotCheck {
  scope: string;
  now: number;
  /** snapshot-signing-key: when any is set, only a snapshot carrying a valid HMAC by one of them is accepted. */
  signingKeys?: readonly string[];
  /** Where the snapshot was restored from (its cache key, or `file`): the signature must name it. */
  boundTo?: string;
  /** reset-snapshot: adopt: any signature (or none) is taken; the rest is checked as always. */
  adopt?: boolean;
}

/** A snapshot accepted, and why it must be written again signed (another key, adopted), if it must. */
export interface ParsedSnapshot {
  snapshot: Snapshot;
  resign?: string;
}

// State signatures are facts of the alert; they are kept in the snapshot.
export { stateSignature, statusOfSignature } from '../model/alert.js';

/** The snapshot's entry for an alert id; own keys only, so an id such as `constructor` finds nothing. */
export function knownEntry(snapshot: Snapshot, id: string): SnapshotEntry | undefined {
  return Object.hasOwn(snapshot.alerts, id) ? snapshot.alerts[id] : undefined;
}

export function emptySnapshot(scope: string): Snapshot {
  return { version: SNAPSHOT_VERSION, scope, cursor: null, savedAt: new Date(0).toISOString(), alerts: entryMap() };
}

function hmac(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

/** The stored form: JSON, preceded by a signature line (bound to where it is saved) when a signing key is set. */
export function serializeSnapshot(snapshot: Snapshot, signingKey?: string, json = JSON.stringify(snapshot), boundTo = 'file'): string {
  return signingKey ? `${SIGNATURE_PREFIX}${hmac(signingKey, `${boundTo}\n${json}`)}\n${json}` : json;
}

/**
 * What a snapshot says apart from when it was saved: a digest of its JSON with savedAt blanked. Equal
 * digests mean the stored snapshot is still exact and need not be written again.
 */
export function contentDigest(json: string): string {
  const body = json.startsWith(ANY_SIGNATURE) ? json.slice(json.indexOf('\n') + 1) : json;
  return createHash('sha256')
    .update(body.replace(/"savedAt":"[^"]*"/, '"savedAt":""'))
    .digest('hex');
}

function matches(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const ADOPT = 'run once with reset-snapshot: adopt (it keeps the snapshot and signs it with the first key)';

/**
 * Splits off and checks the signature line; returns the JSON text and, when it must be signed again, why.
 * Fail-closed throughout: a signed snapshot with no key given is refused (a renamed secret must not turn
 * signing off silently), and only reset-snapshot: adopt takes a snapshot whatever its signature.
 */
function verifiedJson(text: string, check: SnapshotCheck): { json: string; resign?: string } {
  const keys = check.signingKeys ?? [];
  const newline = text.startsWith(ANY_SIGNATURE) ? text.indexOf('\n') : -1;
  const json = newline === -1 ? text : text.slice(newline + 1);
  const line = newline === -1 ? '' : text.slice(0, newline);
  if (check.adopt) {
    const signed =
      line &&
      keys.length > 0 &&
      line.startsWith(SIGNATURE_PREFIX) &&
      matches(line.slice(SIGNATURE_PREFIX.length), hmac(keys[0], `${check.boundTo ?? 'file'}\n${json}`));
    return { json, resign: signed ? undefined : 'reset-snapshot: adopt' };
  }
  if (!line) {
    if (keys.length === 0) return { json };
    throw new SnapshotUntrustedError(`it carries no signature, and snapshot-signing-key is set (to turn signing on, ${ADOPT})`);
  }
  if (keys.length === 0) {
    throw new SnapshotUntrustedError(
      `it is signed, but snapshot-signing-key is empty (a renamed secret, or a reusable workflow that does not pass it on?). Pass the key; to stop signing on purpose, ${ADOPT.replace(' and signs it with the first key', ' unsigned')}`
    );
  }
  if (line.startsWith(OLD_SIGNATURE_PREFIX)) {
    throw new SnapshotUntrustedError(
      `it is signed in the earlier format, which does not say which cache entry it was saved as, so a replayed old entry could not be told; if it is yours, ${ADOPT}`
    );
  }
  const given = line.slice(SIGNATURE_PREFIX.length);
  const index = line.startsWith(SIGNATURE_PREFIX)
    ? keys.findIndex(key => matches(given, hmac(key, `${check.boundTo ?? 'file'}\n${json}`)))
    : -1;
  if (index === -1) {
    throw new SnapshotUntrustedError(
      'its signature matches no key of snapshot-signing-key for the entry it was restored from (written with another key, by something else than this action, or an older entry uploaded again under a newer key)'
    );
  }
  return {
    json,
    resign: index > 0 ? `it was signed with key ${index + 1} of snapshot-signing-key; it is signed again with the first` : undefined
  };
}

/** Decompresses a gzipped snapshot, refusing anything that inflates past MAX_SNAPSHOT_BYTES. */
export function gunzipSnapshot(bytes: Buffer): string {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_SNAPSHOT_BYTES }).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || /too large|maxOutputLength/i.test((error as Error).message)) {
      throw new SnapshotUntrustedError(`it inflates to more than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB`);
    }
    throw new SnapshotUntrustedError(`it is not valid gzip (${code ?? (error as Error).message})`);
  }
}

/** Parses and checks a stored snapshot. Anything unexpected throws SnapshotUntrustedError, never a crash. */
export function parseSnapshot(text: string, check: SnapshotCheck): Snapshot {
  return checkSnapshot(text, check).snapshot;
}

/** parseSnapshot, also saying whether the snapshot must be written again signed (see verifiedJson). */
export function checkSnapshot(text: string, check: SnapshotCheck): ParsedSnapshot {
  if (text.length > MAX_SNAPSHOT_BYTES) throw new SnapshotUntrustedError(`it is larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB`);
  let data: unknown;
  let resign: string | undefined;
  try {
    const verified = verifiedJson(text, check);
    resign = verified.resign;
    data = JSON.parse(verified.json);
  } catch (error) {
    if (error instanceof SnapshotUntrustedError) throw error;
    throw new SnapshotUntrustedError('it is not valid JSON');
  }
  if (!isRecord(data)) throw new SnapshotUntrustedError('it is not a JSON object');
  if (data.version !== SNAPSHOT_VERSION) {
    throw new SnapshotUntrustedError(
      `it has format version ${JSON.stringify(data.version)?.slice(0, 40)}, and this version of the action reads version ${SNAPSHOT_VERSION} (was a newer release of the action run, then an older one?)`
    );
  }
  if (data.scope !== check.scope) {
    throw new SnapshotUntrustedError(`it belongs to '${String(data.scope).slice(0, 80)}', not to '${check.scope}'`);
  }
  if (!(data.cursor === null || (typeof data.cursor === 'number' && Number.isFinite(data.cursor))) || !isRecord(data.alerts)) {
    throw new SnapshotUntrustedError('it is missing its cursor or alerts');
  }
  const savedAt = typeof data.savedAt === 'string' ? Date.parse(data.savedAt) : Number.NaN;
  if (Number.isNaN(savedAt)) throw new SnapshotUntrustedError('it has no valid savedAt time');
  const latestAllowed = check.now + MAX_FUTURE_SKEW_MS;
  if (savedAt > latestAllowed || (data.cursor !== null && data.cursor > latestAllowed)) {
    throw new SnapshotUntrustedError(
      `it is from the future (saved ${data.savedAt.slice(0, 40)}, cursor ${data.cursor === null ? 'none' : new Date(data.cursor).toISOString()}; the runner's clock says ${new Date(check.now).toISOString()}): planted, or the runner's clock is wrong`
    );
  }
  for (const id in data.alerts) {
    const entry = data.alerts[id];
    if (
      !isRecord(entry) ||
      typeof entry.u !== 'number' ||
      typeof entry.s !== 'string' ||
      (entry.n !== undefined && typeof entry.n !== 'string') ||
      (entry.t !== undefined && typeof entry.t !== 'number') ||
      (entry.c !== undefined && !isRecord(entry.c)) ||
      (entry.x !== undefined && (typeof entry.x !== 'string' || entry.a === undefined)) ||
      (entry.d !== undefined && !channelMap(entry.d)) ||
      (entry.m !== undefined && !messageMap(entry.m)) ||
      (entry.a !== undefined && !(isRecord(entry.a) && entry.a.id === id))
    ) {
      throw new SnapshotUntrustedError(`it has a malformed entry for alert ${JSON.stringify(id.slice(0, 80))}`);
    }
  }
  checkIncidents(data.incidents);
  if (data.audit !== undefined) checkAuditState(data.audit);
  checkSideState(data);
  // Own keys only, whatever the id: `__proto__` or `constructor` are alert ids like any other.
  Object.setPrototypeOf(data.alerts, null);
  return { snapshot: data as unknown as Snapshot, resign };
}

/** A map from alert id to entry that takes any id as an own key (no prototype to collide with). */
export function entryMap(): Record<string, SnapshotEntry> {
  return Object.create(null) as Record<string, SnapshotEntry>;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const numbers = (value: unknown) => Array.isArray(value) && value.every(isNumber);

/** A record whose every value passes `check`; its prototype is removed (keys are data: ids, user names). */
function mapOf(value: unknown, check: (entry: unknown, key: string) => boolean): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) if (!check(value[key], key)) return false;
  Object.setPrototypeOf(value, null);
  return true;
}

/** The audit rules' state is checked like the rest: a malformed one is not trusted, never half-used. */
function checkAuditState(audit: unknown): void {
  const bad = (what: string): never => {
    throw new SnapshotUntrustedError(`its audit rules state has a malformed ${what}`);
  };
  if (!isRecord(audit)) bad('section');
  const { w, r, o, t } = audit as Record<string, any>;
  if (
    !isRecord(w) ||
    !isRecord(w.frontiers) ||
    !WINDOW_TIERS.every(tier => isNumber(w.frontiers[tier])) ||
    !Array.isArray(w.windows) ||
    w.windows.length > 1000 ||
    !optional(w.made, v => numbers(v) && (v as number[]).length <= 1000)
  )
    bad('ledger');
  for (const window of w.windows) {
    if (
      !isRecord(window) ||
      !isNumber(window.s) ||
      !isNumber(window.e) ||
      !WINDOW_TIERS.includes(window.k) ||
      !isNumber(window.n) ||
      !optional(window.q, v => typeof v === 'string') ||
      !optional(window.p, v => typeof v === 'string' && v.length <= 4000) ||
      !optional(window.c, isNumber) ||
      !optional(window.b, isNumber)
    )
      bad('query window');
  }
  if (!isRecord(r) || !mapOf(r.seen, isNumber)) bad('record list');
  const group = (g: unknown) =>
    isRecord(g) &&
    isNumber(g.t) &&
    optional(g.e, numbers) &&
    optional(g.r, numbers) &&
    optional(g.d, v => Array.isArray(v) && v.every(item => typeof item === 'string')) &&
    optional(g.v, v => mapOf(v, isNumber));
  if (!mapOf(r.rules, rule => isRecord(rule) && typeof rule.f === 'string' && optional(rule.l, isNumber) && mapOf(rule.g, group)))
    bad('rule state');
  if (
    !mapOf(
      o,
      (entry, id) => isRecord(entry) && isRecord(entry.a) && entry.a.id === id && isRecord(entry.h) && Array.isArray(entry.h.samples)
    )
  )
    bad('owed notice');
  if (!mapOf(t, isNumber)) bad('told notice');
}
