import { type DenseMatrix, dense } from '@likelihood/linalg';
import type { MixtureRng } from './rng.js';

/** A hard partition: centers (d x K) and labels (0-based). */
export interface Partition {
  readonly centers: DenseMatrix;
  readonly labels: Int32Array;
  readonly sizes: Float64Array;
}

function sqDist(X: DenseMatrix, i: number, C: DenseMatrix, k: number): number {
  const { rows: n, cols: d } = X;
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = X.data[i + j * n]! - C.data[j + k * d]!;
    s += t * t;
  }
  return s;
}

/**
 * k-means++ seeding (Arthur and Vassilvitskii 2007) followed by at most `lloydIter` Lloyd
 * iterations: the first center is a uniformly drawn row, each next one a row drawn with
 * probability proportional to D(x)^2, its squared distance to the nearest chosen center.
 * X is n x d column-major; requires K <= number of distinct rows.
 */
export function kmeansPlusPlus(
  X: DenseMatrix,
  K: number,
  rng: MixtureRng,
  lloydIter = 5,
): Partition {
  const { rows: n, cols: d } = X;
  const C = dense(d, K);
  const D2 = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let pick = Math.min(n - 1, Math.floor(rng.uniform() * n));
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < d; j++) C.data[j + k * d] = X.data[pick + j * n]!;
    if (k === K - 1) break;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const s = sqDist(X, i, C, k);
      if (s < D2[i]!) D2[i] = s;
      total += D2[i]!;
    }
    let u = rng.uniform() * total;
    pick = -1;
    for (let i = 0; i < n; i++) {
      if (D2[i]! <= 0) continue;
      pick = i;
      u -= D2[i]!;
      if (u < 0) break;
    }
  }
  const labels = new Int32Array(n);
  const sizes = new Float64Array(K);
  for (let it = 0; it <= lloydIter; it++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bd = Number.POSITIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        const s = sqDist(X, i, C, k);
        if (s < bd) {
          bd = s;
          best = k;
        }
      }
      if (labels[i] !== best || it === 0) changed = true;
      labels[i] = best;
    }
    if (!changed || it === lloydIter) break;
    sizes.fill(0);
    const sum = new Float64Array(d * K);
    for (let i = 0; i < n; i++) {
      const k = labels[i]!;
      sizes[k]++;
      for (let j = 0; j < d; j++) sum[j + k * d] += X.data[i + j * n]!;
    }
    for (let k = 0; k < K; k++)
      if (sizes[k]! > 0)
        for (let j = 0; j < d; j++) C.data[j + k * d] = sum[j + k * d]! / sizes[k]!;
  }
  sizes.fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i]!]++;
  return { centers: C, labels, sizes };
}
