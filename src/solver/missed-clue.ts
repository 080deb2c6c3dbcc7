import { isHandwritten, type CellRead } from "../shared/reading.ts";
import { undeterminedCells } from "./solve.ts";

/** Confidence at most of an empty read where a clue may have been missed. */
const MISSED_CLUE_P = 0.5;

/** A read's printed clues get this long to show a second solution; a slower search flags nothing. */
const SEARCH_MS = 50;

/**
 * A printed sudoku has one solution. When the givens as read have several, a clue was missed (or
 * misread) in one of the cells whose digit differs between them. Those cells are often a third of the
 * grid, so only the ones read as empty although they hold some ink (too small, faint or pale for a
 * digit by the ink test, or a trace fainter still) are flagged as doubtful: a faint digit the ink test
 * cut to a fragment, or one glare washed out. Entries and givens are left as they were; the solver
 * still reports the grid as having several solutions.
 * @param reads the 81 reads, row-major
 * @param inked per cell, whether the ink test kept any ink there or it holds a faint trace (`faintTraces`)
 */
export function doubtWhereCluesMissing(reads: readonly CellRead[], inked: readonly boolean[]): CellRead[] {
  const suspect = (read: CellRead, cell: number) =>
    inked[cell]! && read.digit === 0 && read.confidence > MISSED_CLUE_P;
  // Half the dev photos have no such cell: the search (run on every camera frame too) is then skipped.
  if (!reads.some(suspect)) return [...reads];
  const givens = Uint8Array.from(reads, (read) => (isHandwritten(read) ? 0 : read.digit));
  const open = new Set(undeterminedCells(givens, { timeoutMs: SEARCH_MS }));
  return reads.map((read, cell) => {
    if (!open.has(cell) || !suspect(read, cell)) return read;
    return {
      ...read,
      confidence: MISSED_CLUE_P,
      candidates: [{ digit: 0, p: MISSED_CLUE_P }, ...read.candidates.slice(1)],
    };
  });
}
