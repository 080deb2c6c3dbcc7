import type * as tf from "@tensorflow/tfjs";
import { digitOf } from "../../src/digits/classes.ts";
import { predictProbabilities, type CellProbabilities } from "../../src/digits/classifier.ts";
import { inkDoubts } from "../../src/digits/empty-cell.ts";
import { readGridCells } from "../../src/digits/grid-reads.ts";
import type { PreparedCell } from "../../src/digits/preprocess.ts";
import { DOUBT_THRESHOLD, type CellRead } from "../../src/shared/reading.ts";

export interface LabelledGrid {
  file: string;
  /** 81 classes (see `classes.ts`), row-major. */
  labels: number[];
  cells: PreparedCell[];
}

/** A grid read by one model: what the app would show, and the CNN's probabilities behind it. */
export interface GridReads {
  file: string;
  labels: number[];
  reads: CellRead[];
  probs: CellProbabilities[];
  empty: boolean[];
}

export interface RealCellReport {
  images: number;
  cellAccuracy: number;
  digitAccuracy: number;
  emptyAccuracy: number;
  /** Share of grids with all 81 cells read right (recognition only, grid found and aligned). */
  gridAccuracy: number;
  /** Share of wrongly read cells that the page flags as doubtful (confidence < DOUBT_THRESHOLD). */
  misreadsFlagged: number;
  /** Share of rightly read cells flagged all the same. */
  rightFlagged: number;
  /** "truth→read": count, most frequent first. */
  confusions: [string, number][];
}

/** Reads each grid as the app does (ink test and grid-level ink doubts + CNN → CellRead). */
export async function readGrids(model: tf.LayersModel, grids: readonly LabelledGrid[]): Promise<GridReads[]> {
  const out: GridReads[] = [];
  for (const grid of grids)
    out.push({ file: grid.file, labels: grid.labels, ...(await readCells(model, grid.cells)) });
  return out;
}

/** One grid's cells read as the app reads them, with the CNN's probabilities and the ink test behind each. */
async function readCells(
  model: tf.LayersModel,
  cells: readonly PreparedCell[],
): Promise<Pick<GridReads, "reads" | "probs" | "empty">> {
  const probs = await predictProbabilities(
    model,
    cells.map((c) => c.input),
  );
  const shapes = cells.map((c) => c.shape);
  const empty = cells.map((c) => c.empty);
  return { reads: readGridCells(probs, empty, inkDoubts(shapes), [shapes]), probs, empty };
}

/** Scores reads against their labels, digit by digit (printed and handwritten alike). */
export function scoreReads(grids: readonly GridReads[]): RealCellReport {
  const tally = { right: 0, digits: 0, digitsRight: 0, empties: 0, emptiesRight: 0, grids: 0 };
  const flags = { wrong: 0, wrongFlagged: 0, rightFlagged: 0 };
  const confusions = new Map<string, number>();
  for (const grid of grids) {
    let wrong = 0;
    grid.reads.forEach((read, i) => {
      const truth = digitOf(grid.labels[i]!);
      const ok = read.digit === truth;
      const flagged = read.confidence < DOUBT_THRESHOLD;
      if (truth === 0) {
        tally.empties++;
        if (ok) tally.emptiesRight++;
      } else {
        tally.digits++;
        if (ok) tally.digitsRight++;
      }
      if (ok) {
        tally.right++;
        if (flagged) flags.rightFlagged++;
      } else {
        wrong++;
        flags.wrong++;
        if (flagged) flags.wrongFlagged++;
        const key = `${truth}→${read.digit}`;
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
    misreadsFlagged: flags.wrong ? flags.wrongFlagged / flags.wrong : NaN,
    rightFlagged: tally.right ? flags.rightFlagged / tally.right : NaN,
    confusions: [...confusions].sort((a, b) => b[1] - a[1]),
  };
}

/** The digit the app would show for each cell (0 = empty). */
export async function readDigits(model: tf.LayersModel, cells: readonly PreparedCell[]): Promise<number[]> {
  return (await readCells(model, cells)).reads.map((r) => r.digit);
}
