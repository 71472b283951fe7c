import { describe, expect, it } from 'vitest';
import { mixtureBIC1d } from './bic.js';
import { expectAbs, faithful, fixtureJson } from './test-helpers.js';

const mclust = fixtureJson<{ bic_G1to5: { table: { data: number[][] } } }>(
  'mclust_faithful_eruptions_V.json',
);

describe('mixtureBIC1d on faithful eruptions vs mclustBIC(G = 1:5)', () => {
  const t = mixtureBIC1d(faithful().eruptions, [1, 2, 3, 4, 5], ['E', 'V'], {
    restarts: 3,
    control: { tol: 1e-11 },
  });
  const ours = (K: number, m: string) => t.rows.find((r) => r.K === K && r.model === m)!;

  it('K = 1 is closed form: equal to mclust to 1e-9', () => {
    // One Gaussian: the MLE is exact, so both BICs agree to rounding.
    expectAbs(ours(1, 'E').bicMclust, mclust.bic_G1to5.table.data[0]![0]!, 1e-9);
    expectAbs(ours(1, 'V').bicMclust, mclust.bic_G1to5.table.data[0]![1]!, 1e-9);
  });

  it("K >= 2: our MLE's BIC is never below mclust's (which stops at rel. tol 1e-5)", () => {
    for (let K = 2; K <= 5; K++) {
      ['E', 'V'].forEach((m, j) => {
        const theirs = mclust.bic_G1to5.table.data[K - 1]![j]!;
        // mclust stops early, so its logLik (hence BIC) is at most our converged optimum, up to
        // 1e-6; K = 2 (unique optimum) must agree to 0.01 (mclust's early stop costs 2.6e-3).
        expect(ours(K, m).bicMclust).toBeGreaterThan(theirs - 1e-6);
        if (K === 2) expectAbs(ours(K, m).bicMclust, theirs, 0.01);
      });
    }
  });

  it('both sign conventions and the best model', () => {
    for (const r of t.rows) expect(r.bic).toBe(-r.bicMclust);
    // mclust picks G = 4, "V" (BIC -576.66) on these data.
    expect(t.best.K).toBe(4);
    expect(t.best.model).toBe('V');
  });
});
