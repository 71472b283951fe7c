import { ceb } from '@likelihood/datasets';
import { poisson, quasipoisson } from '@likelihood/expfam';
import type { DataInput } from '@likelihood/formula';
import {
  anovaGlm,
  confintProfile,
  cooksDistanceGlm,
  dispersionFletcher,
  dispersionPearson,
  formatAnovaGlm,
  formatPval,
  formatReal,
  formatSummaryGlm,
  glm,
  pchisqUpper,
  pnorm,
  qnorm,
  shapiroWilk,
  summaryGlm,
} from '@likelihood/glm';
import { printNamedVector, printVector } from '../format/r-print.js';
import { seedIrls } from './ceb-irls.js';
import { printMatrix, printNamedVectorWrapped } from './print-matrix.js';
import type { TourSection } from './section.js';

/** Row names of `read.table('ceb.dat')`: the file's cell numbers 1–71, cell 68 is absent. */
function cellNumbers(nrow: number): string[] {
  return Array.from({ length: nrow }, (_, i) => String(i < 67 ? i + 1 : i + 2));
}

/** R's `print(shapiro.test(x))`: W with 5 significant digits, p-value by `format.pval(4)`. */
function printShapiro(
  dataName: string,
  x: ArrayLike<number>,
): { text: string; W: number; p: number } {
  const sw = shapiroWilk(x);
  const text = [
    '',
    '\tShapiro-Wilk normality test',
    '',
    `data:  ${dataName}`,
    `W = ${formatReal([sw.statistic], 5)[0]!.trim()}, p-value = ${formatPval([sw.pValue], 4)[0]!.trim()}`,
    '',
  ].join('\n');
  return { text, W: sw.statistic, p: sw.pValue };
}

/** The deviance difference of the seed: D = -2 (l(Ybar) - l(mu)) for rates at group sizes n. */
function devianceDifference(Y: ArrayLike<number>, n: Float64Array, rate: ArrayLike<number>) {
  let sy = 0;
  let sn = 0;
  for (let i = 0; i < n.length; i++) {
    sy += Y[i]!;
    sn += n[i]!;
  }
  const Ybar = sy / sn;
  let D = 0;
  for (let i = 0; i < n.length; i++) {
    const m0 = n[i]! * Ybar;
    const m1 = n[i]! * rate[i]!;
    D += Y[i]! * Math.log(m0) - m0 - Y[i]! * Math.log(m1) + m1;
  }
  return { Ybar, D: -2 * D };
}

/**
 * Seed 004 §3: Children Ever Born (70 cells of Fijian women), Poisson regression of the births
 * with offset log(n): the text's IRLS by hand, `glm`'s summary, Wald and profile intervals, the
 * deviance test against the intercept-only model, Pearson/Fletcher dispersion, residual
 * normality and Cook's distances.
 */
export function cebSection(): TourSection {
  const data = ceb.columns as DataInput;
  const factors = ceb.factors;
  const y = ceb.columns.y as Float64Array;
  const n = ceb.columns.n as Float64Array;
  const logN = Float64Array.from(n, Math.log);
  const fit = glm('round(y) ~ dur + res + educ', data, {
    family: poisson(),
    factors,
    offset: logN,
  });
  const s = summaryGlm(fit);
  const names = fit.columnNames;
  const X = fit.X;
  const p = X.cols;
  const N = X.rows;

  // the text's IRLS by hand on the unrounded y
  const hand = seedIrls(X, y, n);
  const { beta, mu, w, invHessian } = hand;
  let X2 = 0;
  let sBar = 0;
  for (let i = 0; i < N; i++) {
    const r = y[i]! - n[i]! * mu[i]!;
    X2 += (r * r) / (n[i]! * mu[i]!);
    sBar += r / (n[i]! * mu[i]!) / N;
  }
  const pearsonPhi = X2 / (N - p);
  const fletcherSeed = pearsonPhi / (1 - sBar);
  const fletcherPublished = pearsonPhi / (1 + sBar);
  // the same estimators at the converged quasipoisson fit (the glm package)
  const q = glm('y ~ dur + res + educ', data, { family: quasipoisson(), factors, offset: logN });
  const qPearson = dispersionPearson(q);
  const qSeed = dispersionFletcher(q, { variant: 'seed004' });
  const qPublished = dispersionFletcher(q);

  const z975 = qnorm(0.975);
  const wald = [0, 1, 2, 3].map((j) => {
    const se = Math.sqrt(invHessian.data[j + j * p]!);
    return [beta[j]! - z975 * se, beta[j]! + z975 * se] as const;
  });
  // as the text: 2 * (1 - pnorm(|z|)), which rounds to 0 in double precision (z = 26.8)
  const pBeta2 = 2 * (1 - pnorm(Math.abs(beta[1]! / Math.sqrt(invHessian.data[1 + p]!))));
  const profile = confintProfile(fit).find((r) => r.term === 'dur10-14')!;

  const anova = anovaGlm(fit, fit.terms, { test: 'Chisq' });

  const handD = devianceDifference(y, n, mu);
  const Yr = fit.y;
  const glmRate = Float64Array.from(fit.fittedValues, (m, i) => m / n[i]!);
  const glmD = devianceDifference(Yr, n, glmRate);

  const devRes = new Float64Array(N);
  const pearsonRes = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const m = n[i]! * mu[i]!;
    const d = -2 * (y[i]! * Math.log(m) - m - (y[i]! * Math.log(y[i]!) - y[i]!));
    devRes[i] = (y[i]! - m < 0 ? -1 : 1) * Math.sqrt(d);
    pearsonRes[i] = (y[i]! - m) / Math.sqrt(m);
  }
  const swDev = printShapiro('deviance.resids', devRes);
  const swPearson = printShapiro('pearson.resids', pearsonRes);

  // Cook's distance of cell 17 by hand: h_kk of W^{1/2} X (X'WX)^{-1} X' W^{1/2}
  const k = 16;
  let hkk = 0;
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      hkk += X.data[k + a * N]! * invHessian.data[a + b * p]! * X.data[k + b * N]!;
    }
  }
  hkk *= w[k]!;
  const cookHand = ((pearsonRes[k]! * pearsonRes[k]!) / p) * (hkk / ((1 - hkk) * (1 - hkk)));
  const cd = cooksDistanceGlm(fit);
  const cells = cellNumbers(N);
  const order = Array.from(cd.keys()).sort((a, b) => cd[a]! - cd[b]!);

  const text = [
    '> beta   # IRLS by hand on the unrounded y (tol 1e-4)',
    printMatrix(names, ['[,1]'], [Array.from(beta)]),
    "> my.glm <- glm(round(y)~dur+res+educ, family = poisson(link = 'log'), data = ceb, offset = log(n))",
    '> summary(my.glm)',
    formatSummaryGlm(s, {
      formula: 'round(y) ~ dur + res + educ',
      familyCall: 'poisson(link = "log")',
      dataName: 'ceb',
      extraArgs: ['offset = log(n)'],
      coefficientNames: names,
    }).trimEnd(),
    '> Pearson.phi',
    printVector([pearsonPhi]),
    '> Fletcher.phi   # Pearson.phi / (1 - s.bar), as the text writes it',
    printVector([fletcherSeed]),
    `> # Fletcher (2012) publishes Pearson.phi / (1 + s.bar) = ${formatReal([fletcherPublished], 7)[0]!.trim()} (s.bar = ${formatReal([sBar], 4)[0]!.trim()}): the text flips the sign.`,
    `> # converged quasipoisson fit: Pearson ${formatReal([qPearson], 7)[0]!.trim()}, Fletcher (1 - s.bar) ${formatReal([qSeed.value], 7)[0]!.trim()}, (1 + s.bar) ${formatReal([qPublished.value], 7)[0]!.trim()}; the text stops IRLS at tol 1e-4.`,
    ...wald.flatMap((ci, j) => [
      `> beta[${j + 1}] + qnorm(c(0.025,0.975))*sqrt(inv.Hessian[${j + 1},${j + 1}])`,
      printVector([ci[0], ci[1]]),
      ...(j === 1
        ? ['> 2*(1-pnorm(abs(beta[2]/sqrt(inv.Hessian[2,2]))))', printVector([pBeta2])]
        : []),
    ]),
    "> confint(my.glm, 'dur10-14')",
    'Waiting for profiling to be done...',
    printNamedVector(['2.5 %', '97.5 %'], [profile.lower, profile.upper]),
    '> Ybar; D; 1-pchisq(D,p-1)   # deviance test against the intercept-only model, by hand',
    printVector([handD.Ybar]),
    printVector([handD.D]),
    printVector([pchisqUpper(handD.D, p - 1)]),
    '> # with rounded Ys and using glm output',
    printVector([glmD.Ybar]),
    printVector([glmD.D]),
    printVector([pchisqUpper(glmD.D, p - 1)]),
    '> anova(my.glm, test = "Chisq")   # the same deviance, term by term',
    formatAnovaGlm(anova, {
      family: 'poisson',
      link: 'log',
      response: 'round(y)',
      test: 'Chisq',
    }).trimEnd(),
    '> shapiro.test(deviance.resids)',
    swDev.text,
    '> shapiro.test(pearson.resids)',
    swPearson.text,
    '> ((pearson.resids[17]^2)/p)*(h[17,17]/((1-h[17,17])^2))',
    printVector([cookHand]),
    '> cd <- cooks.distance(my.glm); cd[17]',
    printNamedVector([cells[k]!], [cd[k]!]),
    '> sort(cd)',
    printNamedVectorWrapped(
      order.map((i) => cells[i]!),
      order.map((i) => cd[i]!),
    ),
  ].join('\n');
  return {
    key: 'ceb',
    title: 'Children Ever Born: Poisson regression with offset log(n) (seed 004 §3)',
    shows:
      "IRLS by hand and R's glm agree; Wald and profile intervals, the deviance test, dispersion estimates, residual checks and Cook's distances.",
    text,
    json: {
      irlsByHand: { beta: Array.from(beta), iterations: hand.iterations },
      glm: {
        coefficients: s.coefficients.map((r) => ({
          term: r.term,
          estimate: r.estimate,
          stdError: r.stdError,
          statistic: r.statistic,
          pValue: r.pValue,
        })),
        deviance: s.deviance,
        nullDeviance: s.nullDeviance,
        aic: s.aic,
        iterations: s.iter,
      },
      dispersion: {
        pearson: pearsonPhi,
        sBar,
        fletcherSeed,
        fletcherPublished,
        converged: {
          pearson: qPearson,
          fletcherSeed: qSeed.value,
          fletcherPublished: qPublished.value,
        },
      },
      waldByHand: wald.map((ci) => [ci[0], ci[1]]),
      profileDur1014: [profile.lower, profile.upper],
      devianceTest: { byHand: handD, glm: glmD },
      anova: anova.map((r) => ({
        term: r.term,
        df: r.df,
        deviance: r.deviance,
        resDf: r.resDf,
        resDev: r.resDev,
        pValue: r.pValue,
      })),
      shapiro: {
        deviance: { W: swDev.W, pValue: swDev.p },
        pearson: { W: swPearson.W, pValue: swPearson.p },
      },
      cooks: { byHand17: cookHand, glm: Array.from(cd), cells },
    },
  };
}
