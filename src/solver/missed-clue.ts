import {
  DOUBT_THRESHOLD,
  doubtfulPrint,
  givensOf,
  isHandwritten,
  withConfidenceAtMost,
  type CellRead,
  type IsPrint,
} from "../shared/reading.ts";
import { solve, undeterminedCells } from "./solve.ts";

/** Confidence at most of an empty read where a clue may have been missed, and of a clue found there. */
const MISSED_CLUE_P = 0.5;

/** A second look's printed digit at least this sure may fill a missed clue's cell. */
const SECOND_LOOK_P = 0.9;

/** A read's printed clues get this long to show a second solution; a slower search flags nothing. */
export const SEARCH_MS = 50;

/**
 * A printed sudoku has one solution. When the givens as read have several, a clue was missed (or
 * misread) in one of the cells whose digit differs between them. Those cells are often a third of the
 * grid, so only the ones read as empty although they hold some ink (too small, faint or pale for a
 * digit by the ink test, or a trace fainter still) are suspects: a faint digit the ink test cut to a
 * fragment, or one glare washed out. A read with one solution has none, so nothing that follows can
 * change a right read.
 * @param reads the 81 reads, row-major
 * @param inked per cell, whether the ink test kept any ink there or it holds a faint trace (`faintTraces`)
 * @returns the suspect cells, ascending
 */
export function missedClueSuspects(reads: readonly CellRead[], inked: readonly boolean[]): number[] {
  const suspect = (read: CellRead, cell: number) => inked[cell]! && read.digit === 0;
  // Half the dev photos have no such cell: the search (run on every camera frame too) is then skipped.
  if (!reads.some(suspect)) return [];
  const open = undeterminedCells(givensOf(reads), { timeoutMs: SEARCH_MS });
  return open.filter((cell) => suspect(reads[cell]!, cell));
}

/**
 * Settles the suspects (`missedClueSuspects`): a suspect whose second look (its ink brought up to the
 * grid's print, `secondLooks`) reads as a printed digit at least `SECOND_LOOK_P` sure takes that digit,
 * surest first, while the givens stay solvable; it is shown as doubtful, since the first look saw no
 * digit. Every other suspect stays empty, shown as doubtful. Entries and givens are left as they were.
 * @param looks the second looks' reads, one per suspect in the same order (undefined: no second look)
 */
export function settleMissedClues(
  reads: readonly CellRead[],
  suspects: readonly number[],
  looks: readonly (CellRead | undefined)[],
): CellRead[] {
  const settled = [...reads];
  const givens = givensOf(reads);
  const found = suspects
    .map((cell, k) => ({ cell, look: looks[k] }))
    .filter((s): s is { cell: number; look: CellRead } => s.look !== undefined && isSurePrintedLook(s.look))
    .sort((a, b) => b.look.confidence - a.look.confidence);
  for (const { cell, look } of found) {
    givens[cell] = look.digit;
    if (solve(givens, { checkUnique: false, timeoutMs: SEARCH_MS }).kind === "solved") {
      settled[cell] = doubted(look);
    } else {
      givens[cell] = 0;
    }
  }
  for (const cell of suspects) if (settled[cell] === reads[cell]) settled[cell] = doubted(reads[cell]!);
  return settled;
}

/**
 * A clue can also go missing without a trace in the solution count: most printed puzzles have more
 * clues than they need, so givens that lost one still have one solution. Then a cell read as empty,
 * doubtfully, although it holds ink (the ink test saw a digit, the CNN did not) is a suspect, and the
 * solution says which digit it must hold if it holds a clue.
 * @param reads the 81 reads, row-major
 * @param inked per cell, whether the ink test saw a digit there
 * @returns the suspect cells, ascending, each with its digit in the givens' solution; none unless the
 *   givens have exactly one
 */
export function hiddenClueSuspects(
  reads: readonly CellRead[],
  inked: readonly boolean[],
): { cell: number; digit: number }[] {
  const suspect = (read: CellRead, cell: number) =>
    inked[cell]! && read.digit === 0 && read.confidence < DOUBT_THRESHOLD;
  if (!reads.some(suspect)) return [];
  const result = solve(givensOf(reads), { timeoutMs: SEARCH_MS });
  if (result.kind !== "solved" || !result.unique) return [];
  return reads.flatMap((read, cell) =>
    suspect(read, cell) ? [{ cell, digit: result.solution[cell]! }] : [],
  );
}

/**
 * Settles the hidden suspects (`hiddenClueSuspects`): one with another look that reads, at least
 * `SECOND_LOOK_P` surely, as the printed digit the solution puts there takes it, shown as doubtful, and
 * so does one whose tile holds the grid's print of that digit (`isPrint`): the CNN read a blur of it (a
 * bold 8 at 240 px), or what the cell cleaner kept of it. A speck or a shadow that happens to read as a
 * sure digit must also be the very digit the puzzle needs there, so a blank cell is seldom filled; the
 * others are left as they were.
 * @param looks each suspect's other looks' reads (none or several), in the suspects' order
 * @param isPrint whether a cell's tile holds the grid's print of a digit (`printInTile`)
 */
export function settleHiddenClues(
  reads: readonly CellRead[],
  suspects: readonly { cell: number; digit: number }[],
  looks: readonly (readonly CellRead[])[],
  isPrint: IsPrint,
): CellRead[] {
  const settled = [...reads];
  suspects.forEach(({ cell, digit }, k) => {
    const look = looks[k]!.find((other) => other.digit === digit && isSurePrintedLook(other));
    if (look) settled[cell] = doubted(look);
    else if (isPrint(cell, digit)) {
      const read = reads[cell]!;
      settled[cell] = doubtfulPrint(digit, MISSED_CLUE_P, {
        digit: 0,
        p: Math.min(read.confidence, 1 - MISSED_CLUE_P),
      });
    }
  });
  return settled;
}

/** Whether another look at a cell reads a printed digit at least `SECOND_LOOK_P` surely: a clue. */
function isSurePrintedLook(look: CellRead): boolean {
  return look.digit !== 0 && !isHandwritten(look) && look.confidence >= SECOND_LOOK_P;
}

/** The read shown as doubtful: its confidence capped at `MISSED_CLUE_P`. */
export function doubted(read: CellRead): CellRead {
  return withConfidenceAtMost(read, MISSED_CLUE_P);
}
