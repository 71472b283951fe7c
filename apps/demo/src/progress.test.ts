import { describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { createProgress } from './progress.js';

function fakeIo(tty: boolean) {
  const err: string[] = [];
  const io: Io = { stdout: () => {}, stderr: (s) => err.push(s), stderrIsTty: tty };
  return { io, err };
}

describe('createProgress', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const { io, err } = fakeIo(false);
    const p = createProgress(io, 'lmm');
    p.tick('1 evaluation');
    p.done();
    expect(err).toEqual([]);
  });
  it('rewrites one line, throttled, and clears it at the end', () => {
    const { io, err } = fakeIo(true);
    let t = 0;
    const p = createProgress(io, 'lmm', { intervalMs: 100, now: () => t });
    p.tick('1 evaluation');
    t = 50;
    p.tick('2 evaluations'); // within the interval: skipped
    t = 150;
    p.tick('3 evaluations');
    p.done();
    expect(err).toEqual(['\r\x1b[Klmm: 1 evaluation', '\r\x1b[Klmm: 3 evaluations', '\r\x1b[K']);
  });
});
