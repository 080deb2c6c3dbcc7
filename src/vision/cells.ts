import { CELL_PX, WARP_PX } from "../digits/geometry.ts";
import type { GrayImage } from "../shared/image.ts";
import { cellBounds } from "./cell-bounds.ts";

/**
 * Cuts the WARP_PX² unskewed grid into its 81 cells, row-major, each resampled to CELL_PX² from between
 * the grid lines around it as found in the image (`cellBounds`; a flat, well-found grid cuts at exactly
 * k × CELL_PX). Grid-line remnants at the edges are left for the digit preprocessing, which knows how to
 * ignore them.
 */
export function sliceCells(warped: GrayImage): GrayImage[] {
  if (warped.width !== WARP_PX || warped.height !== WARP_PX) {
    throw new Error(`sliceCells expects a ${WARP_PX}² grid, got ${warped.width}×${warped.height}`);
  }
  const { columns, rows } = cellBounds(warped);
  const cells: GrayImage[] = [];
  for (let row = 0; row < 9; row++) {
    for (let col = 0; col < 9; col++) {
      const x0 = columns[row]![col]!;
      const y0 = rows[col]![row]!;
      cells.push(resample(warped, x0, y0, columns[row]![col + 1]! - x0, rows[col]![row + 1]! - y0));
    }
  }
  return cells;
}

/** The `w`×`h` region at (`x0`, `y0`) scaled to CELL_PX² (bilinear; a CELL_PX² region is copied as is). */
function resample(image: GrayImage, x0: number, y0: number, w: number, h: number): GrayImage {
  const data = new Uint8ClampedArray(CELL_PX * CELL_PX);
  const sx = w / CELL_PX;
  const sy = h / CELL_PX;
  const last = WARP_PX - 1;
  for (let oy = 0; oy < CELL_PX; oy++) {
    const y = Math.min(last, Math.max(0, y0 + (oy + 0.5) * sy - 0.5));
    const ya = Math.floor(y);
    const yb = Math.min(last, ya + 1);
    const fy = y - ya;
    for (let ox = 0; ox < CELL_PX; ox++) {
      const x = Math.min(last, Math.max(0, x0 + (ox + 0.5) * sx - 0.5));
      const xa = Math.floor(x);
      const xb = Math.min(last, xa + 1);
      const fx = x - xa;
      const top = image.data[ya * WARP_PX + xa]! * (1 - fx) + image.data[ya * WARP_PX + xb]! * fx;
      const bottom = image.data[yb * WARP_PX + xa]! * (1 - fx) + image.data[yb * WARP_PX + xb]! * fx;
      data[oy * CELL_PX + ox] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width: CELL_PX, height: CELL_PX, data };
}
