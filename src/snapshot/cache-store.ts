import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cache from '@actions/cache';
import {
  contentDigest,
  gunzipSnapshot,
  MAX_SNAPSHOT_BYTES,
  checkSnapshot,
  serializeSnapshot,
  SnapshotUntrustedError,
  type Snapshot
} from './format.js';
import type { LoadResult, SnapshotIdentity, SnapshotStore } from './store.js';

/**
 * The snapshot in the GitHub Actions cache. Cache entries are immutable, so every run saves under a
 * key of its own (`<prefix>-<tenant>-<run id>-<attempt>`) and restores the newest entry by prefix.
 *
 * restoreCache answers `undefined` both for "no entry" and for "the service failed" (it only logs a
 * warning). The two must not be confused: an outage taken for a first run would post every alert of
 * the look-back window again. So the warnings it writes while restoring are watched.
 */
export const CACHE_DIR = '.m365-alerts-cache';
const FILE_NAME = 'snapshot.json.gz';

export function cacheKeyPrefix(prefix: string, scope: string): string {
  return `${prefix}-${scope}-`;
}

export function cacheSaveKey(prefix: string, scope: string, env: NodeJS.ProcessEnv = process.env): string {
  const runId = env.GITHUB_RUN_ID || `local${Date.now()}`;
  const attempt = env.GITHUB_RUN_ATTEMPT || '1';
  return `${cacheKeyPrefix(prefix, scope)}${runId}-${attempt}`;
}

/** Runs `work` while copying what it writes to stdout, returning the failure lines @actions/cache logged. */
async function watchCacheWarnings<T>(work: () => Promise<T>): Promise<{ result: T; failures: string[] }> {
  const failures: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    for (const line of text.split(/\r?\n/)) {
      if (/^::(warning|error)::Failed to restore/.test(line)) failures.push(line.replace(/^::\w+::/, ''));
    }
    return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    return { result: await work(), failures };
  } finally {
    process.stdout.write = original;
  }
}

export class ActionsCacheSnapshotStore implements SnapshotStore {
  readonly kind = 'actions-cache' as const;
  private readonly filePath = path.join(CACHE_DIR, FILE_NAME);

  constructor(
    private readonly prefix: string,
    private readonly identity: SnapshotIdentity,
    private readonly env: NodeJS.ProcessEnv = process.env
  ) {}

  /** Paths are given to @actions/cache relative to the workspace, as the same literal string every time. */
  private get absoluteFile(): string {
    return path.resolve(this.env.GITHUB_WORKSPACE || process.cwd(), this.filePath);
  }

  async load(now: number): Promise<LoadResult> {
    await fs.rm(path.dirname(this.absoluteFile), { recursive: true, force: true });
    let matchedKey: string | undefined;
    try {
      const watched = await watchCacheWarnings(() => cache.restoreCache([CACHE_DIR], cacheKeyPrefix(this.prefix, this.identity.scope)));
      matchedKey = watched.result;
      if (!matchedKey && watched.failures.length > 0) {
        return { status: 'unavailable', reason: watched.failures.join('; ') };
      }
    } catch (error) {
      return { status: 'unavailable', reason: (error as Error).message };
    }
    if (!matchedKey) return { status: 'missing' };
    let bytes: Buffer;
    try {
      const { size } = await fs.stat(this.absoluteFile);
      // gzip compresses JSON about ten times; a file this big is no snapshot this action wrote.
      if (size > MAX_SNAPSHOT_BYTES / 4)
        return { status: 'untrusted', reason: `its ${FILE_NAME} is ${Math.round(size / 1024 / 1024)} MiB`, key: matchedKey };
      bytes = await fs.readFile(this.absoluteFile);
    } catch (error) {
      return {
        status: 'untrusted',
        reason: `the entry holds no ${FILE_NAME} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        key: matchedKey
      };
    }
    try {
      const text = gunzipSnapshot(bytes);
      // The signature names the key the entry was saved under: one uploaded again under another key fails here.
      const { snapshot, resign } = checkSnapshot(text, { ...this.identity, now, boundTo: matchedKey });
      return { status: 'found', snapshot, key: matchedKey, digest: contentDigest(text), resign };
    } catch (error) {
      if (error instanceof SnapshotUntrustedError) return { status: 'untrusted', reason: error.message, key: matchedKey };
      throw error;
    } finally {
      await fs.rm(path.dirname(this.absoluteFile), { recursive: true, force: true });
    }
  }

  async save(snapshot: Snapshot, json?: string): Promise<string> {
    const key = cacheSaveKey(this.prefix, this.identity.scope, this.env);
    await fs.mkdir(path.dirname(this.absoluteFile), { recursive: true });
    await fs.writeFile(this.absoluteFile, gzipSync(serializeSnapshot(snapshot, this.identity.signingKeys[0], json, key)));
    try {
      const cacheId = await cache.saveCache([CACHE_DIR], key);
      if (cacheId === -1) throw new Error(`the Actions cache did not accept the snapshot under key ${key} (see the warning above)`);
    } finally {
      await fs.rm(path.dirname(this.absoluteFile), { recursive: true, force: true });
    }
    return key;
  }
}
