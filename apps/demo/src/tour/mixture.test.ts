import { describe, expect, it } from 'vitest';
import { expectClose } from './expect-close.js';
import { mixtureSection } from './mixture.js';

// Seed 000 §6.4: the mixture 0.5 N(-0.5, 1) + 0.5 N(4, 4) has mean 1.75 and variance 7.5625
// (printed 1.750 and 7.562 with options(digits = 4)). Old Faithful: the exact MLE of
// Mclust(faithful$eruptions, G = 2, modelNames = "V") from /work/shared/reference/
// mclust_faithful_eruptions_V.json, `reference_em` (plain EM to 1e-15).
describe('Gaussian mixtures (seed 000 §6.4)', () => {
  const s = mixtureSection();
  const j = s.json as {
    moments: { mean: number; variance: number };
    simulations: { mean: number; variance: number }[];
    simulatedFit: { weights: number[]; means: number[]; variances: number[] };
    faithfulEruptions: { weights: number[]; means: number[]; variances: number[]; logLik: number };
  };

  it('the true moments and the four simulations', () => {
    // closed forms of exact binary fractions: equal
    expect(j.moments).toEqual({ mean: 1.75, variance: 7.5625 });
    // the text prints 7.562: printf rounds the exact tie 7.5625 to the even digit
    expect(s.text).toMatch(/\ntrue {9}1\.750 {4}7\.562\n/);
    // 5000 draws: the sample mean's SE is sqrt(7.5625 / 5000) = 0.039; allow 4 SE
    for (const sim of j.simulations) expectClose(sim.mean, 1.75, 0, 'sample mean', 4 * 0.0389);
    // var of the sample variance ~ (mu4 - sigma^4) / n; |error| < 0.5 at 4 SE (mu4 ~ 150)
    for (const sim of j.simulations) expectClose(sim.variance, 7.5625, 0, 'sample variance', 0.5);
  });

  it('EM recovers the simulated components', () => {
    const f = j.simulatedFit;
    // within ~4 standard errors of 5000 draws (means ~0.03, variances ~0.1)
    expectClose(f.means[0]!, -0.5, 0, 'mu1', 0.12);
    expectClose(f.means[1]!, 4, 0, 'mu2', 0.2);
    expectClose(f.variances[0]!, 1, 0, 'sigma1^2', 0.2);
    expectClose(f.variances[1]!, 4, 0, 'sigma2^2', 0.4);
    expectClose(f.weights[0]!, 0.5, 0, 'p', 0.04);
  });

  it('Old Faithful eruptions: the exact two-component MLE', () => {
    const f = j.faithfulEruptions;
    // our EM stops at relative log-lik change 1e-10: the parameters move ~2e-6 after
    // that (the likelihood is flat), so 5e-6 absolute; the log-lik is flat there: 1e-9 relative
    expectClose(f.weights[0]!, 0.3484046340147527, 0, 'pro1', 5e-6);
    expectClose(f.means[0]!, 2.0186078170628856, 0, 'mean1', 5e-6);
    expectClose(f.means[1]!, 4.2733434211918935, 0, 'mean2', 5e-6);
    expectClose(f.variances[0]!, 0.05551761918440859, 0, 'var1', 5e-6);
    expectClose(f.variances[1]!, 0.1910241937862259, 0, 'var2', 5e-6);
    expectClose(f.logLik, -276.3600404957341, 1e-9, 'logLik');
    expect(s.text).toContain('Mclust V (univariate, unequal variance) model with 2 components:');
  });
});
