import { type EMModel, type EMStandardErrors, emStandardErrors } from '@likelihood/em';
import { checkData1d } from './checks.js';
import { MixtureInputError } from './errors.js';
import { eStepGaussian1d } from './gaussian-1d-em.js';
import type { GaussianMixture1d, UnivariateModelName } from './types.js';

/** Standard errors of a univariate Gaussian mixture MLE, with the parameter names. */
export interface MixtureStandardErrors extends EMStandardErrors {
  /** Names of the free parameters: `w1..w{K-1}`, `mu1..muK`, `sigma1..sigmaK` (or `sigma`). */
  readonly names: readonly string[];
}

/**
 * Standard errors of the MLE of a univariate Gaussian mixture in the free parameters
 * eta = (w_1..w_{K-1}, mu_1..mu_K, sigma_1..sigma_K) ("V"; one sigma for "E"), w_K = 1 - sum w_k,
 * from the observed information: the symmetrized numerical Jacobian (Richardson, see
 * `@likelihood/em`) of the analytic observed score, which one E-step gives (Fisher's identity):
 *   dl/dw_k = n_k / w_k - n_K / w_K,  dl/dmu_k = sum_i z_ik (y_i - mu_k) / sigma_k^2,
 *   dl/dsigma_k = (sum_i z_ik (y_i - mu_k)^2 / sigma_k^2 - n_k) / sigma_k.
 */
export function gaussianMixture1dStandardErrors(
  y: ArrayLike<number>,
  params: GaussianMixture1d,
  model: UnivariateModelName = 'V',
): MixtureStandardErrors {
  const x = checkData1d(y);
  const K = params.weights.length;
  if (model === 'E' && params.variances.some((v) => v !== params.variances[0]))
    throw new MixtureInputError('params.variances', "must all be equal for model 'E'");
  const nSigma = model === 'V' ? K : 1;
  const p = K - 1 + K + nSigma;
  const toVector = (th: GaussianMixture1d) => {
    const v = new Float64Array(p);
    for (let k = 0; k < K - 1; k++) v[k] = th.weights[k]!;
    v.set(th.means, K - 1);
    for (let k = 0; k < nSigma; k++) v[2 * K - 1 + k] = Math.sqrt(th.variances[k]!);
    return v;
  };
  const fromVector = (v: Float64Array): GaussianMixture1d => {
    const weights = new Float64Array(K);
    let s = 0;
    for (let k = 0; k < K - 1; k++) {
      weights[k] = v[k]!;
      s += v[k]!;
    }
    weights[K - 1] = 1 - s;
    const variances = new Float64Array(K);
    for (let k = 0; k < K; k++) variances[k] = v[2 * K - 1 + (model === 'V' ? k : 0)]! ** 2;
    return { weights, means: v.slice(K - 1, 2 * K - 1), variances };
  };
  const m: EMModel<GaussianMixture1d, unknown> = {
    eStep: () => undefined,
    mStep: (_s, th) => th,
    logLik: (th) => eStepGaussian1d(x, th).logLik,
    toVector,
    fromVector,
    score(th) {
      const st = eStepGaussian1d(x, th);
      const g = new Float64Array(p);
      const wK = th.weights[K - 1]!;
      for (let k = 0; k < K - 1; k++) g[k] = st.nk[k]! / th.weights[k]! - st.nk[K - 1]! / wK;
      for (let k = 0; k < K; k++) {
        const v = th.variances[k]!;
        g[K - 1 + k] = st.s1[k]! / v;
        g[2 * K - 1 + (model === 'V' ? k : 0)] += (st.s2[k]! / v - st.nk[k]!) / Math.sqrt(v);
      }
      return g;
    },
  };
  // Base steps 1e-3 |eta|: the score is smooth and the weights must stay inside (0, 1).
  const step = Array.from(toVector(params), (v) => 1e-3 * Math.max(Math.abs(v), 1e-3));
  const se = emStandardErrors(m, params, { method: 'score', step });
  const names = [
    ...Array.from({ length: K - 1 }, (_, k) => `w${k + 1}`),
    ...Array.from({ length: K }, (_, k) => `mu${k + 1}`),
    ...(model === 'V' ? Array.from({ length: K }, (_, k) => `sigma${k + 1}`) : ['sigma']),
  ];
  return { ...se, names };
}
