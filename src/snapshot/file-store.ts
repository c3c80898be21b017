import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkSnapshot, contentDigest, MAX_SNAPSHOT_BYTES, serializeSnapshot, SnapshotUntrustedError, type Snapshot } from './format.js';
import type { LoadResult, SnapshotIdentity, SnapshotStore } from './store.js';

/** Plain JSON on disk: for self-hosted runners, local runs, or a repository-committed state file. */
export class FileSnapshotStore implements SnapshotStore {
  readonly kind = 'file' as const;
  constructor(
    private readonly filePath: string,
    private readonly identity: SnapshotIdentity
  ) {}

  async load(now: number): Promise<LoadResult> {
    let text: string;
    try {
      const { size } = await fs.stat(this.filePath);
      if (size > MAX_SNAPSHOT_BYTES)
        return { status: 'untrusted', reason: `it is larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB`, key: this.filePath };
      text = await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
      return {
        status: 'unavailable',
        reason: `cannot read ${this.filePath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
      };
    }
    try {
      const { snapshot, resign } = checkSnapshot(text, { ...this.identity, now, boundTo: 'file' });
      return { status: 'found', snapshot, key: this.filePath, digest: contentDigest(text), resign };
    } catch (error) {
      if (error instanceof SnapshotUntrustedError) return { status: 'untrusted', reason: error.message, key: this.filePath };
      throw error;
    }
  }

  async save(snapshot: Snapshot, json?: string): Promise<string> {
    await fs.mkdir(path.dirname(path.resolve(this.filePath)), { recursive: true });
    // Write then rename: a run killed mid-write leaves the previous snapshot intact, never half a file.
    const temporary = `${this.filePath}.${process.pid}.tmp`;
    await fs.writeFile(temporary, serializeSnapshot(snapshot, this.identity.signingKeys[0], json, 'file'));
    await fs.rename(temporary, this.filePath);
    return this.filePath;
  }
}
