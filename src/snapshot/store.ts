import type { Snapshot } from './format.js';

/** Where the snapshot lives between runs. */
export type LoadResult =
  | { status: 'found'; snapshot: Snapshot; key?: string }
  /** No snapshot exists yet (or the stored one was unreadable and is ignored): a first run. */
  | { status: 'missing'; note?: string }
  /** The store could not be read (service outage): NOT a first run, nothing may be posted. */
  | { status: 'unavailable'; reason: string };

export interface SnapshotStore {
  readonly kind: 'actions-cache' | 'file';
  load(): Promise<LoadResult>;
  /** Persists the snapshot; returns the key (cache) or path (file) it was saved under. Throws on failure. */
  save(snapshot: Snapshot): Promise<string>;
}
