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

/** `image` resampled to `factor` times its size (bilinear, pixel centres kept in place). */
export function scaleGray(image: GrayImage, factor: number): GrayImage {
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const data = new Uint8ClampedArray(width * height);
  const at = (x: number, y: number) => image.data[y * image.width + x]!;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const fx = sx - x0;
      const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
      const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
      data[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width, height, data };
}
