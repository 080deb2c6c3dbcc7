import { expect, test } from "vitest";
import { CLASS_COUNT, classOf } from "../../src/digits/classes.ts";
import type { InkShape } from "../../src/digits/empty-cell.ts";
import { CELL_PX } from "../../src/digits/geometry.ts";
import { readGridCells } from "../../src/digits/grid-reads.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import { softAgainstPrint } from "../../src/digits/soft-outline.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import type { CellRead } from "../../src/shared/reading.ts";
import { seededRandom } from "../../src/shared/random.ts";
import { grainyCell } from "../fixtures/grainy-cells.ts";

const shape = (sharpOutline: number): InkShape => ({
  inkFraction: 0.1,
  height: 0.6,
  width: 0.4,
  longestPart: 0.6,
  peakContrast: 0.8,
  strokeContrast: 0.8,
  sharpOutline,
  offset: { x: 0.02, y: 0 },
});
const read = (digit: number, handwritten = 0.01): CellRead => ({
  digit,
  confidence: 0.99,
  candidates: [{ digit, p: 0.99 }],
  handwritten,
});

/** Grainy paper darkened by a shadow left of `edge` (px), `depth` gray levels deep, its edge blurred over 16 px (a quarter of the cell). */
function shadowEdge(seed: number, edge: number, depth: number): GrayImage {
  const grain = seededRandom(seed);
  const data = new Uint8ClampedArray(CELL_PX * CELL_PX);
  for (let i = 0; i < data.length; i++) {
    const shade = Math.min(1, Math.max(0, (edge - (i % CELL_PX)) / 16 + 0.5));
    data[i] = 200 - depth * shade + Math.round((grain() - 0.5) * 6);
  }
  return { width: CELL_PX, height: CELL_PX, data };
}

test("a printed digit's outline is sharp all round; a shadow's edge, kept as ink, is sharp on one side only", () => {
  for (const value of [1, 4, 7, 8]) {
    expect(prepareCell(grainyCell(value, { value, fade: 120 })).shape!.sharpOutline).toBeGreaterThan(0.8);
  }
  const shadows = [30, 40, 48].map((edge) => prepareCell(shadowEdge(edge, edge, 70)).shape);
  // The ink test keeps the dark side of the edge: it is darker than the paper just beyond it.
  expect(shadows.every((s) => s !== undefined && s.height > 0.5)).toBe(true);
  for (const s of shadows) expect(s!.sharpOutline).toBeLessThan(0.3);
});

test("a digit whose outline is soft against its grid's sharp print is soft; an entry too", () => {
  const reads = [...Array.from({ length: 20 }, () => read(5)), read(1), read(7, 0.9), read(3)];
  const shapes = [...Array.from({ length: 20 }, () => shape(0.9)), shape(0.1), shape(0.2), shape(0.5)];
  expect(softAgainstPrint(reads, shapes).slice(20)).toEqual([true, true, false]);
});

test("nothing is judged on a blurred grid, nor with too few sure printed digits", () => {
  const blurred = [...Array.from({ length: 20 }, () => read(5)), read(1)];
  expect(softAgainstPrint(blurred, [...Array.from({ length: 20 }, () => shape(0.4)), shape(0.05)])).toEqual(
    blurred.map(() => false),
  );
  const few = [read(5), read(6), read(7), read(8), read(1, 0.9)];
  expect(softAgainstPrint(few, [0.9, 0.9, 0.9, 0.9, 0.1].map(shape))).toEqual(few.map(() => false));
});

test("the reader empties a soft-edged cell, however surely the CNN reads it", () => {
  const printed = (digit: number) => {
    const p = new Float32Array(CLASS_COUNT);
    p[classOf(digit, false)] = 0.99;
    p[0] = 0.01;
    return p;
  };
  const probs = [...Array.from({ length: 20 }, () => printed(5)), printed(1)];
  const shapes = [...Array.from({ length: 20 }, () => shape(0.9)), shape(0.05)];
  const reads = readGridCells(probs, Array(21).fill(false), Array(21).fill(undefined), [shapes]);
  expect(reads.map((r) => r.digit)).toEqual([...Array(20).fill(5), 0]);
});
