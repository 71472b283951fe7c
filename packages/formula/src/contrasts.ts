import { type DenseMatrix, dense, qrPivoted, qrQy, sumExtended } from '@likelihood/linalg';

/** The contrast codings of R's `contr.*` functions. */
export type ContrastKind = 'treatment' | 'sum' | 'helmert' | 'poly';

/** A contrast matrix: one row per level, one column per coded column, and the column names. */
export interface ContrastMatrix {
  /** `levels × columns`, column-major. */
  readonly matrix: DenseMatrix;
  /** Appended to the factor's label in design column names (`Worker.L`, `tension1`, `storeB`). */
  readonly colnames: readonly string[];
}

/** A factor's coding: a named R coding or an explicit matrix. */
export type ContrastSpec = ContrastKind | ContrastMatrix;

/** R's `contr.treatment(levels)`: indicators of levels 2..k (level 1 is the baseline). */
export function contrTreatment(levels: readonly string[]): ContrastMatrix {
  const k = levels.length;
  const m = dense(k, k - 1);
  for (let j = 0; j < k - 1; j++) m.data[j * k + j + 1] = 1;
  return { matrix: m, colnames: levels.slice(1) };
}

/** R's `contr.sum(k)`: level j ↦ e_j for j < k, level k ↦ (-1, …, -1); columns named 1..k-1. */
export function contrSum(k: number): ContrastMatrix {
  const m = dense(k, k - 1);
  for (let j = 0; j < k - 1; j++) {
    m.data[j * k + j] = 1;
    m.data[j * k + k - 1] = -1;
  }
  return { matrix: m, colnames: Array.from({ length: k - 1 }, (_, j) => String(j + 1)) };
}

/** R's `contr.helmert(k)`: column j has -1 in rows 1..j and j in row j+1; named 1..k-1. */
export function contrHelmert(k: number): ContrastMatrix {
  const m = dense(k, k - 1);
  for (let j = 0; j < k - 1; j++) {
    for (let i = 0; i <= j; i++) m.data[j * k + i] = -1;
    m.data[j * k + j + 1] = j + 1;
  }
  return { matrix: m, colnames: Array.from({ length: k - 1 }, (_, j) => String(j + 1)) };
}

/**
 * R's `contr.poly(k)`: the orthonormal polynomials of degree 1..k-1 on the scores 1..k
 * (unit-length columns, orthogonal to the constant), named `.L`, `.Q`, `.C`, `^4`, ….
 * Computed by R's own recipe (`make.poly`), so the entries are R's to the last bit: the QR of
 * X = [y^0 … y^(k-1)] with y = scores − mean, Q applied to diag(R), each column divided by
 * sqrt(Σ x²) summed as R's `sum()` does.
 */
export function contrPoly(k: number): ContrastMatrix {
  const mean = (k + 1) / 2;
  const X = dense(k, k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) X.data[i + j * k] = (i + 1 - mean) ** j;
  }
  const f = qrPivoted(X);
  const Z = dense(k, k - 1);
  const col = new Float64Array(k);
  const sq = new Float64Array(k);
  for (let j = 1; j < k; j++) {
    col.fill(0);
    col[j] = f.qr.data[j + j * k]!;
    const raw = qrQy(f, col);
    for (let i = 0; i < k; i++) sq[i] = raw[i]! * raw[i]!;
    const norm = Math.sqrt(sumExtended(sq));
    for (let i = 0; i < k; i++) Z.data[i + (j - 1) * k] = raw[i]! / norm;
  }
  const names = ['.L', '.Q', '.C'];
  return {
    matrix: Z,
    colnames: Array.from({ length: k - 1 }, (_, j) => (j < 3 ? names[j]! : `^${j + 1}`)),
  };
}

/** The contrast matrix of `spec` for a factor with `levels`. */
export function contrastMatrix(spec: ContrastSpec, levels: readonly string[]): ContrastMatrix {
  const k = levels.length;
  switch (spec) {
    case 'treatment':
      return contrTreatment(levels);
    case 'sum':
      return contrSum(k);
    case 'helmert':
      return contrHelmert(k);
    case 'poly':
      return contrPoly(k);
    default:
      return spec;
  }
}
