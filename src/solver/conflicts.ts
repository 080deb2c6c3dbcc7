import { DOUBT_THRESHOLD, givensOf, isHandwritten, type CellRead } from "../shared/reading.ts";
import { PEERS } from "./tables.ts";
import type { Grid } from "./types.ts";

/**
 * Whether a photo's printed digits, as read, clash so that no single misread explains it: no one of them,
 * left out, clears every clash. A printed puzzle never clashes, and one misread clue clashes only with the
 * peers holding its digit; beyond that the read is doubtful as a whole (another grid, a quad across two, an
 * illegible photo). Entries are left out: a player's wrong entries clash with the givens by the handful. Of
 * 2,900 generated photos (printed seeds 9001 and 9012, half-filled 9002, 9003 and 9013) 18 reads were such,
 * each with 3 to 56 cells wrong; on dev and wild, none.
 */
export function cluesClashBeyondOneMisread(cells: readonly CellRead[]): boolean {
  const givens = givensOf(cells);
  const clashing = findConflicts(givens);
  return (
    clashing.length > 0 &&
    clashing.every((cell) => {
      const without = Uint8Array.from(givens);
      without[cell] = 0;
      return findConflicts(without).length > 0;
    })
  );
}

/**
 * Whether a read is doubtful as a whole: its printed digits clash beyond one misread
 * (`cluesClashBeyondOneMisread`), or they clash at all while the reader doubts at least half of them. A
 * printed puzzle never clashes, so such a read is wrong somewhere, and a reader unsure of most of its clues
 * (an illegible photo, read perhaps under a wrong turn) is no surer of the rest: of 2,000 printed generated
 * photos (seeds 9001 and 9012), 5 reads were such besides the clashing ones, each with 7–39 cells wrong, 11
 * of them misread and not flagged (misreads flagged 98.79 → 99.19 % and 92.67 → 97.91 %); one exact read
 * doubted 65 % of its digits, but its clues agree.
 */
export function readDoubtfulAsWhole(cells: readonly CellRead[]): boolean {
  const clues = cells.filter((cell) => cell.digit !== 0 && !isHandwritten(cell));
  const doubted = clues.filter((cell) => cell.confidence < DOUBT_THRESHOLD).length;
  // A clash beyond one misread is a clash: where most clues are doubted, any clash will do.
  if (clues.length > 0 && doubted * 2 >= clues.length) return findConflicts(givensOf(cells)).length > 0;
  return cluesClashBeyondOneMisread(cells);
}

/** Cells whose clue repeats in their row, column or box, ascending; empty when the clues agree. */
export function findConflicts(grid: Grid): number[] {
  if (!hasConflict(grid)) return [];
  const cells: number[] = [];
  for (let cell = 0; cell < 81; cell++) {
    const digit = grid[cell]!;
    if (digit === 0) continue;
    for (let k = 0; k < 20; k++) {
      if (grid[PEERS[cell * 20 + k]!] === digit) {
        cells.push(cell);
        break;
      }
    }
  }
  return cells;
}

/** Digits seen so far per row (0-8), column (9-17) and box (18-26); reused, as this runs per solve. */
const seen = new Uint16Array(27);

/** One pass with a digit mask per unit: the common, clean case costs 81 steps instead of 81 x 20. */
function hasConflict(grid: Grid): boolean {
  seen.fill(0);
  for (let cell = 0; cell < 81; cell++) {
    const digit = grid[cell]!;
    if (digit === 0) continue;
    const bit = 1 << digit;
    const row = (cell / 9) | 0;
    const col = 9 + (cell % 9);
    const box = 18 + ((row / 3) | 0) * 3 + (((cell % 9) / 3) | 0);
    if ((seen[row]! | seen[col]! | seen[box]!) & bit) return true;
    seen[row]! |= bit;
    seen[col]! |= bit;
    seen[box]! |= bit;
  }
  return false;
}
