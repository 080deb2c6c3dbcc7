import type { Measurements, Species } from "./contract.ts";

export interface IrisExample {
  readonly species: Species;
  /** Row in training/iris/iris.csv (UCI numbering); a unit test checks the values against it. */
  readonly row: number;
  readonly x: Measurements;
}

/** The first flower of each species in the data, for the one-click example buttons. */
export const IRIS_EXAMPLES: readonly IrisExample[] = [
  { species: "setosa", row: 1, x: [5.1, 3.5, 1.4, 0.2] },
  { species: "versicolor", row: 51, x: [7.0, 3.2, 4.7, 1.4] },
  { species: "virginica", row: 101, x: [6.3, 3.3, 6.0, 2.5] },
];
