import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const src = path.join(root, 'src');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The folder table of the README: folder → [owns, may import]. */
function readmeTable(): Map<string, [string, string]> {
  const rows = new Map<string, [string, string]>();
  for (const match of readme.matchAll(/^\| `([a-z-]+)\/` \| (.+) \| (.+) \|$/gm)) rows.set(match[1], [match[2], match[3]]);
  return rows;
}

test("the README's folder table is each folder's own README: every folder, what it owns, what it may import", () => {
  const folders = readdirSync(src).filter(name => statSync(path.join(src, name)).isDirectory());
  const table = readmeTable();
  expect([...table.keys()].sort()).toEqual([...folders].sort());
  for (const folder of folders) {
    const own = readFileSync(path.join(src, folder, 'README.md'), 'utf8');
    const owns = own.match(/^Owns: (.+)$/m)?.[1];
    const may = own.match(/^May import: (.+)\.$/m)?.[1];
    expect([folder, table.get(folder)]).toEqual([folder, [owns, may]]);
  }
});

test('at most 6 files at the top of src/, and every test in a tier folder', () => {
  const top = readdirSync(src).filter(name => !statSync(path.join(src, name)).isDirectory());
  expect(top.length).toBeLessThanOrEqual(6);
  const tests = path.join(root, '__tests__');
  const loose = readdirSync(tests).filter(name => name.endsWith('.test.ts'));
  expect(loose).toEqual([]);
  const tiers = readdirSync(tests).filter(name =>
    readdirSync(path.join(tests, name), { withFileTypes: true }).some(f => f.name.endsWith('.test.ts'))
  );
  expect(tiers.sort()).toEqual(['component', 'e2e', 'simulation', 'unit']);
});
