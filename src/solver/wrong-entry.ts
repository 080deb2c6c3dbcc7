import { givensOf, HANDWRITTEN_THRESHOLD, isHandwritten, type CellRead } from "../shared/reading.ts";
import { SEARCH_MS } from "./missed-clue.ts";
import { hasOneSolution, solve } from "./solve.ts";

/**
 * A given the CNN calls written by hand at least this likely may be an entry in a neat hand: entries it
 * takes for print get a median share of 0.17, while one printed digit in twenty gets over 0.03
 * (`DOUBTED_PRINT` in `src/digits/typeface-check.ts`).
 */
const ENTRY_SUSPECT = 0.05;
/** At most this many suspects, likeliest first, are each tried with one solve. */
const MAX_SUSPECTS = 3;

/**
 * A printed puzzle has a solution. When the givens as read have none, and without one given that the CNN
 * thought might be handwritten they have exactly one, that given is the player's wrong entry in a neat
 * hand (read as print, it made the puzzle look broken): it becomes an entry again, which the page then
 * points out as contradicting the solution. Only a definite verdict counts (a conflict or no solution,
 * not a search out of time).
 * @param reads the 81 reads, row-major
 * @returns the reads with that given turned into an entry, or the reads as they were
 */
export function givenAsWrongEntry(reads: readonly CellRead[]): CellRead[] {
  const suspects = reads
    .flatMap((read, cell) =>
      read.digit !== 0 && !isHandwritten(read) && (read.handwritten ?? 0) >= ENTRY_SUSPECT ? [cell] : [],
    )
    .sort((a, b) => reads[b]!.handwritten! - reads[a]!.handwritten!)
    .slice(0, MAX_SUSPECTS);
  // Most grids have no suspect: their givens need no solve here.
  if (suspects.length === 0) return [...reads];
  const givens = givensOf(reads);
  const verdict = solve(givens, { timeoutMs: SEARCH_MS }).kind;
  if (verdict !== "conflict" && verdict !== "unsolvable") return [...reads];
  const entry = suspects.find((cell) => {
    const without = Uint8Array.from(givens);
    without[cell] = 0;
    return hasOneSolution(without, { timeoutMs: SEARCH_MS });
  });
  if (entry === undefined) return [...reads];
  return reads.map((read, cell) =>
    cell === entry ? { ...read, handwritten: Math.max(read.handwritten!, HANDWRITTEN_THRESHOLD) } : read,
  );
}
