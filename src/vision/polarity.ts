import type { GrayImage } from "../shared/image.ts";
import { withoutMargin } from "./cell-bounds.ts";

/**
 * Whether the grid is drawn light on dark (an app's dark theme). Most of a grid is paper; its ink
 * (digits, lines) lies on one side of the median: far below it on paper, far above it on a dark
 * screen. Shaded boxes move the median but leave the ink the far tail.
 */
export function isLightOnDark(image: GrayImage): boolean {
  const hist = new Uint32Array(256);
  for (const v of image.data) hist[v]!++;
  const [low, mid, high] = [0.02, 0.5, 0.98].map((q) => percentile(hist, image.data.length, q));
  return high! - mid! > 2 * (mid! - low!);
}

/**
 * An unskewed grid (`warpToSquare`) as dark ink on light paper, the form the digit preprocessing
 * knows: a dark-theme screenshot is inverted. The grid alone decides: the margin around it may hold a
 * dark desk or a bright surround that would tip the balance.
 */
export function darkOnLight(warped: GrayImage): GrayImage {
  return isLightOnDark(withoutMargin(warped)) ? invertGray(warped) : warped;
}

/** The gray image with dark and light swapped. */
export function invertGray(image: GrayImage): GrayImage {
  return { ...image, data: image.data.map((v) => 255 - v) };
}

function percentile(hist: Uint32Array, count: number, q: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= q * count) return v;
  }
  return 255;
}
