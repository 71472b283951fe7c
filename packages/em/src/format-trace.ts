import type { EMResult } from './types.js';

/**
 * Prints an EM trace as a table with one row per step: the iteration, the log-likelihood
 * l(theta_t) with `digits` significant digits, and the increase l(theta_t) - l(theta_{t-1}),
 * followed by a closing line like R's `number of iterations= 21`.
 */
export function formatEMTrace<P>(result: EMResult<P>, digits = 10): string {
  const rows = result.trace.map((l, t) => {
    const inc = t === 0 ? '' : (l - result.trace[t - 1]!).toExponential(3);
    return [String(t), l.toPrecision(digits), inc];
  });
  const header = ['iter', 'logLik', 'increase'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((s, c) => s.padStart(widths[c]!)).join('  ');
  const out = [line(header), ...rows.map(line)];
  out.push(
    `number of iterations= ${result.iterations}${result.converged ? '' : ' (not converged)'}`,
  );
  return out.join('\n');
}
