import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { expect, test } from "vitest";
import { isHandwritten } from "../../src/shared/reading.ts";
import type { RgbaImage } from "../../src/vision/gray.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { NORVIG } from "../fixtures/confident-reads.ts";
import { readGeneratedPhoto, useShippedClassifier } from "../fixtures/node-reader.ts";
import { printDigits } from "../fixtures/print-digits.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

// Norvig's puzzle keeps one solution without its clue in row 1, column 3 (a 3): a read that misses that
// clue still has one solution, so only the solution's digit there tells a missed clue from a blank.
const PUZZLE = NORVIG.replaceAll(".", "0");
const CELL = 50;
const LEFT = 75;

/** The puzzle printed in a plain grid; `mark` draws over it. */
function page(mark: (ctx: SKRSContext2D) => void): RgbaImage {
  registerFonts();
  const ctx = createCanvas(600, 600).getContext("2d");
  ctx.fillStyle = "rgb(235,235,235)";
  ctx.fillRect(0, 0, 600, 600);
  ctx.fillStyle = "rgb(30,30,30)";
  for (let k = 0; k <= 9; k++) {
    const w = k % 3 ? 2 : 4;
    ctx.fillRect(LEFT + CELL * k - w / 2, LEFT, w, 9 * CELL);
    ctx.fillRect(LEFT, LEFT + CELL * k - w / 2, 9 * CELL, w);
  }
  printDigits(ctx, PUZZLE, { left: LEFT, top: LEFT, cell: CELL, font: `32px "roboto-500"` });
  mark(ctx);
  return ctx.getImageData(0, 0, 600, 600);
}

const classifier = useShippedClassifier();

test("a clue under a grainy gray smudge is read by a tighter look, as the one solution needs, doubtful", async () => {
  // Gray grain over the top-left of the 3 in row 1, column 3 merges with it into one blob of ink.
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const smudged = page((ctx) => {
    for (let y = 0; y < 14; y++) {
      for (let x = 0; x < 14; x++) {
        if (random() >= 0.6) continue;
        const v = 120 + Math.round(random() * 30 - 15);
        ctx.fillStyle = `rgb(${v},${v},${v})`;
        ctx.fillRect(178 + x, 80 + y, 1, 1);
      }
    }
  });
  const result = await readGrid(() => smudged, classifier());
  assertRead(result);
  expect(digitString(result.cells)).toBe(PUZZLE);
  expect(result.cells[2]!.confidence).toBeLessThanOrEqual(0.5);
});

test("a lone pencilled candidate, the digit the solution has there, stays empty: it is not of the print's size", async () => {
  // A generated half-filled photo whose r2c1 holds a lone pencilled 5, the solution's digit: a tighter look
  // at it reads a sure 5, which the print's height keeps out.
  const { cells, givens, labelledGivens } = await readGeneratedPhoto(
    "lone-candidate",
    "s9003-0025.jpg",
    classifier(),
  );
  expect(givens).toBe(labelledGivens);
  expect(cells[9]!.digit).toBe(0);
});

test("lone candidates pencilled in their digits' places read as empty, though as tall as the grid's small print", async () => {
  // A generated half-filled 640×480 newspaper page whose print is small enough for its pencilled 7 (r4c9, in
  // the bottom left of its cell), 6 (r8c2, middle right) and 8 (r8c6, bottom middle) to clear the print's
  // height bar; each is the solution's digit, which the reads by the solution must not write back.
  const { cells, givens, labelledGivens, labelledEntries } = await readGeneratedPhoto(
    "lone-candidate",
    "s9002-0171.jpg",
    classifier(),
  );
  expect(givens).toBe(labelledGivens);
  expect(cells.map((c) => (isHandwritten(c) ? c.digit : 0)).join("")).toBe(labelledEntries);
  for (const cell of [3 * 9 + 8, 7 * 9 + 1, 7 * 9 + 5]) expect(cells[cell]!.digit).toBe(0);
});

test("a printed 1 crossed by a shadow's edge is read by a step-free look, as the one solution needs, doubtful", async () => {
  // A generated half-filled photo whose r5c2, a printed 1, lies across the edge of a band of shadow: the
  // edge's dark side joins the 1 into a T, first read as empty.
  const { cells, givens, labelledGivens } = await readGeneratedPhoto(
    "shadow-edge",
    "s9005-0238.jpg",
    classifier(),
  );
  expect(givens).toBe(labelledGivens);
  expect(cells[4 * 9 + 1]).toMatchObject({ digit: 1, confidence: 0.5 });
});
