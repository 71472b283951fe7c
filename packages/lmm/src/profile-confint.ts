import { nelderMeadBounded } from '@likelihood/optim';
import { qnorm } from '@likelihood/glm';
import { refitML } from './anova.js';
import { lmeParameters } from './bootstrap.js';
import type { LmmConfint } from './confint.js';
import { LmmInputError } from './errors.js';
import type { LmmFit } from './lmm-fit.js';
import { plsSolution } from './pls-solution.js';
import { factorSummary, lmmDeviance } from './profiled-deviance.js';
import type { ReTerm } from './re-terms.js';

/**
 * Maps lme4's profiling parameters φ = (per term, in θ order: sd on the diagonal, correlation
 * below; then σ) to θ: Λ_k = chol(D_k C_k D_k)/σ. Returns false when C_k is not PSD.
 */
function phiToTheta(
  terms: readonly ReTerm[],
  phi: ArrayLike<number>,
  theta: Float64Array,
): boolean {
  const sigma = phi[phi.length - 1]!;
  if (!(sigma > 0)) return false;
  for (const t of terms) {
    const p = t.p;
    const sd = new Float64Array(p);
    const S = new Float64Array(p * p);
    let k = t.thetaOffset;
    const idx: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let j = 0; j < p; j++) for (let i = j; i < p; i++) idx[i]![j] = k++;
    for (let i = 0; i < p; i++) sd[i] = phi[idx[i]![i]!]!;
    for (let j = 0; j < p; j++)
      for (let i = j; i < p; i++) {
        const c = i === j ? 1 : phi[idx[i]![j]!]!;
        if (c < -1 || c > 1) return false;
        S[i + j * p] = (c * sd[i]! * sd[j]!) / (sigma * sigma);
      }
    // PSD Cholesky (zero pivots allowed)
    for (let j = 0; j < p; j++) {
      let d = S[j + j * p]!;
      for (let c = 0; c < j; c++) d -= S[j + c * p]! ** 2;
      if (d < -1e-12) return false;
      const l = Math.sqrt(Math.max(d, 0));
      S[j + j * p] = l;
      for (let i = j + 1; i < p; i++) {
        let s = S[i + j * p]!;
        for (let c = 0; c < j; c++) s -= S[i + c * p]! * S[j + c * p]!;
        S[i + j * p] = l > 0 ? s / l : 0;
      }
    }
    for (let j = 0; j < p; j++) for (let i = j; i < p; i++) theta[idx[i]![j]!] = S[i + j * p]!;
  }
  return true;
}

/** Finds x in [a, b] with g(a) < 0 < g(b) (or reversed) by the Illinois method, to 1e-9 relative. */
function findRoot(g: (x: number) => number, a: number, b: number, ga: number, gb: number): number {
  let side = 0;
  for (let it = 0; it < 100; it++) {
    const c = (a * gb - b * ga) / (gb - ga);
    if (Math.abs(b - a) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-3)) return c;
    const gc = g(c);
    if (gc === 0) return c;
    if (Math.sign(gc) === Math.sign(gb)) {
      b = c;
      gb = gc;
      if (side === 1) ga /= 2;
      side = 1;
    } else {
      a = c;
      ga = gc;
      if (side === -1) gb /= 2;
      side = -1;
    }
  }
  return (a + b) / 2;
}

/**
 * Profile-likelihood intervals as lme4's `confint(fit, method = "profile")`: each parameter of
 * {@link lmeParameters} (sd/cor of each term, σ, fixed effects) is fixed on a line, the ML
 * deviance minimized over the others (σ and β analytically where possible), and the interval
 * is where the signed root ζ(ψ) = sign(ψ − ψ̂)·√(dev(ψ) − dev(ψ̂)) equals ±z_{(1+level)/2}.
 * As lme4, REML fits are profiled on the ML deviance (lme4's `devfun2` calls `refitML`).
 * Limits are found exactly by root finding (lme4 interpolates a spline through its profile).
 */
export function confintProfile(fit0: LmmFit, level = 0.95): LmmConfint {
  if (!(level > 0 && level < 1))
    throw new LmmInputError('level', `must be in (0, 1), got ${level}`);
  const fit = refitML(fit0);
  const sys = fit.system;
  const { n, terms } = sys;
  const dev = lmmDeviance(sys, false);
  const z = qnorm((1 + level) / 2);
  const { names, values } = lmeParameters(fit);
  const nvar = names.length - fit.colnames.length;
  const theta = new Float64Array(fit.theta.length);
  const devPhi = (phi: ArrayLike<number>): number => {
    if (!phiToTheta(terms, phi, theta)) return Number.POSITIVE_INFINITY;
    if (!Number.isFinite(dev.objective(theta))) return Number.POSITIVE_INFINITY;
    const s = factorSummary(sys, dev.factor);
    const s2 = phi[phi.length - 1]! ** 2;
    return n * Math.log(2 * Math.PI * s2) + s.pwrss / s2 + s.logDetL2;
  };
  const dev0 = fit.objective;
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  // lower/upper bounds of each φ: sd ≥ 0, cor in [−1, 1], σ > 0
  const lo = new Float64Array(nvar);
  const hi = new Float64Array(nvar).fill(Number.POSITIVE_INFINITY);
  names.slice(0, nvar).forEach((nm, k) => {
    if (nm.startsWith('cor_')) {
      lo[k] = -1;
      hi[k] = 1;
    } else lo[k] = nm === 'sigma' ? 1e-8 : 0;
  });

  for (let k = 0; k < names.length; k++) {
    let zeta: (x: number) => number;
    let step: number;
    let bounds: [number, number];
    const est = values[k]!;
    if (k < nvar) {
      const free = Array.from({ length: nvar }, (_, i) => i).filter((i) => i !== k);
      let warm = Float64Array.from(free.map((i) => values[i]!));
      const flo = Float64Array.from(free.map((i) => lo[i]!));
      const fhi = Float64Array.from(free.map((i) => hi[i]!));
      const phi = Float64Array.from(values.slice(0, nvar));
      zeta = (x: number) => {
        phi[k] = x;
        let best: number;
        if (free.length === 0) best = devPhi(phi);
        else {
          const fn = (v: Float64Array) => {
            free.forEach((i, j) => {
              phi[i] = v[j]!;
            });
            return devPhi(phi);
          };
          const start = Float64Array.from(warm, (v, j) => Math.min(fhi[j]!, Math.max(flo[j]!, v)));
          const r = nelderMeadBounded(fn, start, { lower: flo, upper: fhi });
          best = r.value;
          warm = Float64Array.from(r.par);
        }
        return Math.sign(x - est) * Math.sqrt(Math.max(0, best - dev0));
      };
      step = names[k]!.startsWith('cor_') ? 0.25 : Math.max(0.25 * Math.abs(est), 1e-3 * fit.sigma);
      bounds = [lo[k]!, hi[k]!];
    } else {
      const j = k - nvar;
      const flo = Float64Array.from(fit.thetaLower);
      const fhi = new Float64Array(flo.length).fill(Number.POSITIVE_INFINITY);
      let warm = Float64Array.from(fit.theta);
      zeta = (b: number) => {
        const fn = (th: Float64Array) => {
          const v = dev.objective(th);
          if (!Number.isFinite(v)) return v;
          const s = factorSummary(sys, dev.factor);
          const beta = plsSolution(sys, dev.factor).beta;
          const r2 = s.pwrss + (b - beta[j]!) ** 2 / unscaledVar(sys, dev.factor.Lrr, j);
          return s.logDetL2 + n * (1 + Math.log((2 * Math.PI * r2) / n));
        };
        const r = nelderMeadBounded(fn, warm, { lower: flo, upper: fhi });
        warm = Float64Array.from(r.par);
        return Math.sign(b - est) * Math.sqrt(Math.max(0, r.value - dev0));
      };
      step = fit.coefficients[j]!.stdError;
      bounds = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    }
    for (const dir of [-1, 1]) {
      const target = dir * z;
      const g = (x: number) => zeta(x) - target;
      // walk out from ψ̂ (where g = −target) doubling the step until g changes sign
      const bound = dir < 0 ? bounds[0] : bounds[1];
      let xin = est;
      let gin = -target;
      let h = step;
      let limit: number | null = null;
      for (let it = 0; it < 60 && limit === null; it++) {
        let x = est + dir * h;
        const atBound = dir < 0 ? x <= bound : x >= bound;
        if (atBound) x = bound;
        const gx = g(x);
        if (dir * gx >= 0) limit = findRoot(g, xin, x, gin, gx);
        else if (atBound)
          limit = bound; // the profile stays within ±z up to the bound
        else {
          xin = x;
          gin = gx;
          h *= 2;
        }
      }
      if (dir < 0) lower.push(limit);
      else upper.push(limit);
    }
  }
  return { names, lower, upper, level };
}

/** (R_X R_Xᵀ)⁻¹_jj from the X rows of the rest block. */
function unscaledVar(
  sys: { p: number; m: number; qRest: number },
  Lrr: Float64Array,
  j: number,
): number {
  const { p, m, qRest } = sys;
  // column j of R⁻¹ (R lower): solve R x = e_j, then Σ_r x_r²
  const x = new Float64Array(p);
  let s = 0;
  for (let r = j; r < p; r++) {
    let v = r === j ? 1 : 0;
    for (let c = j; c < r; c++) v -= Lrr[qRest + r + (qRest + c) * m]! * x[c]!;
    x[r] = v / Lrr[qRest + r + (qRest + r) * m]!;
    s += x[r]! * x[r]!;
  }
  return s;
}
