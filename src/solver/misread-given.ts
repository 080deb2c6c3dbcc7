import {
  doubtfulPrint,
  givensOf,
  hasSureEntry,
  isHandwritten,
  type CellRead,
  type IsPrint,
} from "../shared/reading.ts";
import { SEARCH_MS } from "./missed-clue.ts";
import { solve } from "./solve.ts";

/**
 * The CNN's probability, at least, of the digit the solution puts in the cell for a doubtful entry to be
 * taken for that digit printed. In grids without a sure entry: of 1,000 printed-only generated photos
 * (seed 9001), 8 printed digits read as another, handwritten digit; 5 gave the solution's digit 0.22–0.36
 * (3 under 0.02, out of reach); on the half-filled tuning seed 9003 two gave it 0.08 and 0.11. Marks on
 * blank cells read so (a crease, show-through, a grid line's remnant) gave it at most 0.05, and entries of
 * the half-filled seeds 9002 and 9003 (wrong ones, a right one misread) at most 0.02.
 */
const MISREAD_PRINT_P = 0.1;
/** Confidence of a read so mended: shown as doubtful, with the CNN's read as its runner-up. */
const MENDED_P = 0.5;

/**
 * A printed sudoku has one solution, and an entry that contradicts the solution of the givens may be a
 * given misread. It becomes the solution's digit printed, shown as doubtful, when
 * - its glyph is the grid's print of the solution's digit (`isPrint`, the typeface check): the CNN,
 *   seeing one cell, took a printed 6 for a 5 written by hand, or a misread print that broke the solution
 *   was taken for a wrong entry (`givenAsWrongEntry`); or
 * - in a grid without an entry the reader is sure of (`hasSureEntry`), mostly a puzzle nobody has
 *   written in, the reader doubts the entry while the CNN gives the solution's digit some odds: at low
 *   resolution a blurred print reads like a hand.
 * Any other entry that contradicts the solution in a grid without a sure one is read as a blank cell,
 * shown as doubtful, with the entry as the runner-up: mostly a fold, a shadow's edge or paper grain that
 * the CNN, seeing the ink scaled to its input, read as a digit written by hand; such marks seldom give the
 * very digit the puzzle needs there. On 1,000 printed-only generated photos (seed 9001), 5 photos whose
 * only misreads were such marks now read exactly (95.5 → 96.0 %; on a fresh 1,000, 9012: 95.5 → 96.5 %),
 * and 3 printed digits read as another digit by hand are now doubtful blanks instead; on the dev photos, one
 * mark. It costs the rare wrong entry of a player who wrote nothing surely: on 300 half-filled photos of a
 * fresh seed (9013), one; the page still flags the cell and offers the entry.
 * A player's wrong entry, read surely or in a grid the player has surely written in, and unlike the print
 * of the digit it replaces, is left alone: the page points it out.
 * @param reads the 81 reads, row-major
 * @param isPrint whether a cell's glyph is the grid's print of a digit
 * @returns the reads with such entries mended, or the reads as they were
 */
export function entriesMendedBySolution(reads: readonly CellRead[], isPrint: IsPrint): CellRead[] {
  // Most grids have no entry: their givens need no solve here. Without a sure one, every entry is doubtful.
  if (!reads.some(isHandwritten)) return [...reads];
  const unsure = !hasSureEntry(reads);
  const solved = solve(givensOf(reads), { timeoutMs: SEARCH_MS });
  if (solved.kind !== "solved" || !solved.unique) return [...reads];
  return reads.map((read, cell) => {
    const digit = solved.solution[cell]!;
    if (!isHandwritten(read) || read.digit === digit) return read;
    const p = read.candidates.find((c) => c.digit === digit)?.p ?? 0;
    const misread = (unsure && p >= MISREAD_PRINT_P) || isPrint(cell, digit);
    if (misread) return doubtfulPrint(digit, MENDED_P, runnerUp(read));
    return unsure ? doubtfulBlank(read) : read;
  });
}

/** An entry's read as the runner-up of a mended read: at most as likely as the mended one. */
function runnerUp(read: CellRead): { digit: number; p: number } {
  return { digit: read.digit, p: Math.min(read.confidence, 1 - MENDED_P) };
}

/** The cell read as blank, shown as doubtful, with the entry's read as the runner-up. */
function doubtfulBlank(read: CellRead): CellRead {
  return {
    digit: 0,
    confidence: MENDED_P,
    candidates: [{ digit: 0, p: MENDED_P }, runnerUp(read)],
    capped: true,
  };
}
