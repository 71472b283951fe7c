import {
  type ThetaOptimizer,
  bobyqaTheta,
  formatLmmSummary,
  lmm,
  lmmFitToJson,
} from '@likelihood/lmm';
import { type Command, requireString } from '../command.js';
import { dataOptions, loadData } from '../data-source.js';
import { toJson } from '../json.js';
import { type Progress, createProgress } from '../progress.js';

/** lme4's default θ optimizer, reporting each deviance evaluation to `progress`. */
function withProgress(optimizer: ThetaOptimizer, progress: Progress): ThetaOptimizer {
  return (fn, par0, lower, upper) => {
    let evaluations = 0;
    return optimizer(
      (theta) => {
        const value = fn(theta);
        evaluations++;
        progress.tick(`${evaluations} deviance evaluations, objective ${value.toFixed(4)}`);
        return value;
      },
      par0,
      lower,
      upper,
    );
  };
}

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
    // a big fit shows its progress on stderr when that is a terminal (never on stdout)
    const progress = createProgress(io, 'likelihood lmm');
    const optimizer = withProgress(bobyqaTheta, progress);
    let fit: ReturnType<typeof lmm>;
    try {
      fit = lmm(formula, data, {
        reml: values.ml !== true,
        factors,
        optimizer,
        optimizerName: 'bobyqa',
      });
    } finally {
      progress.done();
    }
    if (values.json) {
      io.stdout(toJson(lmmFitToJson(fit)));
      return;
    }
    io.stdout(`${formatLmmSummary(fit, { dataName: dataset.name })}\n`);
    for (const w of fit.warnings) io.stderr(`Warning: ${w}\n`);
  },
};
