import { describe, expect, it } from 'vitest';
import { expectClose, lines } from './expect-close.js';
import { wheatSection } from './random-effects.js';

// Seed 001 (Hoff, STA 610) prints every line below; R 4.2.2 + lme4 1.1-31 on
// /work/shared/data/wheat.csv reproduces them (Rscript of the seed's code). The NELS section is
// checked in tour.test.ts, which runs the whole tour once (NELS takes seconds; run it once).
describe('wheat (seed 001)', () => {
  const s = wheatSection();
  const out = lines(s.text);
  const j = s.json as {
    methodOfMoments: { tau2: number; sigma2: number; mean: number };
    mllOneway: { value: number }[];
    optim: {
      par: number[];
      value: number;
      counts: { function: number; gradient: number };
      se: number[];
    };
    ml: { sigma: number; logLik: number };
    profileCI: { tau: number[]; sigma: number[]; mu: number[] };
  };

  it('method of moments', () => {
    expect(s.text).toContain('        1 \n0.3840768 \n        1 \n0.6197393 ');
    expect(s.text).toContain('[1] 1.787206\n[1] 1.336864');
    expect(s.text).toContain('> mean(y)\n[1] 16.3064');
    // 7 significant digits printed: half a unit in the last digit
    expectClose(j.methodOfMoments.tau2, 0.3840768, 0, 'tau2', 5e-8);
  });

  it("lmer's REML print", () => {
    expect(s.text).toContain(
      [
        "Linear mixed model fit by REML ['lmerMod']",
        'Formula: y ~ 1 + (1 | g)',
        'REML criterion at convergence: 177.9876',
        'Random effects:',
        ' Groups   Name        Std.Dev.',
        ' g        (Intercept) 0.6197  ',
        ' Residual             1.3369  ',
        'Number of obs: 50, groups:  g, 10',
        'Fixed Effects:',
        '(Intercept)  ',
        '      16.31  ',
      ].join('\n'),
    );
  });

  it("Hoff's brute-force likelihood and its L-BFGS-B maximum", () => {
    for (const v of ['[1] 88.58541', '[1] 101.3711', '[1] 88.71672', '[1] 88.62378']) {
      expect(out).toContain(v);
    }
    expect(s.text).toContain(
      '$par\n[1] 16.3063995  1.7872063  0.3099255\n\n$value\n[1] 88.5851\n\n$counts\nfunction gradient \n      16       16 ',
    );
    expect(s.text).toContain('[1] "CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH"');
    expect(s.text).toContain('[1] 0.2583344 0.3996312 0.3089705');
    expect(s.text).toContain('[1] 15.7897307  0.9879440 -0.3080154');
    expect(s.text).toContain('[1] 16.8230684  2.5864686  0.9278664');
    // same L-BFGS-B path as R (16/16 evaluations): printed digits, half a unit in the last
    expect(j.optim.counts).toEqual({ function: 16, gradient: 16 });
    expectClose(j.optim.par[2]!, 0.3099255, 0, 'tau2 hat', 5e-8);
    // the Hessian's diagonal agrees with R's to 7 digits (printed 1.498426e+01 6.710598e+00
    // 1.122654e+01); its off-diagonal mu entries (~1e-5) are finite-difference noise
    expect(s.text).toContain('[1,] 1.498426e+01');
  });

  it("lmer's ML summary", () => {
    for (const line of [
      '     AIC      BIC   logLik deviance df.resid ',
      '   183.2    188.9    -88.6    177.2       47 ',
      '-2.7913 -0.6035  0.1311  0.6520  1.7262 ',
      ' g        (Intercept) 0.3099   0.5567  ',
      ' Residual             1.7872   1.3369  ',
      '(Intercept)  16.3064     0.2583   63.12',
    ]) {
      expect(out).toContain(line);
    }
    // profiled ML and the brute-force maximum are the same MLE: 1e-9 relative on the log-lik
    expectClose(-j.ml.logLik, j.optim.value, 1e-9, 'ML two ways');
  });

  it('profile-likelihood intervals (confint(fit.wheat))', () => {
    // seed (lme4's spline-interpolated profile): .sig01 0 1.228364, .sigma 1.089911 1.693331,
    // (Intercept) 15.747322 16.865478. The exact roots (Rscript: uniroot on the brute-force
    // profile, optim factr = 1, tol 1e-12) are 1.228364523, 1.089914585, 1.693339384; we
    // solve the same equations: 1e-7 relative. lme4's spline is within 1e-5 of them.
    expect(j.profileCI.tau[0]).toBe(0);
    expectClose(j.profileCI.tau[1]!, 1.228364523, 1e-7, 'tau upper');
    expectClose(j.profileCI.sigma[0]!, 1.089914585, 1e-7, 'sigma lower');
    expectClose(j.profileCI.sigma[1]!, 1.693339384, 1e-7, 'sigma upper');
    expectClose(j.profileCI.tau[1]!, 1.228364, 1e-5, 'tau upper vs seed');
    expectClose(j.profileCI.sigma[1]!, 1.693331, 1e-5, 'sigma upper vs seed');
    expectClose(j.profileCI.mu[0]!, 15.747322, 1e-6, 'mu lower vs seed');
    expectClose(j.profileCI.mu[1]!, 16.865478, 1e-6, 'mu upper vs seed');
    expect(out).toContain('.sig01       0.000000  1.228365');
  });
});
