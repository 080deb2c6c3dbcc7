import { DOUBT_THRESHOLD, isHandwritten, type CellRead } from "../shared/reading.ts";
import { givensOf, SEARCH_MS } from "./missed-clue.ts";
import { solve } from "./solve.ts";

/**
 * A printed sudoku has one solution. When the givens as read have exactly one, a cell read as empty can
 * hold only the solution's digit as a missed clue: any other printed digit there would leave the puzzle
 * unsolvable. Its doubt is then the odds between empty and that digit alone, and a show-through digit
 * or a shadow's edge the CNN took for another digit no longer marks the cell; ink too small for a clue
 * (pencilled candidates, often holding the solution's digit) never does.
 * Right cells shown as doubtful, mostly empty ones: 1,000 generated printed photos (seed 9001) 6.6 → 2.1 %,
 * 300 of seed 9004 6.8 → 1.9 %, dev 1.4 → 1.1 %; misreads flagged stay at 100 % on dev and 9004 (9001:
 * 98.8 → 98.4 %, a small 5 read empty, the solution's digit drawn there all the same).
 * A grid with entries is left as it is: the player's own digit may be any digit, a wrong one too.
 * @param reads the 81 reads, row-major
 * @returns the reads, each doubtful empty one's confidence and candidates conditioned on the solution
 */
export function emptyDoubtsGivenSolution(reads: readonly CellRead[]): CellRead[] {
  if (reads.some(isHandwritten) || !reads.some(doubtedByCnn)) return [...reads];
  const solved = solve(givensOf(reads), { timeoutMs: SEARCH_MS });
  if (solved.kind !== "solved" || !solved.unique) return [...reads];
  return reads.map((read, cell) => {
    if (!doubtedByCnn(read)) return read;
    const digit = solved.solution[cell]!;
    // Ink too small for this grid's print is no missed clue, whatever digit the CNN saw in it.
    const clue = read.tooSmall ? 0 : (read.candidates.find((c) => c.digit === digit)?.p ?? 0);
    const empty = read.confidence / (read.confidence + clue);
    if (!(empty > read.confidence)) return read;
    return {
      ...read,
      confidence: empty,
      candidates: [{ digit: 0, p: empty }, ...(clue > 0 ? [{ digit, p: 1 - empty }] : [])],
    };
  });
}

/**
 * An empty read the CNN doubts. A capped read's doubt is not the CNN's: ink that the ink test took for a
 * digit, and that could only be the solution's digit, stays doubtful.
 */
function doubtedByCnn(read: CellRead): boolean {
  return read.digit === 0 && read.confidence < DOUBT_THRESHOLD && !read.capped;
}
