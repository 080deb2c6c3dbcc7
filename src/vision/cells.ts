import { CELL_PX, WARP_PX } from "../digits/geometry.ts";
import type { GrayImage } from "../shared/image.ts";

/**
 * Cuts the WARP_PX² unskewed grid into its 81 cells, row-major, each exactly CELL_PX² (grid-line
 * remnants at the edges are left for the digit preprocessing, which knows how to ignore them).
 */
export function sliceCells(warped: GrayImage): GrayImage[] {
  if (warped.width !== WARP_PX || warped.height !== WARP_PX) {
    throw new Error(`sliceCells expects a ${WARP_PX}² grid, got ${warped.width}×${warped.height}`);
  }
  const cells: GrayImage[] = [];
  for (let row = 0; row < 9; row++) {
    for (let col = 0; col < 9; col++) {
      const data = new Uint8ClampedArray(CELL_PX * CELL_PX);
      for (let y = 0; y < CELL_PX; y++) {
        const start = (row * CELL_PX + y) * WARP_PX + col * CELL_PX;
        data.set(warped.data.subarray(start, start + CELL_PX), y * CELL_PX);
      }
      cells.push({ width: CELL_PX, height: CELL_PX, data });
    }
  }
  return cells;
}
