import type { InkShape } from "../digits/empty-cell.ts";
import { ALL_TURNS, clashes, type Turns } from "./rotation.ts";
import { median } from "../shared/median.ts";

/** The quarter turn taken as upright, and the runner-up when the evidence was a near-tie. */
export interface UprightChoice {
  turns: Turns;
  /** Set when another turn read almost as well: the page asks "Is the photo upright?". */
  runnerUp?: Turns;
}

/** A read this probable counts as a digit read surely. */
const SURE = 0.9;
/**
 * Another turn beats the upright default only when it reads this share of the inked cells more
 * surely (sure reads minus sudoku clashes, over the inked cells). The true turn led by ≥ 0.28 on every
 * dev photo in every turn, by ≥ 0.069 on the wild set (a cut-off 320×240 grid); cells that read
 * surely both ways (6/9, 8, 1, 0) cancel out, so a 6/9 swap cannot supply this lead.
 */
const TURN_MARGIN = 0.05;
/** A lead below this is a near-tie, surfaced to the user (half the smallest lead on dev). */
const NEAR_TIE = 0.14;
/**
 * Printed digits are taller than wide: the median log(height / width) of a grid's inked cells was
 * ≥ 0.22 upright and ≤ −0.21 sideways on every dev and wild photo. Within ±this, the shape says nothing.
 */
const ASPECT_MARGIN = 0.1;
/** Fewer sure reads than this (in every turn together) leave the shape to all the inked cells. */
const MIN_SHAPES = 5;

/**
 * Which quarter turn makes the digits upright; upright as given unless another turn is clearly better.
 * Two independent checks: the ink boxes' shape (of the cells read as a digit in some turn) tells
 * upright-or-half-turned from sideways (a CNN cannot be fooled into it by a 1 or 7), then the CNN
 * tells a grid from its half turn by how many more cells it reads surely, less the sudoku rules those
 * sure reads break (turning keeps rows, columns and boxes as sets, so clashes come only from misreads).
 * @param inked unrotated indices (0–80) of the cells holding ink in some turn
 * @param shapes their ink shapes as cut from the unrotated grid
 * @param probsByTurn per turn t, the inked cells' digit probabilities (`digitProbabilities`) with their
 *   tiles turned t times
 */
export function chooseUpright(
  inked: readonly number[],
  shapes: readonly InkShape[],
  probsByTurn: readonly (readonly Float32Array[])[],
): UprightChoice {
  const evidence = ALL_TURNS.map((t) => sureShare(inked, probsByTurn[t]!));
  const aspect = median(digitShapes(shapes, probsByTurn).map((s) => Math.log(s.height / s.width)));
  const pair = (a: Turns, b: Turns): UprightChoice => {
    // `a` is the default: b must lead by the margin.
    const lead = evidence[b]! - evidence[a]!;
    const turns = lead >= TURN_MARGIN ? b : a;
    return Math.abs(lead) < NEAR_TIE ? { turns, runnerUp: turns === a ? b : a } : { turns };
  };
  if (aspect >= ASPECT_MARGIN) return pair(0, 2);
  if (aspect <= -ASPECT_MARGIN) return evidence[3]! >= evidence[1]! ? pair(1, 3) : pair(3, 1);
  // The shape says nothing (few or square-ish digits): upright unless a turn reads clearly better,
  // and the runner-up is always offered.
  const ranked = [...ALL_TURNS].sort((a, b) => evidence[b]! - evidence[a]! || a - b);
  const turns = evidence[ranked[0]!]! - evidence[0]! >= TURN_MARGIN ? ranked[0]! : 0;
  return { turns, runnerUp: ranked.find((t) => t !== turns)! };
}

/**
 * The shapes of the inked cells that read surely as a digit in some turn, when there are enough of
 * them: on grainy, blurred photos every cell holds specks that pass as ink, their boxes are as wide
 * as tall, and they outvoted the digits' shape (generated photos with noise ≥ 10 levels were read sideways).
 */
function digitShapes(
  shapes: readonly InkShape[],
  probsByTurn: readonly (readonly Float32Array[])[],
): readonly InkShape[] {
  const read = shapes.filter((_, k) => probsByTurn.some((probs) => topDigit(probs[k]!).p >= SURE));
  return read.length >= MIN_SHAPES ? read : shapes;
}

/** The most probable digit (1–9) of a cell and its probability. */
function topDigit(p: Float32Array): { digit: number; p: number } {
  let digit = 1;
  for (let d = 2; d < p.length; d++) if (p[d]! > p[digit]!) digit = d;
  return { digit, p: p[digit]! };
}

/** Share of the inked cells read surely as a digit, less the clashes among those sure reads. */
function sureShare(inked: readonly number[], probs: readonly Float32Array[]): number {
  const grid = new Uint8Array(81);
  let sure = 0;
  probs.forEach((p, k) => {
    const top = topDigit(p);
    if (top.p < SURE) return;
    grid[inked[k]!] = top.digit;
    sure++;
  });
  return (sure - clashes(grid)) / Math.max(1, inked.length);
}
