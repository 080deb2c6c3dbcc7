import type { GrayImage } from "./image.ts";

/** A summed-area table: the sum over any axis-aligned window in four lookups. */
export interface SummedArea {
  /** (width + 1) × (height + 1) running sums, with a zero first row and column. */
  table: Float64Array;
  width: number;
}

/** The summed-area table of `value(pixel)` over the image (of the pixels themselves by default). */
export function summedArea(image: GrayImage, value: (v: number) => number = (v) => v): SummedArea {
  const { width: w, height: h, data } = image;
  const table = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += value(data[y * w + x]!);
      const i = (y + 1) * (w + 1) + x + 1;
      table[i] = table[i - w - 1]! + row;
    }
  }
  return { table, width: w };
}

/** The sum over the window x0 ≤ x < x1, y0 ≤ y < y1. */
export function windowSum(
  { table, width }: SummedArea,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  const stride = width + 1;
  return (
    table[y1 * stride + x1]! - table[y0 * stride + x1]! - table[y1 * stride + x0]! + table[y0 * stride + x0]!
  );
}
