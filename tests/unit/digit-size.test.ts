import { describe, expect, test } from "vitest";
import { CLASS_COUNT, classOf } from "../../src/digits/classes.ts";
import { shortOfPrintedSize } from "../../src/digits/digit-size.ts";
import type { InkShape } from "../../src/digits/empty-cell.ts";
import { readGridCells } from "../../src/digits/grid-reads.ts";
import { DOUBT_THRESHOLD, isHandwritten, type CellRead } from "../../src/shared/reading.ts";

const shape = (height: number, offCentre = 0.02): InkShape => ({
  inkFraction: 0.1,
  height,
  width: height * 0.6,
  longestPart: height,
  peakContrast: 0.8,
  strokeContrast: 0.8,
  sharpOutline: 0.9,
  offset: { x: offCentre, y: 0 },
});
const read = (digit: number, confidence = 0.99, handwritten = 0): CellRead => ({
  digit,
  confidence,
  candidates: [{ digit, p: confidence }],
  ...(digit === 0 ? {} : { handwritten }),
});

/** 20 sure printed givens 0.5 of the cell tall, then the cells under test. */
function grid(rest: readonly [CellRead, number][]): { reads: CellRead[]; shapes: InkShape[] } {
  const cells: [CellRead, number][] = [
    ...Array.from({ length: 20 }, () => [read(5), 0.5] as [CellRead, number]),
    ...rest,
  ];
  return { reads: cells.map(([r]) => r), shapes: cells.map(([, h]) => shape(h)) };
}

describe("shortOfPrintedSize", () => {
  test("a digit read at half the givens' height is short; one at 0.8 of it is not", () => {
    const { reads, shapes } = grid([
      [read(3), 0.25],
      [read(3, 0.8, 0.9), 0.25],
      [read(7), 0.4],
    ]);
    expect(shortOfPrintedSize(reads, shapes).slice(20)).toEqual([true, true, false]);
  });

  test("the size comes from sure printed reads: full-height line remnants read as empty do not set it", () => {
    const remnants: [CellRead, number][] = Array.from({ length: 40 }, () => [read(0), 1]);
    const { reads, shapes } = grid([...remnants, [read(2), 0.45]]);
    expect(shortOfPrintedSize(reads, shapes).at(-1)).toBe(false);
  });

  test("lone candidates read as sure print in every other cell do not shrink the size", () => {
    const candidates: [CellRead, number][] = Array.from({ length: 40 }, () => [read(4), 0.22]);
    const { reads, shapes } = grid(candidates);
    expect(shortOfPrintedSize(reads, shapes).slice(20).every(Boolean)).toBe(true);
  });

  test("with too few sure printed digits nothing is judged", () => {
    const reads = [read(1), read(2), read(3), read(4, 0.5)];
    expect(shortOfPrintedSize(reads, [0.5, 0.5, 0.2, 0.2].map(shape))).toEqual([false, false, false, false]);
  });
});

describe("readGridCells: ink short of the grid's print", () => {
  /** The CNN's probabilities: `p` on the digit, printed or handwritten, the rest on empty. */
  const probs = (digit: number, handwritten: boolean, p = 0.97) => {
    const out = new Float32Array(CLASS_COUNT);
    out[classOf(digit, handwritten)] = p;
    out[0] = 1 - p;
    return out;
  };
  /**
   * 20 sure printed 8s half the cell tall, then one cell 0.25 tall, `offCentre` from the centre, its
   * longest part `width` long, which the ink test calls empty when `inkTestEmpty`.
   */
  const readLast = (cell: Float32Array, offCentre: number, width = 0.25, inkTestEmpty = false): CellRead => {
    const cells = [...Array.from({ length: 20 }, () => probs(8, false)), cell];
    const last = { ...shape(0.25, offCentre), width, longestPart: width };
    const shapes = [...Array.from({ length: 20 }, () => shape(0.5)), last];
    const empty = [...Array<boolean>(20).fill(false), inkTestEmpty];
    return readGridCells(cells, empty, Array(21).fill(undefined), [shapes]).at(-1)!;
  };

  /** The read is the user's entry of `digit`, shown as doubtful. */
  const expectDoubtfulEntry = (read: CellRead, digit: number): void => {
    expect(read.digit).toBe(digit);
    expect(isHandwritten(read)).toBe(true);
    expect(read.confidence).toBeLessThan(DOUBT_THRESHOLD);
  };

  test("a sure handwritten digit written small in the middle of its cell is an entry, shown as doubtful", () => {
    expectDoubtfulEntry(readLast(probs(3, true), 0.05), 3);
  });

  test("the same digit in its place of a candidate layout, a centred 5, print or a doubtful digit read empty", () => {
    expect(readLast(probs(3, true), 0.42).digit).toBe(0);
    // 5's place among pencilled candidates is the centre.
    expect(readLast(probs(5, true), 0.03).digit).toBe(0);
    expect(readLast(probs(3, false), 0.05).digit).toBe(0);
    // The CNN's first choice, but below even odds.
    const unsure = probs(3, true, 0.45);
    unsure[0] = 0.3;
    unsure[classOf(8, false)] = 0.25;
    expect(readLast(unsure, 0.05).digit).toBe(0);
  });

  test("a handwritten digit written small is kept at even odds or better, shown as doubtful", () => {
    const read = readLast(probs(3, true, 0.6), 0.05);
    expect(read.digit).toBe(3);
    expect(read.confidence).toBeLessThan(DOUBT_THRESHOLD);
  });

  test("a 5 written short and wide in the middle of its cell is an entry: no candidate is that wide", () => {
    expectDoubtfulEntry(readLast(probs(5, true), 0.03, 0.6), 5);
    expect(readLast(probs(5, true), 0.03, 0.3).digit).toBe(0);
  });

  test("a digit written short but wider than a candidate's slot is an entry off the middle too, not in a corner", () => {
    expectDoubtfulEntry(readLast(probs(2, true), 0.2, 0.55), 2);
    // As narrow as a candidate, as far out as a corner's candidate, or ink the ink test calls empty (a fold).
    expect(readLast(probs(2, true), 0.2, 0.3).digit).toBe(0);
    expect(readLast(probs(2, true), 0.42, 0.55).digit).toBe(0);
    expect(readLast(probs(2, true), 0.2, 0.55, true).digit).toBe(0);
    // In the middle of its cell, that ink is still the entry the CNN is sure of.
    expect(readLast(probs(2, true), 0.05, 0.55, true).digit).toBe(2);
  });
});

describe("readGridCells: handwriting in its digit's place of a candidate layout", () => {
  /**
   * 20 sure printed 8s 0.45 of the cell tall, then a sure handwritten `digit` 0.34 tall (not short of that
   * print), centred at `offset` from the cell's centre, its longest part `length` long.
   */
  const readLast = (digit: number, offset: { x: number; y: number }, length = 0.34): CellRead => {
    const probs = (d: number, hand: boolean) => {
      const out = new Float32Array(CLASS_COUNT);
      out[classOf(d, hand)] = 0.97;
      out[0] = 0.03;
      return out;
    };
    const cells = [...Array.from({ length: 20 }, () => probs(8, false)), probs(digit, true)];
    const last = { ...shape(0.34), width: 0.2, longestPart: length, offset };
    const shapes = [...Array.from({ length: 20 }, () => shape(0.45)), last];
    return readGridCells(cells, Array<boolean>(21).fill(false), Array(21).fill(undefined), [shapes]).at(-1)!;
  };

  test("a lone pencilled 2 at the top middle, or 7 at the bottom left, is no entry, though tall enough", () => {
    const two = readLast(2, { x: 0.02, y: -0.3 });
    expect(two.digit).toBe(0);
    expect(two.tooSmall).toBe(true);
    expect(readLast(7, { x: -0.3, y: 0.31 }).digit).toBe(0);
  });

  test("the same ink in the middle, in another digit's place, or with a part longer than a slot is an entry", () => {
    expect(readLast(2, { x: 0.02, y: -0.05 }).digit).toBe(2);
    expect(readLast(8, { x: 0.02, y: -0.3 }).digit).toBe(8);
    expect(readLast(2, { x: 0.02, y: -0.3 }, 0.48).digit).toBe(2);
  });
});
