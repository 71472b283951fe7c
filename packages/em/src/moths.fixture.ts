import type { CollapsedMultinomialSpec } from './collapsed-multinomial.js';

/**
 * Peppered moths (seed 000, section 6.2.1): genotypes CC, CI, CT, II, IT, TT collapse into the
 * phenotypes C = {CC, CI, CT}, I = {II, IT}, T = {TT}; Hardy-Weinberg cell probabilities in
 * psi = (pC, pI), pT = 1 - pC - pI. Reference values: /work/shared/reference/moths.json.
 */
export const mothCounts = [85, 196, 341];

/** moths.json `mle_em.par` (gene counting to 1e-15) and `mle.par` (BFGS, reltol 1e-14). */
export const mothsReference = {
  mleEM: [0.0708369080473841, 0.18873651810884909],
  mleBFGS: [0.070836908048368188, 0.18873651811369],
  /** `value` = -sum x log M(p) at the MLE (negative log-likelihood without the constant). */
  value: 600.480982919232,
  iterationsEM: 20,
  /** `observed_information.se_analytic` (exact analytic Hessian). */
  seAnalytic: [0.0074112093709094717, 0.012205190656779018],
  hessianAnalytic: [18487.558495450292, 1384.626306793778, 1384.626306793778, 6816.61224463584],
  /** `expected_genotype_counts_at_mle`. */
  expectedCounts: [
    3.1211136109907804, 16.631672155239293, 65.247214233769924, 22.156556373262532,
    173.84344362673747, 341,
  ],
};

/** Gene counting: the complete-data MLE p_C = (2 N_CC + N_CI + N_CT) / 2N, likewise p_I. */
export const mothsSpec: CollapsedMultinomialSpec = {
  group: [0, 0, 0, 1, 1, 2],
  prob(psi) {
    const pC = psi[0]!;
    const pI = psi[1]!;
    const pT = 1 - pC - pI;
    return Float64Array.of(pC * pC, 2 * pC * pI, 2 * pC * pT, pI * pI, 2 * pI * pT, pT * pT);
  },
  completeMLE(n) {
    const N = n[0]! + n[1]! + n[2]! + n[3]! + n[4]! + n[5]!;
    return Float64Array.of(
      (2 * n[0]! + n[1]! + n[2]!) / (2 * N),
      (2 * n[3]! + n[4]! + n[1]!) / (2 * N),
    );
  },
  inParameterSpace: (psi) => psi[0]! > 0 && psi[1]! > 0 && psi[0]! + psi[1]! < 1,
  logProbDerivatives(psi) {
    const pC = psi[0]!;
    const pI = psi[1]!;
    const pT = 1 - pC - pI;
    // log p_k = a_k log pC + b_k log pI + c_k log pT + const, with (a, b, c) per genotype.
    const abc = [
      [2, 0, 0],
      [1, 1, 0],
      [1, 0, 1],
      [0, 2, 0],
      [0, 1, 1],
      [0, 0, 2],
    ];
    const K = 6;
    const gradient = new Float64Array(K * 2);
    const hessian: Float64Array[] = [];
    abc.forEach(([a, b, c], k) => {
      gradient[k] = a! / pC - c! / pT;
      gradient[k + K] = b! / pI - c! / pT;
      const t = c! / (pT * pT);
      hessian.push(Float64Array.of(-a! / (pC * pC) - t, -t, -t, -b! / (pI * pI) - t));
    });
    return { gradient, hessian };
  },
};
