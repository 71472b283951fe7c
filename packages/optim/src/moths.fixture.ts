/**
 * Peppered-moth objective for tests: negative log-likelihood (without the multinomial constant)
 * of the collapsed Hardy–Weinberg multinomial, counts C/I/T = 85/196/341.
 * Source: /work/shared/reference/moths.json `problem_code` (seed 000 §6.2), transcribed.
 */
const x = [85, 196, 341];

/**
 * R's `sum()` accumulates doubles in 80-bit long double; a compensated (Neumaier) sum rounded
 * once reproduces that rounding for these few terms, so R's iteration paths reproduce exactly.
 */
function rSum(terms: number[]): number {
  let s = 0;
  let comp = 0;
  for (const t of terms) {
    const u = s + t;
    comp += Math.abs(s) >= Math.abs(t) ? s - u + t : t - u + s;
    s = u;
  }
  return s + comp;
}

/** −Σ x_k log q_k(pC, pI), +Infinity outside the simplex (R's `loglik` closure). */
export function mothNegLogLik(par: Float64Array): number {
  const pC = par[0];
  const pI = par[1];
  const pT = 1 - pC - pI;
  if (!(pC <= 1 && pC >= 0 && pI <= 1 && pI >= 0 && pT >= 0)) return Number.POSITIVE_INFINITY;
  // Genotype probabilities as R computes them, then summed by phenotype group (C: 1..3, I: 4..5, T: 6).
  const cc = pC * pC;
  const ci = 2 * pC * pI;
  const ct = 2 * pC * pT;
  const ii = pI * pI;
  const it = 2 * pI * pT;
  const tt = pT * pT;
  const probs = [cc, ci, ct, ii, it, tt];
  for (const p of probs) if (p > 1 || p < 0) return Number.POSITIVE_INFINITY;
  const qC = rSum([cc, ci, ct]);
  const qI = rSum([ii, it]);
  const qT = tt;
  return -rSum([x[0] * Math.log(qC), x[1] * Math.log(qI), x[2] * Math.log(qT)]);
}

/** Analytic gradient (R's `grad_loglik` in moths.json). */
export function mothGradient(par: Float64Array): number[] {
  const pC = par[0];
  const pI = par[1];
  const pT = 1 - pC - pI;
  const q = [pC * pC + 2 * pC * pI + 2 * pC * pT, pI * pI + 2 * pI * pT, pT * pT];
  const dC = [2 * pC + 2 * pI + 2 * pT - 2 * pC, -2 * pI, -2 * pT];
  const dI = [2 * pC - 2 * pC, 2 * pI + 2 * pT - 2 * pI, -2 * pT];
  const gC = rSum([0, 1, 2].map((k) => (x[k] / q[k]) * dC[k]));
  const gI = rSum([0, 1, 2].map((k) => (x[k] / q[k]) * dI[k]));
  return [-gC, -gI];
}

/** Figures from /work/shared/reference/moths.json (R 4.2.2). */
export const mothReference = {
  nelderMead: {
    // optim(c(0.3, 0.3), loglik)
    par: [0.07084643392857301, 0.18871899651849319],
    value: 600.480984573283,
    functionCount: 71,
  },
  mle: {
    // optim(c(0.3, 0.3), loglik, grad_loglik, method = "BFGS", control = list(reltol = 1e-14, maxit = 1000))
    par: [0.070836908048368188, 0.18873651811369],
    value: 600.480982919232,
    counts: { function: 47, gradient: 10 },
  },
  bfgsNumericGradient: {
    // optim(c(0.3, 0.3), loglik, method = "BFGS", control = list(reltol = 1e-14, maxit = 1000))
    par: [0.070841132316297087, 0.18873700298196777],
    value: 600.48098308781368,
    counts: { function: 57, gradient: 10 },
  },
  // optimHess(bfgs$par, loglik, grad_loglik), row-major
  optimHessAnalyticGradient: [
    18490.937676967889, 1384.6287020333036, 1384.6287020333036, 6816.7690091071336,
  ],
  // optimHess(bfgs$par, loglik) (numeric gradient), row-major
  optimHessNumericGradient: [
    18494.319102927646, 1384.6310972951414, 1384.6310972951414, 6816.92578805837,
  ],
  // exact analytic Hessian at the MLE, row-major
  hessianAnalytic: [18487.558495450292, 1384.626306793778, 1384.626306793778, 6816.61224463584],
};
