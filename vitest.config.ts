import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Tests import sibling packages from their sources, so no build is needed to run them. */
const alias: Record<string, string> = {};
for (const name of readdirSync(join(root, 'packages'))) {
  const entry = join(root, 'packages', name, 'src', 'index.ts');
  if (existsSync(entry)) alias[`@likelihood/${name}`] = entry;
}

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
