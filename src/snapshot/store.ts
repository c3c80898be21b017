import type { Snapshot } from './format.js';

/** Where the snapshot lives between runs. */
export type LoadResult =
  | { status: 'found'; snapshot: Snapshot; key?: string; digest: string; resign?: string }
  /** No snapshot exists yet: a first run. */
  | { status: 'missing' }
  /** A snapshot exists but cannot be trusted (unreadable, foreign, from the future, bad signature): fail closed. */
  | { status: 'untrusted'; reason: string; key?: string }
  /** The store could not be read (service outage): NOT a first run, nothing may be posted. */
  | { status: 'unavailable'; reason: string };

/** What a stored snapshot is checked against when it is loaded. */
export interface SnapshotIdentity {
  /** Tenant id (or `file`): a snapshot of another scope is refused. */
  scope: string;
  /** snapshot-signing-key, one key per line: the first signs, any verifies. */
  signingKeys: readonly string[];
  /** reset-snapshot: adopt: a snapshot is taken whatever its signature, and saved signed. */
  adopt?: boolean;
}

export interface SnapshotStore {
  readonly kind: 'actions-cache' | 'file';
  /** Reads the newest snapshot; `now` is the runner's clock, for the from-the-future check. */
  load(now: number): Promise<LoadResult>;
  /**
   * Persists the snapshot (`json`: its JSON.stringify, when the caller has it); returns the key (cache) or
   * path (file) it was saved under. Throws on failure.
   */
  save(snapshot: Snapshot, json?: string): Promise<string>;
}
