import { Matrix } from 'ml-matrix';
import { lambdaBlockInto, type ReTerm } from './re-terms.js';

/** One group's block of VarCorr: Σ_k = σ² Λ_k Λ_kᵀ with its SDs and correlations. */
export interface VarCorrGroup {
  /** Grouping factor name as lme4 prints it (`Subject`, `a:b`; `Subject.1` for repeats). */
  readonly group: string;
  readonly terms: readonly string[];
  readonly covariance: Matrix;
  readonly variances: number[];
  readonly sds: number[];
  readonly correlation: Matrix;
}

/**
 * VarCorr as lme4 computes it: per term Σ_k = σ² Λ_k Λ_kᵀ, sd_i = √Σ_ii,
 * ρ_ij = Σ_ij / (sd_i sd_j) (0 when a standard deviation is 0). Repeated grouping names get
 * lme4's `.1`, `.2` suffixes (e.g. `(1|g) + (0+x|g)` gives `g` and `g.1`).
 */
export function varCorr(
  terms: readonly ReTerm[],
  theta: ArrayLike<number>,
  sigma: number,
): VarCorrGroup[] {
  const seen = new Map<string, number>();
  return terms.map((t) => {
    const p = t.p;
    const lam = new Float64Array(p * p);
    lambdaBlockInto(t, theta, lam);
    const cov = new Matrix(p, p);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let c = 0; c <= Math.min(i, j); c++) s += lam[i + c * p]! * lam[j + c * p]!;
        cov.set(i, j, sigma * sigma * s);
      }
    }
    const variances = Array.from({ length: p }, (_, i) => cov.get(i, i));
    const sds = variances.map(Math.sqrt);
    const corr = new Matrix(p, p);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        const d = sds[i]! * sds[j]!;
        corr.set(i, j, i === j ? 1 : d > 0 ? cov.get(i, j) / d : 0);
      }
    }
    const base = t.group.name;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return {
      group: count === 0 ? base : `${base}.${count}`,
      terms: t.termNames,
      covariance: cov,
      variances,
      sds,
      correlation: corr,
    };
  });
}
