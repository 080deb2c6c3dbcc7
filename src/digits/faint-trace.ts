import { median } from "../shared/median.ts";
import type { PreparedCell } from "./preprocess.ts";

/**
 * A cell where the ink test kept nothing holds a trace of a digit when its darkest strokes near the centre
 * are at least this many times those of the grid's median such cell. On the dev photos, a red 7 washed out
 * by glare (two shots of one page) peaked at 3.4 and 4.1 times its grid's median; the other blank cells of
 * those grids at most 2.6 times.
 */
const TRACE_RATIO = 3;

/**
 * Per cell, whether it holds no ink the reader kept yet a faint trace of some: a digit washed out by glare
 * leaves one, which the CNN never sees. Not read as a digit, only a suspect where a clue is missing
 * (`missedClueSuspects`), worth a second look (`secondLooks`).
 * @param prepared `prepareCell` of each cell of the grid
 */
export function faintTraces(prepared: readonly PreparedCell[]): boolean[] {
  const typical = median(prepared.flatMap((cell) => (cell.shape ? [] : [cell.peak])));
  return prepared.map((cell) => !cell.shape && typical > 0 && cell.peak >= TRACE_RATIO * typical);
}
