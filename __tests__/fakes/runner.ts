import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CA_FILE } from './https.js';

/**
 * Runs the bundled action the way the runner does: `node dist/index.js` with inputs as INPUT_<NAME>
 * variables (name upper-cased, hyphens kept), outputs read back from the GITHUB_OUTPUT file.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../dist/index.js');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (match) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
      outputs[match[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return outputs;
}

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
    const outputFile = path.join(this.dir, `output-${this.runs}`);
    const summaryFile = path.join(this.dir, `summary-${this.runs}`);
    await fs.writeFile(outputFile, '');
    await fs.writeFile(summaryFile, '');
    const childEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? this.dir,
      NODE_EXTRA_CA_CERTS: CA_FILE,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: this.dir,
      RUNNER_TEMP: path.join(this.dir, 'runner-temp'),
      GITHUB_RUN_ID: String(1000 + this.runs),
      GITHUB_RUN_ATTEMPT: '1',
      ...env
    };
    for (const [name, value] of Object.entries(inputs)) childEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    const child = spawn(process.execPath, [DIST], { cwd: this.dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    const killer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill(signal), killAfterMs);
    const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? -1)));
    clearTimeout(killer);
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(await fs.readFile(outputFile, 'utf8')),
      summary: await fs.readFile(summaryFile, 'utf8')
    };
  }

  async remove(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
