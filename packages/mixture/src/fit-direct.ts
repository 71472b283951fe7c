import { bfgs } from '@likelihood/optim';
import { checkData1d, checkK, checkModel1d, checkStart1d, countDistinct } from './checks.js';
import { dfGaussian1d } from './fit-gaussian-1d.js';
import { eStepGaussian1d } from './gaussian-1d-em.js';
import type { GaussianMixture1d, UnivariateModelName } from './types.js';

/** Options of `fitGaussianMixture1dDirect`. */
export interface FitDirectOptions {
  readonly K: number;
  readonly model?: UnivariateModelName;
  readonly start: {
    weights: ArrayLike<number>;
    means: ArrayLike<number>;
    variances: ArrayLike<number>;
  };
  /** BFGS relative tolerance on -l (default 1e-12) and iteration limit (default 10 000). */
  readonly reltol?: number;
  readonly maxit?: number;
}

/** Result of a direct maximization of the observed-data log-likelihood. */
export interface DirectFit {
  readonly model: UnivariateModelName;
  readonly params: GaussianMixture1d;
  readonly logLik: number;
  readonly df: number;
  /** BFGS counts and convergence code (0 = converged), as R's `optim`. */
  readonly counts: { function: number; gradient: number | null };
  readonly convergence: number;
  readonly message: string | null;
}

/**
 * eta = (alpha_1..alpha_{K-1}, mu_1..mu_K, tau) with w_k = e^{alpha_k} / (1 + sum_l e^{alpha_l})
 * (alpha_K = 0), tau_k = log sigma_k ("V": K of them, "E": one).
 */
function fromEta(eta: Float64Array, K: number, model: UnivariateModelName): GaussianMixture1d {
  const weights = new Float64Array(K);
  let m = 0;
  for (let k = 0; k < K - 1; k++) m = Math.max(m, eta[k]!);
  let s = Math.exp(-m);
  for (let k = 0; k < K - 1; k++) s += Math.exp(eta[k]! - m);
  for (let k = 0; k < K; k++) weights[k] = Math.exp((k < K - 1 ? eta[k]! : 0) - m) / s;
  const means = eta.slice(K - 1, 2 * K - 1);
  const variances = new Float64Array(K);
  for (let k = 0; k < K; k++)
    variances[k] = Math.exp(2 * eta[2 * K - 1 + (model === 'V' ? k : 0)]!);
  return { weights, means, variances };
}

/**
 * Fits a univariate Gaussian mixture by maximizing l directly with BFGS (`@likelihood/optim`)
 * over the unconstrained eta, for comparison with EM. The analytic gradient comes from one
 * E-step (Fisher's identity): dl/dalpha_k = n_k - n w_k, dl/dmu_k = sum_i z_ik (y_i - mu_k) / sigma_k^2,
 * dl/dtau_k = sum_i z_ik (y_i - mu_k)^2 / sigma_k^2 - n_k (summed over k for "E").
 */
export function fitGaussianMixture1dDirect(
  y: ArrayLike<number>,
  options: FitDirectOptions,
): DirectFit {
  const x = checkData1d(y);
  const { K } = options;
  checkK(K, countDistinct(x, K));
  const model = checkModel1d(options.model);
  const { weights: w, means: mu, variances: v } = checkStart1d(options.start, K);
  const p = model === 'V' ? 3 * K - 1 : 2 * K;
  const eta0 = new Float64Array(p);
  for (let k = 0; k < K - 1; k++) eta0[k] = Math.log(w[k]! / w[K - 1]!);
  eta0.set(mu, K - 1);
  if (model === 'V') for (let k = 0; k < K; k++) eta0[2 * K - 1 + k] = 0.5 * Math.log(v[k]!);
  else eta0[2 * K - 1] = 0.5 * Math.log(v[0]!);
  const n = x.length;
  const fn = (eta: Float64Array) => -eStepGaussian1d(x, fromEta(eta, K, model)).logLik;
  const gr = (eta: Float64Array) => {
    const th = fromEta(eta, K, model);
    const st = eStepGaussian1d(x, th);
    const g = new Float64Array(p);
    for (let k = 0; k < K - 1; k++) g[k] = -(st.nk[k]! - n * th.weights[k]!);
    for (let k = 0; k < K; k++) {
      g[K - 1 + k] = -st.s1[k]! / th.variances[k]!;
      const gt = st.s2[k]! / th.variances[k]! - st.nk[k]!;
      g[2 * K - 1 + (model === 'V' ? k : 0)] -= gt;
    }
    return g;
  };
  const r = bfgs(fn, eta0, gr, { reltol: options.reltol ?? 1e-12, maxit: options.maxit ?? 10_000 });
  const params = fromEta(r.par, K, model);
  return {
    model,
    params,
    logLik: -r.value,
    df: dfGaussian1d(K, model),
    counts: { function: r.counts.function, gradient: r.counts.gradient },
    convergence: r.convergence,
    message: r.message,
  };
}
