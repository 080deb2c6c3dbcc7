import { expect, test } from "vitest";
import type { InkShape } from "../../src/digits/empty-cell.ts";
import { sudokuInk } from "../../src/vision/sudoku-like.ts";

const digit: InkShape = {
  inkFraction: 0.12,
  height: 0.6,
  width: 0.4,
  longestPart: 0.6,
  peakContrast: 0.7,
  strokeContrast: 0.6,
  sharpOutline: 0.9,
  offset: { x: 0.02, y: 0 },
};
/** Grain in a shaded box that passes the ink test: digit-sized, but a fifth as dark as the digits. */
const grain: InkShape = { ...digit, peakContrast: 0.25, strokeContrast: 0.12 };

const cells = (digits: number, grainy: number) =>
  Array.from({ length: 81 }, (_, i) =>
    i < digits
      ? { empty: false, shape: digit }
      : i < digits + grainy
        ? { empty: false, shape: grain }
        : { empty: true },
  );

test("a puzzle's count of givens looks like a sudoku; a blank grid is sparse, a solution grid crowded", () => {
  expect(sudokuInk(cells(30, 0))).toBe("sudoku");
  expect(sudokuInk(cells(50, 0))).toBe("sudoku");
  expect(sudokuInk(cells(5, 0))).toBe("sparse");
  expect(sudokuInk(cells(51, 0))).toBe("crowded");
  expect(sudokuInk(cells(81, 0))).toBe("crowded");
});

test("grain much fainter than the digits does not count as givens", () => {
  // 30 givens and 25 grainy blank cells: 55 inked cells, but only 30 that are as dark as digits.
  expect(sudokuInk(cells(30, 25))).toBe("sudoku");
});

test("junk that outnumbers the givens (grain, hairline remnants in every blank cell) does not count either", () => {
  // 20 givens and 61 blank cells whose grain passes the ink test: the grain is the median inked cell.
  expect(sudokuInk(cells(20, 61))).toBe("sudoku");
});

test("a sideways puzzle counts its givens too: the turn is not known yet", () => {
  // prepareCell's own ink test wants a tall digit, so it calls every sideways given empty.
  const sideways: InkShape = { ...digit, height: digit.width, width: digit.height };
  const turned = Array.from({ length: 81 }, (_, i) =>
    i < 30 ? { empty: true, shape: sideways } : { empty: true },
  );
  expect(sudokuInk(turned)).toBe("sudoku");
});

test("pencil-mark candidates do not count as givens", () => {
  // 30 givens and 28 annotated cells: each holds small candidates spread over the cell, dark as print
  // and passing the ink test, but no part half as long as a given.
  const pencil: InkShape = { ...digit, inkFraction: 0.05, height: 0.8, width: 0.8, longestPart: 0.25 };
  const annotated = Array.from({ length: 81 }, (_, i) =>
    i < 30 ? { shape: digit } : i < 58 ? { shape: pencil } : {},
  );
  expect(sudokuInk(annotated)).toBe("sudoku");
});
