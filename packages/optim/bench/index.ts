/**
 * Benchmarks: Nelder–Mead on the peppered-moth objective, BFGS on 10-D Rosenbrock and L-BFGS-B
 * on the wheat likelihood, timed per call, with R's time for the very same calls measured side
 * by side via Rscript (skipped with a note when Rscript is absent). The runs are interleaved
 * (ours, R, ours, R, ours) because the shared machine's load drifts, and both elapsed and CPU
 * (user + system) time are reported: under heavy load elapsed time mostly measures the scheduler, CPU
 * time the work. Reports ratios R / ours of the medians (higher is better).
 * Run: pnpm --filter @likelihood/optim bench
 */
import { spawnSync } from 'node:child_process';
import { bfgs, lbfgsb, nelderMead } from '../src/index.js';
import { mothNegLogLik } from '../src/moths.fixture.js';
import { rosenbrock, rosenbrockGradient } from '../src/rosenbrock.fixture.js';
import { wheatNegLogLik } from '../src/wheat.fixture.js';

/** Elapsed and CPU (user + system) milliseconds per call. */
interface Timing {
  wall: number;
  cpu: number;
}

/** Median over `rounds` rounds of `reps` calls (after warm-up) of wall and CPU time. */
function timePerCall(run: () => void, reps: number, rounds = 7): Timing {
  for (let i = 0; i < reps; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < rounds; k++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) run();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6 / reps);
    const u = process.cpuUsage(c0);
    cpu.push((u.user + u.system) / 1e3 / reps);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** The median (the mean of the two middle values for an even count). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

const R_SCRIPT = String.raw`
x <- c(85, 196, 341); group <- c(1, 1, 1, 2, 2, 3)
M <- function(y, group) as.vector(tapply(y, group, sum))
prob <- function(p) { p[3] <- 1 - p[1] - p[2]; c(p[1]^2, 2*p[1]*p[2], 2*p[1]*p[3], p[2]^2, 2*p[2]*p[3], p[3]^2) }
constraint <- function(par) par[1] <= 1 && par[1] >= 0 && par[2] <= 1 && par[2] >= 0 && 1 - par[1] - par[2] >= 0
loglik <- function(par) { pr <- prob(par); if (!constraint(par) || any(pr > 1) || any(pr < 0)) return(Inf); -sum(x * log(M(pr, group))) }
fr10 <- function(x) { n <- length(x); sum(100 * (x[-1] - x[-n]^2)^2 + (1 - x[-n])^2) }
gr10 <- function(x) { n <- length(x); g <- numeric(n); i <- 1:(n-1)
  g[i] <- -400 * x[i] * (x[i+1] - x[i]^2) - 2 * (1 - x[i]); g[i+1] <- g[i+1] + 200 * (x[i+1] - x[i]^2); g }
d <- read.csv(text = paste0("y\n", paste(Y, collapse = "\n"))); y <- d$y; g <- rep(1:10, each = 5)
ldmvnorm <- function(y, theta, Sig) -.5*(length(y)*log(2*pi) + log(det(Sig)) + t(y-theta)%*%solve(Sig)%*%(y-theta))
mll <- function(p, y, g) { ll <- 0; for (gj in sort(unique(g))) { nj <- sum(g==gj); S <- diag(p[2], nj) + matrix(p[3], nj, nj); ll <- ll + ldmvnorm(y[g==gj], p[1], S) }; -ll }
tm <- function(expr, reps) { f <- function() for (i in 1:reps) eval(expr); f(); s <- replicate(5, system.time(f())[c("elapsed", "user.self", "sys.self")]); s <- rbind(s[1, ], s[2, ] + s[3, ]); apply(s, 1, median) / reps * 1000 }
cat(tm(quote(optim(c(0.3, 0.3), loglik)), 200), "\n")
cat(tm(quote(optim(rep(c(-1.2, 1), 5), fr10, gr10, method = "BFGS", control = list(maxit = 1000))), 50), "\n")
cat(tm(quote(optim(c(15, 1, 1), mll, gr = NULL, y = y, g = g, lower = c(-Inf, 0, 0), method = "L-BFGS-B")), 20), "\n")
`;

/** R's elapsed and CPU (user + system) milliseconds per call per case; null without Rscript. */
function timeR(): Timing[] | null {
  const which = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  if (which.error) return null;
  // the wheat y values are passed in as the R vector Y
  const wheat = wheatYForR();
  const out = spawnSync('Rscript', ['-e', `Y <- c(${wheat}); ${R_SCRIPT}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) {
    console.log(`Rscript failed: ${out.stderr}`);
    return null;
  }
  return out.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [wall, cpu] = line.trim().split(/\s+/).map(Number);
      return { wall, cpu };
    });
}

function wheatYForR(): string {
  // Re-read from the fixture module (same values the tests use).
  return (wheatY as number[]).join(',');
}

import { wheatY } from '../src/wheat.fixture.js';

const x10 = [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1];
const cases: { name: string; run: () => void; reps: number }[] = [
  {
    name: 'Nelder–Mead, moths (71 evals)',
    run: () => nelderMead(mothNegLogLik, [0.3, 0.3]),
    reps: 2000,
  },
  {
    name: 'BFGS, 10-D Rosenbrock (312/106 evals)',
    run: () => bfgs(rosenbrock, x10, rosenbrockGradient, { maxit: 1000 }),
    reps: 500,
  },
  {
    name: 'L-BFGS-B, wheat (16 f+g, numeric gradient)',
    run: () =>
      lbfgsb(wheatNegLogLik, [15, 1, 1], undefined, { lower: [Number.NEGATIVE_INFINITY, 0, 0] }),
    reps: 500,
  },
];

// Interleaved: ours, R, ours, R, ours; per case the median of our three and of R's two runs.
const oursRuns: Timing[][] = [];
const rRuns: Timing[][] = [];
for (let round = 0; round < 3; round++) {
  oursRuns.push(cases.map((c) => timePerCall(c.run, c.reps)));
  if (round < 2) {
    const r = timeR();
    if (r === null) break;
    rRuns.push(r);
  }
}
const pick = (runs: Timing[][], i: number, key: keyof Timing) =>
  median(runs.map((run) => run[i][key]));
console.log(
  '@likelihood/optim benchmarks (median ms per call; wall = elapsed, cpu = user + system time)',
);
console.log(
  'case'.padEnd(44),
  'ours wall'.padStart(10),
  'R wall'.padStart(9),
  'ratio'.padStart(7),
  'ours cpu'.padStart(10),
  'R cpu'.padStart(9),
  'ratio'.padStart(7),
);
cases.forEach((c, i) => {
  const cells: string[] = [];
  for (const key of ['wall', 'cpu'] as const) {
    const ours = pick(oursRuns, i, key);
    const r = rRuns.length > 0 ? pick(rRuns, i, key) : undefined;
    cells.push(
      ours.toFixed(4).padStart(10),
      (r === undefined ? 'n/a' : r.toFixed(3)).padStart(9),
      (r === undefined ? 'n/a' : `${(r / ours).toFixed(1)}x`).padStart(7),
    );
  }
  console.log(c.name.padEnd(44), ...cells);
});
if (rRuns.length === 0) console.log('Rscript not found: R timings skipped.');
