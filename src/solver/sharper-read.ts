import { DOUBT_THRESHOLD, givensOf, isHandwritten, type CellRead } from "../shared/reading.ts";
import { doubted, SEARCH_MS } from "./missed-clue.ts";
import { hasOneSolution } from "./solve.ts";

/** Whether the read's printed digits have exactly one solution within the reader's search budget. */
export function givensHaveOneSolution(reads: readonly CellRead[]): boolean {
  return hasOneSolution(givensOf(reads), { timeoutMs: SEARCH_MS });
}

/**
 * Merges a second read of a grid (its cells sharpened) into the first, whose givens do not have one
 * solution: only the first read's doubtful cells may change, only to another printed digit (a
 * handwritten entry that turned into a given would make any puzzle look more complete, and sharpening
 * restores strokes, while it only adds grain where there are none: a generated photo's doubtful but
 * right 3 read empty, and the givens still had one solution) or, from a doubtful given, to an entry (a
 * blurred 128-px photo's pen 8 read as a printed 1 at 0.45 broke the givens; sharpened, it read as a
 * handwritten 8 at 0.65–0.76 in all three sharpenings), and the merge counts only when its givens have
 * exactly one solution. Changed cells are shown as doubtful, since the first look read them otherwise.
 * @returns the merged reads, or undefined when nothing changed or the givens still do not have one solution
 */
export function mergeSharperRead(
  first: readonly CellRead[],
  sharper: readonly CellRead[],
): CellRead[] | undefined {
  let changed = false;
  const merged = first.map((read, i) => {
    const again = sharper[i]!;
    const open =
      read.confidence < DOUBT_THRESHOLD &&
      !isHandwritten(read) &&
      (!isHandwritten(again) || read.digit !== 0);
    if (!open || again.digit === 0 || again.digit === read.digit) return read;
    changed = true;
    return doubted(again);
  });
  return changed && givensHaveOneSolution(merged) ? merged : undefined;
}
