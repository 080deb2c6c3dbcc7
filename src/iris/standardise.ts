import type { Measurements } from "./contract.ts";

/** Per-feature mean and standard deviation, computed on the training split only (never the test split). */
export interface Standardisation {
  readonly mean: Measurements;
  readonly std: Measurements;
}

/** Column means and population standard deviations of `rows` (each row in FEATURES order). */
export function fitStandardisation(rows: readonly Measurements[]): Standardisation {
  if (rows.length === 0) throw new Error("Cannot fit standardisation on zero rows.");
  const mean = columns((j) => rows.reduce((sum, row) => sum + row[j], 0) / rows.length);
  const std = columns((j) => {
    const variance = rows.reduce((sum, row) => sum + (row[j] - mean[j]) ** 2, 0) / rows.length;
    // A constant column would divide by zero; leaving it unscaled keeps it at 0 after centring.
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  return { mean, std };
}

/** z = (x − mean) / std, feature by feature. */
export function standardise(x: Measurements, { mean, std }: Standardisation): Measurements {
  return columns((j) => (x[j] - mean[j]) / std[j]);
}

function columns(f: (j: 0 | 1 | 2 | 3) => number): Measurements {
  return [f(0), f(1), f(2), f(3)];
}
