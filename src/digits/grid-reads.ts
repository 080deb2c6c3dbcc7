import type { CellRead } from "../shared/reading.ts";
import { toCellRead } from "./cell-read.ts";
import type { CellProbabilities } from "./classifier.ts";
import { shortOfPrintedSize } from "./digit-size.ts";
import type { InkDoubt, InkShape } from "./empty-cell.ts";

/**
 * A grid's 81 reads from the CNN and the ink checks (`toCellRead`), then with digits short against
 * the grid's printed size read as empty (`shortOfPrintedSize`), as the app and training's held-out
 * figures both read them.
 */
export function readGridCells(
  probs: readonly CellProbabilities[],
  empty: readonly boolean[],
  doubts: readonly InkDoubt[],
  shapes: readonly (InkShape | undefined)[],
): CellRead[] {
  const reads = probs.map((p, i) => toCellRead(p, empty[i]!, doubts[i]));
  const short = shortOfPrintedSize(reads, shapes);
  return reads.map((read, i) => (short[i] ? toCellRead(probs[i]!, empty[i]!, "small") : read));
}
