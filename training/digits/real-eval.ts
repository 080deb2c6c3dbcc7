import type * as tf from "@tensorflow/tfjs";
import { toCellRead } from "../../src/digits/cell-read.ts";
import { predictProbabilities } from "../../src/digits/classifier.ts";
import type { PreparedCell } from "../../src/digits/preprocess.ts";

export interface LabelledGrid {
  file: string;
  labels: number[];
  cells: PreparedCell[];
}

export interface RealCellReport {
  images: number;
  cellAccuracy: number;
  digitAccuracy: number;
  emptyAccuracy: number;
  /** Share of grids with all 81 cells read right (recognition only, grid found and aligned). */
  gridAccuracy: number;
  /** "truth→read": count, most frequent first. */
  confusions: [string, number][];
}

/** Reads each grid as the app does (ink test + CNN → CellRead) and scores it against the labels. */
export async function scoreRealCells(
  model: tf.LayersModel,
  grids: readonly LabelledGrid[],
): Promise<RealCellReport> {
  const tally = { right: 0, digits: 0, digitsRight: 0, empties: 0, emptiesRight: 0, grids: 0 };
  const confusions = new Map<string, number>();
  for (const grid of grids) {
    const reads = await readDigits(model, grid.cells);
    let wrong = 0;
    reads.forEach((digit, i) => {
      const truth = grid.labels[i]!;
      const ok = digit === truth;
      if (truth === 0) {
        tally.empties++;
        if (ok) tally.emptiesRight++;
      } else {
        tally.digits++;
        if (ok) tally.digitsRight++;
      }
      if (ok) tally.right++;
      else {
        wrong++;
        const key = `${truth}→${digit}`;
        confusions.set(key, (confusions.get(key) ?? 0) + 1);
      }
    });
    if (wrong === 0) tally.grids++;
  }
  return {
    images: grids.length,
    cellAccuracy: tally.right / (tally.digits + tally.empties),
    digitAccuracy: tally.digitsRight / tally.digits,
    emptyAccuracy: tally.emptiesRight / tally.empties,
    gridAccuracy: tally.grids / grids.length,
    confusions: [...confusions].sort((a, b) => b[1] - a[1]),
  };
}

/** The digit the app would show for each cell (0 = empty). */
export async function readDigits(model: tf.LayersModel, cells: readonly PreparedCell[]): Promise<number[]> {
  const probs = await predictProbabilities(
    model,
    cells.map((c) => c.input),
  );
  return probs.map((p, i) => toCellRead(p, cells[i]!.empty).digit);
}
