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
 * where the gray levels look like a dark theme: about 100 ms on a loaded 2-core machine.
 */
function thinStrokesLight(image: GrayImage): boolean {
  const { width: w, height: h, data } = image;
  const dilate = (a: Float32Array) => extremumOverSquare(a, w, h, 1);
  // A min filter is a max filter of the negated image: one tight loop serves both.
  const erode = (a: Float32Array) => extremumOverSquare(a, w, h, -1);
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

/**
 * Max (`sign` 1) or min (−1) over a (2 `STROKE_RADIUS` + 1)² square, clipped at the border: along rows,
 * then along the rows of the transposed image (columns walked in memory order).
 */
function extremumOverSquare(src: Float32Array, w: number, h: number, sign: 1 | -1): Float32Array {
  const across = transpose(extremumAlongRows(src, w, h, sign), w, h);
  return transpose(extremumAlongRows(across, h, w, sign), h, w);
}

/**
 * Max (`sign` 1) or min (−1, as the max of the negated values) over ±`STROKE_RADIUS` along each row, in
 * three comparisons a pixel whatever the radius (van Herk / Gil-Werman: running maxima forward and
 * backward within blocks of the window's length; any window spans two blocks).
 */
function extremumAlongRows(src: Float32Array, w: number, h: number, sign: 1 | -1): Float32Array {
  const window = 2 * STROKE_RADIUS + 1;
  const padded = w + 2 * STROKE_RADIUS;
  const forward = new Float32Array(padded);
  const backward = new Float32Array(padded);
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const at = (i: number) =>
      i < STROKE_RADIUS || i >= w + STROKE_RADIUS ? -Infinity : sign * src[row + i - STROKE_RADIUS]!;
    for (let i = 0; i < padded; i++) {
      forward[i] = i % window === 0 ? at(i) : Math.max(forward[i - 1]!, at(i));
    }
    for (let i = padded - 1; i >= 0; i--) {
      backward[i] = i === padded - 1 || (i + 1) % window === 0 ? at(i) : Math.max(backward[i + 1]!, at(i));
    }
    for (let x = 0; x < w; x++) out[row + x] = sign * Math.max(backward[x]!, forward[x + window - 1]!);
  }
  return out;
}

/** The w×h image `src` turned into its h×w transpose. */
function transpose(src: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[x * h + y] = src[y * w + x]!;
  }
  return out;
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
