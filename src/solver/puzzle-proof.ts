import { DOUBT_THRESHOLD, isHandwritten, type CellRead } from "../shared/reading.ts";
import { SEARCH_MS } from "./missed-clue.ts";
import { givensHaveOneSolution } from "./sharper-read.ts";
import { hasOneSolution } from "./solve.ts";

/**
 * Whether the read's printed digits, or else all its digits (printed and handwritten), have exactly one
 * solution. At low resolution printed digits can read as a hand (a 320×240 book page: 6 of its 30
 * givens), which leaves the givens short of one solution while all the digits together still have one.
 */
export function digitsHaveOneSolution(reads: readonly CellRead[]): boolean {
  return (
    givensHaveOneSolution(reads) ||
    (reads.some(isHandwritten) &&
      hasOneSolution(
        Uint8Array.from(reads, (read) => read.digit),
        { timeoutMs: SEARCH_MS },
      ))
  );
}

const EMPTY: CellRead = { digit: 0, confidence: 1, candidates: [{ digit: 0, p: 1 }] };

/**
 * Whether a candidate grid's read proves it a sudoku, not a misfit quad's garble (`digitsHaveOneSolution`),
 * with at most one of its doubtful digits left out. The grids that must prove themselves so (weak fits,
 * long shots) are mostly small or faint, and one misread given (a 320×240 newspaper photo's 5 read as a 3
 * at 0.77) left no solution; a misfit quad's digits, a puzzle's rows or columns shifted and mixed with
 * text, clash in many places.
 */
export function provesPuzzle(reads: readonly CellRead[]): boolean {
  if (digitsHaveOneSolution(reads)) return true;
  return reads.some(
    (read, cell) =>
      read.digit !== 0 &&
      read.confidence < DOUBT_THRESHOLD &&
      digitsHaveOneSolution(reads.map((other, i) => (i === cell ? EMPTY : other))),
  );
}
