/** Extended (chained) Rosenbrock f(x) = Σ_{i<n} 100 (x_{i+1} − x_i²)² + (1 − x_i)², any n >= 2. */
export function rosenbrock(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    s += 100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2;
  }
  return s;
}

/** Analytic gradient of {@link rosenbrock}, in R's arithmetic order (see bfgs.test.ts). */
export function rosenbrockGradient(x: Float64Array): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  for (let i = 0; i + 1 < n; i++) g[i] = -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
  for (let i = 0; i + 1 < n; i++) g[i + 1] += 200 * (x[i + 1] - x[i] * x[i]);
  return g;
}
