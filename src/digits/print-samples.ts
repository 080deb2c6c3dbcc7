import type { CellRead } from "../shared/reading.ts";
import { isSurePrint } from "./cell-read.ts";
import type { InkShape } from "./empty-cell.ts";

/** Fewer sure printed digits than this give no trustworthy reference for a grid's print. */
const MIN_SAMPLES = 5;

/**
 * Per cell, whether a read digit's ink measures below the bar its grid's sure printed digits
 * (`isSurePrint`) set: `bar` of their measures, or no bar (no cell) when there are too few of them to
 * trust or `bar` gives none.
 * @param reads the cells' reads, row-major
 * @param shapes the ink kept in each cell (`PreparedCell.shape`), in the same order
 */
export function belowPrint(
  reads: readonly CellRead[],
  shapes: readonly (InkShape | undefined)[],
  measure: (shape: InkShape) => number,
  bar: (samples: readonly number[]) => number | undefined,
): boolean[] {
  const limit = printBar(reads, shapes, measure, bar);
  return reads.map(
    (read, i) =>
      limit !== undefined && read.digit !== 0 && shapes[i] !== undefined && measure(shapes[i]) < limit,
  );
}

/**
 * The bar its grid's sure printed digits (`isSurePrint`) set for a measure of a digit's ink: `bar` of
 * their measures, or undefined when there are too few of them to trust or `bar` gives none.
 */
export function printBar(
  reads: readonly CellRead[],
  shapes: readonly (InkShape | undefined)[],
  measure: (shape: InkShape) => number,
  bar: (samples: readonly number[]) => number | undefined,
): number | undefined {
  const samples = reads.flatMap((read, i) => (isSurePrint(read) && shapes[i] ? [measure(shapes[i])] : []));
  return samples.length >= MIN_SAMPLES ? bar(samples) : undefined;
}
