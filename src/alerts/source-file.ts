import { createReadStream, promises as fs } from 'node:fs';
import { jsonListItems, JsonListError, type ListItem } from './json-items.js';
import { SettingsError } from '../inputs/inputs.js';

/**
 * `source: file`: alerts from a JSON file holding an array of alerts or a Graph page (`{"value": [...]}`),
 * for trying the action without a tenant or feeding it alerts exported elsewhere. The file is streamed,
 * one item at a time (see json-items.ts), so its size costs time, not memory; the snapshot still
 * decides what is new.
 */
export const MAX_ALERTS_FILE_BYTES = 4 * 1024 * 1024 * 1024;

function fileError(file: string, problem: string, valid = ''): SettingsError {
  return new SettingsError(`Input 'alerts-file' names '${file}', which ${problem}.${valid ? ` ${valid}` : ''}`);
}

export async function* readAlertsFile(file: string): AsyncGenerator<ListItem> {
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fileError(
      file,
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`,
      'Give the path of a JSON file, relative to the workspace.'
    );
  }
  if (size > MAX_ALERTS_FILE_BYTES)
    throw fileError(
      file,
      `is ${Math.round(size / 1024 / 1024)} MiB; at most ${MAX_ALERTS_FILE_BYTES / 1024 / 1024} MiB are read`,
      'Split it into smaller files.'
    );
  try {
    yield* jsonListItems(createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 }));
  } catch (error) {
    if (error instanceof JsonListError) {
      if (error.message === 'NO_LIST') throw fileError(file, 'holds neither an array of alerts nor a Graph response with a "value" array');
      throw fileError(file, `is not valid JSON (${error.message.slice(0, 200)})`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw fileError(file, `cannot be read (${code})`);
    throw error;
  }
}
