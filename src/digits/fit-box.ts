import { MODEL_INPUT_PX } from "./geometry.ts";

/** Side of the box, inside the MODEL_INPUT_PX² tile, that the digit's longer side is scaled to (MNIST-like margin). */
export const DIGIT_BOX_PX = 24;
/** Sub-samples per output pixel and axis: an area average, so downscaling does not alias thin strokes. */
const SUPERSAMPLE = 3;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Where `fitToBox` puts the ink of `box`: scaled by `scale` (input px per cell px), the box's centre
 * (`cx`, `cy`, cell pixels) on the input's centre.
 */
export function boxPlacement(box: Box): { scale: number; cx: number; cy: number } {
  return {
    scale: DIGIT_BOX_PX / Math.max(box.x1 - box.x0 + 1, box.y1 - box.y0 + 1),
    cx: (box.x0 + box.x1 + 1) / 2,
    cy: (box.y0 + box.y1 + 1) / 2,
  };
}

/** Where `box`'s centre lies from the centre of its w×h cell (right and down positive), as shares of its sides. */
export function boxOffset(box: Box, w: number, h: number): { x: number; y: number } {
  return { x: (box.x0 + box.x1 + 1) / (2 * w) - 0.5, y: (box.y0 + box.y1 + 1) / (2 * h) - 0.5 };
}

/** Distance of `box`'s centre from the centre of its w×h cell, as a share of the cell's side. */
export function boxOffCentre(box: Box, w: number, h: number): number {
  const { x, y } = boxOffset(box, w, h);
  return Math.hypot(x, y);
}

/**
 * Scales the ink inside `box` (inclusive pixel bounds) so its longer side spans DIGIT_BOX_PX,
 * keeping the aspect ratio, centred by bounding box in a MODEL_INPUT_PX² tile.
 * @param ink w×h values in 0..1
 * @returns MODEL_INPUT_PX² values in 0..1, row-major
 */
export function fitToBox(ink: Float32Array, w: number, h: number, box: Box): Float32Array {
  const out = new Float32Array(MODEL_INPUT_PX * MODEL_INPUT_PX);
  const { scale, cx, cy } = boxPlacement(box);
  const half = MODEL_INPUT_PX / 2;
  const n = SUPERSAMPLE;
  for (let oy = 0; oy < MODEL_INPUT_PX; oy++) {
    for (let ox = 0; ox < MODEL_INPUT_PX; ox++) {
      let sum = 0;
      for (let sy = 0; sy < n; sy++) {
        const y = cy + (oy + (sy + 0.5) / n - half) / scale;
        for (let sx = 0; sx < n; sx++) {
          const x = cx + (ox + (sx + 0.5) / n - half) / scale;
          sum += bilinear(ink, w, h, x - 0.5, y - 0.5);
        }
      }
      out[oy * MODEL_INPUT_PX + ox] = sum / (n * n);
    }
  }
  return out;
}

/** Bilinear sample at pixel-centre coordinates (x, y); outside the image is 0 (paper). */
function bilinear(img: Float32Array, w: number, h: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const top = pixel(img, w, h, x0, y0) * (1 - fx) + pixel(img, w, h, x0 + 1, y0) * fx;
  const bottom = pixel(img, w, h, x0, y0 + 1) * (1 - fx) + pixel(img, w, h, x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

function pixel(img: Float32Array, w: number, h: number, x: number, y: number): number {
  return x < 0 || y < 0 || x >= w || y >= h ? 0 : img[y * w + x]!;
}
