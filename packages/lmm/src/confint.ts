import { qnorm, quantile7 } from '@likelihood/glm';
import { type BootstrapOptions, lmeParameters, parametricBootstrap } from './bootstrap.js';
import { LmmInputError } from './errors.js';
import type { LmmFit } from './lmm-fit.js';

/** Confidence intervals named as lme4's `confint(fit, oldNames = FALSE)`. */
export interface LmmConfint {
  readonly names: string[];
  /** Lower and upper limits; null where the method gives none (Wald for variance parameters). */
  readonly lower: (number | null)[];
  readonly upper: (number | null)[];
  readonly level: number;
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1))
    throw new LmmInputError('level', `must be in (0, 1), got ${level}`);
}

/**
 * Wald intervals as lme4's `confint(method = "Wald")`: β̂_j ± z_{(1+level)/2} SE_j for the fixed
 * effects, NA (null) for the variance parameters.
 */
export function confintWald(fit: LmmFit, level = 0.95): LmmConfint {
  checkLevel(level);
  const { names } = lmeParameters(fit);
  const z = qnorm((1 + level) / 2);
  const nvar = names.length - fit.colnames.length;
  const lower: (number | null)[] = names.map(() => null);
  const upper: (number | null)[] = names.map(() => null);
  fit.coefficients.forEach((c, i) => {
    lower[nvar + i] = c.estimate - z * c.stdError;
    upper[nvar + i] = c.estimate + z * c.stdError;
  });
  return { names, lower, upper, level };
}

/** Percentile intervals from a seeded parametric bootstrap (lme4's `method = "boot"`, `boot.type = "perc"`). */
export function confintBootstrap(
  fit: LmmFit,
  options: BootstrapOptions & { level?: number },
): LmmConfint {
  const level = options.level ?? 0.95;
  checkLevel(level);
  const b = parametricBootstrap(fit, options);
  const a = (1 - level) / 2;
  const lower: number[] = [];
  const upper: number[] = [];
  b.names.forEach((_, k) => {
    const [lo, hi] = quantile7(
      b.samples.map((s) => s[k]!),
      [a, 1 - a],
    );
    lower.push(lo!);
    upper.push(hi!);
  });
  return { names: b.names, lower, upper, level };
}
