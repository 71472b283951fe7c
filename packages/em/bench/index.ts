/**
 * `pnpm bench` for @likelihood/em: the peppered moths by gene counting (EM to max |change|
 * <= 1e-15) against R's `em_moth` (moths.json) timed side by side via Rscript (skipped with a
 * note when absent), and plain EM against SQUAREM (E-steps and time) on the same problem.
 */
import { spawnSync } from 'node:child_process';
import { pepperedMoths } from '@likelihood/expfam';
import { collapsedMultinomialEM, runEM } from '../src/index.js';

const completeMLE = (n: Float64Array) => {
  const N = n[0]! + n[1]! + n[2]! + n[3]! + n[4]! + n[5]!;
  return Float64Array.of(
    (2 * n[0]! + n[1]! + n[2]!) / (2 * N),
    (2 * n[3]! + n[4]! + n[1]!) / (2 * N),
  );
};
const model = collapsedMultinomialEM(pepperedMoths(), { completeMLE });
const start = Float64Array.of(0.3, 0.3);

function perCall(f: () => unknown, minMs = 300): number {
  for (let i = 0; i < 50; i++) f();
  let reps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    f();
    reps++;
  }
  return (performance.now() - t0) / reps;
}

const plainMs = perCall(() => runEM(model, start, { criterion: 'params', tol: 1e-15 }));
const sqMs = perCall(() =>
  runEM(model, start, { criterion: 'params', tol: 1e-15, acceleration: 'squarem' }),
);
const plain = runEM(model, start, { criterion: 'params', tol: 1e-15 });
const sq = runEM(model, start, { criterion: 'params', tol: 1e-15, acceleration: 'squarem' });
console.log(
  `moths gene counting: plain EM ${(plainMs * 1000).toFixed(1)} us/fit (${plain.eSteps} E-steps), SQUAREM ${(sqMs * 1000).toFixed(1)} us/fit (${sq.eSteps} E-steps)`,
);

const r = spawnSync(
  'Rscript',
  [
    '-e',
    `x <- c(85, 196, 341)
em_moth <- function(par, x, tol = 1e-15, maxit = 10000) {
  for (it in 1:maxit) {
    pC <- par[1]; pI <- par[2]; pT <- 1 - pC - pI
    nCC <- x[1] * pC^2 / (pC^2 + 2 * pC * pI + 2 * pC * pT)
    nCI <- x[1] * 2 * pC * pI / (pC^2 + 2 * pC * pI + 2 * pC * pT)
    nCT <- x[1] * 2 * pC * pT / (pC^2 + 2 * pC * pI + 2 * pC * pT)
    nII <- x[2] * pI^2 / (pI^2 + 2 * pI * pT)
    nIT <- x[2] * 2 * pI * pT / (pI^2 + 2 * pI * pT)
    n <- sum(x)
    new <- c((2 * nCC + nCI + nCT) / (2 * n), (2 * nII + nIT + nCI) / (2 * n))
    if (max(abs(new - par)) <= tol) { par <- new; break }
    par <- new
  }
  list(par = par, iterations = it)
}
reps <- 2000; t <- system.time(for (i in 1:reps) em_moth(c(0.3, 0.3), x))[["elapsed"]]
cat("RESULT", t / reps * 1e6, "\\n")`,
  ],
  { encoding: 'utf8' },
);
if (r.status !== 0 || r.error) {
  console.log('Rscript not available: R timing skipped.');
} else {
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT'));
  const us = Number(line?.split(' ')[1]);
  console.log(
    `  R em_moth ${us.toFixed(1)} us/fit; ratio R / ours (plain) = ${(us / (plainMs * 1000)).toFixed(1)}x`,
  );
}
