import type { EMModel } from '@likelihood/em';
import { describe, expect, it } from 'vitest';
import { MixtureInputError } from './errors.js';
import { bestOfStarts, orderBy, resultOrder, seededStarts } from './fit-runs.js';
import { fitPoissonMixture } from './poisson-mixture.js';

describe('shared fit loop (fit-runs)', () => {
  it('seededStarts: seeds seed, seed + 1, ... and rejects restarts that are not positive integers', () => {
    const s = seededStarts(3, 7, (rng) => rng.uniform());
    expect(s.map((x) => x.run)).toEqual([
      { start: 'kmeans++', seed: 7 },
      { start: 'kmeans++', seed: 8 },
      { start: 'kmeans++', seed: 9 },
    ]);
    // Distinct seeds give distinct streams; the same seed the same draw.
    expect(new Set(s.map((x) => x.theta)).size).toBe(3);
    expect(seededStarts(1, 8, (rng) => rng.uniform())[0]!.theta).toBe(s[1]!.theta);
    expect(seededStarts(undefined, undefined, () => 0).map((x) => x.run.seed)).toEqual([1, 2, 3]);
    expect(() => seededStarts(0, 1, () => 0)).toThrow(MixtureInputError);
    expect(() => seededStarts(1.5, 1, () => 0)).toThrow(/restarts: must be a positive integer/);
    // Poisson fits now check restarts like the Gaussian fits.
    expect(() => fitPoissonMixture([0, 1, 2, 5, 6, 7], { K: 2, restarts: 0 })).toThrow(
      /restarts: must be a positive integer, got 0/,
    );
  });

  it('bestOfStarts keeps the largest l (replacing a NaN), records every run, appends warnings', () => {
    // A one-step "EM" whose l is the start value itself: theta is a number, E/M are identities.
    const model = (warnings: { type: string }[]): EMModel<number, number> => {
      warnings.push({ type: 'collapsing-component' });
      return { eStep: (t) => t, mStep: (s) => s, logLik: (t) => t };
    };
    const starts = [Number.NaN, 2, 5, 3].map((theta) => ({
      theta,
      run: { start: 'user' as const },
    }));
    const best = bestOfStarts(starts, model, { maxIter: 1, tol: 1e-10 });
    expect(best.fit.params).toBe(5);
    expect(best.runs.map((r) => r.logLik)).toEqual([Number.NaN, 2, 5, 3]);
    // The kept run's model warning, then the engine's (l = 5 unchanged: converged, none).
    expect(best.warnings.map((w) => w.type)).toEqual(['collapsing-component']);
  });

  it('orders components by a key; user starts keep their order by default', () => {
    expect(Array.from(orderBy([3, 1, 2]))).toEqual([1, 2, 0]);
    expect(resultOrder(undefined, true)).toBe('none');
    expect(resultOrder(undefined, false)).toBe('mean');
    expect(resultOrder('mean', true)).toBe('mean');
  });
});
