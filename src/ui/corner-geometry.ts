import { isGridQuad } from "../shared/corners.ts";
import type { Corners, Point } from "../shared/image.ts";

export interface PhotoSize {
  width: number;
  height: number;
}

/** Accessible names of the handles, in corner order TL, TR, BR, BL. */
export const CORNER_NAMES = [
  "Top-left corner",
  "Top-right corner",
  "Bottom-right corner",
  "Bottom-left corner",
] as const;

/** Where the handles start when no grid was found: a rectangle inset from the photo's edges. */
export function defaultCorners({ width, height }: PhotoSize): Corners {
  const dx = 0.15 * width;
  const dy = 0.15 * height;
  return [
    { x: dx, y: dy },
    { x: width - dx, y: dy },
    { x: width - dx, y: height - dy },
    { x: dx, y: height - dy },
  ];
}

/**
 * Corner `index` moved to `to`, kept inside the photo. A move that would cross or fold the quad (or
 * squeeze a side below 3 % of the photo) is refused: the corners stay as they were.
 */
export function moveCorner(corners: Corners, index: number, to: Point, size: PhotoSize): Corners {
  const p = {
    x: Math.min(size.width, Math.max(0, to.x)),
    y: Math.min(size.height, Math.max(0, to.y)),
  };
  const moved: Corners = [
    index === 0 ? p : corners[0],
    index === 1 ? p : corners[1],
    index === 2 ? p : corners[2],
    index === 3 ? p : corners[3],
  ];
  return isGridQuad(moved, 0.03 * Math.min(size.width, size.height)) ? moved : corners;
}

const ARROWS: Record<string, Point> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** The move an arrow key asks for, `step` long (null for any other key). */
export function arrowMove(key: string, step: number): Point | null {
  const unit = ARROWS[key];
  return unit ? { x: unit.x * step, y: unit.y * step } : null;
}
