import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import * as io from '../../src/runtime/runner-io.js';

/**
 * runner-io.ts speaks the runner protocol without loading @actions/core; here @actions/core is the oracle.
 * The same calls, with hostile values, must produce the same stdout, GITHUB_OUTPUT file (delimiters aside:
 * both draw a random one) and job summary, byte for byte.
 */
type Api = Pick<
  typeof io,
  'setOutput' | 'setSecret' | 'info' | 'debug' | 'warning' | 'error' | 'setFailed' | 'startGroup' | 'endGroup' | 'getInput'
> & {
  summary: typeof io.summary;
};

const HOSTILE = [
  'plain',
  '',
  'two\nlines\r\nand CR',
  '::error::pwned',
  '100% done, a:b,c',
  '%0A already escaped',
  'ghadelimiter_ lookalike',
  'ünïcödé ✓ 🚨',
  '<b>html</b> & "quotes"'
];

async function transcript(api: Api): Promise<{ stdout: string; output: string; summary: string; exitCode: unknown; inputs: string[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runner-io-'));
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const saved = { ...process.env };
  const written: string[] = [];
  const write = process.stdout.write;
  const exitCode = process.exitCode;
  process.env.GITHUB_OUTPUT = outputFile;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  process.env['INPUT_TENANT-ID'] = '  0000-tenant \n';
  process.env.INPUT_WITH_SPACE = 'spaced';
  process.stdout.write = ((chunk: string) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  let result: { exitCode: unknown; inputs: string[] };
  try {
    HOSTILE.forEach((value, i) => {
      api.setOutput(`out-${i}`, value);
      api.setSecret(value);
      api.info(value);
      api.debug(value);
      api.warning(value);
      api.error(value);
      api.startGroup(value);
      api.endGroup();
    });
    api.setOutput('number', 42);
    api.setOutput('object', { a: [1, 'x\ny'] });
    api.warning(new Error('an error object'));
    api.setFailed('failed: a\nb');
    api.summary.addHeading('Heading <3>', 3).addHeading('bad level', 9).addRaw('<p>raw</p>', true).addRaw('no eol');
    api.summary.addTable([
      [
        { data: 'A', header: true },
        { data: 'B', header: true, colspan: '2' }
      ],
      ['cell &amp;', { data: '' }, { data: 'x', rowspan: '3' }]
    ]);
    await api.summary.write();
    result = { exitCode: process.exitCode, inputs: ['tenant-id', 'with space', 'missing'].map(name => api.getInput(name)) };
  } finally {
    process.stdout.write = write;
    process.exitCode = exitCode;
    process.env = saved;
  }
  return {
    stdout: written.join(''),
    output: readFileSync(outputFile, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>'),
    summary: readFileSync(summaryFile, 'utf8'),
    ...result
  };
}

test('runner-io writes exactly what @actions/core writes: commands, outputs, summary, exit code, inputs', async () => {
  const ours = await transcript(io);
  const theirs = await transcript(core as unknown as Api);
  expect(ours.stdout).toBe(theirs.stdout);
  expect(ours.output).toBe(theirs.output);
  expect(ours.summary).toBe(theirs.summary);
  expect(ours.exitCode).toBe(1);
  expect(theirs.exitCode).toBe(1);
  expect(ours.inputs).toEqual(theirs.inputs);
  expect(ours.inputs).toEqual(['0000-tenant', 'spaced', '']);
  // And it says something: every hostile value made it through, escaped.
  // A message is one line (line breaks escaped), so text inside it never starts a command of its own.
  expect(ours.stdout).toContain('::error::two%0Alines%0D%0Aand CR');
  expect(ours.output).toContain('out-2<<ghadelimiter_<uuid>');
});

test('runner-io without GITHUB_OUTPUT or GITHUB_STEP_SUMMARY behaves as @actions/core does', async () => {
  const run = async (api: Api) => {
    const saved = { ...process.env };
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STEP_SUMMARY;
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
    let summaryError = '';
    try {
      api.setOutput('legacy', 'a\nb');
      await api.summary.addRaw('x').write();
    } catch (error) {
      summaryError = (error as Error).message;
    } finally {
      process.stdout.write = write;
      process.env = saved;
    }
    return { stdout: written.join(''), summaryError };
  };
  const ours = await run(io);
  const theirs = await run(core as unknown as Api);
  expect(ours.stdout).toBe(theirs.stdout);
  // @actions/core's summary remembers the file of its first write (the test above), so only ours is asked.
  expect(ours.summaryError).toBe(
    'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
  );
});
