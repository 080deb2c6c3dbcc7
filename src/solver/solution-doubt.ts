import { DOUBT_THRESHOLD, givensOf, isHandwritten, type CellRead } from "../shared/reading.ts";
import { SEARCH_MS } from "./missed-clue.ts";
import { solve } from "./solve.ts";

/**
 * Odds that a player's entry is the solution's digit rather than one given other digit: a player is taken
 * to be right four times in five (0.8 against 0.2 spread over the 8 other digits). The generator writes
 * about 8 % of its entries wrong; on 300 half-filled photos of the tuning seed 9003, odds of 30 flagged 8
 * of the 11 entries misread without a flag at the cost of 4 of the 143 wrong entries read right (92: the
 * same 8 and 6).
 */
const RIGHT_ENTRY_ODDS = 32;

/**
 * A printed sudoku has one solution. When the givens as read have exactly one, two doubts can be weighed
 * against it:
 * - A cell read as empty can hold only the solution's digit as a missed clue: any other printed digit
 *   there would leave the puzzle unsolvable. Its doubt is then the odds between empty and that digit
 *   alone, and a show-through digit or a shadow's edge the CNN took for another digit no longer marks
 *   the cell; ink too small for a clue (pencilled candidates, often holding the solution's digit) never
 *   does. Right cells shown as doubtful, mostly empty ones: 1,000 generated printed photos (seed 9001)
 *   6.6 → 2.1 %, 300 of seed 9004 6.8 → 1.9 %, dev 1.4 → 1.1 %; misreads flagged stay at 100 % on dev
 *   and 9004 (9001: 98.8 → 98.4 %, a small 5 read empty, the solution's digit drawn there all the same).
 *   A grid with entries keeps these doubts: an empty cell may hide the player's own digit, a wrong one
 *   too.
 * - An entry read as another digit than the solution's is either the player's mistake or a misread of
 *   the solution's digit, and the CNN's odds for that digit then weigh `RIGHT_ENTRY_ODDS` times more.
 *   Such a read is only ever flagged, never changed: the player's mistake must still be pointed out.
 * @param reads the 81 reads, row-major
 * @returns the reads, those doubts' confidences and candidates conditioned on the solution
 */
export function doubtsGivenSolution(reads: readonly CellRead[]): CellRead[] {
  const hasEntries = reads.some(isHandwritten);
  if (!hasEntries && !reads.some(doubtedByCnn)) return [...reads];
  const solved = solve(givensOf(reads), { timeoutMs: SEARCH_MS });
  if (solved.kind !== "solved" || !solved.unique) return [...reads];
  return reads.map((read, cell) => {
    const digit = solved.solution[cell]!;
    if (isHandwritten(read)) return entryGivenSolution(read, digit);
    return !hasEntries && doubtedByCnn(read) ? emptyGivenSolution(read, digit) : read;
  });
}

/** An empty read weighed between empty and the solution's `digit` (see `doubtsGivenSolution`). */
function emptyGivenSolution(read: CellRead, digit: number): CellRead {
  // Ink too small for this grid's print is no missed clue, whatever digit the CNN saw in it.
  const clue = read.tooSmall ? 0 : (read.candidates.find((c) => c.digit === digit)?.p ?? 0);
  const empty = read.confidence / (read.confidence + clue);
  if (!(empty > read.confidence)) return read;
  return {
    ...read,
    confidence: empty,
    candidates: [{ digit: 0, p: empty }, ...(clue > 0 ? [{ digit, p: 1 - empty }] : [])],
  };
}

/**
 * An entry's candidates with the solution's `digit` weighted by `RIGHT_ENTRY_ODDS`, when that lowers the
 * read's odds (an entry of the solution's digit keeps its own); the read stays first (it is what the player
 * may have written), the others follow by their new odds.
 */
function entryGivenSolution(read: CellRead, digit: number): CellRead {
  const weight = (c: { digit: number; p: number }) => c.p * (c.digit === digit ? RIGHT_ENTRY_ODDS : 1);
  const listed = read.candidates.reduce((sum, c) => sum + c.p, 0);
  // Mass the candidates leave out belongs to digits other than the solution's.
  const total = read.candidates.reduce((sum, c) => sum + weight(c), 0) + Math.max(0, 1 - listed);
  const confidence = weight({ digit: read.digit, p: read.confidence }) / total;
  if (!(confidence < read.confidence)) return read;
  const others = read.candidates
    .filter((c) => c.digit !== read.digit)
    .map((c) => ({ digit: c.digit, p: weight(c) / total }))
    .sort((a, b) => b.p - a.p);
  return { ...read, confidence, candidates: [{ digit: read.digit, p: confidence }, ...others] };
}

/**
 * An empty read the CNN doubts. A capped read's doubt is not the CNN's: ink that the ink test took for a
 * digit, and that could only be the solution's digit, stays doubtful.
 */
function doubtedByCnn(read: CellRead): boolean {
  return read.digit === 0 && read.confidence < DOUBT_THRESHOLD && !read.capped;
}
