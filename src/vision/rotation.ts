import type { GrayImage } from "../shared/image.ts";

/** Quarter turns clockwise, 0–3. */
export type Turns = 0 | 1 | 2 | 3;
export const ALL_TURNS: readonly Turns[] = [0, 1, 2, 3];

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

/** Rotates a square gray image clockwise by quarter turns (one turn takes (y, x) from (side − 1 − x, y)). */
export function rotateGray(image: GrayImage, turns: Turns): GrayImage {
  const side = image.width;
  let src = image.data;
  for (let t = 0; t < turns; t++) {
    const dst = new Uint8ClampedArray(src.length);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) dst[y * side + x] = src[(side - 1 - x) * side + y]!;
    }
    src = dst;
  }
  return { width: side, height: side, data: src };
}

/** One clash between two equal digits in a row, column or box costs this much mean log-probability. */
const CLASH_PENALTY = 0.15;
/** A read this probable is taken as a digit when counting clashes. */
const SURE = 0.8;

/**
 * Which quarter turn makes the digits upright. The CNN knows only upright digits, so it is surest
 * of them (mean log-probability of the best digit over the inked cells); but many printed digits
 * read almost as well upside down (6/9, 8, 1, 2, 5), so each turn also pays for the sudoku rules
 * its sure reads break. Turning a grid keeps rows, columns and boxes as sets, so clashes come only
 * from misread digits.
 * @param inked unrotated indices (0–80) of the inked cells
 * @param probsByTurn per turn t, the inked cells' probabilities with their tiles turned t times
 */
export function chooseTurns(
  inked: readonly number[],
  probsByTurn: readonly (readonly Float32Array[])[],
): Turns {
  let best: Turns = 0;
  let bestScore = -Infinity;
  for (const t of ALL_TURNS) {
    const probs = probsByTurn[t]!;
    const digits = new Uint8Array(81);
    let logSum = 0;
    probs.forEach((p, k) => {
      let digit = 1;
      for (let d = 2; d < p.length; d++) if (p[d]! > p[digit]!) digit = d;
      // Only sure reads count against the rules: shading and smudges pass the ink test as noise.
      if (p[digit]! >= SURE) digits[inked[k]!] = digit;
      logSum += Math.log(Math.max(1e-6, p[digit]!));
    });
    const score = logSum / Math.max(1, probs.length) - CLASH_PENALTY * clashes(digits);
    if (score > bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}

/** Pairs of equal digits sharing a row, column or box. */
export function clashes(grid: Uint8Array): number {
  let count = 0;
  for (let a = 0; a < 81; a++) {
    if (!grid[a]) continue;
    for (let b = a + 1; b < 81; b++) {
      if (grid[a] !== grid[b]) continue;
      const sameRow = Math.floor(a / 9) === Math.floor(b / 9);
      const sameCol = a % 9 === b % 9;
      const sameBox =
        Math.floor(a / 27) === Math.floor(b / 27) && Math.floor((a % 9) / 3) === Math.floor((b % 9) / 3);
      if (sameRow || sameCol || sameBox) count++;
    }
  }
  return count;
}
