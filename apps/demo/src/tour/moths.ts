import { collapsedMultinomialEM, emStandardErrors, formatEMTrace, runEM } from '@likelihood/em';
import { pepperedMoths, pepperedMothsSpec } from '@likelihood/expfam';
import { NonFiniteStartError, bfgs, nelderMead } from '@likelihood/optim';
import { printVector } from '../format/r-print.js';
import { printOptimList } from './print-optim.js';
import type { TourSection } from './section.js';

/** The source text prints with `options(digits = 4)`. */
const DIGITS = 4;

/** Gene counting: the complete-data MLE of (pC, pI) from genotype counts CC, CI, CT, II, IT, TT. */
function geneCounting(n: Float64Array): Float64Array {
  let N = 0;
  for (let k = 0; k < n.length; k++) N += n[k]!;
  return Float64Array.of(
    (2 * n[0]! + n[1]! + n[2]!) / (2 * N),
    (2 * n[3]! + n[4]! + n[1]!) / (2 * N),
  );
}

/**
 * d log p_k / d(pC, pI) (K x 2, column-major) and d^2 log p_k for the Hardy–Weinberg cells
 * p = (pC^2, 2 pC pI, 2 pC pT, pI^2, 2 pI pT, pT^2), pT = 1 - pC - pI: Louis' information.
 */
function hardyWeinbergLogProbDerivatives(psi: Float64Array): {
  gradient: Float64Array;
  hessian: Float64Array[];
} {
  const a = 1 / psi[0]!;
  const b = 1 / psi[1]!;
  const c = 1 / (1 - psi[0]! - psi[1]!);
  const [a2, b2, c2] = [a * a, b * b, c * c];
  const gradient = Float64Array.of(2 * a, a, a - c, 0, -c, -2 * c, 0, b, -c, 2 * b, b - c, -2 * c);
  const hessian = [
    Float64Array.of(-2 * a2, 0, 0, 0),
    Float64Array.of(-a2, 0, 0, -b2),
    Float64Array.of(-a2 - c2, -c2, -c2, -c2),
    Float64Array.of(0, 0, 0, -2 * b2),
    Float64Array.of(-c2, -c2, -c2, -b2 - c2),
    Float64Array.of(-2 * c2, -2 * c2, -2 * c2, -2 * c2),
  ];
  return { gradient, hessian };
}

/**
 * Seed 000 §6.2: the peppered moths. Phenotype counts (85, 196, 341) collapse six Hardy–Weinberg
 * genotype cells; Nelder–Mead from (0.3, 0.3) as `optim()`, the exact MLE by BFGS with the
 * analytic gradient, and E(N_k | X = x) = x_j p_k / M(p)_j at the seed's estimate.
 */
export function mothsSection(): TourSection {
  const model = pepperedMoths();
  const nll = (psi: Float64Array) => model.negLogLik(psi);
  const nm = nelderMead(nll, [0.3, 0.3]);
  let startError = '';
  try {
    nelderMead(nll, [0, 0]);
  } catch (e) {
    // R's wording; our error adds which argument and value, which the printout leaves out
    if (!(e instanceof NonFiniteStartError)) throw e;
    startError = 'function cannot be evaluated at initial parameters';
  }
  const mle = bfgs(nll, [0.3, 0.3], (psi) => model.negLogLikGradient(psi), {
    reltol: 1e-14,
    maxit: 1000,
  });
  // Gene counting (the EM of seed 000 §8.1, R's em_moth): the E-step is E(N | X = x) above,
  // the M-step the complete-data MLE pC = (2 N_CC + N_CI + N_CT) / 2N, pI = (2 N_II + N_IT + N_CI) / 2N.
  const emModel = collapsedMultinomialEM(model, {
    completeMLE: geneCounting,
    logProbDerivatives: hardyWeinbergLogProbDerivatives,
  });
  const em = runEM(emModel, Float64Array.of(0.3, 0.3), { criterion: 'params', tol: 1e-15 });
  const emSe = emStandardErrors(emModel, em.params, { method: 'louis' });
  // the text evaluates the expectations at its printed estimate
  const expected = model.conditionalExpectation([0.07084643, 0.188719]);
  const x = pepperedMothsSpec.x.join(', ');
  const text = [
    `> optim(c(0.3, 0.3), loglik, x = c(${x}))`,
    printOptimList(
      {
        par: nm.par,
        value: nm.value,
        counts: { function: nm.counts.function, gradient: null },
        convergence: nm.convergence,
        message: null,
      },
      DIGITS,
      { blankLines: false },
    ),
    `> optim(c(0, 0), loglik, x = c(${x}))`,
    `Error in optim(c(0, 0), loglik, x = c(${x})): ${startError}`,
    '> x[group] * p / M(p, group)[group]   # E(N | X = x), genotypes CC CI CT II IT TT',
    printVector(Array.from(expected), DIGITS),
    `> # exact MLE (BFGS, analytic gradient, reltol 1e-14): pC = ${mle.par[0]!.toPrecision(8)}, pI = ${mle.par[1]!.toPrecision(8)}`,
    '> # EM by gene counting from c(0.3, 0.3), stopping when max |par change| <= 1e-15',
    formatEMTrace(em),
    '$par',
    printVector(Array.from(em.params), 8),
    "$se   # Louis' identity: observed = complete - missing information",
    printVector(Array.from(emSe.se), DIGITS),
  ].join('\n');
  return {
    key: 'moths',
    title: 'Peppered moths: a collapsed multinomial (seed 000 §6.2)',
    shows:
      "Nelder–Mead retraces R's optim() path (71 evaluations), predicts the unseen genotype counts, and EM by gene counting reaches the exact MLE.",
    text,
    json: {
      nelderMead: {
        par: Array.from(nm.par),
        value: nm.value,
        counts: { function: nm.counts.function },
        convergence: nm.convergence,
      },
      startError,
      mle: { par: Array.from(mle.par), value: mle.value },
      expectedGenotypeCounts: Array.from(expected),
      em: {
        par: Array.from(em.params),
        iterations: em.iterations,
        se: Array.from(emSe.se),
        logLik: em.logLik,
        converged: em.converged,
      },
    },
  };
}
