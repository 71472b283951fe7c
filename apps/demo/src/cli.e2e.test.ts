import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, run } from './run-built-cli.test-helper.js';

// Runs the BUILT CLI as a subprocess (the root `pnpm test` builds before testing).

describe('likelihood CLI (built, as a subprocess)', () => {
  it('is built (run `pnpm build` first)', () => {
    expect(existsSync(cli)).toBe(true);
  });
  it('demo --json prints exactly one JSON document', () => {
    const r = run(['demo', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toContain('linalg');
  });
  it('an unknown flag exits 2 with a one-line message and no stack trace', () => {
    const r = run(['demo', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--frobnicate'/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
  it('an unknown command exits 2', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
  it('--help on a command shows an example', () => {
    const r = run(['demo', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Example:\n {2}likelihood demo --json/);
  });
});
