/**
 * What `generate.ts` bundles: for each data set its source file, how it is read (which columns
 * are factors, their level order), and its documentation (provenance, licence, variables and
 * units), taken from /work/shared/data/SOURCES.md, /work/shared/data/r/README.md, the R help
 * pages of the source packages, and the source texts.
 */

export interface CatalogEntry {
  /** Export name, e.g. `sleepstudy`. */
  readonly name: string;
  /** Module file name under src/data (kebab-case, without `.ts`). */
  readonly file: string;
  /** CSV path relative to the data root (/work/shared/data), or inline CSV text. */
  readonly csv: { readonly path: string } | { readonly text: string };
  /** Name of the entry in r/factor_levels.json whose level orders apply. */
  readonly rLevels?: string;
  /** Numeric-looking columns that are factors (levels then sorted as R sorts strings). */
  readonly factors?: readonly string[];
  /** Explicit level orders. */
  readonly levels?: Readonly<Record<string, readonly string[]>>;
  /** Ship compressed and load lazily (large data sets). */
  readonly lazy?: boolean;
  readonly title: string;
  readonly source: string;
  readonly license: string;
  /** Description of each column: meaning and units. */
  readonly variables: Readonly<Record<string, string>>;
  /** Extra notes (e.g. how a column differs from the R original). */
  readonly notes?: string;
}

const GPL2 = 'GPL (>= 2), as distributed in the R package';
const R_BASE = 'Part of R (GPL-2 | GPL-3), as distributed in the R package datasets 4.2.2';

export const catalog: readonly CatalogEntry[] = [
  {
    name: 'moths',
    file: 'moths',
    csv: { text: 'phenotype,count\ncarbonaria,85\ninsularia,196\ntypica,341\n' },
    levels: { phenotype: ['carbonaria', 'insularia', 'typica'] },
    title: 'Peppered moths: phenotype counts (carbonaria, insularia, typica)',
    source:
      'N. R. Hansen, "Computational Statistics with R" (CSwR), Section 6.2.1 "Peppered Moths" ' +
      '(repository nielsrhansen/CSwR): x <- c(85, 196, 341). Phenotypes C (black, carbonaria: ' +
      'genotypes CC, CI, CT), I (mottled, insularia: II, IT) and T (light, typica: TT); the ' +
      'allele frequencies are fitted by a collapsed multinomial with Hardy-Weinberg cells.',
    license:
      'CC BY-NC-ND 4.0 (licence text of the CSwR repository; the book is published by Chapman & Hall/CRC)',
    variables: {
      phenotype:
        'colour phenotype: carbonaria (C, black), insularia (I, mottled), typica (T, light)',
      count: 'number of moths observed with that phenotype',
    },
  },
  {
    name: 'vegetables',
    file: 'vegetables',
    csv: { path: 'vegetables.csv' },
    factors: ['store'],
    title: 'Frozen vegetables sold per store in a campaign week (CSwR)',
    source:
      'CSwR, data/vegetables.csv (nielsrhansen/CSwR, commit b4cb881, 2018-09-30), from a major ' +
      'Swedish supermarket chain; read as in the book, read_csv(..., col_types = cols(store = "c")).',
    license:
      'CC BY-NC-ND 4.0 (licence text added to the CSwR repository, branch add-license); the book is published by Chapman & Hall/CRC',
    variables: {
      sale: 'number of bags of frozen vegetables sold in the store in the campaign week',
      normalSale: 'predicted number of bags sold in a normal week (from historic sales)',
      store:
        'store id, a factor with 352 levels sorted as strings ("1" < "10" < "100" < ...), as R sorts a character column',
    },
  },
  {
    name: 'ceb',
    file: 'ceb',
    csv: { path: 'ceb.csv' },
    title: 'Children ever born, Fiji Fertility Survey, grouped by duration, residence, education',
    source:
      'G. Rodriguez, WWS 509 (data.princeton.edu/wws509/datasets/#ceb), from the Fiji Fertility ' +
      'Survey (World Fertility Survey; Little 1978, WFS Technical Bulletin 5); file ceb.dat of ' +
      'statsmodels (commit 64febc7), converted to CSV (cell number dropped). 70 cells (cell 68 is empty).',
    license:
      'May be used for academic research, with credit to the Fiji Bureau of Statistics (terms quoted in statsmodels, BSD-3)',
    variables: {
      dur: 'marriage duration in years, factor: levels "0-4", "10-14", "15-19", "20-24", "25-29", "5-9" (R\'s sorted order, as in the source text\'s glm output)',
      res: 'place of residence, factor: rural, Suva (the capital), urban',
      educ: 'education, factor: lower (lower primary), none, sec+ (secondary or higher), upper (upper primary)',
      mean: 'mean number of children ever born in the cell',
      var: 'variance of the number of children ever born in the cell',
      n: 'number of women in the cell',
      y: 'total children ever born in the cell, mean * n (not an integer: mean is rounded)',
    },
  },
  {
    name: 'wheat',
    file: 'wheat',
    csv: { path: 'wheat.csv' },
    // R's as.factor(g) on the integer column: levels in numeric order.
    levels: { g: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] },
    title: 'Wheat yields, 10 regions x 5 plots (Hoff, STA 610)',
    source:
      'P. Hoff, Duke STA 610 slides s2ANOVA.pdf (repository pdhoff/pdhoff.github.io, commit ' +
      '543379f, backups/s2ANOVA.pdf): values transcribed from the printed R output (two decimals, exact).',
    license: 'none stated (personal course website)',
    variables: {
      y: 'yield of the plot',
      g: 'region, a factor with levels "1", "2", ..., "10" in numeric order, as R\'s as.factor(g) gives them (the file stores integers; the source text uses as.factor(g) and (1|g))',
    },
  },
  {
    name: 'nels',
    file: 'nels',
    csv: { path: 'nels.csv' },
    factors: ['school'],
    lazy: true,
    title: 'NELS:88 math scores of 12974 students in 684 schools (Hoff, STA 610)',
    source:
      'National Education Longitudinal Study of 1988, as used in Duke STA 610 (repository ' +
      'STA-610-F21/Website, static/slides/data/nels.Rdata, commit 823af85); CSV written by R write.csv.',
    license: 'none stated (course website); NELS:88 is a public-use file of the US NCES',
    variables: {
      school: 'school id, a factor with 684 levels (as in nels.Rdata)',
      enroll: 'school enrolment size, coded 0..5 (the source does not document the coding)',
      flp: "share of the school's students in the free-lunch programme, coded 1..3 (the source does not document the coding)",
      public: 'school type: 1 = public, 0 = private',
      urbanicity: 'school location, factor: rural, suburban, urban',
      hwh: 'homework hours per week reported by the student (0..21)',
      ses: 'socio-economic status score of the student (standardized)',
      mscore: 'mathematics test score',
    },
  },
  {
    name: 'bonds',
    file: 'bonds',
    csv: { path: 'bonds.csv' },
    factors: ['ingot'],
    title: 'Bond strength: 3 metals x 7 ingots (SASmixed Bond)',
    source:
      'R package SASmixed 1.0-5, data Bond (cran/SASmixed, data/Bond.rda), from Littell, Milliken, ' +
      'Stroup & Wolfinger, "SAS System for Mixed Models", Example 1.2.4; columns renamed to lower case.',
    license: `${GPL2} SASmixed`,
    variables: {
      ingot: 'ingot (random block), factor with levels "1".."7"',
      metal: 'metal, factor: c (copper), i (iron), n (nickel)',
      pressure: 'pressure required to break the bond between two pieces of metal',
    },
  },
  {
    name: 'machines',
    file: 'machines',
    csv: { path: 'r/Machines.csv' },
    rLevels: 'Machines',
    title: 'Productivity scores of 6 workers on 3 machines, 3 replicates (nlme Machines)',
    source:
      'R package nlme 3.1-162, data Machines; Milliken & Johnson (1992), "Analysis of Messy Data", Vol. 1.',
    license: `${GPL2} nlme`,
    variables: {
      Worker:
        'worker id, ORDERED factor with levels 6 < 2 < 4 < 1 < 3 < 5 (by mean score), so lm/glm use polynomial contrasts',
      Machine: 'machine brand, factor: A, B, C',
      score:
        'productivity score (overall productivity, accounting for number and quality of components produced)',
    },
  },
  {
    name: 'sleepstudy',
    file: 'sleepstudy',
    csv: { path: 'r/sleepstudy.csv' },
    rLevels: 'sleepstudy',
    title: 'Reaction times under sleep deprivation, 18 subjects x 10 days (lme4 sleepstudy)',
    source:
      'R package lme4 1.1-31, data sleepstudy; Belenky et al. (2003), J. Sleep Research 12, 1-12.',
    license: `${GPL2} lme4`,
    variables: {
      Reaction: 'average reaction time (ms)',
      Days: 'number of days of sleep deprivation (0 = baseline)',
      Subject: 'subject number, factor with 18 levels',
    },
  },
  {
    name: 'dyestuff',
    file: 'dyestuff',
    csv: { path: 'r/Dyestuff.csv' },
    rLevels: 'Dyestuff',
    title: 'Yield of dyestuff from 6 batches of an intermediate product (lme4 Dyestuff)',
    source:
      'R package lme4 1.1-31, data Dyestuff; Davies (1947), Box & Tiao (1973), "Bayesian Inference in Statistical Analysis".',
    license: `${GPL2} lme4`,
    variables: {
      Batch: 'batch of intermediate product, factor: A..F',
      Yield: 'yield of dyestuff (grams of standard colour)',
    },
  },
  {
    name: 'dyestuff2',
    file: 'dyestuff2',
    csv: { path: 'r/Dyestuff2.csv' },
    rLevels: 'Dyestuff2',
    title: 'Simulated dyestuff yields with no batch variance (lme4 Dyestuff2)',
    source: 'R package lme4 1.1-31, data Dyestuff2; simulated data from Box & Tiao (1973).',
    license: `${GPL2} lme4`,
    variables: {
      Batch: 'batch, factor: A..F',
      Yield: 'simulated yield',
    },
  },
  {
    name: 'penicillin',
    file: 'penicillin',
    csv: { path: 'r/Penicillin.csv' },
    rLevels: 'Penicillin',
    title: 'Penicillin potency assay: 24 plates x 6 samples, crossed (lme4 Penicillin)',
    source:
      'R package lme4 1.1-31, data Penicillin; Davies & Goldsmith (1972), "Statistical Methods in Research and Production", Table 6.6.',
    license: `${GPL2} lme4`,
    variables: {
      diameter: 'diameter of the zone of inhibition of the growth of the organism (mm)',
      plate: 'assay plate, factor: a..x',
      sample: 'penicillin sample, factor: A..F',
    },
  },
  {
    name: 'pastes',
    file: 'pastes',
    csv: { path: 'r/Pastes.csv' },
    rLevels: 'Pastes',
    title: 'Strength of a chemical paste: 10 batches x 3 casks, nested (lme4 Pastes)',
    source:
      'R package lme4 1.1-31, data Pastes; Davies & Goldsmith (1972), "Statistical Methods in Research and Production", Table 6.5.',
    license: `${GPL2} lme4`,
    variables: {
      strength: 'paste strength',
      batch: 'delivery batch, factor: A..J',
      cask: 'cask within the delivery batch, factor: a, b, c',
      sample: 'the batch:cask combination, factor with 30 levels "A:a".."J:c"',
    },
  },
  {
    name: 'cbpp',
    file: 'cbpp',
    csv: { path: 'r/cbpp.csv' },
    rLevels: 'cbpp',
    title: 'Contagious bovine pleuropneumonia: new cases per herd and period (lme4 cbpp)',
    source:
      'R package lme4 1.1-31, data cbpp; Lesnoff et al. (2004), Preventive Veterinary Medicine 62, 101-117.',
    license: `${GPL2} lme4`,
    variables: {
      herd: 'herd, factor with levels "1".."15"',
      incidence: 'number of new serological cases in the period',
      size: 'herd size at the beginning of the period',
      period: 'period, factor with levels "1".."4"',
    },
  },
  {
    name: 'instEval',
    file: 'inst-eval',
    csv: { path: 'r/InstEval.csv' },
    rLevels: 'InstEval',
    lazy: true,
    title: 'Lecture and instructor evaluations by students at ETH Zurich (lme4 InstEval)',
    source: 'R package lme4 1.1-31, data InstEval; ETH Zurich course evaluations.',
    license: `${GPL2} lme4`,
    variables: {
      s: 'student id, factor with 2972 levels',
      d: 'instructor ("dozent") id, factor with 1128 levels (in lme4\'s, non-alphabetical, order)',
      studage: 'student\'s "age" as the semester number, ORDERED factor 2 < 4 < 6 < 8',
      lectage: 'how many semesters back the lecture took place, ORDERED factor 1 < ... < 6',
      service: 'lecture held for a different department than the lecturer\'s, factor "0"/"1"',
      dept: "department of the lecture, factor with 14 levels (in lme4's, non-alphabetical, order)",
      y: 'rating of the lecture, 1 (poor) to 5 (very good)',
    },
  },
  {
    name: 'faithful',
    file: 'faithful',
    csv: { path: 'r/faithful.csv' },
    rLevels: 'faithful',
    title: 'Old Faithful geyser: eruption durations and waiting times (R datasets faithful)',
    source:
      'R package datasets 4.2.2, data faithful; Haerdle (1991), "Smoothing Techniques with Implementation in S"; Azzalini & Bowman (1990).',
    license: R_BASE,
    variables: {
      eruptions: 'eruption time (min)',
      waiting: 'waiting time to the next eruption (min)',
    },
  },
  {
    name: 'orthodont',
    file: 'orthodont',
    csv: { path: 'r/Orthodont.csv' },
    rLevels: 'Orthodont',
    title: 'Orthodontic growth: distance measured at ages 8-14 in 27 children (nlme Orthodont)',
    source:
      'R package nlme 3.1-162, data Orthodont; Potthoff & Roy (1964), Biometrika 51, 313-326.',
    license: `${GPL2} nlme`,
    variables: {
      distance: 'distance from the pituitary to the pterygomaxillary fissure (mm)',
      age: 'age of the subject (yr)',
      Subject: 'subject, ORDERED factor with 27 levels (M16 < M05 < ... < F11, by mean distance)',
      Sex: 'factor: Male, Female',
    },
  },
  {
    name: 'oats',
    file: 'oats',
    csv: { path: 'r/Oats.csv' },
    rLevels: 'Oats',
    title: 'Split-plot oats experiment: 6 blocks, 3 varieties, 4 nitrogen levels (nlme Oats)',
    source:
      'R package nlme 3.1-162, data Oats; Yates (1935), J. Royal Statistical Society Suppl. 2, 181-247.',
    license: `${GPL2} nlme`,
    variables: {
      Block: 'block, ORDERED factor VI < V < III < IV < II < I',
      Variety: 'oat variety, factor: Golden Rain, Marvellous, Victory',
      nitro: 'nitrogen concentration (cwt/acre): 0, 0.2, 0.4, 0.6',
      yield: 'yield (bushels/acre)',
    },
  },
  {
    name: 'ergoStool',
    file: 'ergo-stool',
    csv: { path: 'r/ergoStool.csv' },
    rLevels: 'ergoStool',
    title: 'Effort to arise from 4 types of stool, 9 subjects (nlme ergoStool)',
    source:
      'R package nlme 3.1-162, data ergoStool; Pinheiro & Bates (2000), "Mixed-Effects Models in S and S-PLUS".',
    license: `${GPL2} nlme`,
    variables: {
      effort: 'effort to arise (Borg scale)',
      Type: 'stool type, factor: T1, T2, T3, T4',
      Subject: 'subject, ORDERED factor 8 < 5 < 4 < 9 < 6 < 3 < 7 < 1 < 2',
    },
  },
  {
    name: 'insectSprays',
    file: 'insect-sprays',
    csv: { path: 'r/InsectSprays.csv' },
    rLevels: 'InsectSprays',
    title: 'Insect counts in field units treated with 6 insecticides (R datasets InsectSprays)',
    source: 'R package datasets 4.2.2, data InsectSprays; Beall (1942), Biometrika 32, 243-262.',
    license: R_BASE,
    variables: {
      count: 'insect count',
      spray: 'type of spray, factor: A..F',
    },
  },
  {
    name: 'warpbreaks',
    file: 'warpbreaks',
    csv: { path: 'r/warpbreaks.csv' },
    rLevels: 'warpbreaks',
    title: 'Warp breaks per loom by wool type and tension (R datasets warpbreaks)',
    source:
      'R package datasets 4.2.2, data warpbreaks; Tippett (1950), "Technological Applications of Statistics".',
    license: R_BASE,
    variables: {
      breaks: 'number of breaks per loom (a fixed length of yarn)',
      wool: 'type of wool, factor: A, B',
      tension: 'tension, factor: L < M < H in level order (not an ordered factor)',
    },
  },
  {
    name: 'birthwt',
    file: 'birthwt',
    csv: { path: 'r/birthwt.csv' },
    rLevels: 'birthwt',
    factors: ['id'],
    title: 'Risk factors of low birth weight, Baystate Medical Center 1986 (MASS birthwt)',
    source:
      'R package MASS 7.3-58.2, data birthwt; Hosmer & Lemeshow (1989), "Applied Logistic Regression".',
    license: 'GPL-2 | GPL-3, as distributed in the R package MASS',
    notes:
      "The row names of R's birthwt (the original subject ids) are the column id, a character column here read as a factor with R's sorted levels. The other columns are integer codes, as in R.",
    variables: {
      id: "original subject id (R's row names)",
      low: 'indicator of birth weight below 2.5 kg (0/1)',
      age: "mother's age (years)",
      lwt: "mother's weight at the last menstrual period (pounds)",
      race: "mother's race: 1 = white, 2 = black, 3 = other",
      smoke: 'smoking during pregnancy (0/1)',
      ptl: 'number of previous premature labours',
      ht: 'history of hypertension (0/1)',
      ui: 'presence of uterine irritability (0/1)',
      ftv: 'number of physician visits during the first trimester',
      bwt: 'birth weight (grams)',
    },
  },
];
