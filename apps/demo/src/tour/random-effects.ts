import { type Dataset, factorCodes, loadNels, wheat } from '@likelihood/datasets';
import type { DataInput } from '@likelihood/formula';
import { type DenseMatrix, dense, inverseSpd } from '@likelihood/linalg';
import {
  type ReTermInput,
  formatLmm,
  formatLmmSummary,
  lmm,
  lmmFitToJson,
  marginalLogLik,
  onewayAnova,
} from '@likelihood/lmm';
import { type OptimResult, lbfgsb } from '@likelihood/optim';
import { printNamedVector, printVector } from '../format/r-print.js';
import { printOptimList, printSquare } from './print-optim.js';
import { printMatrix } from './print-matrix.js';
import { profileInterval } from './profile-ci.js';
import type { TourSection } from './section.js';

/** y_ij = mu + a_j + e_ij, one grouping factor: the pieces Hoff's `mll.oneway` needs. */
interface OneWay {
  readonly X: DenseMatrix;
  readonly y: Float64Array;
  readonly term: ReTermInput;
}

function oneWay(y: Float64Array, group: string[], levels: readonly string[], name: string): OneWay {
  const n = y.length;
  const X = dense(n, 1);
  X.data.fill(1);
  const ones = new Float64Array(n).fill(1);
  return {
    X,
    y,
    term: {
      group: { name, codes: factorCodes(group, levels), levels },
      Zcols: [ones],
      termNames: ['(Intercept)'],
    },
  };
}

/**
 * Hoff's `mll.oneway(c(mu, s2, t2), y, g)`: minus the brute-force marginal log-likelihood
 * -sum_j log N(y_j; mu 1, s2 I + t2 11'), one dense covariance per group.
 */
function mllOneway(m: OneWay): (par: Float64Array) => number {
  return (par) => -marginalLogLik(m.X, m.y, m.term, [par[0]!], [par[2]!], par[1]!);
}

/** `optim(start, mll.oneway, lower = c(-Inf, 0, 0), method = "L-BFGS-B", hessian = TRUE)` and
 * the information-matrix intervals gamma +/- 2 sqrt(diag(solve(hessian))). */
function mlByOptim(m: OneWay, start: readonly number[]) {
  const fit = lbfgsb(mllOneway(m), start, undefined, {
    lower: [Number.NEGATIVE_INFINITY, 0, 0],
    hessian: true,
  });
  const H = dense(3, 3);
  H.data.set(fit.hessian!);
  const V = inverseSpd(H);
  const se = [0, 1, 2].map((i) => Math.sqrt(V.data[i + 3 * i]!));
  return { fit, V, se };
}

function optimText(
  call: string,
  fitName: string,
  name: string,
  r: { fit: OptimResult; V: DenseMatrix; se: number[] },
): string[] {
  const g = Array.from(r.fit.par);
  return [
    `> ${fitName} <- ${call}`,
    printOptimList(r.fit),
    `> V.${name} <- solve(${fitName}$hessian); V.${name}`,
    printSquare(r.V.data, 3),
    `> sqrt(diag(V.${name}))`,
    printVector(r.se),
    `> gamma.${name} - 2*sqrt(diag(V.${name})); gamma.${name} + 2*sqrt(diag(V.${name}))`,
    printVector(g.map((v, i) => v - 2 * r.se[i]!)),
    printVector(g.map((v, i) => v + 2 * r.se[i]!)),
    "> # the Hessian is optim's finite differences (ndeps 1e-3): its small entries and last digits are rounding noise of the objective, in R as here",
  ];
}

/**
 * Seed 001 (Hoff, STA 610): wheat yields of 10 regions x 5 plots under y_ij = mu + a_j + e_ij.
 * Method of moments from the one-way ANOVA, REML and ML fits, Hoff's brute-force marginal
 * likelihood `mll.oneway`, its L-BFGS-B maximum and information-matrix intervals.
 */
export function wheatSection(): TourSection {
  const y = wheat.columns.y as Float64Array;
  const g = wheat.columns.g as string[];
  const levels = wheat.factors.g!.levels;
  const m = oneWay(y, g, levels, 'g');
  const aov = onewayAnova(y, m.term.group);
  const t2 = aov.anova.tau2;
  const s2 = aov.anova.sigma2;
  const data = wheat.columns as DataInput;
  const factors = wheat.factors;
  const reml = lmm('y ~ 1 + (1 | g)', data, { factors });
  const mll = mllOneway(m);
  const points = [
    [16.3, 1.787, 0.31],
    [15, 1.787, 0.31],
    [16.3, 2, 0.31],
    [16.3, 1.787, 0.4],
  ];
  const values = points.map((pt) => mll(Float64Array.from(pt)));
  const ml = mlByOptim(m, [15, 1, 1]);
  const gamma = ml.fit.par;
  const nObs = aov.n;
  const mGroups = aov.m;
  const seMu = Math.sqrt(gamma[1]! / (mGroups * nObs) + gamma[2]! / mGroups);
  const mlFit = lmm('y ~ 1 + (1 | g)', data, { factors, reml: false });
  // confint(fit.wheat): likelihood-ratio intervals of the brute-force likelihood, on lme4's
  // scale (.sig01 = tau, .sigma = sigma, then mu); squared for the variances
  const prob = {
    nll: mll,
    mle: ml.fit.par,
    nllMin: ml.fit.value,
    lower: [Number.NEGATIVE_INFINITY, 0, 0],
    se: ml.se,
  };
  const ciT2 = profileInterval(prob, 2);
  const ciS2 = profileInterval(prob, 1);
  const ciMu = profileInterval(prob, 0);
  const ciNames = ['.sig01', '.sigma', '(Intercept)'];
  const ciCols = (sq: boolean) => {
    const rows = [ciT2.map(Math.sqrt), ciS2.map(Math.sqrt), ciMu];
    const r = sq ? rows.slice(0, 2).map((x) => x.map((v) => v * v)) : rows;
    return [r.map((x) => x[0]!), r.map((x) => x[1]!)];
  };
  const text = [
    '> t2 <- (MSG-MSE)/n; s2 <- MSE   # method of moments from anova(lm(y ~ as.factor(g)))',
    '> t2 ; sqrt(t2)',
    printNamedVector(['1'], [t2]),
    printNamedVector(['1'], [Math.sqrt(t2)]),
    '> s2 ; sqrt(s2)',
    printVector([s2]),
    printVector([Math.sqrt(s2)]),
    '> mean(y)',
    printVector([aov.grandMean]),
    '> lmer(y ~ 1 + (1 | g))',
    formatLmm(reml).replace(/\n$/, ''),
    ...points.flatMap((pt, k) => [
      `> mll.oneway( c(${pt.join(', ')}), y,g)`,
      printVector([values[k]!]),
    ]),
    ...optimText(
      'optim(c(15,1,1),mll.oneway,gr=NULL,y=y,g=g,lower=c(-Inf,0,0),method="L-BFGS-B",hessian=TRUE)',
      'fit.ml',
      'wheat',
      ml,
    ),
    '> sqrt( gamma.wheat[2]/(m*n) + gamma.wheat[3]/m )',
    printVector([seMu]),
    '> fit.wheat<-lmer(y~1+(1|g),REML=FALSE); summary(fit.wheat)',
    formatLmmSummary(mlFit).trimEnd(),
    '> CIss<-confint(fit.wheat)   # profile likelihood: exact roots (lme4 interpolates a spline)',
    '> CIss',
    printMatrix(ciNames, ['2.5 %', '97.5 %'], ciCols(false)),
    '> CIss[1:2,]^2',
    printMatrix(ciNames.slice(0, 2), ['2.5 %', '97.5 %'], ciCols(true)),
  ].join('\n');
  return {
    key: 'wheat',
    title: 'Wheat yields: the one-way random-effects model (seed 001)',
    shows:
      'Method of moments, REML, and ML three ways: brute-force marginal likelihood by L-BFGS-B, its information-matrix intervals, and the profiled lmer fit.',
    text,
    json: {
      methodOfMoments: { tau2: t2, sigma2: s2, mean: aov.grandMean },
      reml: lmmFitToJson(reml),
      mllOneway: points.map((pt, k) => ({ par: pt, value: values[k] })),
      optim: {
        par: Array.from(gamma),
        value: ml.fit.value,
        counts: ml.fit.counts,
        hessian: Array.from(ml.fit.hessian!),
        se: ml.se,
      },
      ml: lmmFitToJson(mlFit),
      profileCI: { tau: ciT2.map(Math.sqrt), sigma: ciS2.map(Math.sqrt), mu: ciMu },
    },
  };
}

/**
 * Seed 001: NELS math scores of 12974 students in 684 schools. Hoff's brute-force ML of the
 * one-way model (L-BFGS-B over 684 dense group covariances), the same model by lmer's profiled
 * ML, and the random-slope model mscore ~ flp + enroll + ses + (ses | school).
 */
export async function nelsSection(): Promise<TourSection> {
  const nels: Dataset = await loadNels();
  const data = nels.columns as DataInput;
  const factors = nels.factors;
  const y = nels.columns.mscore as Float64Array;
  const school = nels.columns.school as string[];
  const m = oneWay(y, school, nels.factors.school!.levels, 'school');
  const ml = mlByOptim(m, [50, 1, 1]);
  const oneway = lmm('mscore ~ 1 + (1 | school)', data, { factors, reml: false });
  const slope = lmm('mscore ~ flp + enroll + ses + (ses | school)', data, {
    factors,
    reml: false,
  });
  const text = [
    ...optimText(
      'optim(c(50, 1, 1), mll.oneway, gr = NULL, y = nels$mscore, g = nels$school, lower = c(-Inf, 0, 0), hessian = TRUE)',
      'fit.ml.nels',
      'nels',
      ml,
    ),
    '> fit.nels<-lmer(mscore~1+(1|school),REML=FALSE,data=nels); summary(fit.nels)',
    formatLmmSummary(oneway, { dataName: 'nels' }).trimEnd(),
    '> fit<-lmer(mscore~flp+enroll+ses+(ses|school), data=nels, REML=FALSE); summary(fit)',
    formatLmmSummary(slope, { dataName: 'nels' }).trimEnd(),
    "> # lme4 (the text's fit) stops about 1e-5 early in theta, so a last printed digit can differ; this fit's log-likelihood is the higher",
  ].join('\n');
  return {
    key: 'nels',
    title: 'NELS math scores: schools as random effects (seed 001)',
    shows:
      'Brute-force ML over 684 schools agrees with the profiled lmer fit; then a random intercept and ses slope per school.',
    text,
    json: {
      optim: {
        par: Array.from(ml.fit.par),
        value: ml.fit.value,
        counts: ml.fit.counts,
        hessian: Array.from(ml.fit.hessian!),
        se: ml.se,
      },
      oneway: lmmFitToJson(oneway),
      randomSlope: lmmFitToJson(slope),
    },
  };
}
