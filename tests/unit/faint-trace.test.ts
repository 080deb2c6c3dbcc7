import { expect, test } from "vitest";
import { faintTraces } from "../../src/digits/faint-trace.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import { grainyCell as cell } from "../fixtures/grainy-cells.ts";

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
