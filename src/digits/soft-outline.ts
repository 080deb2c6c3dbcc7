import { median } from "../shared/median.ts";
import type { CellRead } from "../shared/reading.ts";
import type { InkShape } from "./empty-cell.ts";
import { belowPrint } from "./print-samples.ts";

/**
 * Outlines tell strokes from shadows only on a grid whose sure printed digits have at least this share
 * of their outline sharp (median `InkShape.sharpOutline`); blur softens every edge. Dev's grids ran
 * from 0.22 to 0.9, wild's from 0.36.
 */
const SHARP_PRINT = 0.5;

/**
 * Ink whose outline is sharp on less than this share of the grid's printed digits' is no stroke: the edge
 * of a shadow (dark on one side only) or print showing through the page (blurred by the paper). On the
 * tuning seeds 9004 (printed) and 9003 (half-filled), 10 of the 19 blank cells read as a digit lay below
 * it, against 1 of 9,342 givens (a faint one, already doubtful) and 3 of 1,963 entries (pencil); on dev
 * and wild no digit of a grid above `SHARP_PRINT` lay below 0.4.
 */
const SOFT_RATIO = 0.3;

/**
 * Per cell, whether its ink is too soft-edged to be a digit of this grid (`SOFT_RATIO` of its sure
 * printed digits' typical outline); always false on a blurred grid (`SHARP_PRINT`) and with too few
 * sure printed digits (`belowPrint`).
 * @param reads the cells' reads, row-major
 * @param shapes the ink kept in each cell (`PreparedCell.shape`), in the same order
 */
export function softAgainstPrint(
  reads: readonly CellRead[],
  shapes: readonly (InkShape | undefined)[],
): boolean[] {
  return belowPrint(
    reads,
    shapes,
    (shape) => shape.sharpOutline,
    (outlines) => {
      const typical = median(outlines);
      return typical >= SHARP_PRINT ? SOFT_RATIO * typical : undefined;
    },
  );
}
