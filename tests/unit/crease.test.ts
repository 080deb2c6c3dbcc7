import { createCanvas } from "@napi-rs/canvas";
import { expect, test } from "vitest";
import { withCreases } from "../../src/digits/crease.ts";
import { inkDoubts } from "../../src/digits/empty-cell.ts";
import { CELL_PX, WARP_PX } from "../../src/digits/geometry.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import { cropGray, type GrayImage } from "../../src/shared/image.ts";
import { toGray } from "../../src/vision/gray.ts";
import { registerFamilies } from "../../training/digits/fonts.ts";
import { drawGlyph } from "../../training/photos/glyph.ts";

const [print] = registerFamilies(["roboto"], 700);
/** Printed clues, row-major: enough of them for the grid's print to set what faint ink is. */
const CLUES = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
/** A pencilled 1 as pale as the crease, alone in its cell. */
const PENCIL_CELL = 5 * 9 + 3;
const PALE = "rgb(180,180,178)";
/** Ink about half as dark as the print: the ink test keeps it as a digit, not as faint. */
const GRAY = "rgb(110,110,108)";

/**
 * A grid on white paper with its printed clues, a pencilled 1 and a fold: a pale straight line from the
 * left edge to the right one, through empty cells and clues alike. Cells cut along the grid lines, as
 * `sliceCells` cuts an unskewed grid.
 */
function creasedGrid(ink = PALE): { tiles: GrayImage[]; fold: (x: number) => number } {
  const canvas = createCanvas(WARP_PX, WARP_PX);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "rgb(235,233,228)";
  ctx.fillRect(0, 0, WARP_PX, WARP_PX);
  ctx.strokeStyle = "rgb(30,30,30)";
  for (let k = 0; k <= 9; k++) {
    ctx.lineWidth = k % 3 === 0 ? 4 : 1.5;
    ctx.beginPath();
    ctx.moveTo(k * CELL_PX, 0);
    ctx.lineTo(k * CELL_PX, WARP_PX);
    ctx.moveTo(0, k * CELL_PX);
    ctx.lineTo(WARP_PX, k * CELL_PX);
    ctx.stroke();
  }
  [...CLUES].forEach((digit, i) => {
    if (digit === "0") return;
    const x = ((i % 9) + 0.5) * CELL_PX;
    const y = (Math.floor(i / 9) + 0.5) * CELL_PX;
    drawGlyph(ctx, digit, print!.alias, CELL_PX * 0.55, [25, 25, 25], x, y);
  });
  ctx.strokeStyle = ink;
  ctx.lineWidth = 2.5;
  const px = ((PENCIL_CELL % 9) + 0.5) * CELL_PX;
  const py = Math.floor(PENCIL_CELL / 9) * CELL_PX;
  ctx.beginPath();
  ctx.moveTo(px, py + 0.22 * CELL_PX);
  ctx.lineTo(px, py + 0.78 * CELL_PX);
  ctx.stroke();
  const fold = (x: number) => 2.3 * CELL_PX + 0.42 * x;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(0, fold(0));
  ctx.lineTo(WARP_PX, fold(WARP_PX));
  ctx.stroke();
  const gray = toGray({
    width: WARP_PX,
    height: WARP_PX,
    data: ctx.getImageData(0, 0, WARP_PX, WARP_PX).data,
  });
  const tiles = Array.from({ length: 81 }, (_, i) => {
    const x0 = (i % 9) * CELL_PX;
    const y0 = Math.floor(i / 9) * CELL_PX;
    return cropGray(gray, { x0, y0, x1: x0 + CELL_PX - 1, y1: y0 + CELL_PX - 1 });
  });
  return { tiles, fold };
}

test("a fold through empty cells is a crease; a pencilled 1 and the print are not", () => {
  const { tiles, fold } = creasedGrid();
  const prepared = tiles.map(prepareCell);
  const doubts = inkDoubts(prepared.map((cell) => cell.shape));
  const marked = withCreases(doubts, tiles, prepared);
  // Empty cells where the fold left ink the ink test calls faint (where it clips a corner, it is "small").
  const foldInk = prepared.flatMap((cell, i) =>
    CLUES[i] === "0" && i !== PENCIL_CELL && cell.shape && doubts[i] === "faint" ? [i] : [],
  );
  expect(foldInk.length).toBeGreaterThanOrEqual(4);
  for (const i of foldInk) {
    const x = ((i % 9) + 0.5) * CELL_PX;
    expect(Math.abs(fold(x) - (Math.floor(i / 9) + 0.5) * CELL_PX)).toBeLessThan(0.6 * CELL_PX);
  }
  expect(marked.flatMap((doubt, i) => (doubt === "crease" ? [i] : []))).toEqual(foldInk);
  // The pencilled 1 is as faint as the fold, and stays a digit.
  expect(doubts[PENCIL_CELL]).toBe("faint");
  expect(marked[PENCIL_CELL]).toBe("faint");
});

test("a fold as dark as a pencilled 1 that the ink test keeps is a crease; the 1 is not", () => {
  const { tiles, fold } = creasedGrid(GRAY);
  const prepared = tiles.map(prepareCell);
  const doubts = inkDoubts(prepared.map((cell) => cell.shape));
  const marked = withCreases(doubts, tiles, prepared);
  // Empty cells where the ink test kept the fold as a digit: before, only doubted ink was tested.
  const foldDigits = prepared.flatMap((cell, i) =>
    CLUES[i] === "0" && i !== PENCIL_CELL && cell.shape && !cell.empty && !doubts[i] ? [i] : [],
  );
  expect(foldDigits.length).toBeGreaterThanOrEqual(4);
  for (const i of foldDigits) {
    const x = ((i % 9) + 0.5) * CELL_PX;
    expect(Math.abs(fold(x) - (Math.floor(i / 9) + 0.5) * CELL_PX)).toBeLessThan(0.6 * CELL_PX);
    expect(marked[i]).toBe("crease");
  }
  expect(doubts[PENCIL_CELL]).toBeUndefined();
  expect(marked[PENCIL_CELL]).toBeUndefined();
  expect(marked.filter((doubt, i) => doubt === "crease" && CLUES[i] !== "0")).toEqual([]);
});
