import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every package README's first ```ts block is a runnable example: run it (against the BUILT
// packages, as a user would: `pnpm test` builds first) and require a clean exit.
const root = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

function firstTsBlock(markdown: string): string | null {
  const m = /^```(?:ts|typescript)\n([\s\S]*?)^```$/m.exec(markdown);
  return m ? m[1]! : null;
}

describe('README examples run', () => {
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const readme = join(root, 'packages', name, 'README.md');
    if (!existsSync(readme)) continue;
    it(`@likelihood/${name}`, () => {
      const code = firstTsBlock(readFileSync(readme, 'utf8'));
      expect(code, `packages/${name}/README.md has no \`\`\`ts example`).not.toBeNull();
      // inside the package folder, so its own name and its dependencies resolve
      const file = join(root, 'packages', name, `.readme-example.mts`);
      writeFileSync(file, code!);
      try {
        const r = spawnSync(process.execPath, [tsxCli, file], {
          encoding: 'utf8',
          timeout: 120_000,
        });
        expect(r.status, `README example of @likelihood/${name} failed:\n${r.stderr}`).toBe(0);
      } finally {
        rmSync(file, { force: true });
      }
    });
  }
});
