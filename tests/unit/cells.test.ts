import { expect, test } from "vitest";
import { CELL_PX, GRID_MARGIN_PX, UNSKEWED_PX } from "../../src/digits/geometry.ts";
import { invertHomography, project, squareToQuad } from "../../src/shared/homography.ts";
import type { Corners, GrayImage } from "../../src/shared/image.ts";
import type { GridLines } from "../../src/vision/cell-bounds.ts";
import { cellCutter } from "../../src/vision/cells.ts";

/** Lines where a flat, well-found grid has them: k × CELL_PX along every band edge. */
const FLAT: GridLines = {
  vertical: Array.from({ length: 10 }, (_, k) => Array<number>(10).fill(k * CELL_PX)),
  horizontal: Array.from({ length: 10 }, (_, k) => Array<number>(10).fill(k * CELL_PX)),
};
const shadeOf = (cell: number) => 20 + 2 * cell;

/** A plane whose unskewed square (margin included) lies at `framed`: each cell one flat shade, 250 outside. */
function planeOfCells(width: number, height: number, framed: Corners): GrayImage {
  const toSquare = invertHomography(squareToQuad(framed));
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const { x: u, y: v } = project(toSquare, x, y);
      const col = Math.floor((u * UNSKEWED_PX - GRID_MARGIN_PX) / CELL_PX);
      const row = Math.floor((v * UNSKEWED_PX - GRID_MARGIN_PX) / CELL_PX);
      const inside = col >= 0 && col < 9 && row >= 0 && row < 9;
      data[y * width + x] = inside ? shadeOf(row * 9 + col) : 250;
    }
  }
  return { width, height, data };
}

test("colour planes are cut, a cell when asked for, straight through the unskewing into the gray grid's cells", () => {
  // A grid seen at an angle in a plane smaller than the unskewed square, and not square itself.
  const framed: Corners = [
    { x: 40, y: 30 },
    { x: 470, y: 60 },
    { x: 440, y: 380 },
    { x: 20, y: 350 },
  ];
  const plane = planeOfCells(500, 400, framed);
  const inverted = { ...plane, data: plane.data.map((v) => 255 - v) };
  const cut = cellCutter([plane, inverted], framed, FLAT);
  for (let i = 0; i < 81; i++) {
    const [cell, negative] = cut(i);
    // Each plane sampled at the same places (rounding half to even may part them by a level).
    expect(Math.max(...cell!.data.map((v, k) => Math.abs(255 - v - negative!.data[k]!)))).toBeLessThanOrEqual(
      1,
    );
    expect(cell!.width).toBe(CELL_PX);
    // The cell's middle half lies well inside its own shade, whatever the perspective.
    const middle = [];
    for (let y = CELL_PX / 4; y < (3 * CELL_PX) / 4; y++) {
      middle.push(...cell!.data.subarray(y * CELL_PX + CELL_PX / 4, y * CELL_PX + (3 * CELL_PX) / 4));
    }
    expect(new Set(middle)).toEqual(new Set([shadeOf(i)]));
  }
});
