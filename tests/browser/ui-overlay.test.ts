import { expect, test } from "vitest";
import { emptyBoard, type CellState } from "../../src/ui/board.ts";
import { project, squareToQuad } from "../../src/shared/homography.ts";
import { drawSolution } from "../../src/ui/overlay.ts";

/** A grid filling the whole of a 450-px canvas, in photo pixels drawn at scale 1. */
const corners = [
  { x: 0, y: 0 },
  { x: 450, y: 0 },
  { x: 450, y: 450 },
  { x: 0, y: 450 },
] as const;

function blankCanvas(side: number): CanvasRenderingContext2D {
  const canvas = document.createElement("canvas");
  canvas.width = side;
  canvas.height = side;
  return canvas.getContext("2d")!;
}

/** Blue answer pixels inside a small box around (x, y). */
function bluePixels(ctx: CanvasRenderingContext2D, x: number, y: number, r = 12): number {
  const { data } = ctx.getImageData(Math.round(x - r), Math.round(y - r), 2 * r, 2 * r);
  let n = 0;
  for (let i = 0; i < data.length; i += 4)
    if (data[i + 3]! > 200 && data[i + 2]! > 150 && data[i]! < 100) n++;
  return n;
}

function boardWithSolved(cells: Record<number, number>): CellState[] {
  const board = emptyBoard();
  board[0]!.given = 5; // a clue: never drawn over
  for (const [i, d] of Object.entries(cells)) board[Number(i)]!.solved = d;
  board[0]!.solved = 5;
  return board;
}

test("solved digits land in their cells, through the perspective; clues are left alone", () => {
  const ctx = blankCanvas(400);
  // A keystone quad in photo pixels, drawn at scale 0.5.
  const keystone = [
    { x: 100, y: 60 },
    { x: 700, y: 100 },
    { x: 760, y: 740 },
    { x: 40, y: 700 },
  ] as const;
  const drawn = drawSolution(ctx, boardWithSolved({ 40: 8, 80: 1 }), { corners: keystone, rotation: 0 }, 0.5);
  expect(drawn).toBe(2);
  // Cell centres through the homography (tested on its own in ui-board.test.ts).
  const h = squareToQuad(keystone);
  const centre = (u: number, v: number) => {
    const p = project(h, u, v);
    return { x: p.x * 0.5, y: p.y * 0.5 };
  };
  const middle = centre(4.5 / 9, 4.5 / 9);
  const last = centre(8.5 / 9, 8.5 / 9);
  const first = centre(0.5 / 9, 0.5 / 9);
  expect(bluePixels(ctx, middle.x, middle.y)).toBeGreaterThan(10);
  expect(bluePixels(ctx, last.x, last.y)).toBeGreaterThan(5);
  expect(bluePixels(ctx, first.x, first.y)).toBe(0);
});

test("with a rotated grid, upright cell r1c1 is drawn where the photo shows it", () => {
  const ctx = blankCanvas(450);
  // One clockwise turn makes the grid upright, so upright r1c1 sits bottom-left in the photo.
  drawSolution(ctx, boardWithSolved({ 1: 4 }), { corners, rotation: 1 }, 1);
  expect(bluePixels(ctx, 25, 375)).toBeGreaterThan(10); // upright r1c2 = photo row 8, col 1
  expect(bluePixels(ctx, 25, 25)).toBe(0);
});

test("entries typed are drawn; handwritten entries read from the photo are already on the paper", () => {
  const ctx = blankCanvas(450);
  const board = emptyBoard();
  board[1]!.entry = 4; // typed
  board[7]!.entry = 6; // read from the photo
  board[7]!.read = { digit: 6, confidence: 0.95, candidates: [{ digit: 6, p: 0.95 }], handwritten: 0.9 };
  expect(drawSolution(ctx, board, { corners, rotation: 0 }, 1)).toBe(1);
  expect(bluePixels(ctx, 75, 25)).toBeGreaterThan(10);
  expect(bluePixels(ctx, 375, 25)).toBe(0);
});
