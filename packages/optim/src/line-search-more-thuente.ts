/**
 * The Moré–Thuente line search (MINPACK-2 `dcsrch`/`dcstep`) as a resumable state machine, the
 * one L-BFGS-B uses. It finds a step satisfying
 *   f(stp) <= f(0) + ftol·stp·f'(0)   and   |f'(stp)| <= gtol·|f'(0)|.
 * Call {@link MoreThuente.start} with f(0), f'(0) and a first step, then evaluate f and f' at
 * `stp` and call {@link MoreThuente.next} until the returned task is not `'FG'`.
 */
export type LineSearchTask =
  | 'FG'
  | 'CONVERGENCE'
  | 'WARNING: ROUNDING ERRORS PREVENT PROGRESS'
  | 'WARNING: XTOL TEST SATISFIED'
  | 'WARNING: STP = STPMAX'
  | 'WARNING: STP = STPMIN'
  | 'ERROR';

export class MoreThuente {
  stp = 0;
  private brackt = false;
  private stage = 1;
  private finit = 0;
  private ginit = 0;
  private gtest = 0;
  private width = 0;
  private width1 = 0;
  private stx = 0;
  private fx = 0;
  private gx = 0;
  private sty = 0;
  private fy = 0;
  private gy = 0;
  private stmin = 0;
  private stmax = 0;

  constructor(
    private readonly ftol: number,
    private readonly gtol: number,
    private readonly xtol: number,
    private stpmin: number,
    private stpmax: number,
  ) {}

  /** Initialize with f(0), f'(0) (< 0) and the first trial step. */
  start(f: number, g: number, stp: number, stpmin: number, stpmax: number): LineSearchTask {
    this.stpmin = stpmin;
    this.stpmax = stpmax;
    this.stp = stp;
    if (stp < stpmin || stp > stpmax || g >= 0 || stpmax < stpmin) return 'ERROR';
    this.brackt = false;
    this.stage = 1;
    this.finit = f;
    this.ginit = g;
    this.gtest = this.ftol * g;
    this.width = stpmax - stpmin;
    this.width1 = this.width / 0.5;
    this.stx = 0;
    this.fx = f;
    this.gx = g;
    this.sty = 0;
    this.fy = f;
    this.gy = g;
    this.stmin = 0;
    this.stmax = stp + stp * 4;
    return 'FG';
  }

  /** Continue with f(stp) and f'(stp); updates `stp`. */
  next(f: number, g: number): LineSearchTask {
    const ftest = this.finit + this.stp * this.gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;
    let task: LineSearchTask = 'FG';
    if (this.brackt && (this.stp <= this.stmin || this.stp >= this.stmax)) {
      task = 'WARNING: ROUNDING ERRORS PREVENT PROGRESS';
    }
    if (this.brackt && this.stmax - this.stmin <= this.xtol * this.stmax) {
      task = 'WARNING: XTOL TEST SATISFIED';
    }
    if (this.stp === this.stpmax && f <= ftest && g <= this.gtest) task = 'WARNING: STP = STPMAX';
    if (this.stp === this.stpmin && (f > ftest || g >= this.gtest)) task = 'WARNING: STP = STPMIN';
    if (f <= ftest && Math.abs(g) <= this.gtol * -this.ginit) task = 'CONVERGENCE';
    if (task !== 'FG') return task;

    if (this.stage === 1 && f <= this.fx && f > ftest) {
      // modified function psi(stp) = f(stp) − f(0) − ftol·stp·f'(0) in the first stage
      const gtest = this.gtest;
      const fm = f - this.stp * gtest;
      let fxm = this.fx - this.stx * gtest;
      let fym = this.fy - this.sty * gtest;
      const gm = g - gtest;
      let gxm = this.gx - gtest;
      let gym = this.gy - gtest;
      const s = this.step(this.stx, fxm, gxm, this.sty, fym, gym, this.stp, fm, gm);
      fxm = s.fx;
      gxm = s.dx;
      fym = s.fy;
      gym = s.dy;
      this.fx = fxm + this.stx * gtest;
      this.fy = fym + this.sty * gtest;
      this.gx = gxm + gtest;
      this.gy = gym + gtest;
    } else {
      const s = this.step(this.stx, this.fx, this.gx, this.sty, this.fy, this.gy, this.stp, f, g);
      this.fx = s.fx;
      this.gx = s.dx;
      this.fy = s.fy;
      this.gy = s.dy;
    }
    if (this.brackt) {
      if (Math.abs(this.sty - this.stx) >= this.width1 * 0.66) {
        this.stp = this.stx + (this.sty - this.stx) * 0.5;
      }
      this.width1 = this.width;
      this.width = Math.abs(this.sty - this.stx);
    }
    if (this.brackt) {
      this.stmin = Math.min(this.stx, this.sty);
      this.stmax = Math.max(this.stx, this.sty);
    } else {
      this.stmin = this.stp + (this.stp - this.stx) * 1.1;
      this.stmax = this.stp + (this.stp - this.stx) * 4;
    }
    if (this.stp < this.stpmin) this.stp = this.stpmin;
    if (this.stp > this.stpmax) this.stp = this.stpmax;
    if (
      (this.brackt && (this.stp <= this.stmin || this.stp >= this.stmax)) ||
      (this.brackt && this.stmax - this.stmin <= this.xtol * this.stmax)
    ) {
      this.stp = this.stx;
    }
    return 'FG';
  }

  /**
   * `dcstep`: safeguarded cubic/quadratic step; updates the bracket [stx, sty] (this.stx,
   * this.sty, this.brackt, this.stp) and returns the updated function/derivative values.
   */
  private step(
    stx: number,
    fx: number,
    dx: number,
    sty: number,
    fy: number,
    dy: number,
    stp: number,
    fp: number,
    dp: number,
  ): { fx: number; dx: number; fy: number; dy: number } {
    const stpmin = this.stmin;
    const stpmax = this.stmax;
    const sgnd = dp * (dx / Math.abs(dx));
    let stpf: number;
    if (fp > fx) {
      const theta = ((fx - fp) * 3) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      const ts = theta / s;
      let gamm = s * Math.sqrt(ts * ts - (dx / s) * (dp / s));
      if (stp < stx) gamm = -gamm;
      const p = gamm - dx + theta;
      const q = gamm - dx + gamm + dp;
      const r = p / q;
      const stpc = stx + r * (stp - stx);
      const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
      stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
      this.brackt = true;
    } else if (sgnd < 0) {
      const theta = ((fx - fp) * 3) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      const ts = theta / s;
      let gamm = s * Math.sqrt(ts * ts - (dx / s) * (dp / s));
      if (stp > stx) gamm = -gamm;
      const p = gamm - dp + theta;
      const q = gamm - dp + gamm + dx;
      const r = p / q;
      const stpc = stp + r * (stx - stp);
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      this.brackt = true;
    } else if (Math.abs(dp) < Math.abs(dx)) {
      const theta = ((fx - fp) * 3) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      const ts = theta / s;
      const disc = ts * ts - (dx / s) * (dp / s);
      let gamm = disc < 0 ? 0 : s * Math.sqrt(disc);
      if (stp > stx) gamm = -gamm;
      const p = gamm - dp + theta;
      const q = gamm + (dx - dp) + gamm;
      const r = p / q;
      let stpc: number;
      if (r < 0 && gamm !== 0) stpc = stp + r * (stx - stp);
      else if (stp > stx) stpc = stpmax;
      else stpc = stpmin;
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      if (this.brackt) {
        stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
        const bound = stp + (sty - stp) * 0.66;
        stpf = stp > stx ? Math.min(bound, stpf) : Math.max(bound, stpf);
      } else {
        stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
        stpf = Math.min(stpmax, stpf);
        stpf = Math.max(stpmin, stpf);
      }
    } else if (this.brackt) {
      const theta = ((fp - fy) * 3) / (sty - stp) + dy + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
      const ts = theta / s;
      let gamm = s * Math.sqrt(ts * ts - (dy / s) * (dp / s));
      if (stp > sty) gamm = -gamm;
      const p = gamm - dp + theta;
      const q = gamm - dp + gamm + dy;
      const r = p / q;
      stpf = stp + r * (sty - stp);
    } else {
      stpf = stp > stx ? stpmax : stpmin;
    }
    let out: { fx: number; dx: number; fy: number; dy: number };
    if (fp > fx) {
      this.sty = stp;
      out = { fx, dx, fy: fp, dy: dp };
    } else {
      if (sgnd < 0) {
        this.sty = stx;
        fy = fx;
        dy = dx;
      }
      this.stx = stp;
      out = { fx: fp, dx: dp, fy, dy };
    }
    this.stp = stpf;
    return out;
  }
}
