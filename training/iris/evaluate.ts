import { SPECIES, type Species } from "../../src/iris/contract.ts";

/** confusion[t][p] = how many samples of true species t were predicted as species p (SPECIES order). */
export function confusionMatrix(truth: readonly Species[], predicted: readonly Species[]): number[][] {
  const matrix = SPECIES.map(() => SPECIES.map(() => 0));
  truth.forEach((t, i) => {
    const p = predicted[i];
    if (p === undefined) throw new Error("Fewer predictions than labels.");
    matrix[SPECIES.indexOf(t)]![SPECIES.indexOf(p)]! += 1;
  });
  return matrix;
}

/** Fraction on the diagonal of a confusion matrix. */
export function accuracy(confusion: readonly (readonly number[])[]): number {
  const total = confusion.flat().reduce((a, b) => a + b, 0);
  const correct = confusion.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
  return total === 0 ? 0 : correct / total;
}
