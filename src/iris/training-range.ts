import { FEATURES, type Measurements } from "./contract.ts";

/** Smallest and largest value of each feature in the training split, in cm. */
export interface TrainingRange {
  readonly min: Measurements;
  readonly max: Measurements;
}

export function fitTrainingRange(rows: readonly Measurements[]): TrainingRange {
  if (rows.length === 0) throw new Error("Cannot fit a range on zero rows.");
  const column = (j: 0 | 1 | 2 | 3) => rows.map((row) => row[j]);
  return {
    min: [Math.min(...column(0)), Math.min(...column(1)), Math.min(...column(2)), Math.min(...column(3))],
    max: [Math.max(...column(0)), Math.max(...column(1)), Math.max(...column(2)), Math.max(...column(3))],
  };
}

/**
 * One sentence per measurement outside what the model saw in training. The network still answers
 * (softmax always picks a species), so the page says when that answer is an extrapolation.
 */
export function extrapolationNotes(x: Measurements, range: TrainingRange): string[] {
  return FEATURES.flatMap((feature, j) => {
    const [value, min, max] = [x[j]!, range.min[j]!, range.max[j]!];
    if (value >= min && value <= max) return [];
    return [
      `${feature.label} ${value} cm is outside the flowers the model learned from ` +
        `(${min.toFixed(1)}–${max.toFixed(1)} cm): treat this prediction as a guess.`,
    ];
  });
}
