import { describe, it } from 'vitest';
import { expectClose } from './csv.test-helper.js';
import { choleskyInPlace, dense } from '@likelihood/linalg';
import { lmmSystemFromMatrices } from './lmm-from-matrices.js';
import { plsSolution } from './pls-solution.js';
import { lmmDeviance } from './profiled-deviance.js';
import { lambdaBlockInto, type ReTermInput } from './re-terms.js';
import { syntheticDesign } from './synthetic-design.test-helper.js';

/**
 * Oracle: the profiled deviance from one dense Cholesky of [ZΛ X y]ᵀ[ZΛ X y] + diag(I_q, 0)
 * (no blocking, no sparsity), Bates et al. 2015 eqs. 34/41.
 */
function denseDeviance(
  X: { rows: number; cols: number; data: Float64Array },
  y: Float64Array,
  terms: ReturnType<typeof lmmSystemFromMatrices>['terms'],
  theta: number[],
  reml: boolean,
): { dev: number; beta: number[] } {
  const n = y.length;
  const p = X.cols;
  const q = terms.reduce((s, t) => s + t.q, 0);
  const k = q + p + 1;
  const W = new Float64Array(n * k); // columns: ZΛ, X, y
  for (const t of terms) {
    const lam = new Float64Array(t.p * t.p);
    lambdaBlockInto(t, theta, lam);
    for (let i = 0; i < n; i++) {
      const l = t.group.codes[i]!;
      for (let c = 0; c < t.p; c++) {
        let s = 0;
        for (let a = c; a < t.p; a++) s += t.Zcols[a]![i]! * lam[a + c * t.p]!;
        W[i + (t.offset + l * t.p + c) * n] = s;
      }
    }
  }
  W.set(X.data, q * n);
  W.set(y, (q + p) * n);
  const A = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += W[i + a * n]! * W[i + b * n]!;
      A[a + b * k] = s + (a === b && a < q ? 1 : 0);
    }
  choleskyInPlace(dense(k, k, A)); // linalg's dpotrf as the independent dense oracle
  let ldL = 0;
  let ldX = 0;
  for (let i = 0; i < q; i++) ldL += 2 * Math.log(A[i + i * k]!);
  for (let i = q; i < q + p; i++) ldX += 2 * Math.log(A[i + i * k]!);
  const r2 = A[k * k - 1]! ** 2;
  // β: back-substitute the X block against the last row
  const x = new Float64Array(k - 1);
  for (let i = 0; i < k - 1; i++) x[i] = A[k - 1 + i * k]!;
  for (let i = k - 2; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < k - 1; j++) s -= A[j + i * k]! * x[j]!;
    x[i] = s / A[i + i * k]!;
  }
  const nu = reml ? n - p : n;
  const dev = (reml ? ldL + ldX : ldL) + nu * (1 + Math.log((2 * Math.PI * r2) / nu));
  return { dev, beta: Array.from(x.subarray(q, q + p)) };
}

describe('blocked sparse/dense factor vs one dense Cholesky (synthetic crossed design)', () => {
  it('three crossed terms, vector terms first and in the rest: deviance and beta to 1e-10', () => {
    const n = 1200;
    const { z, x, ones, factor: mk } = syntheticDesign(2024, n);
    const a = mk('a', 60);
    const b = mk('b', 25);
    const c = mk('c', 8);
    const y = Float64Array.from(
      { length: n },
      (_, i) => 3 + 2 * x[i]! + (0.5 * a.codes[i]!) / 60 + z(),
    );
    const reTerms: ReTermInput[] = [
      { group: c, Zcols: [ones], termNames: ['(Intercept)'] },
      { group: a, Zcols: [ones, x], termNames: ['(Intercept)', 'x'] },
      { group: b, Zcols: [ones, x], termNames: ['(Intercept)', 'x'] },
    ];
    const X = { rows: n, cols: 2, data: Float64Array.from([...ones, ...x]) };
    const sys = lmmSystemFromMatrices({ X, colnames: ['(Intercept)', 'x'], y, reTerms });
    for (const reml of [true, false]) {
      const dev = lmmDeviance(sys, reml);
      for (const theta of [
        [1, 0, 1, 1, 0, 1, 1],
        [0.7, -0.4, 0.3, 1.3, 0.5, 0.2, 0.9],
        [0.2, 0.1, 0, 0, 0, 0.4, 2],
      ]) {
        const got = dev.objective(theta);
        const want = denseDeviance(X, y, sys.terms, theta, reml);
        // same quantity by two exact factorizations: 1e-10 relative
        expectClose(got, want.dev, 1e-10);
        const beta = plsSolution(sys, dev.factor).beta;
        expectClose(beta[0]!, want.beta[0]!, 1e-10);
        expectClose(beta[1]!, want.beta[1]!, 1e-10);
      }
    }
  });
});
