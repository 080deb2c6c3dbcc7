import { givensOf, isHandwritten, type CellRead } from "../shared/reading.ts";
import { SEARCH_MS } from "./missed-clue.ts";
import { hasOneSolution, solve } from "./solve.ts";

/**
 * An entry the CNN calls written by hand at least this likely shows that a player has written in the
 * grid; below it an entry may be print: the typeface check makes a given an entry at a share of 0.5 when
 * its glyph matches none of its printed twins (a crumpled page bends print out of their shape).
 */
const SURE_HAND = 0.9;
/** At most this many entries, least handwritten first, are tried: each try costs one solve. */
const MAX_SUSPECTS = 6;

/**
 * A printed puzzle has exactly one solution. When the givens as read have several, a clue was missed or
 * read as an entry. In a grid with no entry surely written by hand (`SURE_HAND`), mostly one nobody has
 * written in, the entries that give the givens exactly one solution are print: the least handwritten
 * first, up to the least share that gives one (ties alike: a typeface check that finds no printed twin
 * for the givens of a crumpled page gives each the same share). Where a player has surely written, a clue
 * missed elsewhere is likelier, and the player's own entries would stand in for it. Only a definite
 * verdict counts (several solutions found, not a search out of time).
 * @param reads the 81 reads, row-major
 * @returns the reads with those entries turned into givens, or the reads as they were
 */
export function entriesAsMissingGivens(reads: readonly CellRead[]): CellRead[] {
  const entries = reads.flatMap((read, cell) => (isHandwritten(read) ? [cell] : []));
  const written = entries.some((cell) => reads[cell]!.handwritten! >= SURE_HAND);
  // Most grids have no entry, or one surely written: their givens need no solve here.
  if (entries.length === 0 || written) return [...reads];
  const suspects = entries
    .sort((a, b) => reads[a]!.handwritten! - reads[b]!.handwritten!)
    .slice(0, MAX_SUSPECTS);
  const givens = givensOf(reads);
  const solved = solve(givens, { timeoutMs: SEARCH_MS });
  if (solved.kind !== "solved" || solved.unique) return [...reads];
  const share = (k: number) => reads[suspects[k]!]!.handwritten!;
  const withPrinted = (printed: readonly number[]): Uint8Array => {
    const grid = Uint8Array.from(givens);
    for (const cell of printed) grid[cell] = reads[cell]!.digit;
    return grid;
  };
  for (let k = 1; k <= suspects.length; k++) {
    if (k < suspects.length && share(k) === share(k - 1)) continue;
    const printed = suspects.slice(0, k);
    if (hasOneSolution(withPrinted(printed), { timeoutMs: SEARCH_MS })) {
      return reads.map((read, cell) => (printed.includes(cell) ? { ...read, handwritten: 0 } : read));
    }
  }
  return [...reads];
}
