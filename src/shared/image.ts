/** One byte per pixel, 0 = black, 255 = white; row-major. Cheaper to pass around than RGBA ImageData. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface Point {
  x: number;
  y: number;
}

/** Grid corners in source-image pixels, ordered top-left, top-right, bottom-right, bottom-left. */
export type Corners = readonly [Point, Point, Point, Point];

/** `f` applied to each corner, order kept. */
export function mapCorners(c: Corners, f: (p: Point) => Point): Corners {
  return [f(c[0]), f(c[1]), f(c[2]), f(c[3])];
}
