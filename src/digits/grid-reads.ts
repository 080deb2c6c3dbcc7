import type { CellRead } from "../shared/reading.ts";
import { toCellRead } from "./cell-read.ts";
import type { CellProbabilities } from "./classifier.ts";
import { shortOfPrintedSize } from "./digit-size.ts";
import type { InkDoubt, InkShape } from "./empty-cell.ts";

/**
 * A grid's 81 reads from the CNN and the ink checks (`toCellRead`), then with digits short against
 * the grid's printed size read as empty (`shortOfPrintedSize`), as the app and training's held-out
 * figures both read them.
 * @param shapesByView the cells' ink in each view (camera frame) of the grid: a digit is short only
 *   when it is in more than half of them (a frame whose glare cut a digit must not veto the others)
 */
export function readGridCells(
  probs: readonly CellProbabilities[],
  empty: readonly boolean[],
  doubts: readonly InkDoubt[],
  shapesByView: readonly (readonly (InkShape | undefined)[])[],
): CellRead[] {
  const reads = probs.map((p, i) => toCellRead(p, empty[i]!, doubts[i]));
  const shortByView = shapesByView.map((shapes) => shortOfPrintedSize(reads, shapes));
  return reads.map((read, i) =>
    shortByView.filter((short) => short[i]).length * 2 > shortByView.length
      ? toCellRead(probs[i]!, empty[i]!, "small")
      : read,
  );
}
