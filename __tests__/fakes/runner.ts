import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction, type ActionRun } from '../../scripts/action-runner.mjs';
import { CA_FILE } from './https.js';

/**
 * Runs the bundled action the way the runner does: `node dist/index.js` with inputs as INPUT_<NAME>
 * variables (name upper-cased, hyphens kept), outputs read back from the GITHUB_OUTPUT file.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../dist/index.js');

export { parseOutputFile, type ActionRun } from '../../scripts/action-runner.mjs';

export class Workspace {
  runs = 0;
  private constructor(readonly dir: string) {}

  static async create(): Promise<Workspace> {
    return new Workspace(await fs.mkdtemp(path.join(os.tmpdir(), 'm365-e2e-')));
  }

  /** `killAfterMs`: send `signal` (SIGKILL: a lost runner; SIGTERM: a cancelled job) after that long. */
  async run(
    inputs: Record<string, string>,
    env: Record<string, string> = {},
    killAfterMs?: number,
    signal: NodeJS.Signals = 'SIGKILL'
  ): Promise<ActionRun> {
    this.runs++;
    return runAction({
      entry: DIST,
      inputs,
      cwd: this.dir,
      files: this.dir,
      killAfterMs,
      signal,
      env: {
        NODE_EXTRA_CA_CERTS: CA_FILE,
        GITHUB_WORKSPACE: this.dir,
        RUNNER_TEMP: path.join(this.dir, 'runner-temp'),
        GITHUB_RUN_ID: String(1000 + this.runs),
        GITHUB_RUN_ATTEMPT: '1',
        ...env
      }
    });
  }

  async remove(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
