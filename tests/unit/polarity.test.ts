import { expect, test } from "vitest";
import { CELL_PX, GRID_MARGIN_PX, WARP_PX } from "../../src/digits/geometry.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import { darkOnLight, isLightOnDark } from "../../src/vision/polarity.ts";

/** An unskewed grid with its margin: `paper` with 2-px lines of `line` every cell, framed by `surround`. */
function framedGrid(paper: number, line: number, surround: number): GrayImage {
  const side = WARP_PX + 2 * GRID_MARGIN_PX;
  const data = new Uint8ClampedArray(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [gx, gy] = [x - GRID_MARGIN_PX, y - GRID_MARGIN_PX];
      const inGrid = gx >= 0 && gy >= 0 && gx < WARP_PX && gy < WARP_PX;
      const onLine = gx % CELL_PX < 2 || gy % CELL_PX < 2;
      data[y * side + x] = !inGrid ? surround : onLine ? line : paper;
    }
  }
  return { width: side, height: side, data };
}

test("a dark-theme grid is inverted to dark ink on light paper, and printed paper is left as it is", () => {
  const screen = framedGrid(30, 200, 10);
  expect(darkOnLight(screen).data[GRID_MARGIN_PX * screen.width + GRID_MARGIN_PX]).toBe(255 - 200);
  const paper = framedGrid(230, 40, 120);
  expect(darkOnLight(paper)).toBe(paper);
});

test("the grid alone decides: a bright surround in the margin does not make shaded paper a dark theme", () => {
  // Faint lines on paper in shadow, the page's lit edge around it: the whole image's brightest tail
  // is the surround, far above the paper.
  const shaded = framedGrid(150, 110, 255);
  expect(isLightOnDark(shaded)).toBe(true);
  expect(darkOnLight(shaded)).toBe(shaded);
});

test("a printed grid half in a shadow's edge stays as it is: its thin strokes are dark on both sides", () => {
  // Paper 220 with lines at 120 beside paper in shadow (70) with lines at 30: the gray levels alone
  // (median in the shadow, brightest tail the lit paper) look like a dark theme.
  const side = WARP_PX + 2 * GRID_MARGIN_PX;
  const data = new Uint8ClampedArray(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const lit = x < 0.45 * side;
      const onLine = (x - GRID_MARGIN_PX) % CELL_PX < 2 || (y - GRID_MARGIN_PX) % CELL_PX < 2;
      data[y * side + x] = lit ? (onLine ? 120 : 220) : onLine ? 30 : 70;
    }
  }
  const halfShadow: GrayImage = { width: side, height: side, data };
  expect(isLightOnDark(halfShadow)).toBe(true);
  // A paper pixel in the shadow keeps its gray (compared alone: a failing whole-image diff takes minutes).
  expect(darkOnLight(halfShadow).data[(side >> 1) * side + side - GRID_MARGIN_PX - 5]).toBe(70);
});
