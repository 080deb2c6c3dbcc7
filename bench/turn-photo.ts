import type { Corners, Point } from "../src/shared/image.ts";
import type { RgbaImage } from "../src/vision/gray.ts";

/**
 * The photo's pixels turned `turns` quarter turns clockwise: what a camera held sideways or upside
 * down delivers when no EXIF tag says so.
 */
export function turnPhoto(image: RgbaImage, turns: number): RgbaImage {
  let out = image;
  for (let t = 0; t < turns; t++) {
    const { width: w, height: h, data } = out;
    const turned = new Uint8ClampedArray(data.length);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        // (x, y) lands at column h − 1 − y, row x of the h × w result.
        turned.set(data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (x * h + (h - 1 - y)) * 4);
      }
    }
    out = { width: h, height: w, data: turned };
  }
  return out;
}

/** Where point `p` of a `width` × `height` photo lands once the photo is turned like `turnPhoto`. */
export function turnPoint(p: Point, width: number, height: number, turns: number): Point {
  let q = p;
  let [w, h] = [width, height];
  for (let t = 0; t < turns; t++) {
    q = { x: h - q.y, y: q.x };
    [w, h] = [h, w];
  }
  return q;
}

/**
 * The photo corner of the read grid's upright top-left cell: the pipeline turns the unskewed grid
 * `rotation` quarter turns clockwise, which brings corner (4 − rotation) mod 4 (TL, TR, BR, BL) to the top left.
 */
export function uprightTopLeft(corners: Corners, rotation: number): Point {
  return corners[(4 - (rotation % 4)) % 4]!;
}
