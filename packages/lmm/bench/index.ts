/**
 * `pnpm bench` for @likelihood/lmm: per-fit time of lme4's standard examples, with lme4 timed
 * side by side through `Rscript` on the same data in the same run (skipped, with a note, when
 * Rscript or lme4 is absent). Reports the ratio R time / our time (> 1: we are faster) and the
 * relative logLik difference.
 *
 * - sleepstudy `Reaction ~ Days + (Days | Subject)` (REML): 100 warm-up fits, then rounds of 50
 *   fits interleaved with lme4 rounds (ours, R, ours, R, ours); per side the median over rounds
 *   of the per-fit median wall time, and of the mean user CPU time per fit (less sensitive to
 *   the load of the shared machine).
 * - InstEval `y ~ 1 + (1|s) + (1|d)` (REML) and `y ~ service + (1|s) + (1|d) + (1|dept:service)`
 *   (ML), single fits in `LMM_BENCH_ROUNDS` (default 2) rounds alternating ours and lme4, wall
 *   and user CPU time on both sides (`process.cpuUsage`, R's `system.time`), when the InstEval
 *   CSV is found (`LMM_INSTEVAL_CSV`, default /work/shared/data/r/InstEval.csv);
 *   `LMM_BENCH_INSTEVAL=0` skips them.
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

/** Per-fit wall and CPU (user) milliseconds of one round: medians over `fits` fits. */
interface Round {
  wall: number;
  cpu: number;
}

let fit = lmm(fSleep, sleep);
/** One round of ours: 50 fits, median wall time per fit and mean user CPU time per fit. */
function oursRound(): Round {
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let r = 0; r < 50; r++) {
    const t0 = performance.now();
    fit = lmm(fSleep, sleep);
    times.push(performance.now() - t0);
  }
  return { wall: median(times), cpu: process.cpuUsage(c0).user / 1000 / 50 };
}
/** One round of lme4 in a fresh Rscript: 10 warm-up fits, then 50 timed (median elapsed, mean user). */
function rRound(): (Round & { logLik: number }) | null {
  const r = runR(`suppressMessages(library(lme4));
d <- read.csv("${sleepPath}"); d$Subject <- factor(d$Subject)
for (i in 1:10) f <- lmer(${fSleep}, d)
t <- replicate(50, system.time(f <- lmer(${fSleep}, d))[c("elapsed", "user.self")])
cat("wall", median(t[1, ]) * 1000, "\n"); cat("cpu", mean(t[2, ]) * 1000, "\n")
cat("logLik", sprintf("%.17g", logLik(f)), "\n")`);
  return r === null ? null : { wall: r.wall!, cpu: r.cpu!, logLik: r.logLik! };
}

// Warm-up (the JIT tiers up later on a loaded machine), then interleaved rounds
// ours, R, ours, R, ours so that both sides see the same load; medians over rounds.
for (let r = 0; r < 100; r++) lmm(fSleep, sleep);
const oursRounds: Round[] = [];
const rRounds: (Round & { logLik: number })[] = [];
for (let round = 0; round < 3; round++) {
  oursRounds.push(oursRound());
  if (round < 2) {
    const r = rRound();
    if (r !== null) rRounds.push(r);
  }
}
console.log('lmm bench (median wall time; ratio = R / ours, > 1 means faster than lme4)');
const oursWall = median(oursRounds.map((r) => r.wall));
const oursCpu = median(oursRounds.map((r) => r.cpu));
if (rRounds.length === 0) {
  console.log(
    `sleepstudy (Days|Subject) REML, per fit: ours ${oursWall.toFixed(2)} ms wall, ${oursCpu.toFixed(2)} ms CPU (${fit.optimizer.evaluations} deviance evaluations); R: skipped (Rscript with lme4 not available)`,
  );
} else {
  const rWall = median(rRounds.map((r) => r.wall));
  const rCpu = median(rRounds.map((r) => r.cpu));
  const rel = Math.abs(fit.logLik - rRounds[0]!.logLik) / Math.abs(rRounds[0]!.logLik);
  console.log(
    `sleepstudy (Days|Subject) REML, per fit (${fit.optimizer.evaluations} deviance evaluations): ` +
      `wall ours ${oursWall.toFixed(2)} ms, lme4 ${rWall.toFixed(2)} ms, ratio ${(rWall / oursWall).toFixed(2)}x; ` +
      `CPU ours ${oursCpu.toFixed(2)} ms, lme4 ${rCpu.toFixed(2)} ms, ratio ${(rCpu / oursCpu).toFixed(2)}x; ` +
      `logLik rel. diff ${rel.toExponential(1)}`,
  );
}

/** Wall and user CPU seconds of one fit, with its logLik and evaluation count. */
interface FitTime {
  wall: number;
  cpu: number;
}

function fmt(s: number): string {
  return s < 1 ? `${(s * 1000).toFixed(2)} ms` : `${s.toFixed(2)} s`;
}

function report(
  name: string,
  ours: FitTime,
  logLik: number,
  evals: number,
  r: Record<string, number> | null,
): void {
  const base = `${name}: ours ${fmt(ours.wall)} wall, ${fmt(ours.cpu)} CPU (${evals} deviance evaluations)`;
  if (r === null || r.time === undefined) {
    console.log(`${base}; R: skipped (Rscript with lme4 not available)`);
    return;
  }
  const rel = Math.abs(logLik - r.logLik!) / Math.abs(r.logLik!);
  console.log(
    `${base}; lme4 ${fmt(r.time)} wall, ${fmt(r.cpu!)} CPU (${r.evals} evaluations); ` +
      `ratio ${(r.time / ours.wall).toFixed(2)}x wall, ${(r.cpu! / ours.cpu).toFixed(2)}x CPU; ` +
      `logLik rel. diff ${rel.toExponential(1)}`,
  );
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
  // rounds alternate ours and lme4 so that both sides see the same load
  const rounds = Number(process.env.LMM_BENCH_ROUNDS ?? 2);
  for (const c of cases) {
    for (let round = 0; round < rounds; round++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const m = lmm(c.f, inst, { reml: c.reml });
      const ours = { wall: (performance.now() - t0) / 1000, cpu: process.cpuUsage(c0).user / 1e6 };
      const r = runR(`suppressMessages(library(lme4));
d <- read.csv("${instPath}", colClasses = c(s = "factor", d = "factor", studage = "factor", lectage = "factor", service = "factor", dept = "factor"))
t <- system.time(f <- lmer(${c.f}, d, REML = ${c.reml ? 'TRUE' : 'FALSE'}))
cat("time", t[["elapsed"]], "\\n"); cat("cpu", t[["user.self"]], "\\n")
cat("evals", f@optinfo$feval, "\\n"); cat("logLik", sprintf("%.17g", logLik(f)), "\\n")`);
      report(
        `InstEval ${c.f} ${c.reml ? 'REML' : 'ML'} (round ${round + 1}/${rounds})`,
        ours,
        m.logLik,
        m.optimizer.evaluations,
        r,
      );
    }
  }
}
