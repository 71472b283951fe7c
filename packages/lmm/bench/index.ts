/**
 * `pnpm bench` for @likelihood/lmm: per-fit time of lme4's standard examples, with lme4 timed
 * side by side through `Rscript` on the same data in the same run (skipped, with a note, when
 * Rscript or lme4 is absent). Reports the ratio R time / our time (> 1: we are faster) and the
 * relative logLik difference.
 *
 * - sleepstudy `Reaction ~ Days + (Days | Subject)` (REML): median over 50 fits after warm-up.
 * - InstEval `y ~ 1 + (1|s) + (1|d)` (REML) and `y ~ service + (1|s) + (1|d) + (1|dept:service)`
 *   (ML), single fits, when the InstEval CSV is found (`LMM_INSTEVAL_CSV`, default
 *   /work/shared/data/r/InstEval.csv); `LMM_BENCH_INSTEVAL=0` skips them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lmm } from '../src/index.js';

type Columns = Record<string, string[] | number[]>;

function readCsv(path: string, numeric: readonly string[]): Columns {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',').map((h) => h.replace(/"/g, ''));
  const raw: string[][] = header.map(() => []);
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r]!.split(',');
    for (let j = 0; j < header.length; j++) raw[j]!.push(cells[j]!.replace(/"/g, ''));
  }
  const out: Columns = {};
  header.forEach((h, j) => {
    out[h] = numeric.includes(h) ? raw[j]!.map(Number) : raw[j]!;
  });
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs R code; returns the `key value` lines it prints, or null when R/lme4 is unavailable. */
function runR(code: string): Record<string, number> | null {
  const r = spawnSync('Rscript', ['-e', code], { encoding: 'utf8', timeout: 600_000 });
  if (r.error || r.status !== 0) return null;
  const out: Record<string, number> = {};
  for (const line of r.stdout.split('\n')) {
    const [k, v] = line.trim().split(/\s+/);
    if (k && v !== undefined) out[k] = Number(v);
  }
  return out;
}

const sleepPath = fileURLToPath(new URL('../src/fixtures/sleepstudy.csv', import.meta.url));
const sleep = readCsv(sleepPath, ['Reaction', 'Days']);
const fSleep = 'Reaction ~ Days + (Days | Subject)';
for (let r = 0; r < 30; r++) lmm(fSleep, sleep);
const times: number[] = [];
let fit = lmm(fSleep, sleep);
for (let r = 0; r < 50; r++) {
  const t0 = performance.now();
  fit = lmm(fSleep, sleep);
  times.push(performance.now() - t0);
}
const ours = median(times) / 1000;
const rs = runR(`suppressMessages(library(lme4));
d <- read.csv("${sleepPath}"); d$Subject <- factor(d$Subject)
for (i in 1:10) f <- lmer(${fSleep}, d)
t <- replicate(50, system.time(f <- lmer(${fSleep}, d))[["elapsed"]])
cat("time", median(t), "\\n"); cat("logLik", sprintf("%.17g", logLik(f)), "\\n")`);
console.log('lmm bench (median wall time; ratio = R / ours, > 1 means faster than lme4)');
report('sleepstudy (Days|Subject) REML, per fit', ours, fit.logLik, fit.optimizer.evaluations, rs);

function report(
  name: string,
  t: number,
  logLik: number,
  evals: number,
  r: Record<string, number> | null,
): void {
  const base = `${name}: ours ${fmt(t)} (${evals} deviance evaluations)`;
  if (r === null || r.time === undefined) {
    console.log(`${base}; R: skipped (Rscript with lme4 not available)`);
    return;
  }
  const rel = Math.abs(logLik - r.logLik!) / Math.abs(r.logLik!);
  console.log(
    `${base}; lme4 ${fmt(r.time)}; ratio ${(r.time / t).toFixed(2)}x; logLik rel. diff ${rel.toExponential(1)}`,
  );
}

function fmt(s: number): string {
  return s < 1 ? `${(s * 1000).toFixed(2)} ms` : `${s.toFixed(2)} s`;
}

const instPath = process.env.LMM_INSTEVAL_CSV ?? '/work/shared/data/r/InstEval.csv';
if (process.env.LMM_BENCH_INSTEVAL === '0' || !existsSync(instPath)) {
  console.log(
    `InstEval: skipped (${existsSync(instPath) ? 'LMM_BENCH_INSTEVAL=0' : `${instPath} not found`})`,
  );
} else {
  const inst = readCsv(instPath, ['y']);
  const cases = [
    { f: 'y ~ 1 + (1 | s) + (1 | d)', reml: true },
    { f: 'y ~ service + (1 | s) + (1 | d) + (1 | dept:service)', reml: false },
  ];
  for (const c of cases) {
    const t0 = performance.now();
    const m = lmm(c.f, inst, { reml: c.reml });
    const t = (performance.now() - t0) / 1000;
    const r = runR(`suppressMessages(library(lme4));
d <- read.csv("${instPath}", colClasses = c(s = "factor", d = "factor", studage = "factor", lectage = "factor", service = "factor", dept = "factor"))
t <- system.time(f <- lmer(${c.f}, d, REML = ${c.reml ? 'TRUE' : 'FALSE'}))[["elapsed"]]
cat("time", t, "\\n"); cat("logLik", sprintf("%.17g", logLik(f)), "\\n")`);
    report(`InstEval ${c.f} ${c.reml ? 'REML' : 'ML'}`, t, m.logLik, m.optimizer.evaluations, r);
  }
}
