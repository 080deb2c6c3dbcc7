import { CELL_PX } from "../digits/geometry.ts";
import type { Corners, GrayImage, Point } from "../shared/image.ts";
import { gridLines, gridMargin, lineAt, type GridLines } from "./cell-bounds.ts";

/**
 * Cuts the unskewed grid (`warpToSquare`: WARP_PX² in a margin) into its 81 cells, row-major, each
 * resampled to CELL_PX² from the quad between the grid lines around it as found in the image
 * (`gridLines`; a flat, well-found grid cuts at exactly k × CELL_PX). Grid-line remnants at the edges
 * are left for the digit preprocessing, which knows how to ignore them. Another plane of the same
 * unskewed grid (its colour) is cut along the `lines` found in the gray one.
 */
export function sliceCells(warped: GrayImage, lines: GridLines = gridLines(warped)): GrayImage[] {
  const margin = gridMargin(warped);
  const { vertical, horizontal } = lines;
  const crossing = (col: number, row: number) => {
    const { x, y } = cross(vertical[col]!, horizontal[row]!);
    return { x: x + margin, y: y + margin };
  };
  const cells: GrayImage[] = [];
  for (let row = 0; row < 9; row++) {
    for (let col = 0; col < 9; col++) {
      const quad: Corners = [
        crossing(col, row),
        crossing(col + 1, row),
        crossing(col + 1, row + 1),
        crossing(col, row + 1),
      ];
      cells.push(resample(warped, quad));
    }
  }
  return cells;
}

/**
 * Where a vertical line (its x at each band edge y = j × CELL_PX) crosses a horizontal one (its y
 * at each x = j × CELL_PX): both are nearly axis-parallel, so a few alternating look-ups settle it.
 */
function cross(vertical: readonly number[], horizontal: readonly number[]): Point {
  let x = lineAt(vertical, 0);
  let y = lineAt(horizontal, x);
  for (let i = 0; i < 2; i++) {
    x = lineAt(vertical, y);
    y = lineAt(horizontal, x);
  }
  return { x, y };
}

/**
 * The quad TL, TR, BR, BL scaled to CELL_PX² (bilinear in both the mapping and the sampling; an
 * axis-aligned CELL_PX² square is copied as is).
 */
function resample(image: GrayImage, [tl, tr, br, bl]: Corners): GrayImage {
  const data = new Uint8ClampedArray(CELL_PX * CELL_PX);
  const side = image.width;
  const last = side - 1;
  for (let oy = 0; oy < CELL_PX; oy++) {
    const v = (oy + 0.5) / CELL_PX;
    for (let ox = 0; ox < CELL_PX; ox++) {
      const u = (ox + 0.5) / CELL_PX;
      const sx = (1 - v) * (tl.x + (tr.x - tl.x) * u) + v * (bl.x + (br.x - bl.x) * u);
      const sy = (1 - u) * (tl.y + (bl.y - tl.y) * v) + u * (tr.y + (br.y - tr.y) * v);
      const x = Math.min(last, Math.max(0, sx - 0.5));
      const y = Math.min(last, Math.max(0, sy - 0.5));
      const xa = Math.floor(x);
      const xb = Math.min(last, xa + 1);
      const fx = x - xa;
      const ya = Math.floor(y);
      const yb = Math.min(last, ya + 1);
      const fy = y - ya;
      const top = image.data[ya * side + xa]! * (1 - fx) + image.data[ya * side + xb]! * fx;
      const bottom = image.data[yb * side + xa]! * (1 - fx) + image.data[yb * side + xb]! * fx;
      data[oy * CELL_PX + ox] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width: CELL_PX, height: CELL_PX, data };
}
