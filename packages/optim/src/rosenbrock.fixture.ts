/** Extended (chained) Rosenbrock f(x) = Σ_{i<n} 100 (x_{i+1} − x_i²)² + (1 − x_i)², any n >= 2. */
export function rosenbrock(x: Float64Array): number {
  // R evaluates u^2 as u*u, so squares are written as products (same rounding, and faster).
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    s += 100 * (a * a) + b * b;
  }
  return s;
}

/**
 * Analytic gradient of {@link rosenbrock}, in R's arithmetic order (see bfgs.test.ts), written
 * into `out` when given (the allocation-free form optimizers offer).
 */
export function rosenbrockGradient(x: Float64Array, out?: Float64Array): Float64Array {
  const n = x.length;
  const g = out ?? new Float64Array(n);
  g.fill(0);
  for (let i = 0; i + 1 < n; i++) g[i] = -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
  for (let i = 0; i + 1 < n; i++) g[i + 1] += 200 * (x[i + 1] - x[i] * x[i]);
  return g;
}
