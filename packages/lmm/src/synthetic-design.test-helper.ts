import { lmmSystemFromMatrices } from './lmm-from-matrices.js';
import type { LmmSystem } from './lmm-system.js';
import type { ReTermInput } from './re-terms.js';
import { standardNormal } from './simulate.js';

/**
 * Pieces of a seeded synthetic crossed design with n rows: the normal stream `z`, a column of
 * ones, a N(0, 1) covariate `x` (drawn first), and `factor(name, m)`, a grouping factor whose
 * first m rows cover every level and whose other rows take random levels (drawn from `z`).
 */
export function syntheticDesign(seed: number, n: number) {
  const z = standardNormal(seed);
  const x = Float64Array.from({ length: n }, () => z());
  const ones = new Float64Array(n).fill(1);
  const factor = (name: string, m: number) => ({
    name,
    codes: Int32Array.from({ length: n }, (_, i) =>
      i < m ? i : Math.floor(Math.abs(z()) * 1e6) % m,
    ),
    levels: Array.from({ length: m }, (_, l) => `${name}${l}`),
  });
  return { z, x, ones, factor };
}

/**
 * A crossed design of scalar random intercepts with X = [1, x]: one term per entry of `levels`
 * (in that order, each factor drawn by {@link syntheticDesign}), then y_i from `response`
 * (given the row, its x, the factors' codes and the normal stream).
 */
export function crossedInterceptSystem(
  seed: number,
  n: number,
  levels: Readonly<Record<string, number>>,
  response: (i: number, x: number, codes: Record<string, Int32Array>, z: () => number) => number,
): LmmSystem {
  const { z, x, ones, factor } = syntheticDesign(seed, n);
  const groups = Object.entries(levels).map(([name, m]) => factor(name, m));
  const codes = Object.fromEntries(groups.map((g) => [g.name, g.codes]));
  const y = Float64Array.from({ length: n }, (_, i) => response(i, x[i]!, codes, z));
  const reTerms: ReTermInput[] = groups.map((group) => ({
    group,
    Zcols: [ones],
    termNames: ['(Intercept)'],
  }));
  return lmmSystemFromMatrices({
    X: { rows: n, cols: 2, data: Float64Array.from([...ones, ...x]) },
    colnames: ['(Intercept)', 'x'],
    y,
    reTerms,
  });
}
