import type { CellRead } from "../shared/reading.ts";
import { toCellRead } from "./cell-read.ts";
import type { CellProbabilities } from "./classifier.ts";
import { shortOfPrintedSize } from "./digit-size.ts";
import type { InkDoubt, InkShape } from "./empty-cell.ts";
import { softAgainstPrint } from "./soft-outline.ts";

/**
 * A grid's 81 reads from the CNN and the ink checks (`toCellRead`), then with digits short against
 * the grid's printed size (`shortOfPrintedSize`) or soft-edged against its print (`softAgainstPrint`)
 * read as empty, as the app and training's held-out figures both read them.
 * @param shapesByView the cells' ink in each view (camera frame) of the grid: a digit is short or soft
 *   only when it is in more than half of them (a frame whose glare cut a digit must not veto the others)
 */
export function readGridCells(
  probs: readonly CellProbabilities[],
  empty: readonly boolean[],
  doubts: readonly InkDoubt[],
  shapesByView: readonly (readonly (InkShape | undefined)[])[],
): CellRead[] {
  const reads = probs.map((p, i) => toCellRead(p, empty[i]!, doubts[i]));
  const shortByView = shapesByView.map((shapes) => shortOfPrintedSize(reads, shapes));
  const softByView = shapesByView.map((shapes) => softAgainstPrint(reads, shapes));
  const inMost = (byView: boolean[][], i: number) =>
    byView.filter((views) => views[i]).length * 2 > byView.length;
  return reads.map((read, i) => {
    if (inMost(shortByView, i)) return toCellRead(probs[i]!, empty[i]!, "small");
    return inMost(softByView, i) ? toCellRead(probs[i]!, empty[i]!, "soft") : read;
  });
}
