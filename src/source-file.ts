import { promises as fs } from 'node:fs';
import { SettingsError } from './settings.js';

/** Larger files are refused with a clear message rather than failing inside JSON parsing. */
export const MAX_ALERTS_FILE_BYTES = 400 * 1024 * 1024;

/**
 * `source: file`: alerts from a JSON file holding an array of alerts or a Graph page (`{"value": [...]}`),
 * for trying the action without a tenant or feeding it alerts exported elsewhere. The whole file is read
 * on every run (there is no server-side window); the snapshot still decides what is new.
 */
export async function readAlertsFile(file: string): Promise<unknown[]> {
  let text: string;
  try {
    const { size } = await fs.stat(file);
    if (size > MAX_ALERTS_FILE_BYTES) {
      throw new SettingsError(`Input 'alerts-file' names '${file}', which is ${Math.round(size / 1024 / 1024)} MiB; at most ${MAX_ALERTS_FILE_BYTES / 1024 / 1024} MiB can be read. Split it into smaller files.`);
    }
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof SettingsError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SettingsError(`Input 'alerts-file' names '${file}', which ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}. Give the path of a JSON file, relative to the workspace.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SettingsError(`Input 'alerts-file' names '${file}', which is not valid JSON (${(error as Error).message}).`);
  }
  const list = Array.isArray(data) ? data : (data as { value?: unknown })?.value;
  if (!Array.isArray(list)) {
    throw new SettingsError(`Input 'alerts-file' names '${file}', which holds neither an array of alerts nor a Graph response with a "value" array.`);
  }
  // Items are checked one by one like Graph's (skipped-count), so one bad item never blocks the others.
  return list;
}
