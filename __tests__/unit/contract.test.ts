import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseSettings } from '../../src/inputs/settings.js';

/**
 * The contract holds together: every input the code reads is declared in action.yml and documented in
 * the README's table with the same default, and the other way round; the same for outputs.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const sources = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter(file => file.endsWith('.ts'))
  .map(file => readFileSync(path.join(root, 'src', file), 'utf8'))
  .join('\n');

/** Rows of the first markdown table after `heading`: first cell (without backticks) → second cell. */
function readmeTable(heading: string): Map<string, string> {
  const section = readme.split(`\n${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = /^\|\s*`([a-z-]+)`\s*\|([^|]*)\|/.exec(line);
    if (cells) rows.set(cells[1], cells[2].trim());
  }
  return rows;
}

const TENANT = 'b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c';
const WEBHOOK =
  'https://prod-01.westeurope.environment.api.powerplatform.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=x';
const CONFIGURATIONS: Array<Record<string, string>> = [
  { 'tenant-id': TENANT, 'client-id': TENANT, 'client-secret': 'secret', 'teams-webhook-url': WEBHOOK },
  { 'tenant-id': TENANT, 'client-id': TENANT, 'teams-webhook-url': WEBHOOK, 'remind-after': '24h' },
  { source: 'file', 'alerts-file': 'alerts.json' },
  { 'tenant-id': TENANT, 'client-id': TENANT, 'client-secret': 'secret', 'teams-delivery': 'bot', 'teams-channel': '19:abc@thread.tacv2' }
];

/** The inputs parseSettings reads, recorded by the reader it is given. */
function inputsRead(values: Record<string, string>): Set<string> {
  const read = new Set<string>();
  parseSettings(name => {
    read.add(name);
    return values[name] ?? '';
  });
  return read;
}

const declaredInputs = Object.keys(action.inputs).sort();

test('every input the code reads is declared in action.yml, and every declared input is read', () => {
  const read = new Set(CONFIGURATIONS.flatMap(values => [...inputsRead(values)]));
  // Inputs read outside parseSettings (masking in main) are literal getInput calls.
  for (const match of sources.matchAll(/getInput\('([a-z-]+)'\)/g)) read.add(match[1]);
  expect([...read].sort()).toEqual(declaredInputs);
});

test("the README's input table lists every declared input, with action.yml's default", () => {
  const table = readmeTable('## Inputs');
  expect([...table.keys()].sort()).toEqual(declaredInputs);
  for (const [name, input] of Object.entries(action.inputs)) {
    const documented = table.get(name)!;
    const literal = /^`([^`]*)`$/.exec(documented)?.[1];
    // A literal default in the README is action.yml's; a described one ("from `cloud`", "all") means action.yml has none.
    expect([name, literal ?? '']).toEqual([name, input.default ?? '']);
  }
});

test("action.yml's defaults are the code's: passing them changes nothing", () => {
  for (const values of CONFIGURATIONS) {
    const withDefaults = {
      ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])),
      ...values
    };
    expect(parseSettings(name => withDefaults[name] ?? '')).toEqual(parseSettings(name => values[name] ?? ''));
  }
});

test('outputs set by the code, declared in action.yml and documented in the README are the same', () => {
  const set = new Set([...sources.matchAll(/setOutput\('([a-z-]+)'/g)].map(match => match[1]));
  for (const match of sources.matchAll(/\[((?:'[a-z-]+',?\s*)+)\]\)\s*core\.setOutput\(name/g))
    for (const name of match[1].matchAll(/'([a-z-]+)'/g)) set.add(name[1]);
  const declared = Object.keys(action.outputs).sort();
  expect([...set].sort()).toEqual(declared);
  expect([...readmeTable('## Outputs').keys()].sort()).toEqual(declared);
});
