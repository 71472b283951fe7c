import { qnorm } from '@likelihood/glm';
import { lbfgsb, uniroot } from '@likelihood/optim';

/** What `profileInterval` needs: the objective, its minimum and where it sits. */
export interface ProfileProblem {
  /** Negative log-likelihood. */
  readonly nll: (par: Float64Array) => number;
  /** The minimizer (the MLE). */
  readonly mle: Float64Array;
  /** nll at the MLE. */
  readonly nllMin: number;
  /** Lower box bounds of every parameter (`-Infinity` when free). */
  readonly lower: readonly number[];
  /** Approximate standard errors (the Hessian's), used to bracket the roots. */
  readonly se: readonly number[];
}

/**
 * Likelihood-ratio (profile) interval of parameter `k`: the set of x with
 * 2 (min_{others} nll(x, others) - nll_min) <= qnorm((1 + level) / 2)^2, its ends found by
 * `uniroot` on the signed root; the nuisance parameters are re-fitted by L-BFGS-B (factr 1e2)
 * from the previous point. An end on the box bound is the bound (as lme4's `.sig01` lower 0).
 */
export function profileInterval(prob: ProfileProblem, k: number, level = 0.95): [number, number] {
  const { nll, mle, nllMin, lower, se } = prob;
  const p = mle.length;
  const others = Array.from({ length: p }, (_, i) => i).filter((i) => i !== k);
  const cut = qnorm((1 + level) / 2) ** 2;
  let warm = Float64Array.from(others, (i) => mle[i]!);
  const full = new Float64Array(p);
  const profiled = (x: number): number => {
    const fit = lbfgsb(
      (q) => {
        full[k] = x;
        others.forEach((i, j) => {
          full[i] = q[j]!;
        });
        return nll(full);
      },
      warm,
      undefined,
      { lower: others.map((i) => lower[i]!), factr: 1e2 },
    );
    warm = Float64Array.from(fit.par);
    return 2 * (fit.value - nllMin) - cut;
  };
  const ends = [-1, 1].map((dir) => {
    warm = Float64Array.from(others, (i) => mle[i]!);
    let far = mle[k]! + dir * 4 * se[k]!;
    if (dir < 0 && far <= lower[k]!) {
      far = lower[k]!;
      if (profiled(far) < 0) return far;
      warm = Float64Array.from(others, (i) => mle[i]!);
    }
    const [a, b] = dir < 0 ? [far, mle[k]!] : [mle[k]!, far];
    return uniroot(profiled, a, b, { tol: 1e-10, extendInt: 'yes' }).root;
  });
  return [ends[0]!, ends[1]!];
}
