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
  VVV: 'ellipsoidal, varying volume, shape and orientation',
};

/** R's `format(x, digits = d)` for a number vector: common significant digits, right-aligned. */
function fmt(xs: readonly number[], digits: number): string[] {
  // The decimals needed so that every entry shows at least `digits` significant digits
  // (R's formatReal uses the minimum over the entries), capped at 15.
  let dec = 0;
  for (const x of xs) {
    if (x === 0 || !Number.isFinite(x)) continue;
    const e = Math.floor(Math.log10(Math.abs(x)));
    dec = Math.max(dec, Math.min(15, digits - 1 - e));
  }
  const strs = xs.map((x) => x.toFixed(dec));
  const w = Math.max(...strs.map((s) => s.length));
  return strs.map((s) => s.padStart(w));
}

/** A table with a header row, columns right-aligned to their widths (like R's print.data.frame). */
function table(header: string[], rows: string[][], lead = ''): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => lead + r.map((s, c) => s.padStart(widths[c]!)).join(' ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** R's print of a named vector: one common width for names and values, a trailing space. */
function namedVector(names: string[], values: string[]): string {
  const w = Math.max(...names.map((s) => s.length), ...values.map((s) => s.length));
  const line = (r: string[]) => `${r.map((s) => s.padStart(w)).join(' ')} `;
  return `${line(names)}\n${line(values)}`;
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

/**
 * mclust's `summary(fit, parameters = TRUE)` layout: the banner, the model line, the table of
 * log-likelihood, n, df, BIC and ICL (mclust's sign), the clustering table (components numbered
 * from 1 as in R), then the mixing probabilities, means and variances.
 */
export function formatMixtureFit(
  fit: GaussianMixture1dFit | GaussianMixtureMvFit | PoissonMixtureFit,
): string {
  const rule = `${'-'.repeat(52)} `;
  const out: string[] = [rule, 'Gaussian finite mixture model fitted by EM algorithm ', rule, ''];
  const isPoisson = !('model' in fit);
  if (isPoisson) out[1] = 'Poisson finite mixture model fitted by EM algorithm ';
  const name = isPoisson ? 'Poisson' : `Mclust ${fit.model} (${DESCRIPTIONS[fit.model]})`;
  out.push(`${name} model with ${fit.K} component${fit.K === 1 ? '' : 's'}: `, '');
  const stats = fmt([fit.logLik], 7);
  out.push(
    table(
      ['log-likelihood', 'n', 'df', 'BIC', 'ICL'],
      [
        [
          stats[0]!,
          String(fit.n),
          String(fit.df),
          fmt([fit.bicMclust], 7)[0]!,
          fmt([icl(fit)], 7)[0]!,
        ],
      ],
      ' ',
    ),
    '',
    'Clustering table:',
  );
  const counts = new Array<number>(fit.K).fill(0);
  for (const c of fit.classification) counts[c]!++;
  const labels = counts.map((_, k) => String(k + 1));
  out.push(namedVector(labels, counts.map(String)), '', 'Mixing probabilities:');
  out.push(namedVector(labels, fmt(Array.from(fit.params.weights), 7)), '');
  if ('lambdas' in fit.params) {
    out.push('Means:', namedVector(labels, fmt(Array.from(fit.params.lambdas), 7)));
  } else if ('variances' in fit.params) {
    out.push('Means:', namedVector(labels, fmt(Array.from(fit.params.means), 7)), '');
    out.push('Variances:', namedVector(labels, fmt(Array.from(fit.params.variances), 7)));
  } else {
    const { means, covariances } = fit.params;
    const d = means.rows;
    out.push('Means:');
    const rows: string[][] = [];
    for (let j = 0; j < d; j++) {
      const vals = fmt(
        Array.from({ length: fit.K }, (_, k) => means.data[j + k * d]!),
        7,
      );
      rows.push([`[${j + 1},]`, ...vals]);
    }
    out.push(table(['', ...labels.map((l) => `[,${l}]`)], rows), '', 'Variances:');
    covariances.forEach((S, k) => {
      out.push(`[,,${k + 1}]`);
      const r: string[][] = [];
      for (let a = 0; a < d; a++)
        r.push([
          `[${a + 1},]`,
          ...fmt(
            Array.from({ length: d }, (_, b) => S.data[a + b * d]!),
            7,
          ),
        ]);
      out.push(table(['', ...Array.from({ length: d }, (_, b) => `[,${b + 1}]`)], r));
    });
  }
  return out.join('\n');
}
