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
