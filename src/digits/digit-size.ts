import type { CellRead } from "../shared/reading.ts";
import { typicalOfLargest, type InkShape } from "./empty-cell.ts";
import { belowPrint, printBar } from "./print-samples.ts";

/**
 * Ink shorter than this share of the grid's printed digits is a pencil candidate, not a digit: a
 * grid's givens share one size. On dev no sure printed digit was under 0.78 of its grid's reference
 * (below). On 300 generated half-filled photos (seed 9002), of the blank cells read as a digit 78 of
 * 135 lay below 0.65 (lone pencil candidates), against 2 of 9,410 givens and 12 of 2,039 entries.
 */
const MIN_RELATIVE_HEIGHT = 0.65;

const heightOf = (shape: InkShape): number => shape.height;
/** `MIN_RELATIVE_HEIGHT` of the typical height of the grid's print (see `shortOfPrintedSize`). */
const heightBar = (heights: readonly number[]): number => MIN_RELATIVE_HEIGHT * typicalOfLargest(heights);

/**
 * Per cell, whether its ink is too short to be a digit of this grid: shorter than `MIN_RELATIVE_HEIGHT`
 * of the typical height (`typicalOfLargest`: a sudoku has at least 17 clues, so the tallest 17 sure
 * printed reads are givens even when lone pencil candidates, which the CNN reads as sharp print, fill
 * every other cell). The reference comes from reads, not from ink alone: on a curled page with
 * hairline cell lines, most blank cells hold a line remnant the full cell tall.
 * @param reads the cells' reads, row-major
 * @param shapes the ink kept in each cell (`PreparedCell.shape`), in the same order
 */
export function shortOfPrintedSize(
  reads: readonly CellRead[],
  shapes: readonly (InkShape | undefined)[],
): boolean[] {
  return belowPrint(reads, shapes, heightOf, heightBar);
}

/**
 * The least height (share of the cell) of a digit of this grid, as `shortOfPrintedSize` measures it;
 * undefined when too few sure printed digits set it.
 */
export function minDigitHeight(
  reads: readonly CellRead[],
  shapes: readonly (InkShape | undefined)[],
): number | undefined {
  return printBar(reads, shapes, heightOf, heightBar);
}
