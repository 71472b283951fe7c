// TEST helper only: a small bounded Nelder–Mead used until @likelihood/optim lands. Not shipped.
import type { ThetaOptimizer } from './optimize-theta.js';

export const testNelderMead: ThetaOptimizer = (fn, par0, lower, upper) => {
  const n = par0.length;
  const clamp = (x: Float64Array) => {
    for (let i = 0; i < n; i++) x[i] = Math.min(upper[i]!, Math.max(lower[i]!, x[i]!));
    return x;
  };
  let evals = 0;
  const f = (x: Float64Array) => {
    evals++;
    return fn(x);
  };
  let simplex: Float64Array[] = [clamp(Float64Array.from(par0))];
  for (let i = 0; i < n; i++) {
    const x = Float64Array.from(par0);
    x[i] = x[i]! + (x[i] === 0 ? 0.1 : 0.1 * Math.abs(x[i]!) + 0.05);
    simplex.push(clamp(x));
  }
  let fv = simplex.map(f);
  for (let iter = 0; iter < 20000; iter++) {
    const order = fv.map((_, i) => i).sort((a, b) => fv[a]! - fv[b]!);
    simplex = order.map((i) => simplex[i]!);
    fv = order.map((i) => fv[i]!);
    let size = 0;
    for (let j = 1; j <= n; j++)
      for (let i = 0; i < n; i++)
        size = Math.max(size, Math.abs(simplex[j]![i]! - simplex[0]![i]!));
    if (fv[n]! - fv[0]! <= 1e-13 * (Math.abs(fv[0]!) + 1e-13) && size < 1e-9)
      return {
        par: simplex[0]!,
        value: fv[0]!,
        evaluations: evals,
        convergence: 0,
        message: 'converged',
      };
    const c = new Float64Array(n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) c[i]! += simplex[j]![i]! / n;
    const along = (t: number) => {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = c[i]! + t * (simplex[n]![i]! - c[i]!);
      return clamp(x);
    };
    const xr = along(-1);
    const fr = f(xr);
    if (fr < fv[0]!) {
      const xe = along(-2);
      const fe = f(xe);
      if (fe < fr) [simplex[n], fv[n]] = [xe, fe];
      else [simplex[n], fv[n]] = [xr, fr];
    } else if (fr < fv[n - 1]!) {
      [simplex[n], fv[n]] = [xr, fr];
    } else {
      const xc = fr < fv[n]! ? along(-0.5) : along(0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, fv[n]!)) [simplex[n], fv[n]] = [xc, fc];
      else {
        for (let j = 1; j <= n; j++) {
          const x = new Float64Array(n);
          for (let i = 0; i < n; i++)
            x[i] = simplex[0]![i]! + 0.5 * (simplex[j]![i]! - simplex[0]![i]!);
          simplex[j] = clamp(x);
          fv[j] = f(simplex[j]!);
        }
      }
    }
  }
  return { par: simplex[0]!, value: fv[0]!, evaluations: evals, convergence: 1, message: 'maxit' };
};
