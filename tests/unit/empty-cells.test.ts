import { createCanvas } from "@napi-rs/canvas";
import { beforeAll, describe, expect, test } from "vitest";
import { CELL_PX } from "../../src/digits/geometry.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { renderGrid, type Distractor } from "../fixtures/render-grid.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

// Grids drawn here, not photographed: every distractor sits in a cell with no given.
const givens = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";

beforeAll(() => {
  registerFonts();
});
const classifier = useShippedClassifier();

/** The empty cells of `givens`, each given one distractor of `kind`. */
function everyEmptyCell(make: (cell: number) => Distractor): Map<number, Distractor> {
  return new Map([...givens].flatMap((ch, cell) => (ch === "0" ? [[cell, make(cell)] as const] : [])));
}

async function digitsRead(scene: Parameters<typeof renderGrid>[0]): Promise<string> {
  const result = await readGrid(() => renderGrid(scene), classifier());
  assertRead(result);
  expect(result.rotation).toBe(0);
  return digitString(result.cells);
}

describe("only a printed digit is a digit", () => {
  test("pencil-mark candidates (small digits in a 3×3 layout) read as empty", async () => {
    const pencil = everyEmptyCell((cell) => ({
      kind: "pencil",
      digits: [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => (cell + d) % 3 !== 0),
    }));
    expect(await digitsRead({ givens, distractors: pencil })).toBe(givens);
  });

  test("a lone pencil candidate, which the CNN reads as a sharp digit, reads as empty", async () => {
    const lone = everyEmptyCell((cell) => ({ kind: "pencil", digits: [(cell % 9) + 1] }));
    expect(await digitsRead({ givens, distractors: lone })).toBe(givens);
  });

  test("a lone pencil candidate tall enough for the ink test, but half the givens' height, reads as empty", async () => {
    // Its cap height is about 0.36 of the cell (the ink test's bar is 0.28), the givens' 0.7.
    const lone = everyEmptyCell(() => ({ kind: "pencil", digits: [5], size: 0.5 }));
    expect(await digitsRead({ givens, digitSize: 0.7, distractors: lone })).toBe(givens);
  });

  test("digits showing through mirrored from the reverse page read as empty", async () => {
    const showThrough = everyEmptyCell((cell) => ({ kind: "show-through", digit: (cell % 9) + 1 }));
    expect(await digitsRead({ givens, distractors: showThrough })).toBe(givens);
  });

  test("specks and shading read as empty", async () => {
    const marks = everyEmptyCell((cell) => ({ kind: cell % 2 ? "specks" : "shading" }));
    expect(await digitsRead({ givens, distractors: marks })).toBe(givens);
  });

  test("a dark-theme screenshot (light digits on dark cells) reads right", async () => {
    expect(await digitsRead({ givens, dark: true })).toBe(givens);
  });
});

test("pencil marks fail the ink test itself, not only the CNN: no single part is digit-sized", () => {
  const ctx = createCanvas(CELL_PX, CELL_PX).getContext("2d");
  ctx.fillStyle = "rgb(246,244,238)";
  ctx.fillRect(0, 0, CELL_PX, CELL_PX);
  ctx.fillStyle = "rgb(60,60,70)";
  ctx.font = `${CELL_PX * 0.3}px "roboto-400"`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (const d of [1, 2, 4, 5, 6, 8, 9]) {
    ctx.fillText(String(d), ((d - 1) % 3) * 20 + 12, Math.floor((d - 1) / 3) * 20 + 12);
  }
  const prepared = prepareCell(grayOf(ctx.getImageData(0, 0, CELL_PX, CELL_PX).data));
  expect(prepared.shape!.height).toBeGreaterThan(0.5);
  expect(prepared.empty).toBe(true);
});

test("a thin printed 1 at under 2 % ink is a digit, not an empty cell", () => {
  const canvas = createCanvas(CELL_PX, CELL_PX);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "rgb(240,238,232)";
  ctx.fillRect(0, 0, CELL_PX, CELL_PX);
  // A hairline sans-serif "1": a 2-px stem half the cell tall with a short flag.
  ctx.fillStyle = "rgb(30,30,30)";
  ctx.fillRect(31, 16, 2, 31);
  ctx.beginPath();
  ctx.moveTo(31, 16);
  ctx.lineTo(26, 21);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = "rgb(30,30,30)";
  ctx.stroke();
  const prepared = prepareCell(grayOf(ctx.getImageData(0, 0, CELL_PX, CELL_PX).data));
  expect(prepared.inkFraction).toBeGreaterThan(0.015);
  expect(prepared.inkFraction).toBeLessThan(0.02);
  expect(prepared.empty).toBe(false);
});

function grayOf(rgba: Uint8ClampedArray): GrayImage {
  return {
    width: CELL_PX,
    height: CELL_PX,
    data: new Uint8ClampedArray(CELL_PX * CELL_PX).map((_, i) => rgba[i * 4]!),
  };
}
