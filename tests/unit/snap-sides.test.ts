import { describe, expect, test } from "vitest";
import type { Corners, GrayImage } from "../../src/shared/image.ts";
import { snapSidesToLines } from "../../src/vision/snap-sides.ts";

/**
 * A binarised grid (ink = 255): a 450-px square of 9×9 cells from (100, 80), 3-px lines, a 5-px border. A
 * side snapped onto the border lies anywhere across it, or a pixel past it (a probe counts ink a pixel
 * either side): within 5 px of a corner, while the first cell line lies 50 px further in.
 */
function binaryGrid(): GrayImage {
  const width = 700;
  const height = 640;
  const data = new Uint8ClampedArray(width * height);
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) data.fill(255, y * width + x0, y * width + x1);
  };
  for (let k = 0; k <= 9; k++) {
    const at = 100 + k * 50;
    const half = k === 0 || k === 9 ? 2 : 1;
    fill(at - half, 80, at + half + 1, 530);
    fill(100, at - 20 - half, 550, at - 20 + half + 1);
  }
  return { width, height, data };
}

const ON_BORDER = 5;

const BORDER: Corners = [
  { x: 100, y: 80 },
  { x: 550, y: 80 },
  { x: 550, y: 530 },
  { x: 100, y: 530 },
];

function expectNear(found: Corners | undefined, expected: Corners, tolerance: number): void {
  expect(found).toBeDefined();
  found!.forEach((p, i) => {
    expect(Math.hypot(p.x - expected[i]!.x, p.y - expected[i]!.y)).toBeLessThanOrEqual(tolerance);
  });
}

describe("snapSidesToLines", () => {
  test("a quad whose corner an outline merged with text pulled off lands on the grid's border", () => {
    const binary = binaryGrid();
    // Text touching the right border: a block of ink the outline's hull took in.
    for (let y = 300; y < 330; y++) binary.data.fill(255, y * binary.width + 552, y * binary.width + 680);
    const off: Corners = [BORDER[0], { x: 520, y: 84 }, BORDER[2], BORDER[3]];
    expectNear(snapSidesToLines(binary, off), BORDER, ON_BORDER);
  });

  test("of the border and the cell line inside it, both in reach, the border wins though glare broke it", () => {
    const binary = binaryGrid();
    // Glare wiped 5 % of each side of the border: the first cell lines are the better covered lines.
    for (let y = 76; y < 85; y++) binary.data.fill(0, y * binary.width + 300, y * binary.width + 323);
    for (let y = 526; y < 535; y++) binary.data.fill(0, y * binary.width + 300, y * binary.width + 323);
    for (let y = 300; y < 323; y++) {
      binary.data.fill(0, y * binary.width + 96, y * binary.width + 105);
      binary.data.fill(0, y * binary.width + 546, y * binary.width + 555);
    }
    // Every side 4 % of the grid inside the border: the first cell line lies 7 % further in.
    const inset: Corners = [
      { x: 118, y: 98 },
      { x: 532, y: 98 },
      { x: 532, y: 512 },
      { x: 118, y: 512 },
    ];
    expectNear(snapSidesToLines(binary, inset), BORDER, ON_BORDER);
  });

  test("a quad on empty paper stays where it was", () => {
    const empty = { width: 700, height: 640, data: new Uint8ClampedArray(700 * 640) };
    expectNear(snapSidesToLines(empty, BORDER), BORDER, 0);
  });
});
