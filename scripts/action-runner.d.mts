export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunActionOptions {
  entry: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  cwd?: string;
  files?: string;
  killAfterMs?: number;
  signal?: NodeJS.Signals;
  command?: string[];
  node?: string;
}

export function parseOutputFile(text: string): Record<string, string>;
export function runAction(options: RunActionOptions): Promise<ActionRun>;
