import { createCanvas } from "@napi-rs/canvas";
import { expect, test } from "vitest";
import type { RgbaImage } from "../../src/vision/gray.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { printDigits } from "../fixtures/print-digits.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

const classifier = useShippedClassifier();

/**
 * A page with a grid of faint hairlines (1 px, 20 gray levels below the paper) between two columns of
 * text, holding `digits` (81 characters, "0" blank): only the finder's last resort sees that grid.
 */
function faintGridPage(digits: string): RgbaImage {
  registerFonts();
  const ctx = createCanvas(900, 700).getContext("2d");
  ctx.fillStyle = "rgb(235,235,235)";
  ctx.fillRect(0, 0, 900, 700);
  ctx.fillStyle = "rgb(215,215,215)";
  for (let k = 0; k <= 9; k++) {
    ctx.fillRect(200 + 50 * k, 120, 1, 451);
    ctx.fillRect(200, 120 + 50 * k, 451, 1);
  }
  ctx.fillStyle = "rgb(40,40,40)";
  for (let y = 100; y < 620; y += 16) {
    for (let x = 20; x < 880; x += 23) if (x < 173 || x > 660) ctx.fillRect(x, y, 17, 7);
  }
  ctx.fillStyle = "rgb(25,25,25)";
  printDigits(ctx, digits, { left: 200, top: 120, cell: 50, font: `32px "roboto-500"` });
  return ctx.getImageData(0, 0, 900, 700);
}

test("a puzzle in faint hairlines is read, found by the finder's last resort", async () => {
  const puzzle = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
  const result = await readGrid(() => faintGridPage(puzzle), classifier());
  assertRead(result);
  expect(digitString(result.cells)).toBe(puzzle);
});

test("a last-resort grid that does not read like a sudoku (a filled solution grid) is no grid", async () => {
  const solution = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";
  expect(await readGrid(() => faintGridPage(solution), classifier())).toEqual({
    kind: "error",
    error: { code: "no-grid" },
  });
});
