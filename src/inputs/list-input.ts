import { parse as parseYaml } from 'yaml';
import { SettingsError } from './inputs.js';

/**
 * The one separator rule of the YAML list inputs (routes, suppress, rules). A key that takes several
 * values takes a YAML list (`[a, b]`, or one `- item` per line), or one text whose values are separated
 * by commas. Spaces around a value are trimmed; spaces inside a value belong to it ("Consent to
 * application.", "Shared Documents"): a key whose values cannot hold a space says so in its error.
 */
export function listItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string')
    return value
      .split(',')
      .map(item => item.trim())
      .filter(Boolean);
  return [value];
}

/**
 * Reads a list input written in YAML (or JSON, which is YAML): `routes`, `suppress`, `rules`. Each item must be a
 * mapping. Errors name the input; a YAML error gives only the position, never the text (it may hold a
 * webhook URL). Loaded only by the parsers of those inputs.
 */
export function yamlList(input: string, text: string, noun: string, example: string): Array<Record<string, unknown>> {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const position = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    throw new SettingsError(
      `Input '${input}' is not valid YAML${position ? ` (line ${position.line}, column ${position.col})` : ''}. ${example}`
    );
  }
  if (!Array.isArray(data)) throw new SettingsError(`Input '${input}' is not a list of ${noun}s. ${example}`);
  return data.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new SettingsError(`Input '${input}' ${noun} ${index + 1}: is not a mapping of keys to values. ${example}`);
    }
    return item as Record<string, unknown>;
  });
}
