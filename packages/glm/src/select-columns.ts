import { type DenseMatrix, dense } from '@likelihood/linalg';

/** The n × k matrix X[, cols] (copy), columns in the order given. */
export function selectColumns(X: DenseMatrix, cols: readonly number[]): DenseMatrix {
  const n = X.rows;
  const out = dense(n, cols.length);
  for (let c = 0; c < cols.length; c++) {
    const j = cols[c]!;
    out.data.set(X.data.subarray(j * n, (j + 1) * n), c * n);
  }
  return out;
}
