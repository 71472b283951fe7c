import { describe, expect, it } from 'vitest';
import { fitGaussianMixture1d } from './fit-gaussian-1d.js';
import { fitGaussianMixture } from './fit-gaussian-mv.js';
import { simulateGaussianMixture } from './simulate.js';

const base = simulateGaussianMixture(
  { weights: Float64Array.of(1), means: Float64Array.of(0), variances: Float64Array.of(1) },
  60,
  { seed: 4 },
).y;

describe('warnings as data', () => {
  it('a component collapsing onto repeated values hits the variance floor', () => {
    const y = Float64Array.from([...base, 5, 5, 5, 5]);
    const fit = fitGaussianMixture1d(y, {
      K: 2,
      start: { weights: [0.9, 0.1], means: [0, 5], variances: [1, 0.5] },
      varianceFloor: 1e-6,
    });
    const w = fit.warnings.filter((x) => x.type === 'collapsing-component');
    expect(w.length).toBe(1);
    expect(w[0]!.component).toBe(1);
    expect(w[0]!.message).toMatch(/floor 0.000001|floor 1e-6/);
    expect(fit.params.variances[1]).toBe(1e-6);
  });

  it('a bivariate component on a line gets its covariance regularized', () => {
    const X = [
      ...Array.from(base, (v, i) => [v, base[(i + 7) % 60]!]),
      ...[1, 2, 3, 4].map((t) => [5 + t, 5 + t]),
    ];
    const fit = fitGaussianMixture(X, {
      K: 2,
      start: {
        weights: [0.9, 0.1],
        means: [
          [0, 0],
          [7.5, 7.5],
        ],
        covariances: [
          { rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, 1) },
          { rows: 2, cols: 2, data: Float64Array.of(1, 0.5, 0.5, 1) },
        ],
      },
      covarianceFloor: 1e-6,
    });
    const w = fit.warnings.filter((x) => x.type === 'collapsing-component');
    expect(w.length).toBeGreaterThan(0);
    expect(w[0]!.message).toMatch(/near singular/);
    expect(Number.isFinite(fit.logLik)).toBe(true);
  });

  it('non-convergence is reported when maxIter is reached', () => {
    const fit = fitGaussianMixture1d(base, {
      K: 2,
      control: { maxIter: 2, tol: 1e-15 },
      restarts: 1,
    });
    expect(fit.converged).toBe(false);
    expect(fit.warnings.some((x) => x.type === 'non-convergence')).toBe(true);
  });
});
