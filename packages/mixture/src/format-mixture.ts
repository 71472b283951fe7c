import { MixtureInputError } from './errors.js';
import { formatReal } from './format-real.js';
import { catwrap, printNamedVector, printRealMatrix } from './format-r-print.js';
import type {
  GaussianMixture1dFit,
  GaussianMixtureMvFit,
  MixtureFitInfo,
  PoissonMixtureFit,
} from './types.js';

const DESCRIPTIONS: Record<string, string> = {
  E: 'univariate, equal variance',
  V: 'univariate, unequal variance',
  EII: 'spherical, equal volume',
  VII: 'spherical, varying volume',
  EEE: 'ellipsoidal, equal volume, shape and orientation',
  VVV: 'ellipsoidal, varying volume, shape, and orientation',
};

/** A one-row table: header over values, each column right-aligned (R's print.data.frame). */
function table(header: string[], row: string[], lead = ''): string {
  const widths = header.map((h, c) => Math.max(h.length, row[c]!.length));
  const line = (r: string[]) => lead + r.map((s, c) => s.padStart(widths[c]!)).join(' ');
  return `${line(header)}\n${line(row)}`;
}

/**
 * ICL = BIC (mclust sign) + 2 sum_i log z_{i, c_i}, c_i the classification: mclust's
 * integrated complete-data likelihood criterion.
 */
export function icl(fit: MixtureFitInfo): number {
  const { posterior: z, classification: c } = fit;
  let s = 0;
  for (let i = 0; i < fit.n; i++) s += Math.log(z.data[i + c[i]! * fit.n]!);
  return fit.bicMclust + 2 * s;
}

/** Options of `formatMixtureFit`. */
export interface FormatMixtureOptions {
  /** Names of the d variables of a multivariate fit (R's column names); default `[1,]`, `[2,]`, ... */
  readonly variableNames?: readonly string[];
  /** Significant digits, R's `digits` (default 7, `getOption("digits")`). */
  readonly digits?: number;
}

/**
 * mclust's `print(summary(fit, parameters = TRUE))` (mclust 6.0.0) line for line: the banner,
 * the model line wrapped at 80 columns (`catwrap`), the table of log-likelihood, n, df, BIC and
 * ICL (mclust's sign), the clustering table (components numbered from 1 as in R), then the
 * mixing probabilities, means and variances, every number vector and every matrix column laid
 * out by R's `formatReal` with `digits` significant digits.
 */
export function formatMixtureFit(
  fit: GaussianMixture1dFit | GaussianMixtureMvFit | PoissonMixtureFit,
  options: FormatMixtureOptions = {},
): string {
  const digits = options.digits ?? 7;
  const num = (xs: ArrayLike<number>) => formatReal(xs, digits);
  const isPoisson = !('model' in fit);
  const title = `${isPoisson ? 'Poisson' : 'Gaussian'} finite mixture model fitted by EM algorithm`;
  const rule = catwrap('-'.repeat(Math.min(title.length, 80)));
  const out: string[] = [rule, catwrap(title), rule, ''];
  const name = isPoisson ? 'Poisson' : `Mclust ${fit.model} (${DESCRIPTIONS[fit.model]})`;
  out.push(catwrap(`${name} model with ${fit.K} component${fit.K === 1 ? '' : 's'}:`), '');
  out.push(
    table(
      ['log-likelihood', 'n', 'df', 'BIC', 'ICL'],
      [
        num([fit.logLik])[0]!,
        String(fit.n),
        String(fit.df),
        num([fit.bicMclust])[0]!,
        num([icl(fit)])[0]!,
      ],
      ' ',
    ),
    '',
    'Clustering table:',
  );
  const counts = new Array<number>(fit.K).fill(0);
  for (const c of fit.classification) counts[c]!++;
  const labels = counts.map((_, k) => String(k + 1));
  out.push(printNamedVector(labels, counts.map(String)), '', 'Mixing probabilities:');
  out.push(printNamedVector(labels, num(fit.params.weights)), '');
  if ('lambdas' in fit.params) {
    out.push('Means:', printNamedVector(labels, num(fit.params.lambdas)));
  } else if ('variances' in fit.params) {
    out.push('Means:', printNamedVector(labels, num(fit.params.means)), '');
    out.push('Variances:', printNamedVector(labels, num(fit.params.variances)));
  } else {
    const { means, covariances } = fit.params;
    const names = options.variableNames;
    if (names !== undefined && names.length !== means.rows) {
      throw new MixtureInputError(
        'options.variableNames',
        `has ${names.length} names for ${means.rows} variables`,
      );
    }
    out.push('Means:', printRealMatrix(means, digits, names), '', 'Variances:');
    covariances.forEach((S, k) => {
      out.push(`[,,${k + 1}]`, printRealMatrix(S, digits, names, names));
    });
  }
  return out.join('\n');
}
