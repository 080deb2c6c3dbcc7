import type { CellRead } from "../shared/reading.ts";
import { isSurePrint } from "./cell-read.ts";
import type { InkShape } from "./empty-cell.ts";

/** Fewer sure printed digits than this give no trustworthy reference for a grid's print. */
const MIN_SAMPLES = 5;

/**
 * One measure of the ink of a grid's sure printed digits (`isSurePrint`), the samples its checks
 * judge the other cells by; undefined when there are too few to trust.
 * @param reads the cells' reads, row-major
 * @param shapes the ink kept in each cell (`PreparedCell.shape`), in the same order
 */
export function printSamples(
  reads: readonly CellRead[],
  shapes: readonly (InkShape | undefined)[],
  measure: (shape: InkShape) => number,
): number[] | undefined {
  const samples = reads.flatMap((read, i) => (isSurePrint(read) && shapes[i] ? [measure(shapes[i])] : []));
  return samples.length >= MIN_SAMPLES ? samples : undefined;
}
