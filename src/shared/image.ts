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

/**
 * The pixels of `image` within the inclusive bounds `x0…x1`, `y0…y1` grown by `margin` on each side,
 * clipped to the image, as a new image.
 */
export function cropGray(
  image: GrayImage,
  { x0, y0, x1, y1 }: { x0: number; y0: number; x1: number; y1: number },
  margin = 0,
): GrayImage {
  const left = Math.max(0, x0 - margin);
  const top = Math.max(0, y0 - margin);
  const width = Math.min(image.width, x1 + 1 + margin) - left;
  const height = Math.min(image.height, y1 + 1 + margin) - top;
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const from = (top + y) * image.width + left;
    data.set(image.data.subarray(from, from + width), y * width);
  }
  return { width, height, data };
}
