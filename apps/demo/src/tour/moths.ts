import { pepperedMoths, pepperedMothsSpec } from '@likelihood/expfam';
import { NonFiniteStartError, bfgs, nelderMead } from '@likelihood/optim';
import { printNamedVector, printVector } from '../format/r-print.js';
import type { TourSection } from './section.js';

/** The source text prints with `options(digits = 4)`. */
const DIGITS = 4;

/** R's print of an `optim()` result list. */
function printOptim(
  par: ArrayLike<number>,
  value: number,
  fnCount: number,
  convergence: number,
): string {
  return [
    '$par',
    printVector(Array.from(par), DIGITS),
    '$value',
    printVector([value], DIGITS),
    '$counts',
    printNamedVector(['function', 'gradient'], [fnCount, null], DIGITS),
    '$convergence',
    `[1] ${convergence}`,
    '$message',
    'NULL',
  ].join('\n');
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
  // the text evaluates the expectations at its printed estimate
  const expected = model.conditionalExpectation([0.07084643, 0.188719]);
  const x = pepperedMothsSpec.x.join(', ');
  const text = [
    `> optim(c(0.3, 0.3), loglik, x = c(${x}))`,
    printOptim(nm.par, nm.value, nm.counts.function, nm.convergence),
    `> optim(c(0, 0), loglik, x = c(${x}))`,
    `Error in optim(c(0, 0), loglik, x = c(${x})): ${startError}`,
    '> x[group] * p / M(p, group)[group]   # E(N | X = x), genotypes CC CI CT II IT TT',
    printVector(Array.from(expected), DIGITS),
    `> # exact MLE (BFGS, analytic gradient, reltol 1e-14): pC = ${mle.par[0]!.toPrecision(8)}, pI = ${mle.par[1]!.toPrecision(8)}`,
  ].join('\n');
  return {
    key: 'moths',
    title: 'Peppered moths: a collapsed multinomial (seed 000 §6.2)',
    shows:
      "Nelder–Mead retraces R's optim() path (71 evaluations) and predicts the unseen genotype counts.",
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
    },
  };
}
