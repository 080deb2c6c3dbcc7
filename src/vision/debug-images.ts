import type { Corners, GrayImage, Point } from "../shared/image.ts";
import { WARP_PX } from "../digits/geometry.ts";
import { gridMargin, lineAt, type GridLines } from "./cell-bounds.ts";
import { toRgba, type RgbaImage } from "./gray.ts";
import { rotateGray, type Turns } from "./rotation.ts";

/** The stage images of one read, as RGBA (the worker wraps them in ImageData for transfer). */
export interface StageImages {
  threshold?: RgbaImage;
  contour?: RgbaImage;
  warped?: RgbaImage;
  cells?: RgbaImage[];
}

/** The photo (at detection scale) with the grid's outline in red and its first corner marked. */
export function outlineGrid(gray: GrayImage, corners: Corners): RgbaImage {
  const image = toRgba(gray);
  const radius = Math.max(1, Math.round(Math.max(gray.width, gray.height) / 400));
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!;
    const b = corners[(i + 1) % 4]!;
    const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * 2);
    for (let s = 0; s <= steps; s++) {
      const t = s / Math.max(1, steps);
      disc(image, a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, radius);
    }
  }
  disc(image, corners[0].x, corners[0].y, radius * 4);
  return image;
}

/**
 * The unskewed grid turned upright (`turns`), with the grid lines the cells were cut along drawn in
 * blue: on a curled page they bend with the print, where a flat warp's cut would run straight.
 */
export function traceGridLines(
  warped: GrayImage,
  { vertical, horizontal }: GridLines,
  turns: Turns,
): RgbaImage {
  const image = toRgba(rotateGray(warped, turns));
  const side = warped.width;
  const margin = gridMargin(warped);
  // One clockwise quarter turn takes (x, y) to (side − 1 − y, x), as rotateGray does.
  const upright = (p: Point): Point => {
    let { x, y } = p;
    for (let t = 0; t < turns; t++) [x, y] = [side - 1 - y, x];
    return { x, y };
  };
  for (let t = 0; t <= WARP_PX; t++) {
    for (const knots of vertical) {
      dot(image, upright({ x: margin + lineAt(knots, t), y: margin + t }), LINE_BLUE);
    }
    for (const knots of horizontal) {
      dot(image, upright({ x: margin + t, y: margin + lineAt(knots, t) }), LINE_BLUE);
    }
  }
  return image;
}

const LINE_BLUE: Rgb = [20, 110, 230];
const OUTLINE_RED: Rgb = [230, 30, 30];

type Rgb = readonly [number, number, number];

/** Paints the pixel nearest (x, y), if it lies in the image. */
function dot(image: RgbaImage, { x, y }: Point, [r, g, b]: Rgb): void {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= image.width || py >= image.height) return;
  const j = (py * image.width + px) * 4;
  image.data[j] = r;
  image.data[j + 1] = g;
  image.data[j + 2] = b;
}

function disc(image: RgbaImage, cx: number, cy: number, r: number): void {
  for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
    for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) dot(image, { x, y }, OUTLINE_RED);
    }
  }
}
