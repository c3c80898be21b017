import { promises as fs } from 'node:fs';
import { isAlertLike, type GraphAlert } from './alert.js';
import { SettingsError } from './settings.js';

/**
 * `source: file`: alerts from a JSON file holding an array of alerts or a Graph page (`{"value": [...]}`),
 * for trying the action without a tenant or feeding it alerts exported elsewhere. The whole file is read
 * on every run (there is no server-side window); the snapshot still decides what is new.
 */
export async function readAlertsFile(file: string): Promise<GraphAlert[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
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
  const alerts = list.filter(isAlertLike);
  if (alerts.length < list.length) {
    throw new SettingsError(`Input 'alerts-file' names '${file}', in which ${list.length - alerts.length} item(s) are not alerts (every alert needs a string "id").`);
  }
  return alerts;
}
