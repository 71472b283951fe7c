import { describe, expect, it } from 'vitest';
import { readCsv, num, factor, ones, design, expectClose } from './csv.test-helper.js';
import { buildLmmSystem } from './lmm-system.js';
import { lmmDeviance } from './profiled-deviance.js';
import { prepareReTerms } from './re-terms.js';

describe('profiled deviance vs lme4 devFunOnly', () => {
  it('sleepstudy (Days|Subject) at theta init and at theta hat', () => {
    const d = readCsv('sleepstudy.csv');
    const y = num(d.Reaction!);
    const days = num(d.Days!);
    const n = y.length;
    const terms = prepareReTerms(
      [
        {
          group: factor('Subject', d.Subject!),
          Zcols: [ones(n), days],
          termNames: ['(Intercept)', 'Days'],
        },
      ],
      n,
    );
    const sys = buildLmmSystem(terms, design([ones(n), days]), y);
    const reml = lmmDeviance(sys, true).objective;
    expectClose(reml([1, 0, 1]), 1773.6803306160002, 1e-12);
    expectClose(
      reml([0.9667417739674123, 0.015169058896036137, 0.23090995320779453]),
      1743.628271959952,
      1e-12,
    );
  });
  it('penicillin crossed at theta init', () => {
    const d = readCsv('Penicillin.csv');
    const y = num(d.diameter!);
    const n = y.length;
    const terms = prepareReTerms(
      [
        { group: factor('plate', d.plate!), Zcols: [ones(n)], termNames: ['(Intercept)'] },
        { group: factor('sample', d.sample!), Zcols: [ones(n)], termNames: ['(Intercept)'] },
      ],
      n,
    );
    const sys = buildLmmSystem(terms, design([ones(n)]), y);
    const ml = lmmDeviance(sys, false).objective;
    expectClose(ml([1, 1]), 364.62677981661045, 1e-12);
    expectClose(ml([1.5375942803352225, 3.219756224355898]), 332.1883486685138, 1e-12);
  });
});

describe('vector-valued term in the dense rest block', () => {
  // R: sleepstudy$g <- factor(rep(1:60, each = 3));
  // f <- lmer(Reaction ~ Days + (Days|Subject) + (1|g), sleepstudy, REML = TRUE/FALSE, devFunOnly = TRUE)
  // theta order (lme4 sorts by levels): g.(Intercept), Subject.(Intercept), Subject.Days.(Intercept), Subject.Days
  it('matches lme4 devfun at arbitrary theta (1e-12 relative: same arithmetic up to rounding)', () => {
    const d = readCsv('sleepstudy.csv');
    const y = num(d.Reaction!);
    const days = num(d.Days!);
    const n = y.length;
    const g = Array.from({ length: n }, (_, i) => String(Math.floor(i / 3) + 1));
    const terms = prepareReTerms(
      [
        {
          group: factor('Subject', d.Subject!),
          Zcols: [ones(n), days],
          termNames: ['(Intercept)', 'Days'],
        },
        { group: factor('g', g), Zcols: [ones(n)], termNames: ['(Intercept)'] },
      ],
      n,
    );
    const sys = buildLmmSystem(terms, design([ones(n), days]), y);
    const reml = lmmDeviance(sys, true).objective;
    const ml = lmmDeviance(sys, false).objective;
    expectClose(reml([0.5, 0.8, -0.3, 0.2]), 1760.5873153088667, 1e-12);
    expectClose(reml([1, 1, 0, 1]), 1766.4234805967294, 1e-12);
    expectClose(ml([0.5, 0.8, -0.3, 0.2]), 1768.7886426773828, 1e-12);
  });
});

describe('vector-valued terms in both the first block and the rest block', () => {
  // R: sleepstudy$g <- factor(rep(1:45, each = 4));
  // f <- lmer(Reaction ~ Days + (Days|Subject) + (Days|g), sleepstudy, REML = TRUE, devFunOnly = TRUE)
  // theta order: g.(Intercept), g.Days.(Intercept), g.Days, Subject.(Intercept), Subject.Days.(Intercept), Subject.Days
  it('matches lme4 devfun (1e-12 relative)', () => {
    const d = readCsv('sleepstudy.csv');
    const y = num(d.Reaction!);
    const days = num(d.Days!);
    const n = y.length;
    const g = Array.from({ length: n }, (_, i) => String(Math.floor(i / 4) + 1).padStart(2, '0'));
    const terms = prepareReTerms(
      [
        {
          group: factor('Subject', d.Subject!),
          Zcols: [ones(n), days],
          termNames: ['(Intercept)', 'Days'],
        },
        { group: factor('g', g), Zcols: [ones(n), days], termNames: ['(Intercept)', 'Days'] },
      ],
      n,
    );
    expect(terms.map((t) => t.group.name)).toEqual(['g', 'Subject']);
    const sys = buildLmmSystem(terms, design([ones(n), days]), y);
    const reml = lmmDeviance(sys, true).objective;
    expectClose(reml([0.4, -0.2, 0.3, 0.9, 0.1, 0.25]), 1770.2050017882291, 1e-12);
    expectClose(reml([1, 0, 1, 1, 0, 1]), 1845.5154662828008, 1e-12);
  });
});
