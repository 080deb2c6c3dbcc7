import type { CellProbabilities } from "../digits/classifier.ts";

/** Quarter turns clockwise, 0–3. */
export type Turns = 0 | 1 | 2 | 3;
export const ALL_TURNS: readonly Turns[] = [0, 1, 2, 3];

/**
 * Rotates a square row-major tile clockwise by `turns` quarter turns. One clockwise turn takes
 * (y, x) from (side − 1 − x, y).
 */
export function rotateTile(tile: Float32Array, turns: Turns): Float32Array {
  const side = Math.round(Math.sqrt(tile.length));
  let src = tile;
  for (let t = 0; t < turns; t++) {
    const dst = new Float32Array(tile.length);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) dst[y * side + x] = src[(side - 1 - x) * side + y]!;
    }
    src = dst;
  }
  return src;
}

/**
 * Index in the unrotated 9×9 grid of upright cell `index` after `turns` clockwise turns
 * (the same mapping the UI's overlay uses to place digits back on the photo).
 */
export function unrotatedIndex(index: number, turns: Turns): number {
  let r = Math.floor(index / 9);
  let c = index % 9;
  for (let t = 0; t < turns; t++) [r, c] = [8 - c, r];
  return r * 9 + c;
}

/** Reorders 81 per-cell values of the unrotated grid into upright row-major order. */
export function uprightOrder<T>(cells: readonly T[], turns: Turns): T[] {
  return cells.map((_, i) => cells[unrotatedIndex(i, turns)]!);
}

/**
 * How confidently the classifier reads the digits when they are turned `turns` times: mean log
 * probability of the best digit (classes 1–9) over the cells with ink. Upright print scores near
 * 0; sideways or upside-down print spreads probability and scores far lower.
 */
export function orientationScore(probs: readonly CellProbabilities[]): number {
  if (probs.length === 0) return 0;
  let sum = 0;
  for (const p of probs) sum += Math.log(Math.max(1e-6, ...p.subarray(1)));
  return sum / probs.length;
}

/** The turns whose reading is most confident; ties keep the photo as it is. */
export function bestTurns(scores: readonly number[]): Turns {
  let best: Turns = 0;
  for (const t of ALL_TURNS) if (scores[t]! > scores[best]!) best = t;
  return best;
}
