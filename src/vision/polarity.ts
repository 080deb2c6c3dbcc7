import type { GrayImage } from "../shared/image.ts";
import { maxFilter, minFilter } from "../digits/ink.ts";
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
 * dark desk or a bright surround that would tip the balance. A shadow's edge across a printed grid
 * splits its gray levels too, into a dark and a light half, which `isLightOnDark` can take for a dark
 * theme (4 of 1,000 generated grids; a half-filled photo read 29 of 81 cells right, a printed one
 * garbled under a wrong turn): the grid's thin strokes must be light as well.
 */
export function darkOnLight(warped: GrayImage): GrayImage {
  const grid = withoutMargin(warped);
  return isLightOnDark(grid) && thinStrokesLight(grid) ? invertGray(warped) : warped;
}

/** Half the side of the square that a digit's or a grid line's stroke fits in (in a `WARP_PX` grid). */
const STROKE_RADIUS = 5;

/**
 * Whether the grid's thin strokes (digits, lines: narrower than the filters' 11-px square) stand out
 * lighter than their surroundings more than darker: the mean white top-hat (image − opening) against the
 * black top-hat (closing − image). A shadow's edge is a step, which neither keeps. On the 1,000
 * generated grids (true corners), light print on dark screens measured 1.2–6.5 times more light than
 * dark, paper 0.14–1.02 (the 4 shadowed ones 0.42–0.87); dev and wild grids at most 0.74. It runs only
 * where the gray levels look like a dark theme: about 130 ms here, with the cell preprocessing's
 * max filter (`maxFilter`).
 */
function thinStrokesLight(image: GrayImage): boolean {
  const { width: w, height: h, data } = image;
  const dilate = (a: Float32Array) => maxFilter(a, w, h, STROKE_RADIUS);
  const erode = (a: Float32Array) => minFilter(a, w, h, STROKE_RADIUS);
  const src = Float32Array.from(data);
  const opened = dilate(erode(src));
  const closed = erode(dilate(src));
  let light = 0;
  let dark = 0;
  for (let i = 0; i < src.length; i++) {
    light += src[i]! - opened[i]!;
    dark += closed[i]! - src[i]!;
  }
  return light > dark;
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
