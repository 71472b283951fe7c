/**
 * `pnpm bench` for @likelihood/linalg: GFLOP/s of gemm, XᵀWX and Cholesky for n = 250 … 2000,
 * and the speed ratio against ml-matrix (`mmul`, `CholeskyDecomposition`) on the same matrices
 * in the same process. Single thread. ml-matrix is skipped at a size when its projected time
 * (from the previous size, ×8) exceeds 30 s. When `Rscript` is on the PATH, R's own `%*%`,
 * `crossprod(X, w * X)` and `chol()` (R's BLAS/LAPACK, CPU time, same sizes) are timed side by
 * side and reported as ratios too.
 */
import { spawnSync } from 'node:child_process';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import {
  choleskyInPlace,
  copyDense,
  type DenseMatrix,
  dense,
  gemm,
  toMatrix,
  weightedNormalEquations,
} from '../src/index.js';
import { setGemmKernel } from '../src/gemm-core.js';

const sizes = (process.env.LINALG_BENCH_SIZES ?? '250,500,1000,2000').split(',').map(Number);
const ML_LIMIT_S = 30;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

function randomDense(rows: number, cols: number, seed: number): DenseMatrix {
  const u = seeded(seed);
  const A = dense(rows, cols);
  for (let k = 0; k < A.data.length; k++) A.data[k] = u();
  return A;
}

/**
 * Best time (seconds) over `reps` runs of `f` (after `setup` each time, untimed). Time is this
 * process's CPU time (user + system): everything here is single-threaded, so on an idle machine
 * it equals wall time, and it stays meaningful when other jobs share the two cores.
 */
function time(f: () => void, reps: number, setup?: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < reps; r++) {
    setup?.();
    const c0 = process.cpuUsage();
    f();
    const d = process.cpuUsage(c0);
    best = Math.min(best, (d.user + d.system) / 1e6);
  }
  return best;
}

interface Row {
  kernel: string;
  n: number;
  ours: number;
  gflops: number;
  ml: number | null;
}

const rows: Row[] = [];
const mlProjected: Record<string, number> = {};

function record(kernel: string, n: number, flops: number, ours: number, ml: () => number) {
  const projected = mlProjected[kernel] ?? 0;
  let mlTime: number | null = null;
  if (projected <= ML_LIMIT_S) {
    mlTime = ml();
    mlProjected[kernel] = mlTime * 8;
  }
  rows.push({ kernel, n, ours, gflops: flops / ours / 1e9, ml: mlTime });
  const ratio =
    mlTime === null
      ? 'ml-matrix skipped (projected > 30 s)'
      : `${(mlTime / ours).toFixed(1)}× faster than ml-matrix (${mlTime.toFixed(3)} s)`;
  console.log(
    `${kernel.padEnd(9)} n=${String(n).padStart(4)}  ${(flops / ours / 1e9).toFixed(2).padStart(6)} GFLOP/s  ${ours.toFixed(4).padStart(8)} s  ${ratio}`,
  );
}

console.log(
  `@likelihood/linalg bench — Node ${process.version}, single thread, kernel: ${setGemmKernel('wasm')}; times are process CPU seconds (best of runs)`,
);
for (const n of sizes) {
  const reps = n <= 500 ? 10 : n <= 1000 ? 5 : 2;
  const mlReps = n <= 500 ? 3 : 1;
  const A = randomDense(n, n, 1);
  const B = randomDense(n, n, 2);
  const mA = toMatrix(A);
  const mB = toMatrix(B);

  // gemm: 2n³ flops
  gemm(A, B); // warm-up
  const tG = time(() => gemm(A, B), reps);
  record('gemm', n, 2 * n ** 3, tG, () => time(() => mA.mmul(mB), mlReps));

  // XᵀWX with X n × n: n·n·(n+1) flops for the upper triangle, plus n² for the weights
  const w = new Float64Array(n);
  const z = new Float64Array(n);
  const u = seeded(3);
  for (let i = 0; i < n; i++) {
    w[i] = u() + 1;
    z[i] = u();
  }
  const tW = time(() => weightedNormalEquations(A, w, z), reps);
  const wArr = Array.from(w);
  record('XtWX', n, n * n * (n + 1) + n * n, tW, () =>
    time(() => {
      const WX = mA.clone();
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) WX.set(i, j, WX.get(i, j) * wArr[i]);
      mA.transpose().mmul(WX);
    }, mlReps),
  );

  // Cholesky of S = AᵀA + n·I: n³/3 flops
  const S = gemm(A, A, { transA: true });
  for (let i = 0; i < n; i++) S.data[i + i * n] += n;
  const mS = new Matrix(toMatrix(S));
  let W = copyDense(S);
  const tC = time(
    () => {
      if (!choleskyInPlace(W).ok) throw new Error('bench matrix not PD');
    },
    reps,
    () => {
      W = copyDense(S);
    },
  );
  record('cholesky', n, n ** 3 / 3, tC, () => time(() => new CholeskyDecomposition(mS), mlReps));
}

const at1000 = (k: string) => rows.find((r) => r.kernel === k && r.n === 1000);
const c = at1000('cholesky');
const g = at1000('gemm');
if (c && g) {
  console.log(
    `targets at n = 1000: Cholesky ${c.gflops.toFixed(2)} GFLOP/s (≥ 3) and ${c.ml ? (c.ml / c.ours).toFixed(1) : '?'}× ml-matrix (≥ 4); gemm ${g.gflops.toFixed(2)} GFLOP/s (≥ 3)`,
  );
}

/** R's CPU seconds (best of runs) for %*%, crossprod(X, w*X) and chol at each size, or null. */
function timeR(ns: number[]): Record<string, Record<number, number>> | null {
  const code = `
    best <- function(f, reps) min(replicate(reps, { t <- system.time(f()); t[["user.self"]] + t[["sys.self"]] }))
    out <- list()
    for (n in c(${ns.join(',')})) {
      reps <- if (n <= 500) 5 else if (n <= 1000) 2 else 1
      A <- matrix(runif(n * n) - 0.5, n); B <- matrix(runif(n * n) - 0.5, n); w <- runif(n) + 0.5
      S <- crossprod(A) + diag(n) * n
      out[[length(out) + 1]] <- c(n, best(function() A %*% B, reps),
        best(function() crossprod(A, w * A), reps), best(function() chol(S), reps))
    }
    for (r in out) cat(r, "\\n")`;
  const res = spawnSync('Rscript', ['-e', code], { encoding: 'utf8', timeout: 600_000 });
  if (res.error || res.status !== 0) return null;
  const out: Record<string, Record<number, number>> = { gemm: {}, XtWX: {}, cholesky: {} };
  for (const line of res.stdout.trim().split('\n')) {
    const [n, g, x, c] = line.trim().split(/\s+/).map(Number);
    out.gemm[n] = g;
    out.XtWX[n] = x;
    out.cholesky[n] = c;
  }
  return out;
}

const r = process.env.LINALG_BENCH_NO_R ? null : timeR(sizes);
if (r === null) {
  console.log('R side by side: skipped (Rscript not found, failed, or LINALG_BENCH_NO_R set)');
} else {
  console.log("R side by side (R's BLAS/LAPACK, CPU seconds; ratio = R time / our time):");
  for (const row of rows) {
    const t = r[row.kernel]?.[row.n];
    if (t === undefined) continue;
    console.log(
      `${row.kernel.padEnd(9)} n=${String(row.n).padStart(4)}  R ${t.toFixed(4).padStart(8)} s  ours ${row.ours.toFixed(4).padStart(8)} s  ratio ${(t / row.ours).toFixed(2)}`,
    );
  }
}
