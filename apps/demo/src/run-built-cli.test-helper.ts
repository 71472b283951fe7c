// Test helper of the e2e tests: runs the BUILT CLI (dist/cli.js; the root `pnpm test` builds
// first) as a subprocess. Not a test file (vitest collects *.test.ts only); it imports no
// vitest, so building it with the app is harmless.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Path of the built CLI entry point. */
export const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** What one CLI run left: exit code (null if killed), stdout and stderr. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node dist/cli.js ...args` and collect its exit code and output. */
export function run(args: string[]): CliRun {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Run a command that must succeed and print one JSON document: throws (failing the test) with
 * the exit code and stderr when the exit code is not 0; returns the parsed stdout.
 */
export function runJson<T>(args: string[]): T {
  const r = run(args);
  if (r.code !== 0) {
    throw new Error(`likelihood ${args.join(' ')} exited ${r.code}, not 0: ${r.stderr.trim()}`);
  }
  return JSON.parse(r.stdout) as T;
}

/** Relative difference |a − b| / |b|. */
export const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
