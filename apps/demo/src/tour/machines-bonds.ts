import { bonds, machines } from '@likelihood/datasets';
import type { DataInput } from '@likelihood/formula';
import {
  anovaLm,
  anovaLmModels,
  formatAnovaLm,
  formatAnovaLmModels,
  lm,
  pfUpper,
} from '@likelihood/glm';
import { formatLmmSummary, lmm } from '@likelihood/lmm';
import { printVector } from '../format/r-print.js';
import { aggregateMeans } from './aggregate-means.js';
import type { TourSection } from './section.js';

/** Residual mean square RSS / df of an lm fit, from its ANOVA table's last row. */
function residualMeanSquare(rows: readonly { term: string; meanSq: number; df: number }[]) {
  const r = rows[rows.length - 1]!;
  return { meanSq: r.meanSq, df: r.df };
}

/**
 * Seed 004 §4.1: ANOVA with random blocks. Machines (6 workers, 3 machines, 3 replicates): the
 * aggregated-means model, the full and additive models and their comparison, F = 46.13 on 10
 * and 36 df for H0: sigma_ab^2 = 0; Bonds (3 metals x 7 ingots): the block F test from ingot
 * means and the REML variance components of `pressure ~ metal + (1 | ingot)`.
 */
export function machinesBondsSection(): TourSection {
  const mData = machines.columns as DataInput;
  const mFactors = machines.factors;
  const agg = aggregateMeans(machines.columns.score as Float64Array, 'score', [
    {
      name: 'Machine',
      values: machines.columns.Machine as string[],
      levels: mFactors.Machine!.levels,
    },
    {
      name: 'Worker',
      values: machines.columns.Worker as string[],
      levels: mFactors.Worker!.levels,
    },
  ]);
  const m2 = lm('score ~ Machine + Worker', agg.columns as DataInput, { factors: mFactors });
  const a2 = anovaLm(m2, m2.terms);
  const m0 = lm('score ~ Machine * Worker', mData, { factors: mFactors });
  const a0 = anovaLm(m0, m0.terms);
  const m1 = lm('score ~ Machine + Worker', mData, { factors: mFactors });
  const a1 = anovaLm(m1, m1.terms);
  const cmp = anovaLmModels([m1, m0]);
  // F = K MSE_agg / MSE_full with K = 3 replicates, exactly as the text types it (2 decimals)
  const fTyped = (142.18 * 3) / 10 / (33.29 / 36);
  const aggMs = residualMeanSquare(a2);
  const fullMs = residualMeanSquare(a0);
  const fExact = (3 * aggMs.meanSq) / fullMs.meanSq;

  const bData = bonds.columns as DataInput;
  const bFactors = bonds.factors;
  const bFull = lm('pressure ~ metal + ingot', bData, { factors: bFactors });
  const bA = anovaLm(bFull, bFull.terms);
  const ingotMeans = aggregateMeans(bonds.columns.pressure as Float64Array, 'pressure', [
    { name: 'ingot', values: bonds.columns.ingot as string[], levels: bFactors.ingot!.levels },
  ]);
  const bAgg = lm('pressure ~ 1', ingotMeans.columns as DataInput);
  const bAggA = anovaLm(bAgg, bAgg.terms);
  const J = bFactors.metal!.levels.length;
  const bAggMs = residualMeanSquare(bAggA);
  const bFullMs = residualMeanSquare(bA);
  const fBonds = (J * bAggMs.meanSq) / bFullMs.meanSq;
  const pBonds = pfUpper(fBonds, bAggMs.df, bFullMs.df);
  const bLmm = lmm('pressure ~ metal + (1 | ingot)', bData, { factors: bFactors });

  const text = [
    '> Mach.agg <- aggregate(score~Machine*Worker, data = Machines, FUN=mean)',
    '> m2 <- lm(score~Machine+Worker, data = Mach.agg); anova(m2)',
    formatAnovaLm(a2, 'score'),
    '> m0 <- lm(score~Machine*Worker, data = Machines); anova(m0)',
    formatAnovaLm(a0, 'score'),
    '> (142.18*3/10)/(33.29/36)',
    printVector([fTyped]),
    '> 1-pf((142.18*3/10)/(33.29/36), 10, 36)',
    // R's 1 - pf(F, 10, 36): the lower tail rounds to 1 in double precision, so this prints 0
    printVector([1 - (1 - pfUpper(fTyped, 10, 36))]),
    `> # unrounded: 3 * MSE_agg / MSE_full = ${printVector([fExact]).slice(4)} on ${aggMs.df} and ${fullMs.df} df`,
    '> m1 <- lm(score~Machine+Worker, data = Machines); anova(m1)',
    formatAnovaLm(a1, 'score'),
    '> anova(m1,m0)',
    formatAnovaLmModels(cmp, ['score ~ Machine + Worker', 'score ~ Machine * Worker']),
    '> # Bonds: 3 metals in each of 7 ingots (random blocks)',
    '> anova(lm(pressure ~ metal + ingot, data = Bonds))',
    formatAnovaLm(bA, 'pressure'),
    '> # H0: sigma_b^2 = 0 from the ingot means: F = J * MSE_agg / MSE_full',
    `F = ${printVector([fBonds]).slice(4)} on ${bAggMs.df} and ${bFullMs.df} df, p-value = ${printVector([pBonds]).slice(4)}`,
    '> summary(lmer(pressure ~ metal + (1 | ingot), data = Bonds))',
    formatLmmSummary(bLmm, { dataName: 'Bonds' }).trimEnd(),
  ].join('\n');
  return {
    key: 'machinesBonds',
    title: 'Machines and Bonds: ANOVA with random blocks (seed 004 §4.1)',
    shows:
      'The interaction F test (46.13 on 10 and 36 df) equals the aggregated-means test of sigma_ab^2 = 0; Bonds block test and REML variance components.',
    text,
    json: {
      machines: {
        aggregated: a2,
        full: a0,
        additive: a1,
        comparison: cmp.map((r) => ({
          resDf: r.resDf,
          rss: r.rss,
          df: r.df,
          sumSq: r.sumSq,
          statistic: r.fValue,
          pValue: r.pValue,
        })),
        aggregatedF: fExact,
      },
      bonds: {
        anova: bA,
        blockF: { statistic: fBonds, df: [bAggMs.df, bFullMs.df], pValue: pBonds },
        lmm: {
          fixef: bLmm.coefficients.map((r) => ({
            term: r.term,
            estimate: r.estimate,
            stdError: r.stdError,
          })),
          varCorr: bLmm.varCorr,
          sigma: bLmm.sigma,
          theta: Array.from(bLmm.theta),
          remlCriterion: bLmm.remlCriterion,
        },
      },
    },
  };
}
