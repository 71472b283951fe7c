import type { InterpolationModel } from './bobyqa-model.js';

/** Scratch vectors of {@link boxTrustRegionStep} for n parameters, reused across its calls. */
export class TrustRegionWork {
  readonly fixed: Uint8Array;
  readonly g: Float64Array;
  readonly r: Float64Array;
  readonly p: Float64Array;
  readonly Hp: Float64Array;
  readonly gd: Float64Array;
  readonly x: Float64Array;
  constructor(n: number) {
    this.fixed = new Uint8Array(n);
    this.g = new Float64Array(n);
    this.r = new Float64Array(n);
    this.p = new Float64Array(n);
    this.Hp = new Float64Array(n);
    this.gd = new Float64Array(n);
    this.x = new Float64Array(n);
  }
}

/**
 * Approximate minimizer of the model Q(xopt + d) subject to ‖d‖ <= delta and
 * lower <= xopt + d <= upper (in the spirit of Powell's TRSBOX): truncated conjugate gradients
 * on the free variables; a variable that reaches a bound is fixed there and CG restarts; the
 * search stops on the trust-region boundary or when the reduced gradient vanishes.
 * Writes d into `d` (scratch in `work`) and returns the predicted reduction Q(xopt) − Q(xopt + d) (>= 0).
 */
export function boxTrustRegionStep(
  model: InterpolationModel,
  xopt: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  delta: number,
  d: Float64Array,
  work: TrustRegionWork = new TrustRegionWork(xopt.length),
): number {
  const n = xopt.length;
  const H = model.H;
  const { fixed, r, p, Hp, gd, x } = work;
  fixed.fill(0);
  const g = model.gradient(xopt, work.g);
  d.fill(0);
  for (let i = 0; i < n; i++) {
    if ((xopt[i] <= lower[i] && g[i] >= 0) || (xopt[i] >= upper[i] && g[i] <= 0)) fixed[i] = 1;
  }
  // gd: gradient of Q at xopt + d
  for (let restart = 0; restart <= n; restart++) {
    for (let i = 0; i < n; i++) {
      let s = g[i];
      for (let j = 0; j < n; j++) s += H[i * n + j] * d[j];
      gd[i] = s;
      r[i] = fixed[i] ? 0 : -s;
      p[i] = r[i];
    }
    let rr = 0;
    for (let i = 0; i < n; i++) rr += r[i] * r[i];
    if (rr === 0) break;
    let hitBound = false;
    let onBoundary = false;
    for (let iter = 0; iter < n && rr > 1e-30; iter++) {
      let pHp = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += H[i * n + j] * p[j];
        Hp[i] = s;
        pHp += p[i] * s;
      }
      // largest alpha with ‖d + alpha p‖ <= delta
      let dd = 0;
      let dp = 0;
      let pp = 0;
      for (let i = 0; i < n; i++) {
        dd += d[i] * d[i];
        dp += d[i] * p[i];
        pp += p[i] * p[i];
      }
      const disc = dp * dp + pp * (delta * delta - dd);
      const alphaTr = disc > 0 ? (Math.sqrt(disc) - dp) / pp : 0;
      // largest alpha keeping the free variables inside the box
      let alphaBd = Number.POSITIVE_INFINITY;
      let ibd = -1;
      for (let i = 0; i < n; i++) {
        if (fixed[i] || p[i] === 0) continue;
        const room = p[i] > 0 ? upper[i] - xopt[i] - d[i] : lower[i] - xopt[i] - d[i];
        const a = room / p[i];
        if (a < alphaBd) {
          alphaBd = Math.max(a, 0);
          ibd = i;
        }
      }
      let alpha = pHp > 0 ? rr / pHp : Number.POSITIVE_INFINITY;
      let kind = 0; // 0 interior CG step, 1 trust-region boundary, 2 box bound
      if (alphaTr <= alpha) {
        alpha = alphaTr;
        kind = 1;
      }
      if (alphaBd < alpha) {
        alpha = alphaBd;
        kind = 2;
      }
      for (let i = 0; i < n; i++) d[i] += alpha * p[i];
      if (kind === 2) {
        d[ibd] = p[ibd] > 0 ? upper[ibd] - xopt[ibd] : lower[ibd] - xopt[ibd];
        fixed[ibd] = 1;
        hitBound = true;
        break;
      }
      if (kind === 1) {
        onBoundary = true;
        break;
      }
      let rrNew = 0;
      for (let i = 0; i < n; i++) {
        if (!fixed[i]) r[i] -= alpha * Hp[i];
        rrNew += r[i] * r[i];
      }
      const beta = rrNew / rr;
      rr = rrNew;
      for (let i = 0; i < n; i++) p[i] = fixed[i] ? 0 : r[i] + beta * p[i];
    }
    if (!hitBound || onBoundary) break;
  }
  // keep d feasible against rounding
  for (let i = 0; i < n; i++) {
    const xi = Math.min(Math.max(xopt[i] + d[i], lower[i]), upper[i]);
    d[i] = xi - xopt[i];
  }
  for (let i = 0; i < n; i++) x[i] = xopt[i] + d[i];
  return Math.max(0, model.value(xopt) - model.value(x));
}
