/**
 * BOBYQA's own cost per iteration: `bobyqa` on lme4's sleepstudy profiled ML deviance (the
 * fixture the tests use) against R's `minqa::bobyqa` on lme4's own deviance function for the
 * same model (`lmer(..., REML = FALSE, devFunOnly = TRUE)`, compiled C++), side by side via
 * Rscript (skipped with a note when R, lme4 or minqa is absent), interleaved ours, R, ours, R,
 * ours. Besides the time per optimization it reports the time of the evaluations alone, so
 * (total − evaluations) / evaluations is the optimizer's own time per iteration on each side.
 * Run: pnpm --filter @likelihood/optim exec tsx bench/bobyqa.ts
 */
import { spawnSync } from 'node:child_process';
import { bobyqa } from '../src/index.js';
import { days, reaction, sleepstudyDeviance, subject } from '../src/sleepstudy.fixture.js';

const lower = [0, Number.NEGATIVE_INFINITY, 0];
const start = [1, 0, 1];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Side {
  /** milliseconds per optimization */
  total: number;
  /** milliseconds of the evaluations alone (evaluations × ms per evaluation) */
  evals: number;
  count: number;
}

function ours(): Side {
  let nf = 0;
  const totals: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) nf = bobyqa(sleepstudyDeviance, start, { lower }).counts.function;
    totals.push((performance.now() - t0) / 50);
  }
  const x = new Float64Array(3);
  const per: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) {
      x[0] = 0.9 + (i % 13) * 0.01;
      x[1] = 0.01 * (i % 5);
      x[2] = 0.2 + (i % 7) * 0.01;
      sleepstudyDeviance(x);
    }
    per.push((performance.now() - t0) / 2000);
  }
  return { total: median(totals), evals: nf * median(per), count: nf };
}

const R_CODE = (csv: string) => String.raw`
suppressMessages({ library(lme4); library(minqa) })
d <- read.csv(text = "${csv}"); d$Subject <- factor(d$Subject)
dev <- lmer(Reaction ~ Days + (Days | Subject), d, REML = FALSE, devFunOnly = TRUE)
run <- function() minqa::bobyqa(c(1, 0, 1), dev, lower = c(0, -Inf, 0))
for (i in 1:20) r <- run()
tot <- median(replicate(7, system.time(for (i in 1:20) r <- run())[["elapsed"]])) / 20 * 1000
th <- c(0.95, 0.02, 0.22)
per <- median(replicate(7, system.time(for (i in 1:2000) dev(th))[["elapsed"]])) / 2000 * 1000
cat(tot, per * r$feval, r$feval, sprintf("%.12g", r$fval), "\n")
`;

function rSide(): (Side & { value: number }) | null {
  const rows = ['Reaction,Days,Subject'];
  for (let k = 0; k < reaction.length; k++) rows.push(`${reaction[k]},${days[k]},${subject[k]}`);
  const out = spawnSync('Rscript', ['-e', R_CODE(rows.join('\\n'))], { encoding: 'utf8' });
  if (out.error || out.status !== 0) return null;
  const [total, evals, count, value] = out.stdout.trim().split(/\s+/).map(Number);
  return { total, evals, count, value };
}

const oursRuns: Side[] = [];
const rRuns: Side[] = [];
let rValue = Number.NaN;
for (let round = 0; round < 3; round++) {
  oursRuns.push(ours());
  if (round < 2) {
    const r = rSide();
    if (r !== null) {
      rRuns.push(r);
      rValue = r.value;
    }
  }
}
const show = (name: string, runs: Side[]): number => {
  const total = median(runs.map((r) => r.total));
  const evals = median(runs.map((r) => r.evals));
  const count = runs[0].count;
  const own = ((total - evals) / count) * 1000;
  console.log(
    `${name.padEnd(30)} ${total.toFixed(3)} ms per fit, ${count} evaluations (${evals.toFixed(3)} ms), optimizer's own time ${own.toFixed(1)} µs per evaluation`,
  );
  return total;
};
console.log('BOBYQA on the sleepstudy ML deviance (medians; wall time)');
const t = show('ours (bobyqa, JS deviance)', oursRuns);
if (rRuns.length === 0) {
  console.log('R: skipped (Rscript with lme4 and minqa not available)');
} else {
  const tr = show('R (minqa::bobyqa, lme4 C++)', rRuns);
  const value = bobyqa(sleepstudyDeviance, start, { lower }).value;
  console.log(
    `ratio R / ours ${(tr / t).toFixed(2)}x; deviance ours ${value.toPrecision(12)}, R ${rValue.toPrecision(12)}`,
  );
}
