import { randomUUID } from 'node:crypto';
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The runner protocol the action speaks: inputs from INPUT_* variables, workflow commands on stdout,
 * outputs through the GITHUB_OUTPUT file, the job summary through GITHUB_STEP_SUMMARY. It is what
 * @actions/core does, byte for byte (runner-io.test.ts holds the two side by side), without loading
 * @actions/core: its root module brings @actions/http-client, undici and @actions/exec, about 1 MB of
 * JavaScript every run would compile for the one call that needs them (getIDToken, GitHub OIDC sign-in,
 * which imports @actions/core itself).
 */

function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return String(input);
  return JSON.stringify(input);
}

function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command key=value,...::message`, escaped as the runner expects. */
export function issueCommand(command: string, properties: Record<string, string | undefined>, message: unknown): void {
  const shown = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${command}${shown ? ` ${shown}` : ''}::${escapeData(message)}${EOL}`);
}

function issueFileCommand(command: string, message: string): void {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  appendFileSync(filePath, `${message}${EOL}`, { encoding: 'utf8' });
}

function keyValueMessage(key: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const converted = toCommandValue(value);
  if (key.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (converted.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`;
}

/** An input as the runner passes it (INPUT_<NAME>), trimmed; '' when not given. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', keyValueMessage(name, value));
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function warning(message: string | Error): void {
  issueCommand('warning', {}, message instanceof Error ? message.toString() : message);
}

export function error(message: string | Error): void {
  issueCommand('error', {}, message instanceof Error ? message.toString() : message);
}

export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

export type SummaryTableCell = string | { data: string; header?: boolean; colspan?: string; rowspan?: string };

function wrap(tag: string, content: string | null, attrs: Record<string, string> = {}): string {
  const html = Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');
  return content ? `<${tag}${html}>${content}</${tag}>` : `<${tag}${html}>`;
}

/** The job summary (GITHUB_STEP_SUMMARY), built and appended as @actions/core's `summary` does. */
class JobSummary {
  private buffer = '';

  addRaw(text: string, addEOL = false): this {
    this.buffer += text;
    return addEOL ? this.addRaw(EOL) : this;
  }

  addHeading(text: string, level: number | string = 1): this {
    const tag = `h${level}`;
    return this.addRaw(wrap(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag) ? tag : 'h1', text), true);
  }

  addTable(rows: SummaryTableCell[][]): this {
    const body = rows
      .map(row =>
        wrap(
          'tr',
          row
            .map(cell => {
              if (typeof cell === 'string') return wrap('td', cell);
              const attrs: Record<string, string> = {};
              if (cell.colspan) attrs.colspan = cell.colspan;
              if (cell.rowspan) attrs.rowspan = cell.rowspan;
              return wrap(cell.header ? 'th' : 'td', cell.data, attrs);
            })
            .join('')
        )
      )
      .join('');
    return this.addRaw(wrap('table', body), true);
  }

  // Async like @actions/core's; the append itself is synchronous (one small write at the end of a run).
  async write(): Promise<this> {
    const filePath = process.env.GITHUB_STEP_SUMMARY;
    if (!filePath)
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
      );
    try {
      accessSync(filePath, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(`Unable to access summary file: '${filePath}'. Check if the file has correct read/write permissions.`);
    }
    appendFileSync(filePath, this.buffer, { encoding: 'utf8' });
    this.buffer = '';
    return this;
  }
}

export const summary = new JobSummary();
