#!/usr/bin/env node
// Enforces the package graph of DESIGN.md: every `@likelihood/*` import (and every declared
// workspace dependency) must be allowed for the importing package. Exits 1 on a violation.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const allowed = {
  linalg: [],
  optim: ['linalg'],
  expfam: ['linalg'],
  formula: ['linalg'],
  glm: ['formula', 'expfam', 'optim', 'linalg'],
  em: ['expfam', 'optim', 'linalg'],
  mixture: ['em', 'expfam', 'optim', 'linalg'],
  lmm: ['formula', 'glm', 'optim', 'linalg'],
  datasets: [],
};
// Tests and benchmarks may also import any package that does not depend (transitively) on the
// importing package, e.g. `datasets` anywhere, or `optim` in expfam's tests; never a cycle.
function closure(pkg, seen = new Set()) {
  for (const dep of allowed[pkg] ?? []) {
    if (!seen.has(dep)) {
      seen.add(dep);
      closure(dep, seen);
    }
  }
  return seen;
}
const testOk = (pkg, target) => target in allowed && !closure(target).has(pkg);

const root = new URL('..', import.meta.url).pathname;
const errors = [];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

const importRe = /(?:from\s+|import\s*\(\s*|import\s+)['"](@likelihood\/[a-z-]+)(?:\/[^'"]*)?['"]/g;

for (const pkg of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', pkg);
  if (!existsSync(join(dir, 'package.json'))) continue;
  if (!(pkg in allowed)) {
    errors.push(`packages/${pkg}: not in the package graph of DESIGN.md`);
    continue;
  }
  const ok = new Set(allowed[pkg]);
  for (const file of walk(dir)) {
    const isTest = /\.test\.ts$/.test(file) || file.includes(`${pkg}/bench/`);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const target = m[1].slice('@likelihood/'.length);
      if (target === pkg) continue;
      if (target === 'demo') {
        errors.push(`${relative(root, file)}: imports apps/demo`);
      } else if (ok.has(target)) {
        // allowed
      } else if (isTest && testOk(pkg, target)) {
        // devDependency used by tests and benchmarks only
      } else {
        errors.push(
          `${relative(root, file)}: @likelihood/${pkg} may not import @likelihood/${target}`,
        );
      }
    }
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (!dep.startsWith('@likelihood/')) continue;
    const target = dep.slice('@likelihood/'.length);
    if (!ok.has(target))
      errors.push(`packages/${pkg}/package.json: dependency ${dep} is not allowed`);
  }
}

if (errors.length > 0) {
  console.error(
    `Import graph violations (see DESIGN.md):\n${errors.map((e) => `  - ${e}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('import graph: ok');
