import { createCanvas } from "@napi-rs/canvas";
import { expect, test } from "vitest";
import { faintTraces } from "../../src/digits/faint-trace.ts";
import { CELL_PX } from "../../src/digits/geometry.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import { seededRandom } from "../../src/shared/random.ts";
import { registerFamilies } from "../../training/digits/fonts.ts";
import { drawGlyph } from "../../training/photos/glyph.ts";

const [print] = registerFamilies(["roboto"], 700);
const PAPER = 200;

/** A CELL_PX² cell of grainy paper, with a digit drawn `fade` gray levels below it when given. */
function cell(seed: number, digit?: { value: number; fade: number }): GrayImage {
  const canvas = createCanvas(CELL_PX, CELL_PX);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = `rgb(${PAPER},${PAPER},${PAPER})`;
  ctx.fillRect(0, 0, CELL_PX, CELL_PX);
  if (digit) {
    const gray = PAPER - digit.fade;
    drawGlyph(
      ctx,
      String(digit.value),
      print!.alias,
      CELL_PX * 0.55,
      [gray, gray, gray],
      CELL_PX / 2,
      CELL_PX / 2,
    );
  }
  const rgba = ctx.getImageData(0, 0, CELL_PX, CELL_PX).data;
  const grain = seededRandom(seed);
  const data = new Uint8ClampedArray(CELL_PX * CELL_PX);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]! + Math.round((grain() - 0.5) * 6);
  return { width: CELL_PX, height: CELL_PX, data };
}

function traces(tiles: GrayImage[]): boolean[] {
  return faintTraces(tiles.map(prepareCell));
}

test("a digit washed out below the ink test's contrast bar is a trace; grainy blank paper is not", () => {
  const washed = cell(0, { value: 7, fade: 14 });
  expect(prepareCell(washed).shape).toBeUndefined();
  const blanks = Array.from({ length: 40 }, (_, i) => cell(i + 1));
  const found = traces([washed, ...blanks]);
  expect(found[0]).toBe(true);
  expect(found.slice(1).some(Boolean)).toBe(false);
});

test("cells whose ink was kept are no trace, nor is a grid of blank paper alone", () => {
  const inked = cell(0, { value: 4, fade: 150 });
  expect(prepareCell(inked).shape).toBeDefined();
  const blanks = Array.from({ length: 40 }, (_, i) => cell(i + 1));
  expect(traces([inked, ...blanks]).some(Boolean)).toBe(false);
  expect(traces(blanks).some(Boolean)).toBe(false);
});
