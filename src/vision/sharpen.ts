import type { GrayImage } from "../shared/image.ts";
import { grayFromMat, matFromGray } from "./gray.ts";
import { opencv, withMats } from "./opencv.ts";

/**
 * Unsharp masks (Gaussian sigma in px of the 64-px cell, amount) for a second read of a blurred grid,
 * mildest first: a low-resolution photo's blur (up to a tenth of a cell) spreads a stroke into a blob
 * that `prepareCell` saturates, and the CNN reads the blob as empty.
 */
export const SHARPENINGS: readonly (readonly [sigma: number, amount: number])[] = [
  [2, 2],
  [3, 3],
  [4, 4],
];

/**
 * Each cell plus `amount` times its difference from a Gaussian blur of it, its border repeated: cell by
 * cell rather than the whole grid, so the grid lines beside a cell are not sharpened into it (that read 3
 * of 51 failing generated photos worse).
 */
export function sharpenedCells(tiles: readonly GrayImage[], sigma: number, amount: number): GrayImage[] {
  const cv = opencv();
  return withMats((track) => {
    const blurred = track(new cv.Mat());
    const out = track(new cv.Mat());
    return tiles.map((tile) => {
      const src = track(matFromGray(tile));
      cv.GaussianBlur(src, blurred, new cv.Size(0, 0), sigma, sigma, cv.BORDER_REPLICATE);
      cv.addWeighted(src, 1 + amount, blurred, -amount, 0, out);
      return grayFromMat(out);
    });
  });
}
