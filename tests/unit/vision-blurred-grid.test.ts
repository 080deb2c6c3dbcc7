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
 * `digits` (81 characters, "0" blank) printed in a grid, photographed at 240 × 240 px (about 24 px a
 * cell) through a lens blurring by 1.5 px: strokes spread into blobs that the CNN first reads as empty.
 */
function blurredLowResolutionPhoto(digits: string): RgbaImage {
  registerFonts();
  const page = createCanvas(600, 600);
  const ctx = page.getContext("2d");
  ctx.fillStyle = "rgb(230,230,230)";
  ctx.fillRect(0, 0, 600, 600);
  ctx.fillStyle = "rgb(30,30,30)";
  for (let k = 0; k <= 9; k++) {
    const width = k % 3 === 0 ? 5 : 2;
    ctx.fillRect(75 + 50 * k - width / 2, 75, width, 450);
    ctx.fillRect(75, 75 + 50 * k - width / 2, 450, width);
  }
  printDigits(ctx, digits, { left: 75, top: 75, cell: 50, font: `34px "roboto-500"` });
  const photo = createCanvas(240, 240).getContext("2d");
  photo.filter = "blur(1.5px)";
  photo.drawImage(page, 0, 0, 240, 240);
  return photo.getImageData(0, 0, 240, 240);
}

test("a blurred low-resolution photo is read right once its cells are sharpened", async () => {
  const puzzle = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
  const result = await readGrid(() => blurredLowResolutionPhoto(puzzle), classifier());
  assertRead(result);
  expect(digitString(result.cells)).toBe(puzzle);
  // The clues the first read missed are shown as doubtful.
  expect(result.cells.some((c) => c.digit !== 0 && c.confidence <= 0.5)).toBe(true);
});
