import type { GrayImage } from "../shared/image.ts";
import { median } from "../shared/median.ts";
import type { CellRead } from "../shared/reading.ts";
import { isSurePrint, toCellRead } from "./cell-read.ts";
import type { CellProbabilities, DigitClassifier } from "./classifier.ts";
import { prepareCell, prepareCellWith, type PreparedCell } from "./preprocess.ts";

/**
 * A cell is raised at most this many times: the washed-out digits of the dev photos needed 1.8–2.9, while
 * grainy blank paper needs tens and then reads as ink.
 */
const MAX_GAIN = 4;

/**
 * How strongly a grid's print stands out: the median peak contrast (`PreparedCell.peak`) of its sure
 * printed digits; undefined without any.
 */
export function printStrength(
  reads: readonly CellRead[],
  prepared: readonly PreparedCell[],
): number | undefined {
  const peaks = reads.flatMap((read, i) => (isSurePrint(read) ? [prepared[i]!.peak] : []));
  return peaks.length > 0 ? median(peaks) : undefined;
}

/**
 * A faint cell prepared again with its contrast to the paper raised until its darkest strokes stand
 * out like the grid's print (`strength`): glare washes a digit out below the ink test, yet its shape
 * survives (a red 7 under glare peaked at a third of its grid's print, and read as a sure 7 so raised).
 * The same `prepareCell` then makes the CNN's input, as in training. Undefined when the cell is not
 * fainter than the print, or too faint to raise (`MAX_GAIN`).
 */
export function raisedCell(tile: GrayImage, peak: number, strength: number): PreparedCell | undefined {
  const gain = strength / peak;
  if (!(gain > 1 && gain <= MAX_GAIN)) return undefined;
  const paper = median(Array.from(tile.data));
  const data = Uint8ClampedArray.from(tile.data, (v) => paper - (paper - v) * gain);
  return prepareCell({ width: tile.width, height: tile.height, data });
}

/**
 * The second looks at `cells` (`raisedCell`, read by the CNN in one batch), one per cell in order:
 * undefined where there is nothing to raise, or the raised ink still fails the ink test.
 */
export async function secondLooks(
  cells: readonly number[],
  reads: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<(CellRead | undefined)[]> {
  const strength = printStrength(reads, prepared);
  if (cells.length === 0 || strength === undefined) return [];
  const raised = cells.map((i) => {
    const cell = raisedCell(tiles[i]!, prepared[i]!.peak, strength);
    return cell && !cell.empty ? cell : undefined;
  });
  return classifyLooks(raised, classifier);
}

/**
 * How far a tighter look raises the ink bar (`LookOptions`). Paler ink merged with a digit (a
 * shadow's grain or edge, glare's rim, a blurred line) becomes part of its shape, and the CNN then reads
 * a clear digit as empty; its own strokes are the darkest ink and stay. Of five such printed digits in
 * generated photos of the benchmark seed (9001), all five read right and sure at 1.3, three at 1.6 and
 * none at 2 (strokes break).
 */
export const TIGHT_INK = 1.3;

/**
 * A cell prepared again with the ink bar raised (`TIGHT_INK`), or undefined when its ink then fails the
 * ink test.
 */
export function tightCell(tile: GrayImage): PreparedCell | undefined {
  const cell = prepareCellWith(tile, { inkBar: TIGHT_INK });
  return cell.empty ? undefined : cell;
}

/**
 * A cell prepared again with its paper closed (`PaperEstimate`), so that the dark side of a shadow's or a
 * shaded box's edge across it is not ink: joined to a digit, it made a printed 1 a T and a 3 or a 5 a
 * blob, each read as empty. Undefined when its ink then fails the ink test.
 */
export function stepFreeCell(tile: GrayImage): PreparedCell | undefined {
  const cell = prepareCellWith(tile, { estimate: "closed" });
  return cell.empty ? undefined : cell;
}

/** Other looks at cells, read by the CNN in one batch: one read per look, undefined for none. */
export async function classifyLooks(
  cells: readonly (PreparedCell | undefined)[],
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<(CellRead | undefined)[]> {
  const probs = await classifyLookProbabilities(cells, classifier);
  return probs.map((p) => p && toCellRead(p, false));
}

/** Other looks at cells, classified in one batch: the CNN's probabilities per look, undefined for none. */
export async function classifyLookProbabilities(
  cells: readonly (PreparedCell | undefined)[],
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<(CellProbabilities | undefined)[]> {
  if (!cells.some((cell) => cell)) return cells.map(() => undefined);
  const probs = await classifier.classifyCells(cells.flatMap((cell) => (cell ? [cell.input] : [])));
  let next = 0;
  return cells.map((cell) => cell && probs[next++]!);
}
