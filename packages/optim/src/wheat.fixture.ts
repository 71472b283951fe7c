/**
 * Wheat yields (Hoff, seed 001_6f24d96d86e744c5.txt; data /work/shared/data/wheat.csv):
 * 10 groups (fields) of 5 plots.
 */
export const wheatY = [
  17.37, 15.78, 14.35, 12.1, 16.82, 16.16, 16.2, 17.56, 17.39, 17.06, 16.28, 16.08, 15.08, 12.16,
  15.85, 17.87, 17.73, 15.87, 17.28, 18.54, 18.33, 16.26, 16.95, 16.33, 14.46, 14.41, 14.44, 14.91,
  16.55, 16.07, 16.36, 16.24, 17.58, 17.38, 15.62, 15.9, 17.42, 17.99, 16.75, 18.15, 17.27, 15.84,
  17.19, 15.11, 18.73, 18.43, 15.11, 14.15, 16.43, 15.43,
];
export const wheatGroupSize = 5;

/**
 * Hoff's `mll.oneway(c(mu, s2, t2))`: minus the log-likelihood of the one-way random-effects
 * model, y_j ~ N(mu·1, s2·I + t2·11ᵀ) for each group j, using
 * log det = (n−1) log s2 + log(s2 + n t2) and
 * (y−mu)ᵀΣ⁻¹(y−mu) = [Σ(y−mu)² − t2/(s2 + n t2)·(Σ(y−mu))²]/s2.
 */
export function wheatNegLogLik(theta: Float64Array): number {
  const mu = theta[0];
  const s2 = theta[1];
  const t2 = theta[2];
  const n = wheatGroupSize;
  let ll = 0;
  for (let start = 0; start < wheatY.length; start += n) {
    let sum = 0;
    let ss = 0;
    for (let k = start; k < start + n; k++) {
      const e = wheatY[k] - mu;
      sum += e;
      ss += e * e;
    }
    const v = s2 + n * t2;
    const logdet = (n - 1) * Math.log(s2) + Math.log(v);
    const quad = (ss - (t2 / v) * sum * sum) / s2;
    ll += -0.5 * (n * Math.log(2 * Math.PI) + logdet + quad);
  }
  return -ll;
}

/** R 4.2.2 (see optim.test / lbfgsb.test for the calls); print(digits = 17). */
export const wheatReference = {
  // optim(c(15,1,1), mll.oneway, y=y, g=g, lower=c(-Inf,0,0), method="L-BFGS-B", hessian=TRUE)
  par: [16.30639951424656, 1.7872062984172004, 0.3099255105066959],
  value: 88.585104861579595,
  counts: 16,
  message: 'CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH',
  // fit.ml$hessian (optimHess at the solution), row-major
  hessian: [
    14.984264193884655, 2.1866952693017083e-6, 1.0906830993917538e-5, 2.1866952693017083e-6,
    6.7105978160952873, 2.245293902802814, 1.0906830993917538e-5, 2.245293902802814,
    11.226542081743673,
  ],
  // sqrt(diag(solve(fit.ml$hessian))); the seed prints 0.2583344 0.3996312 0.3089705
  se: [0.25833442865288564, 0.3996311687415649, 0.30897045642193077],
  // numDeriv::hessian(function(p) mll.oneway(p, y, g), fit.ml$par), row-major
  hessianNumDeriv: [
    14.984264195760112, 2.1813095082108226e-6, 1.0906530298163292e-5, 2.1813095082108226e-6,
    6.7105858112613346, 2.2452781672089932, 1.0906530298163292e-5, 2.2452781672089932,
    11.226390838349516,
  ],
  // numDeriv::grad(function(p) mll.oneway(p, y, g), fit.ml$par)
  gradNumDeriv: [-7.2786874224907139e-6, 3.0591760344732271e-6, 5.9542380386569848e-6],
  // mll.oneway(c(16.3, 1.787, 0.31), y, g)
  valueAtSeedPoint: 88.585411863302099,
};
