import { formatLmmSummary, lmm } from '@likelihood/lmm';
import { type Command, requireString } from '../command.js';
import { dataOptions, loadData } from '../data-source.js';
import { jsonNumber } from './fit-options.js';

export const lmmCommand: Command = {
  name: 'lmm',
  summary: "Fit a linear mixed model (lme4's lmer): REML by default, ML with --ml.",
  usage:
    'likelihood lmm (--data F.csv | --dataset name) --formula "y ~ x + (x | g)" [--ml] [--factor col,…] [--json]',
  example:
    'likelihood lmm --dataset sleepstudy --formula "Reaction ~ Days + (Days | Subject)" --json',
  options: {
    ...dataOptions,
    formula: {
      type: 'string',
      placeholder: '"y ~ x + (x | g)"',
      description: 'lme4 formula: (1|g), (x|g), (x||g), (1|a/b), (1|a) + (1|b)…',
    },
    ml: { type: 'boolean', description: 'maximum likelihood instead of REML' },
    json: { type: 'boolean', description: 'print one JSON document' },
  },
  async run(values, io) {
    const formula = requireString(values, 'formula');
    const { data, factors, dataset } = await loadData(values);
    const fit = lmm(formula, data, { reml: values.ml !== true, factors });
    if (values.json) {
      const varCorr = fit.varCorr.flatMap((g) =>
        g.terms.map((term, i) => ({
          group: g.group,
          term,
          variance: g.variances[i]!,
          sd: g.sds[i]!,
        })),
      );
      varCorr.push({ group: 'Residual', term: '', variance: fit.sigma * fit.sigma, sd: fit.sigma });
      const correlations = fit.varCorr.flatMap((g) =>
        g.terms.flatMap((t1, i) =>
          g.terms.slice(i + 1).map((t2, k) => ({
            group: g.group,
            term1: t1,
            term2: t2,
            corr: g.correlation.get(i, i + 1 + k),
          })),
        ),
      );
      const ranef: Record<
        string,
        { levels: readonly string[]; terms: readonly string[]; values: number[][] }
      > = {};
      for (const r of fit.ranef) {
        ranef[r.group] = {
          levels: r.levels,
          terms: r.terms,
          values: r.values.map((v) => Array.from(v)),
        };
      }
      const doc = {
        fixef: fit.coefficients.map((c) => ({
          term: c.term,
          estimate: c.estimate,
          stdError: c.stdError,
          statistic: c.tValue,
        })),
        varCorr,
        correlations,
        sigma: fit.sigma,
        theta: Array.from(fit.theta),
        logLik: fit.logLik,
        deviance: fit.deviance,
        remlCriterion: fit.remlCriterion === null ? null : jsonNumber(fit.remlCriterion),
        aic: fit.aic,
        bic: fit.bic,
        dfResid: fit.dfResid,
        nobs: fit.nobs,
        ngroups: fit.ngroups,
        ranef,
        singular: fit.singular,
        converged: fit.optimizer.converged,
        iterations: fit.optimizer.evaluations,
        warnings: fit.warnings,
      };
      io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
      return;
    }
    io.stdout(`${formatLmmSummary(fit, { dataName: dataset.name })}\n`);
    for (const w of fit.warnings) io.stderr(`Warning: ${w}\n`);
  },
};
