/**
 * Benchmarks of @likelihood/glm against R's glm on the same data, run side by side
 * (`Rscript`; skipped with a note when absent). Reports ratios R time / JS time.
 *   pnpm --filter @likelihood/glm bench            (all cases)
 *   BENCH_SKIP_SLOW_R=1 ...                        (use R's recorded anchor for the 30 s case)
 *   BENCH_ONLY=store|pois300|logistic ...          (one case)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { binomial, poisson } from '@likelihood/expfam';
import normal from '@stdlib/random-base-normal';
import uniform from '@stdlib/random-base-uniform';
import { type IndicatorDesign, glm, glmFit, glmFitSparse, glmSparse } from '../src/index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const sharedBench = here('../../../../shared/bench/data/');
const hasR = spawnSync('Rscript', ['--version']).status === 0;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median seconds of `reps` timed runs after `warmup` untimed ones (JIT warm-up). */
function timeJs(f: () => void, reps: number, warmup = 2): number {
  for (let k = 0; k < warmup; k++) f();
  const t: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    f();
    t.push((performance.now() - t0) / 1000);
  }
  return median(t);
}

/** Runs R code that prints one number (seconds); null without R. */
function timeR(code: string): number | null {
  if (!hasR) return null;
  const r = spawnSync('Rscript', ['-e', code], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.log(`  R failed: ${r.stderr.slice(0, 300)}`);
    return null;
  }
  return Number(r.stdout.trim().split(/\s+/).pop());
}

function report(name: string, js: number, r: number | null, anchor: number, target: string) {
  const rt = r ?? anchor;
  const src =
    r === null ? `R anchor ${anchor} s (Rscript not run)` : `R ${rt.toFixed(3)} s side by side`;
  console.log(
    `${name}: JS ${js.toFixed(4)} s, ${src}; ratio R/JS = ${(rt / js).toFixed(1)}x (target ${target})`,
  );
}

function readCsv(path: string): Record<string, string[]> {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const cols: Record<string, string[]> = Object.fromEntries(header.map((h) => [h, [] as string[]]));
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(',');
    for (let j = 0; j < header.length; j++) cols[header[j]!]!.push(cells[j]!);
  }
  return cols;
}

const only = process.env.BENCH_ONLY;
const run = (name: string) => only === undefined || only === name;

// 1. Vegetables store model.
if (run('store')) {
  const v = readCsv(here('../src/fixtures/vegetables.csv'));
  const data = {
    sale: v.sale!.map(Number),
    normalSale: v.normalSale!.map(Number),
    store: v.store!,
  };
  const js = timeJs(
    () => glmSparse('sale ~ store + log(normalSale) - 1', data, { family: poisson() }),
    21,
  );
  const jsDense = timeJs(
    () => glm('sale ~ store + log(normalSale) - 1', data, { family: poisson() }),
    1,
    0,
  );
  const r = timeR(
    `d <- read.csv("${here('../src/fixtures/vegetables.csv')}"); d$store <- factor(as.character(d$store)); ` +
      't <- replicate(11, system.time(glm(sale ~ store + log(normalSale) - 1, poisson, data = d))[["elapsed"]]); cat(median(t))',
  );
  report('vegetables store model (glmSparse)', js, r, 0.27, '>= 10x');
  console.log(`  (same model through the dense-QR glm(): ${jsDense.toFixed(3)} s)`);
}

// 2. Poisson, n = 100 000, 300-level factor + 2 covariates.
if (run('pois300')) {
  const path = `${sharedBench}sim_pois300.csv`;
  if (!existsSync(path)) {
    console.log(`pois300: skipped (${path} not found)`);
  } else {
    const c = readCsv(path);
    const data = { y: c.y!.map(Number), f: c.f!, x1: c.x1!.map(Number), x2: c.x2!.map(Number) };
    const js = timeJs(() => glmSparse('y ~ f + x1 + x2', data, { family: poisson() }), 5);
    const r = process.env.BENCH_SKIP_SLOW_R
      ? null
      : timeR(
          `d <- read.csv("${path}"); d$f <- factor(d$f); cat(system.time(glm(y ~ f + x1 + x2, poisson, data = d))[["elapsed"]])`,
        );
    report('Poisson n = 1e5, 300-level factor (glmSparse)', js, r, 29.7, '<= 0.5 s and >= 50x');
  }
}

// 3. Dense logistic, n = 1e6, 20 N(0, 1) covariates (generated here with a seeded RNG).
if (run('logistic')) {
  const n = 1_000_000;
  const p = 20;
  const rssBefore = process.memoryUsage().rss;
  const rnorm = normal.factory(0, 1, { seed: 20240102 });
  const runif = uniform.factory(0, 1, { seed: 20240103 });
  const X = { rows: n, cols: p + 1, data: new Float64Array(n * (p + 1)) };
  X.data.fill(1, 0, n);
  for (let k = n; k < n * (p + 1); k++) X.data[k] = rnorm();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = -0.25;
    for (let j = 0; j < p; j++) eta += X.data[i + (j + 1) * n]! * (-0.5 + j / (p - 1));
    y[i] = runif() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  const dataBytes = (n * p + n) * 8;
  const t0 = performance.now();
  const fit = glmFit(X, y, binomial());
  const jsQr = (performance.now() - t0) / 1000;
  const peakQr = process.resourceUsage().maxRSS * 1024 - rssBefore;
  const design: IndicatorDesign = {
    Xd: X,
    codes: new Int32Array(n).fill(-1),
    nlevels: 0,
    blockPositions: new Int32Array(0),
    densePositions: Int32Array.from({ length: p + 1 }, (_, j) => j),
  };
  const t1 = performance.now();
  const fitNe = glmFitSparse(design, y, binomial());
  const jsNe = (performance.now() - t1) / 1000;
  let maxDiff = 0;
  for (let j = 0; j <= p; j++)
    maxDiff = Math.max(maxDiff, Math.abs(fit.coefficients[j]! - fitNe.coefficients[j]!));
  const r = timeR(
    `source("${sharedBench}../simulate.R"); d <- sim_logit_1e6(); cat(system.time(glm(y ~ ., family = binomial, data = d))[["elapsed"]])`,
  );
  report('dense logistic n = 1e6 x 20, glmFit (R-exact QR)', jsQr, r, 4.24, '>= 1x');
  report(
    'dense logistic n = 1e6 x 20, normal equations (glmFitSparse, no block)',
    jsNe,
    r,
    4.24,
    '>= 1x',
  );
  console.log(
    `  iterations ${fit.iter}; max |beta_QR - beta_NE| = ${maxDiff.toExponential(2)}; peak RSS growth ${(peakQr / 2 ** 20).toFixed(0)} MiB = ${(peakQr / dataBytes).toFixed(2)}x the data (${(dataBytes / 2 ** 20).toFixed(0)} MiB; target <= 3x)`,
  );
}
