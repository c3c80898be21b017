import * as log from '../runtime/log.js';
import { ExplainedError } from '../runtime/errors.js';
import { SettingsError, type Settings } from '../inputs/settings.js';
import { FileSnapshotStore } from '../snapshot/file-store.js';
import { fitSnapshot, SAVE_BUDGET_BYTES } from '../snapshot/budget.js';
import { contentDigest, type Snapshot } from '../snapshot/format.js';
import type { LoadResult, SnapshotStore } from '../snapshot/store.js';

/**
 * The snapshot's two moments in a run: restored (and judged: trusted, absent, untrusted, unavailable)
 * before anything is posted, and saved after delivery. @actions/cache (with the Azure Storage SDK) is
 * imported only by runs that use it: loading it costs more than the rest of a run (see `npm run bench`).
 */

/** Thrown when the stored snapshot cannot be trusted: the run stops before any post. */
export class SnapshotRejected extends ExplainedError {
  override name = 'SnapshotRejected';
}

/** What @actions/cache's isFeatureAvailable() checks, without loading the module. */
function cacheServiceConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_CACHE_SERVICE_V2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL);
}

export async function chooseStore(settings: Settings, env: NodeJS.ProcessEnv = process.env): Promise<SnapshotStore> {
  const cacheAvailable = cacheServiceConfigured(env) && (await import('@actions/cache')).isFeatureAvailable();
  if (settings.snapshotStore === 'actions-cache' && !cacheAvailable) {
    throw new SettingsError(
      "Input 'snapshot-store' is 'actions-cache', but this step has no Actions cache service (ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL are not set). The runner gives them only to 'uses:' steps on GitHub-hosted or self-hosted runners; use snapshot-store: file (or auto) elsewhere."
    );
  }
  const identity = { scope: settings.snapshotScope, signingKeys: settings.snapshotSigningKeys, adopt: settings.resetSnapshot === 'adopt' };
  if (settings.snapshotStore === 'actions-cache' || (settings.snapshotStore === 'auto' && cacheAvailable)) {
    const { ActionsCacheSnapshotStore } = await import('../snapshot/cache-store.js');
    return new ActionsCacheSnapshotStore(settings.cacheKeyPrefix, identity, env);
  }
  return new FileSnapshotStore(settings.snapshotPath, identity);
}

function storeName(store: SnapshotStore): string {
  return store.kind === 'actions-cache' ? 'Actions cache' : 'file store';
}

/** Turns the load result into the previous snapshot, or stops the run: never a silent first run. */
function previousSnapshot(loaded: LoadResult, store: SnapshotStore, settings: Settings): Snapshot | undefined {
  if (loaded.status === 'unavailable') {
    // Posting now would treat every alert of the look-back window as new and flood the channel.
    throw new Error(
      `The alert snapshot could not be read from the ${storeName(store)} (${loaded.reason}). Nothing was posted, so the channel is not flooded with alerts it already saw; the next run will try again.`
    );
  }
  if (loaded.status === 'untrusted') {
    const remedy =
      store.kind === 'actions-cache'
        ? `list the entries with \`gh cache list --key ${settings.cacheKeyPrefix}-${settings.snapshotScope}-\` and delete the bad one with \`gh cache delete <key>\``
        : `move ${settings.snapshotPath} aside`;
    throw new SnapshotRejected(
      `The stored alert snapshot${loaded.key ? ` (${loaded.key})` : ''} cannot be trusted: ${loaded.reason}. Nothing was posted and the stored snapshot was left as it is. ` +
        `Starting afresh would re-post the look-back window or, with first-run: silent, mark unseen alerts as told. If you know why it happened, run once with reset-snapshot: true (a first run under the first-run rule), or ${remedy}.`
    );
  }
  return loaded.status === 'found' ? loaded.snapshot : undefined;
}

/**
 * reset-snapshot: `true` resets only what cannot be used (an untrusted or absent snapshot: a first run under
 * first-run); a trusted snapshot is used, and the input left in the workflow is pointed out, so a forgotten
 * `reset-snapshot: true` never turns every run into a silent first run. An outage is never reset. `adopt`
 * has the store take the snapshot whatever its signature; it is saved signed (see runWith).
 */
function resetOrAdopt(loaded: LoadResult, settings: Settings): LoadResult {
  if (settings.resetSnapshot === 'true') {
    if (loaded.status === 'found') {
      log.warning(
        'reset-snapshot is true, but the stored snapshot is trusted: it is used and nothing is reset. Remove reset-snapshot from the workflow.'
      );
      return loaded;
    }
    if (loaded.status === 'untrusted' || loaded.status === 'missing') {
      log.warning(
        `reset-snapshot is true and the stored snapshot ${loaded.status === 'untrusted' ? `cannot be trusted (${loaded.reason})` : 'is absent'}: this run starts afresh (first-run: ${settings.firstRun}). Remove reset-snapshot after this run.`
      );
      return { status: 'missing' };
    }
  }
  if (settings.resetSnapshot === 'adopt' && loaded.status === 'found') {
    log.warning(
      loaded.resign
        ? `reset-snapshot is adopt: the stored snapshot was taken as it is (its signature was not checked) and is saved ${settings.snapshotSigningKeys.length ? 'signed with the first key of snapshot-signing-key' : 'unsigned'}. Remove reset-snapshot after this run.`
        : 'reset-snapshot is adopt, but the stored snapshot is already signed with the first key: nothing to adopt. Remove reset-snapshot from the workflow.'
    );
  }
  return loaded;
}

export interface Restored {
  store: SnapshotStore;
  loaded: LoadResult;
  /** The previous snapshot; undefined on a first run (absent, or reset). */
  previous: Snapshot | undefined;
}

/** Restores and judges the previous snapshot; throws (before any post) when it cannot be used. */
export async function restore(settings: Settings, now: number): Promise<Restored> {
  const store = await chooseStore(settings);
  const loaded = resetOrAdopt(await store.load(now), settings);
  return { store, loaded, previous: previousSnapshot(loaded, store, settings) };
}

/** The log line saying what was restored. */
export function describeRestored({ store, loaded, previous }: Restored, settings: Settings): string {
  return previous
    ? `Snapshot restored (${store.kind}${loaded.status === 'found' && loaded.key ? `: ${loaded.key}` : ''}), ${Object.keys(previous.alerts).length} alert(s) known.`
    : `No snapshot in the ${store.kind} store: first run (first-run: ${settings.firstRun}).`;
}

/**
 * Saves the settled snapshot, within the load limit of the next run. A snapshot equal to the stored one
 * is not written again (a cache upload would be the whole cost of a quiet run). Returns its key and size.
 */
export async function save(snapshot: Snapshot, { store, loaded }: Restored): Promise<{ key: string; bytes: number }> {
  const fitted = fitSnapshot(snapshot, JSON.stringify(snapshot));
  if (fitted.pruned > 0)
    log.warning(
      `The snapshot passed half of what a run reads (${SAVE_BUDGET_BYTES / 1024 / 1024} MiB): the ${fitted.pruned} alert(s) told about longest ago were forgotten (owed and held-back ones are kept). If Graph lists one of them again it is posted again.`
    );
  if (loaded.status === 'found' && !loaded.resign && loaded.digest === contentDigest(fitted.json)) {
    const key = loaded.key ?? '';
    log.info(`Snapshot unchanged (${store.kind}: ${key}): not saved again.`);
    return { key, bytes: fitted.bytes };
  }
  const key = await store.save(snapshot, fitted.json);
  log.info(
    `Snapshot saved (${store.kind}: ${key}), ${Object.keys(snapshot.alerts).length} alert(s)${loaded.status === 'found' && loaded.resign ? `; signed again (${loaded.resign})` : ''}.`
  );
  return { key, bytes: fitted.bytes };
}
