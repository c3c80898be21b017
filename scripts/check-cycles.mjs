#!/usr/bin/env node
// Fails when the sources under src/ import each other in a circle. Every kind of import counts: static
// and type-only imports, `export … from`, and `import('…')` (a lazily loaded module, or a type written
// as import('./x.js').T): a circle of any of them means two modules cannot be read, tested or moved
// apart. Run by `npm run lint`.
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
for (const file of files) {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const targets = new Set();
  for (const match of text.matchAll(SPECIFIER)) {
    const spec = match[1] ?? match[2] ?? match[3];
    const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
    if (files.includes(target)) targets.add(target);
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
console.log(`No import cycles among ${files.length} modules in src/.`);
