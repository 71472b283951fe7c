import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** A run of base64 text as long as the packed (compressed) data strings. */
const LONG_BASE64 = /[A-Za-z0-9+/]{10000,}/;

const entry = fileURLToPath(new URL('./index.ts', import.meta.url));

/** Bundle `code` (which imports the package entry as "pkg") for the browser; return its files. */
async function bundle(code: string): Promise<{ path: string; text: string }[]> {
  const result = await build({
    stdin: {
      contents: code,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    alias: { pkg: entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    treeShaking: true,
    write: false,
    outdir: '/virtual-out',
    logLevel: 'silent',
  });
  return result.outputFiles.map((f) => ({ path: f.path, text: f.text }));
}

describe('packaging', () => {
  it('importing sleepstudy bundles neither InstEval, NELS, the CSV parser nor other data sets', async () => {
    const files = await bundle(`import { sleepstudy } from 'pkg'; console.log(sleepstudy.nrow);`);
    // esbuild still emits the targets of dynamic imports as files, but nothing loads them: the
    // entry is self-contained, with no static or dynamic import.
    const main = files.find((f) => f.path.endsWith('stdin.js'))?.text ?? '';
    expect(main).toContain('Reaction');
    expect(main).not.toMatch(/\bimport\b/);
    expect(main).not.toMatch(LONG_BASE64);
    for (const absent of ['ETH Zurich', 'NELS', 'Papa', 'Dyestuff', 'Penicillin']) {
      expect(main, absent).not.toContain(absent);
    }
    // Far below the 2.3 MB of InstEval's CSV and the ~270 kB of its packed module.
    expect(main.length).toBeLessThan(20_000);
  }, 30_000);

  it('loadInstEval puts the compressed data in a separate chunk, loaded on demand', async () => {
    const files = await bundle(
      `import { loadInstEval } from 'pkg'; loadInstEval().then((d) => console.log(d.nrow));`,
    );
    const main = files.find((f) => f.path.endsWith('stdin.js'));
    expect(main).toBeDefined();
    expect(main?.text).not.toMatch(LONG_BASE64);
    expect(main?.text).toContain('import(');
    const chunk = files.find((f) => LONG_BASE64.test(f.text));
    expect(chunk).toBeDefined();
    expect(chunk?.text).not.toContain('Reaction');
  }, 30_000);
});
