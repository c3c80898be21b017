import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseSnapshot, serializeSnapshot, SnapshotFormatError, type Snapshot } from './format.js';
import type { LoadResult, SnapshotStore } from './store.js';

/** Plain JSON on disk: for self-hosted runners, local runs, or a repository-committed state file. */
export class FileSnapshotStore implements SnapshotStore {
  readonly kind = 'file' as const;
  constructor(
    private readonly filePath: string,
    private readonly scope: string
  ) {}

  async load(): Promise<LoadResult> {
    let text: string;
    try {
      text = await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
      return { status: 'unavailable', reason: `cannot read ${this.filePath}: ${(error as Error).message}` };
    }
    try {
      return { status: 'found', snapshot: parseSnapshot(text, this.scope), key: this.filePath };
    } catch (error) {
      if (error instanceof SnapshotFormatError) return { status: 'missing', note: `${error.message}; starting afresh` };
      throw error;
    }
  }

  async save(snapshot: Snapshot): Promise<string> {
    await fs.mkdir(path.dirname(path.resolve(this.filePath)), { recursive: true });
    // Write then rename: a run killed mid-write leaves the previous snapshot intact, never half a file.
    const temporary = `${this.filePath}.${process.pid}.tmp`;
    await fs.writeFile(temporary, serializeSnapshot(snapshot));
    await fs.rename(temporary, this.filePath);
    return this.filePath;
  }
}
