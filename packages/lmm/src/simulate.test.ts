import { describe, expect, it } from 'vitest';
import { confintBootstrap, confintWald } from './confint.js';
import { expectAbs, expectClose, sleepstudyInput } from './csv.test-helper.js';
import { readReference } from './lmer-reference.test-helper.js';
import { lmmFromMatrices } from './lmm-from-matrices.js';
import { simulateHierarchical, simulateLmm } from './simulate.js';

const sleepFit = lmmFromMatrices(sleepstudyInput());

function corr(a: number[], b: number[]): number {
  const m = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / m;
  const mb = b.reduce((s, v) => s + v, 0) / m;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < m; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('confint', () => {
  it('Wald intervals equal lme4 confint(method = "Wald") (1e-6 relative; SEs agree to 1e-5)', () => {
    const ref = readReference('lmer_sleepstudy_corr_REML').confint_wald.ci;
    const ci = confintWald(sleepFit);
    expect(ci.names).toEqual(ref.rownames);
    ci.names.forEach((_, k) => {
      const [lo, hi] = ref.data[k];
      if (lo === null) {
        expect(ci.lower[k]).toBeNull();
        expect(ci.upper[k]).toBeNull();
      } else {
        expectClose(ci.lower[k]!, lo, 1e-6);
        expectClose(ci.upper[k]!, hi!, 1e-6);
      }
    });
  });
  it('seeded parametric bootstrap: reproducible, reports progress, brackets the estimates', () => {
    const progress: number[] = [];
    const opts = { nsim: 20, seed: 42, onProgress: (k: number) => progress.push(k) };
    const a = confintBootstrap(sleepFit, opts);
    const b = confintBootstrap(sleepFit, { nsim: 20, seed: 42 });
    expect(a.lower).toEqual(b.lower);
    expect(progress).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const est = [24.74, 0.066, 5.92, 25.59, 251.4, 10.47]; // printed estimates of the REML fit
    a.names.forEach((_, k) => {
      expect(a.lower[k]!).toBeLessThan(est[k]!);
      expect(a.upper[k]!).toBeGreaterThan(est[k]!);
    });
  });
});

describe('simulation', () => {
  it('simulateLmm: marginal moments of the fitted model (4000 draws, 5-SE tolerance)', () => {
    const sims = simulateLmm(sleepFit, 4000, 7);
    // Var(y_1) = σ² + Σ_11 (day 0 of subject 1); Cov(y_1, y_2) = Σ_11 + Σ_12 (days 0, 1)
    const S = sleepFit.varCorr[0]!.covariance;
    const s2 = sleepFit.sigma ** 2;
    const y1 = sims.map((s) => s[0]!);
    const y2 = sims.map((s) => s[1]!);
    const m1 = y1.reduce((a, v) => a + v, 0) / y1.length;
    const v1 = y1.reduce((a, v) => a + (v - m1) ** 2, 0) / (y1.length - 1);
    const target = s2 + S.get(0, 0);
    // SE of a variance estimate ≈ target·√(2/N)
    expectAbs(v1, target, 5 * target * Math.sqrt(2 / 4000));
    expectAbs(m1, sleepFit.beta[0]!, 5 * Math.sqrt(target / 4000));
    const r = corr(y1, y2);
    const target2 =
      (S.get(0, 0) + S.get(0, 1)) /
      Math.sqrt(target * (s2 + S.get(0, 0) + 2 * S.get(0, 1) + S.get(1, 1)));
    expectAbs(r, target2, (5 * (1 - target2 ** 2)) / Math.sqrt(4000));
    expect(simulateLmm(sleepFit, 2, 7)[1]).toEqual(sims[1]); // seeded
  });
  it('hierarchical model of seed 002: within-cluster correlation tau²/(sigma²+tau²) = 0.8', () => {
    // L = 2 clusters of 3, tau = 2, sigma = 1; 4000 replicates of the 6-vector
    const reps = 4000;
    const cols: number[][] = Array.from({ length: 6 }, () => []);
    for (let r = 0; r < reps; r++) {
      const dr = simulateHierarchical(
        { groupSizes: [3, 3], mean: [0], V: [4], Sigma: [1] },
        1000 + r,
      );
      for (let j = 0; j < 6; j++) cols[j]!.push(dr.X[0]![j]!);
    }
    // SE of a correlation ≈ (1 − ρ²)/√N: 0.0057 at ρ = 0.8, 0.016 at ρ = 0; 5 SE
    expectAbs(corr(cols[0]!, cols[1]!), 0.8, (5 * 0.36) / Math.sqrt(reps));
    expectAbs(corr(cols[3]!, cols[5]!), 0.8, (5 * 0.36) / Math.sqrt(reps));
    expectAbs(corr(cols[0]!, cols[4]!), 0, 5 / Math.sqrt(reps));
  });
  it('bivariate hierarchical model: Cov(X_lj) = V + Σ and Cov(X_lj, X_lk) = V', () => {
    const V = [4, 3, 3, 4];
    const Sigma = [0.25, -0.24, -0.24, 0.36];
    const dr = simulateHierarchical(
      { groupSizes: Array(3000).fill(2), mean: [1, -1], V, Sigma },
      99,
    );
    const a1 = [];
    const a2 = [];
    const b1 = [];
    for (let l = 0; l < 3000; l++) {
      a1.push(dr.X[0]![2 * l]!);
      a2.push(dr.X[1]![2 * l]!);
      b1.push(dr.X[0]![2 * l + 1]!);
    }
    // Corr(X_l1[0], X_l1[1]) = (3 − 0.24)/√(4.25·4.36); Corr(X_l1[0], X_l2[0]) = 4/4.25
    expectAbs(corr(a1, a2), 2.76 / Math.sqrt(4.25 * 4.36), 0.03);
    expectAbs(corr(a1, b1), 4 / 4.25, 0.01);
    // one unit per cluster: Var = (V_11 + Σ_11)/3000; 5 SE
    expectAbs(a1.reduce((s, v) => s + v, 0) / 3000, 1, 5 * Math.sqrt(4.25 / 3000));
  });
});
