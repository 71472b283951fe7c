import { faithful } from '@likelihood/datasets';
import {
  type SimulationMethod,
  fitGaussianMixture1d,
  formatMixtureFit,
  gaussianMixtureMoments,
  mixtureToJson,
  simulateGaussianMixture,
} from '@likelihood/mixture';
import { printMatrix } from './print-matrix.js';
import type { TourSection } from './section.js';

/** Seed used for every simulation and k-means++ start of this section. */
const SEED = 2024;

/** Sample mean and variance (denominator n - 1, R's `var`). */
function meanVar(y: Float64Array): [number, number] {
  let m = 0;
  for (let i = 0; i < y.length; i++) m += y[i]!;
  m /= y.length;
  let ss = 0;
  for (let i = 0; i < y.length; i++) ss += (y[i]! - m) * (y[i]! - m);
  return [m, ss / (y.length - 1)];
}

/**
 * Seed 000 §6.4: the two-component Gaussian mixture 0.5 N(-0.5, 1) + 0.5 N(4, 4). Its mean
 * p mu1 + (1 - p) mu2 = 1.75 and variance p s1^2 + (1 - p) s2^2 + p (1 - p)(mu1 - mu2)^2 = 7.5625
 * against 5000 seeded draws by each of the text's four simulation methods; the EM fit of the
 * first sample; and the same model fitted to Old Faithful's eruption durations.
 */
export function mixtureSection(): TourSection {
  const theta = {
    weights: Float64Array.of(0.5, 0.5),
    means: Float64Array.of(-0.5, 4),
    variances: Float64Array.of(1, 4),
  };
  const n = 5000;
  const truth = gaussianMixtureMoments(theta);
  const methods: [string, SimulationMethod][] = [
    ['conditional', 'conditional'],
    ['ifelse', 'ifelse'],
    ['arithmetic', 'arithmetic'],
    ['conditional2', 'transformation'],
  ];
  // one seed per method: 'arithmetic' and 'transformation' map the same normals identically
  const samples = methods.map(
    ([, method], k) => simulateGaussianMixture(theta, n, { seed: SEED + k, method }).y,
  );
  const stats = samples.map(meanVar);
  const table = printMatrix(
    ['true', ...methods.map(([name]) => name)],
    ['mean', 'variance'],
    [
      [truth.mean, ...stats.map((s) => s[0])],
      [truth.variance, ...stats.map((s) => s[1])],
    ],
    4,
  );
  const fit = fitGaussianMixture1d(samples[0]!, { K: 2, model: 'V', seed: SEED });
  const eruptions = faithful.columns.eruptions as Float64Array;
  const old = fitGaussianMixture1d(eruptions, { K: 2, model: 'V', seed: SEED });
  const text = [
    '> data.frame(mean = c(mu, mean(y), mean(y2), mean(y3), mean(y4)), variance = c(sigmasq, var(y), ...))',
    table,
    `> # seeded draws (MT19937, seeds ${SEED}–${SEED + 3}): the simulated rows differ from the text's unseeded ones; the true row is exact`,
    '> summary(Mclust(y, G = 2, modelNames = "V"), parameters = TRUE)   # EM on the conditional sample',
    formatMixtureFit(fit).trimEnd(),
    '> summary(Mclust(faithful$eruptions, G = 2, modelNames = "V"), parameters = TRUE)',
    formatMixtureFit(old).trimEnd(),
    '> # EM run to a relative log-likelihood change of 1e-10; mclust stops at 1e-5 (log-likelihood -276.3613)',
  ].join('\n');
  return {
    key: 'mixture',
    title: 'Gaussian mixtures: simulation and EM (seed 000 §6.4)',
    shows:
      'Four ways to simulate 0.5 N(-0.5, 1) + 0.5 N(4, 4) match its mean 1.75 and variance 7.5625; EM recovers the components and splits Old Faithful eruptions.',
    text,
    json: {
      moments: { mean: truth.mean, variance: truth.variance },
      simulations: methods.map(([name], k) => ({
        method: name,
        mean: stats[k]![0],
        variance: stats[k]![1],
      })),
      simulatedFit: mixtureToJson(fit),
      faithfulEruptions: mixtureToJson(old),
    },
  };
}
