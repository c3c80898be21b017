import { MAX_SNAPSHOT_BYTES, type Snapshot } from './format.js';

/**
 * The snapshot is never saved larger than the next load accepts. Past half the load limit the alerts
 * the channel was told about longest ago are forgotten first (an alert Graph lists again after that is
 * taken for new: a repeat, never a loss); owed and held-back entries are never pruned. Warned about by
 * the caller, with the count.
 */
export const SAVE_BUDGET_BYTES = MAX_SNAPSHOT_BYTES / 2;

export interface FittedSnapshot {
  json: string;
  /** Told entries forgotten to fit. */
  pruned: number;
  bytes: number;
}

export function fitSnapshot(snapshot: Snapshot, json: string, budget = SAVE_BUDGET_BYTES, limit = MAX_SNAPSHOT_BYTES): FittedSnapshot {
  let bytes = Buffer.byteLength(json);
  if (bytes <= budget) return { json, pruned: 0, bytes };
  const told = Object.entries(snapshot.alerts)
    .filter(([, entry]) => entry.n !== undefined && entry.a === undefined)
    .sort((a, b) => a[1].u - b[1].u);
  // Down to 90 % of the budget, so the next runs do not prune again at once.
  let excess = bytes - budget * 0.9;
  let pruned = 0;
  for (const [id, entry] of told) {
    if (excess <= 0) break;
    excess -= Buffer.byteLength(JSON.stringify(id)) + Buffer.byteLength(JSON.stringify(entry)) + 2;
    delete snapshot.alerts[id];
    pruned++;
  }
  const fitted = JSON.stringify(snapshot);
  bytes = Buffer.byteLength(fitted);
  if (bytes > limit)
    throw new Error(
      `the snapshot would be ${Math.round(bytes / 1024 / 1024)} MiB even with every told alert forgotten, more than the next run reads (${limit / 1024 / 1024} MiB); it was not saved`
    );
  return { json: fitted, pruned, bytes };
}
