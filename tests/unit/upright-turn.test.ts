import { describe, expect, test } from "vitest";
import type { InkShape } from "../../src/digits/empty-cell.ts";
import { chooseUpright } from "../../src/vision/upright-turn.ts";

// 18 inked cells: row 1 reads 1–9, row 5 reads 4–9, 1–3, so no two equal digits share a row,
// column or box when read right.
const inked = [...Array.from({ length: 9 }, (_, c) => c), ...Array.from({ length: 9 }, (_, c) => 36 + c)];
const truth = inked.map((cell) => (cell < 9 ? cell + 1 : ((cell - 36 + 3) % 9) + 1));

const tall: InkShape = {
  inkFraction: 0.1,
  height: 0.5,
  width: 0.3,
  longestPart: 0.5,
  peakContrast: 0.6,
  strokeContrast: 0.5,
  sharpOutline: 0.9,
  offset: { x: 0.02, y: 0 },
};
const wide: InkShape = { ...tall, height: tall.width, width: tall.height };

/** Probabilities putting `p` on `digit` and the rest on the empty class. */
const read = (digit: number, p: number): Float32Array =>
  Float32Array.from({ length: 10 }, (_, k) => (k === digit ? p : k === 0 ? 1 - p : 0));

/** Per turn, how many of the inked cells (from the first) read surely, at probability `p`. */
function probsByTurn(sureCounts: readonly number[], p = 0.97, digits = truth): Float32Array[][] {
  return sureCounts.map((count) => digits.map((d, k) => read(d, k < count ? p : 0.4)));
}

describe("chooseUpright", () => {
  test("an upright grid stays upright, with no question asked", () => {
    expect(
      chooseUpright(
        inked,
        inked.map(() => tall),
        probsByTurn([18, 1, 4, 1]),
      ),
    ).toEqual({ turns: 0 });
  });

  test("a grid upside down or sideways is turned back", () => {
    expect(
      chooseUpright(
        inked,
        inked.map(() => tall),
        probsByTurn([4, 1, 18, 1]),
      ),
    ).toEqual({ turns: 2 });
    // Wide ink boxes: only the two sideways turns are candidates, however the CNN reads the others.
    expect(
      chooseUpright(
        inked,
        inked.map(() => wide),
        probsByTurn([18, 3, 18, 17]),
      ),
    ).toEqual({ turns: 3 });
  });

  test("a near-tie is reported as uncertain, with the other turn; a dead heat stays upright", () => {
    // 17 vs 16 sure reads: a lead of 1/18 turns the grid, but is within the near-tie band.
    expect(
      chooseUpright(
        inked,
        inked.map(() => tall),
        probsByTurn([16, 1, 17, 1]),
      ),
    ).toEqual({
      turns: 2,
      runnerUp: 0,
    });
    expect(
      chooseUpright(
        inked,
        inked.map(() => tall),
        probsByTurn([17, 1, 17, 1]),
      ),
    ).toEqual({
      turns: 0,
      runnerUp: 2,
    });
  });

  test("6/9-like cells that read surely both ways give no lead, however confident", () => {
    const upright = probsByTurn([18], 0.95)[0]!;
    const halfTurn = probsByTurn([18], 0.999)[0]!;
    const probs = [upright, probsByTurn([0])[0]!, halfTurn, probsByTurn([0])[0]!];
    expect(
      chooseUpright(
        inked,
        inked.map(() => tall),
        probs,
      ),
    ).toEqual({ turns: 0, runnerUp: 2 });
  });

  test("sure reads that break the sudoku rules count against their turn", () => {
    // Turned, every cell reads surely, but as the same digit: 72 clashes.
    const sameDigit = probsByTurn(
      [18],
      0.97,
      inked.map(() => 6),
    )[0]!;
    const probs = [probsByTurn([14])[0]!, probsByTurn([0])[0]!, sameDigit, probsByTurn([0])[0]!];
    expect(
      chooseUpright(
        inked,
        inked.map(() => tall),
        probs,
      ),
    ).toEqual({ turns: 0 });
  });

  test("grain that passes as ink in the blank cells does not outvote the digits' shape", () => {
    // A grainy, blurred photo: 18 tall digits read surely upright, and the 27 blank cells of rows
    // 2–4 hold specks whose boxes are wide and that no turn reads as a digit.
    const specks = Array.from({ length: 27 }, (_, k) => 9 + k);
    const cells = [...inked, ...specks];
    const shapes = [...inked.map(() => tall), ...specks.map(() => wide)];
    const blank = specks.map(() => read(5, 0.3));
    const probs = probsByTurn([18, 0, 6, 0]).map((turn) => [...turn, ...blank]);
    expect(chooseUpright(cells, shapes, probs)).toEqual({ turns: 0 });
  });
});
