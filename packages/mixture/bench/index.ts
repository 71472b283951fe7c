/**
 * Benchmarks (`pnpm bench`): our EM vs mclust and mixtools, timed side by side in this script
 * via Rscript (skipped with a note when Rscript or the data are absent). Reports ratios.
 *   1. VVV, 2-D, n = 100 000, K = 3 (shared/bench/data/sim_mix2d.csv) vs
 *      `Mclust(d[, c("x1","x2")], G = 3, modelNames = "VVV")`: time to reach mclust's logLik.
 *   2. Univariate EM, n = 1 000 000, K = 3 (sim_mix1d.csv) vs `normalmixEM`: time per
 *      iteration, on both sides (T(long run) − T(short run)) / (difference in iterations), so
 *      fixed costs cancel; elapsed and CPU (user + system) time; runs interleaved ours, R, ours,
 *      R, ours.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dense } from '@likelihood/linalg';
import { fitGaussianMixture, fitGaussianMixture1d } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.LIKELIHOOD_BENCH_DATA ?? join(here, '../../../../shared/bench/data');

function readColumns(file: string, names: string[]): Float64Array[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const idx = names.map((nm) => header.indexOf(nm));
  const cols = names.map(() => new Float64Array(lines.length - 1));
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i]!.split(',');
    idx.forEach((j, c) => {
      cols[c]![i - 1] = Number(f[j]);
    });
  }
  return cols;
}

function hasR(): boolean {
  const r = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

function runR(code: string): Record<string, number> | null {
  const r = spawnSync('Rscript', ['-e', code], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.log(`  R failed: ${r.stderr.slice(0, 400)}`);
    return null;
  }
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  return line ? (JSON.parse(line.slice(7)) as Record<string, number>) : null;
}

/** The median (the mean of the two middle values for an even count). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

function time<T>(f: () => T, reps: number): { ms: number; value: T } {
  const ts: number[] = [];
  let value!: T;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    value = f();
    ts.push(performance.now() - t0);
  }
  return { ms: median(ts), value };
}

const R = hasR();
if (!R) console.log('Rscript not found: R timings skipped, only our timings are printed.');

// 1. VVV 2-D
const file2d = join(dataDir, 'sim_mix2d.csv');
if (!existsSync(file2d)) {
  console.log(`VVV bench skipped: ${file2d} not found (set LIKELIHOOD_BENCH_DATA)`);
} else {
  const [x1, x2] = readColumns(file2d, ['x1', 'x2']);
  const n = x1!.length;
  const X = dense(n, 2);
  X.data.set(x1!, 0);
  X.data.set(x2!, n);
  const rCode =
    `suppressMessages(library(mclust)); d <- read.csv("${file2d}"); set.seed(1);` +
    `t <- system.time(m <- Mclust(d[, c("x1","x2")], G = 3, modelNames = "VVV", verbose = FALSE))[["elapsed"]];` +
    `cat("RESULT ", jsonlite::toJSON(list(seconds = t, loglik = m$loglik), auto_unbox = TRUE, digits = NA), "\\n", sep = "")`;
  // Interleaved (ours, R, ours, R, ours) so that a changing machine load hits both alike;
  // medians. Our fit: one k-means++ start, EM to relative loglik change 1e-8 (mclust: 1e-5).
  const fitOurs = () =>
    fitGaussianMixture(X, { K: 3, model: 'VVV', restarts: 1, seed: 1, control: { tol: 1e-8 } });
  const oursMs: number[] = [];
  const rMs: number[] = [];
  let fit = fitOurs();
  let rLogLik = Number.NaN;
  for (let rep = 0; rep < 3; rep++) {
    const t = time(fitOurs, 1);
    oursMs.push(t.ms);
    fit = t.value;
    if (R && rep < 2) {
      const r = runR(rCode);
      if (r) {
        rMs.push(r.seconds! * 1000);
        rLogLik = r.loglik!;
      }
    }
  }
  const ours = median(oursMs);
  console.log(
    `VVV 2-D n=${n} K=3: ours ${ours.toFixed(0)} ms (median of ${oursMs.map((v) => v.toFixed(0)).join(', ')}), logLik ${fit.logLik.toFixed(4)}, ${fit.iterations} iterations`,
  );
  if (rMs.length > 0) {
    const rm = median(rMs);
    console.log(
      `  mclust ${rm.toFixed(0)} ms (${rMs.map((v) => v.toFixed(0)).join(', ')}), logLik ${rLogLik.toFixed(4)}`,
    );
    console.log(
      `  ratio mclust / ours = ${(rm / ours).toFixed(1)}x (target >= 3x); logLik ours - mclust = ${(fit.logLik - rLogLik).toExponential(2)} (>= 0: same or better optimum)`,
    );
  }
}

// 2. univariate per-iteration
const file1d = join(dataDir, 'sim_mix1d.csv');
if (!existsSync(file1d)) {
  console.log(`univariate bench skipped: ${file1d} not found`);
} else {
  const [x] = readColumns(file1d, ['x']);
  const n = x!.length;
  const start = { weights: [1 / 3, 1 / 3, 1 / 3], means: [-3, 0, 5], variances: [1, 1, 1] };
  // Per iteration = (T(25 iterations) - T(5 iterations)) / 20: removes the fixed costs (input
  // checks, the final posterior) that a per-iteration figure should not carry.
  const fitN = (maxIter: number) =>
    fitGaussianMixture1d(x!, { K: 3, start, control: { maxIter, tol: 0 } });
  const clock = () => {
    const u = process.cpuUsage();
    return { wall: performance.now(), cpu: (u.user + u.system) / 1000 };
  };
  const perIteration = () => {
    const c0 = clock();
    fitN(25);
    const c1 = clock();
    fitN(5);
    const c2 = clock();
    return {
      wall: (c1.wall - c0.wall - (c2.wall - c1.wall)) / 20,
      cpu: (c1.cpu - c0.cpu - (c2.cpu - c1.cpu)) / 20,
    };
  };
  // mixtools the same way: (T(maxit = 12) - T(maxit = 2)) / 10, each T the mean of two runs
  // (2, 12, 2, 12), elapsed and CPU (user + system: R allocates n x k matrices every
  // iteration, and their page faults are system time).
  const rCode =
    `suppressMessages(library(mixtools)); d <- read.csv("${file1d}");` +
    'run <- function(m) system.time(invisible(capture.output(normalmixEM(d$x, k = 3, lambda = c(1,1,1)/3, mu = c(-3,0,5), sigma = c(1,1,1), maxit = m))))[c("elapsed", "user.self", "sys.self")];' +
    'a <- run(2); b <- run(12); a2 <- run(2); b2 <- run(12);' +
    'per <- ((b + b2) / 2 - (a + a2) / 2) / 10 * 1000;' +
    'cat("RESULT ", jsonlite::toJSON(list(wall = per[[1]], cpu = per[[2]] + per[[3]]), auto_unbox = TRUE, digits = NA), "\\n", sep = "")';
  fitN(5); // warm-up (JIT)
  const ours: { wall: number; cpu: number }[] = [];
  const rs: Record<string, number>[] = [];
  for (let round = 0; round < 3; round++) {
    ours.push(perIteration());
    if (R && round < 2) {
      const r = runR(rCode);
      if (r) rs.push(r);
    }
  }
  const fmt = (v: number[]) => v.map((t) => t.toFixed(1)).join(', ');
  const oursWall = median(ours.map((o) => o.wall));
  const oursCpu = median(ours.map((o) => o.cpu));
  console.log(
    `univariate n=${n} K=3, ms per EM iteration: ours wall ${oursWall.toFixed(1)} (${fmt(ours.map((o) => o.wall))}), cpu ${oursCpu.toFixed(1)} (${fmt(ours.map((o) => o.cpu))})`,
  );
  if (rs.length > 0) {
    const rWall = median(rs.map((r) => r.wall!));
    const rCpu = median(rs.map((r) => r.cpu!));
    console.log(
      `  mixtools wall ${rWall.toFixed(1)} (${fmt(rs.map((r) => r.wall!))}), cpu ${rCpu.toFixed(1)} (${fmt(rs.map((r) => r.cpu!))})`,
    );
    console.log(
      `  ratio mixtools / ours per iteration: wall ${(rWall / oursWall).toFixed(1)}x, cpu ${(rCpu / oursCpu).toFixed(1)}x (target >= 10x)`,
    );
  }
}
