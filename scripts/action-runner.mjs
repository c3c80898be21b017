// Runs a JavaScript action the way the GitHub runner does: `node <entry>` with every input as an
// INPUT_<NAME> variable (name upper-cased, hyphens kept), outputs read back from the GITHUB_OUTPUT file
// and the job summary from GITHUB_STEP_SUMMARY. Shared by the end-to-end tests, the bench and
// `npm run local`, so all three run the action exactly alike.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Parses a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseOutputFile(text) {
  const outputs = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (match) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
      outputs[match[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return outputs;
}

/**
 * Options: entry (the script), inputs, env (added to a minimal environment), cwd, files (a directory for
 * the output and summary files; a new temporary one by default), killAfterMs with signal (SIGKILL: a lost
 * runner; SIGTERM: a cancelled job), command (a prefix such as /usr/bin/time), node (the executable).
 */
export async function runAction({
  entry,
  inputs = {},
  env = {},
  cwd = process.cwd(),
  files,
  killAfterMs,
  signal = 'SIGKILL',
  command = [],
  node = process.execPath
}) {
  const dir = files ?? mkdtempSync(path.join(os.tmpdir(), 'action-run-'));
  const outputFile = path.join(dir, `output-${process.hrtime.bigint()}`);
  const summaryFile = `${outputFile}-summary`;
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const childEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    ...env
  };
  for (const [name, value] of Object.entries(inputs)) childEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const [file, ...args] = [...command, node, entry];
  const child = spawn(file, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  const killer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill(signal), killAfterMs);
  const code = await new Promise(resolve => child.on('close', c => resolve(c ?? -1)));
  clearTimeout(killer);
  return { code, stdout, stderr, outputs: parseOutputFile(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}
