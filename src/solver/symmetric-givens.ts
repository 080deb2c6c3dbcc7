import {
  DOUBT_THRESHOLD,
  givensOf,
  HANDWRITTEN_THRESHOLD,
  isHandwritten,
  type CellRead,
} from "../shared/reading.ts";
import { SEARCH_MS } from "./missed-clue.ts";
import { hasOneSolution } from "./solve.ts";
import { nearestSymmetry, SYMMETRIES } from "./symmetry.ts";

/**
 * At most this many givens may break the nearest symmetry for the layout to count as symmetric: none of
 * 10,000 unsymmetric published puzzles (kaggle-10k) comes within 5, while a player's neat entries read as
 * print, one per breaker, are rarely more.
 */
const MAX_BREAKERS = 4;

/**
 * Most printed puzzles have a symmetric clue layout (a given's mirror cell holds a given too). In a grid
 * someone has written in, a given whose mirror cell is clearly empty is the player's entry in a neat hand,
 * and a given mirrored by a read entry means one of the two was misjudged: both become givens or both
 * entries, whichever the CNN's handwriting odds of the pair favour. Only when a symmetry is all but
 * complete (at most `MAX_BREAKERS` givens off it), and only if the givens then have exactly one
 * solution, as the printed puzzle had.
 * @param reads the 81 reads, row-major
 * @returns the reads with those cells turned, or the reads as they were
 */
export function givensBySymmetry(reads: readonly CellRead[]): CellRead[] {
  // A puzzle nobody wrote in is read as printed: no symmetry turns its clues into entries.
  if (!reads.some(isHandwritten)) return [...reads];
  const givens = reads.flatMap((read, cell) => (read.digit !== 0 && !isHandwritten(read) ? [cell] : []));
  const { name, breakers } = nearestSymmetry(givens);
  if (breakers.length === 0 || breakers.length > MAX_BREAKERS) return [...reads];
  const mirror = SYMMETRIES[name];
  const turned = [...reads];
  for (const cell of breakers) {
    const read = reads[cell]!;
    const image = reads[mirror(cell)]!;
    if (image.digit === 0) {
      // An empty read the CNN doubts may hide the missed mirror clue: then the given stays.
      if (image.confidence >= DOUBT_THRESHOLD) turned[cell] = withHandwriting(read, HANDWRITTEN_THRESHOLD);
      continue;
    }
    const given = read.handwritten ?? 0;
    const entry = image.handwritten ?? 0;
    const written = given * entry;
    const printed = (1 - given) * (1 - entry);
    // The CNN is certain of both: nothing to weigh.
    if (written + printed === 0) continue;
    const bothWritten = written / (written + printed);
    turned[cell] = withHandwriting(read, bothWritten);
    turned[mirror(cell)] = withHandwriting(image, bothWritten);
  }
  return hasOneSolution(givensOf(turned), { timeoutMs: SEARCH_MS }) ? turned : [...reads];
}

/**
 * The read with the given share of handwriting: at least the threshold when it turns into an entry,
 * below it when it turns into a given.
 */
function withHandwriting(read: CellRead, share: number): CellRead {
  const handwritten = share >= HANDWRITTEN_THRESHOLD ? Math.max(share, read.handwritten ?? 0) : share;
  return { ...read, handwritten };
}
