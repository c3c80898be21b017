#!/usr/bin/env node
// Checks the floor plan of src/ (run by `npm run lint`):
// 1. No import circles. Every kind of import counts: static and type-only imports, `export … from`, and
//    `import('…')` (a lazily loaded module, or a type written as import('./x.js').T): a circle of any of
//    them means two modules cannot be read, tested or moved apart.
// 2. Every folder opens with a README.md saying what it owns ("Owns:") and which folders it may import
//    ("May import:"); every import of code (not of types only) from another folder is one it lists.
//    Types may be imported from any folder, as long as no circle forms.
// 3. At most 6 files at the top of src/: everything else lives in the folder of its concern.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(full);
  }
})(root);

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?\sfrom\s*['"](\.{1,2}\/[^'"]+)['"]|import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
const graph = new Map();
/** Imports of code (not only of types), for the folder rule: [from, to, specifier]. */
const valueEdges = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const targets = new Set();
  for (const match of text.matchAll(SPECIFIER)) {
    const spec = match[1] ?? match[2] ?? match[3];
    const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
    if (files.includes(target)) targets.add(target);
    const statement = match[0].trim().replace(/^;/, '').trim();
    const braces = statement.match(/^(?:import|export)\s*\{([^}]*)\}/);
    const typeOnly =
      /^(?:import|export)\s+type\s/.test(statement) ||
      (braces !== null &&
        braces[1]
          .split(',')
          .map(name => name.trim())
          .filter(Boolean)
          .every(name => name.startsWith('type ')));
    // import('./x.js').T is a type; `await import('./x.js')` loads code.
    const typeImport =
      match[2] !== undefined &&
      text
        .slice(match.index + match[0].length)
        .trimStart()
        .startsWith('.') &&
      !/await\s*$/.test(text.slice(0, match.index));
    if (!typeOnly && !typeImport && files.includes(target)) valueEdges.push([file, target, spec]);
  }
  graph.set(file, targets);
}

// Tarjan's strongly connected components: every component with more than one module is a circle.
let index = 0;
const stack = [];
const info = new Map();
const circles = [];
function connect(node) {
  info.set(node, { index, low: index, onStack: true });
  index++;
  stack.push(node);
  for (const next of graph.get(node)) {
    if (!info.has(next)) {
      connect(next);
      info.get(node).low = Math.min(info.get(node).low, info.get(next).low);
    } else if (info.get(next).onStack) info.get(node).low = Math.min(info.get(node).low, info.get(next).index);
  }
  if (info.get(node).low === info.get(node).index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      info.get(member).onStack = false;
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node).has(node)) circles.push(component);
  }
}
for (const file of files) if (!info.has(file)) connect(file);

const rel = file => path.relative(path.dirname(root), file);
if (circles.length > 0) {
  console.error(`Import cycles in src/ (${circles.length}): break each by moving the shared part into a module both can import.`);
  for (const circle of circles) console.error(`  ${circle.map(rel).sort().join(' <-> ')}`);
  process.exit(1);
}

// 2. Folders: what each may import.
const folderOf = file => path.relative(root, file).split(path.sep).slice(0, -1)[0] ?? '';
const problems = [];
const allowed = new Map();
for (const name of readdirSync(root)) {
  const dir = path.join(root, name);
  if (!statSync(dir).isDirectory()) continue;
  const readmePath = path.join(dir, 'README.md');
  let readme = '';
  try {
    readme = readFileSync(readmePath, 'utf8');
  } catch {
    problems.push(`src/${name}/ has no README.md (what it owns, what it may import).`);
    continue;
  }
  const owns = readme.match(/^Owns: (.+)$/m);
  const may = readme.match(/^May import: (.+)$/m);
  if (!owns || !may) {
    problems.push(`src/${name}/README.md needs an "Owns: …" line and a "May import: …" line.`);
    continue;
  }
  allowed.set(name, new Set([...may[1].matchAll(/`([a-z-]+)\/`/g)].map(m => m[1])));
}
for (const [from, to, spec] of valueEdges) {
  const a = folderOf(from);
  const b = folderOf(to);
  if (!a || a === b) continue; // the top of src/ (the entry) may import any folder
  if (!allowed.get(a)?.has(b))
    problems.push(`${rel(from)} imports ${spec}: src/${a}/README.md does not list \`${b}/\` under "May import".`);
}

// 3. The top of src/.
const top = readdirSync(root).filter(name => !statSync(path.join(root, name)).isDirectory());
if (top.length > 6)
  problems.push(
    `src/ holds ${top.length} files at its top (${top.join(', ')}); at most 6: move the rest into the folder of their concern.`
  );

if (problems.length > 0) {
  console.error(`The floor plan of src/ is broken (${problems.length}):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(
  `No import cycles among ${files.length} modules in src/; ${allowed.size} folders import only what their README allows; ${top.length} files at the top.`
);
