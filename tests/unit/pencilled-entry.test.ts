import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { toCellRead } from "../../src/digits/cell-read.ts";
import { CLASS_COUNT, classOf } from "../../src/digits/classes.ts";
import type { InkShape } from "../../src/digits/empty-cell.ts";
import { couldBePencilledEntry, paleEntries, pencilledEntry } from "../../src/digits/pencilled-entry.ts";
import { DOUBT_THRESHOLD, hasSureEntry, isHandwritten, type CellRead } from "../../src/shared/reading.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead } from "../fixtures/read-result.ts";

/** Class probabilities; keys are classes (1–9 printed, 10–18 handwritten, see classes.ts). */
const probs = (entries: Record<number, number>): Float32Array => {
  const p = new Float32Array(CLASS_COUNT);
  for (const [d, v] of Object.entries(entries)) p[Number(d)] = v;
  return p;
};

const shape = (height: number, strokeContrast = 0.25): InkShape => ({
  inkFraction: 0.06,
  height,
  width: 0.3,
  longestPart: height,
  peakContrast: 0.3,
  strokeContrast,
  sharpOutline: 0.8,
  offset: { x: 0.05, y: 0 },
});

describe("pencilledEntry", () => {
  // Pale pencil the CNN reads as a handwritten 4 at 0.35, and empty at 0.55: read as empty.
  const pale = probs({
    0: 0.55,
    [classOf(4, true)]: 0.3,
    [classOf(4, false)]: 0.05,
    [classOf(9, true)]: 0.1,
  });

  test("a cell read as empty becomes the handwritten entry the solution puts there, doubtful", () => {
    const empty = toCellRead(pale, false, "faint");
    expect(empty.digit).toBe(0);
    const entry = pencilledEntry(empty, pale, 4)!;
    expect(entry.digit).toBe(4);
    expect(isHandwritten(entry)).toBe(true);
    expect(entry.confidence).toBeCloseTo(0.35);
    expect(entry.confidence).toBeLessThan(DOUBT_THRESHOLD);
    expect(entry.candidates[0]).toEqual({ digit: 4, p: entry.confidence });
    expect(entry.candidates.map((c) => c.digit)).toEqual([4, 0, 9]);
  });

  test("…but not another digit than the solution's, nor one the CNN barely sees or reads as print", () => {
    const empty = toCellRead(pale, false, "faint");
    expect(pencilledEntry(empty, pale, 9)).toBeUndefined();
    const faintest = probs({ 0: 0.8, [classOf(4, true)]: 0.15, [classOf(9, true)]: 0.05 });
    expect(pencilledEntry(toCellRead(faintest, false, "faint"), faintest, 4)).toBeUndefined();
    const printed = probs({ 0: 0.55, [classOf(4, false)]: 0.35, [classOf(4, true)]: 0.1 });
    expect(pencilledEntry(toCellRead(printed, false, "faint"), printed, 4)).toBeUndefined();
  });

  test("…from a lower probability where the CNN is all but sure of a hand, which spreads pale pen over digits", () => {
    // A handwritten 4 at 0.24 (all of it hand): below the usual bar, taken.
    const spread = probs({ 0: 0.5, [classOf(4, true)]: 0.24, [classOf(9, true)]: 0.26 });
    expect(pencilledEntry(toCellRead(spread, false, "faint"), spread, 4)?.digit).toBe(4);
    // The same 4 with a sixth of it print: held to the usual bar.
    const mixed = probs({
      0: 0.5,
      [classOf(4, true)]: 0.2,
      [classOf(4, false)]: 0.04,
      [classOf(9, true)]: 0.26,
    });
    expect(pencilledEntry(toCellRead(mixed, false, "faint"), mixed, 4)).toBeUndefined();
    // A sure hand still needs the lower bar.
    const faint = probs({ 0: 0.6, [classOf(4, true)]: 0.18, [classOf(9, true)]: 0.22 });
    expect(pencilledEntry(toCellRead(faint, false, "faint"), faint, 4)).toBeUndefined();
  });
});

describe("couldBePencilledEntry", () => {
  test("pale ink of the print's size could be an entry; a candidate's size, show-through or a blur cannot", () => {
    expect(couldBePencilledEntry(shape(0.5), "faint", 0.4)).toBe(true);
    expect(couldBePencilledEntry(shape(0.5), undefined, 0.4)).toBe(true);
    expect(couldBePencilledEntry(shape(0.3), "faint", 0.4)).toBe(false);
    expect(couldBePencilledEntry(shape(0.5), "ghost", 0.4)).toBe(false);
    expect(couldBePencilledEntry(shape(0.5), "small", 0.4)).toBe(false);
    expect(couldBePencilledEntry(shape(0.5), "soft", 0.4)).toBe(false);
    expect(couldBePencilledEntry(undefined, "faint", 0.4)).toBe(false);
    expect(couldBePencilledEntry(shape(0.5), "faint", undefined)).toBe(false);
  });
});

describe("hasSureEntry", () => {
  test("only a grid with an entry the reader is sure of has pale marks looked at as entries", () => {
    const blank = toCellRead(probs({ 0: 1 }), true);
    const given = toCellRead(probs({ [classOf(5, false)]: 1 }), false);
    const sureEntry = toCellRead(probs({ [classOf(7, true)]: 0.97, [classOf(1, true)]: 0.03 }), false);
    const unsureEntry = toCellRead(probs({ [classOf(7, true)]: 0.6, [classOf(1, true)]: 0.4 }), false);
    const grid = (extra: ReturnType<typeof toCellRead>) => [
      given,
      extra,
      ...Array<typeof blank>(79).fill(blank),
    ];
    expect(hasSureEntry(grid(sureEntry))).toBe(true);
    expect(hasSureEntry(grid(unsureEntry))).toBe(false);
    expect(hasSureEntry(grid(given))).toBe(false);
  });
});

describe("paleEntries", () => {
  const blank = toCellRead(probs({ 0: 1 }), true);
  const given = (digit: number) => toCellRead(probs({ [classOf(digit, false)]: 1 }), false);
  const sureEntry = toCellRead(probs({ [classOf(7, true)]: 1 }), false);
  /** A 1 read surely as print, but with `hand` of it handwriting. */
  const printedOne = (hand: number) =>
    toCellRead(probs({ [classOf(1, false)]: 1 - hand, [classOf(1, true)]: hand }), false);
  /**
   * Row 1 holds sure print of darkness `near` in c1–c3, row 9 darker print (0.9) in c1–c3, far from r1c5,
   * r9c9 the player's sure 7; r1c5 holds `read` of darkness `stroke`.
   */
  const grid = (read: CellRead, stroke: number, near = 0.5, entry = sureEntry) => {
    const reads = Array<CellRead>(81).fill(blank);
    const shapes = Array<InkShape | undefined>(81).fill(undefined);
    for (const [cell, digit, darkness] of [
      [0, 2, near],
      [1, 3, near],
      [2, 4, near],
      [72, 5, 0.9],
      [73, 6, 0.9],
      [74, 8, 0.9],
    ] as const) {
      reads[cell] = given(digit);
      shapes[cell] = shape(0.6, darkness);
    }
    reads[80] = entry;
    shapes[80] = shape(0.6, 0.5);
    reads[4] = read;
    shapes[4] = shape(0.6, stroke);
    return paleEntries(reads, shapes)[4]!;
  };

  test("a digit read as print but far paler than the print nearest it is an entry, doubtful", () => {
    const read = grid(printedOne(0.1), 0.25);
    expect(read.digit).toBe(1);
    expect(isHandwritten(read)).toBe(true);
    expect(read.confidence).toBeLessThan(DOUBT_THRESHOLD);
  });

  test("…but not ink nearly as dark, print the CNN gives no hand, nor in a grid without sure entries", () => {
    expect(isHandwritten(grid(printedOne(0.1), 0.31))).toBe(false);
    expect(isHandwritten(grid(printedOne(0.01), 0.25))).toBe(false);
    expect(isHandwritten(grid(printedOne(0.1), 0.25, 0.5, given(7)))).toBe(false);
  });

  test("…and it is weighed against the print nearest it: a shadow pales a region's print alike", () => {
    expect(isHandwritten(grid(printedOne(0.1), 0.25, 0.3))).toBe(false);
  });
});

const classifier = useShippedClassifier();

/** Generated half-filled photos (see tests/fixtures/README.md), each with a pencilled entry read doubtfully. */
const PALE_ENTRY_PHOTOS = [
  // Its r3c8 holds a pencilled 3 that the CNN reads as empty first: read by the givens' solution.
  { case: "one the CNN reads unsurely", file: "s9003-0049.jpg", cell: 2 * 9 + 7 },
  // A 240×320 photo under shadow bands: its r6c8 holds a pencilled 1 far paler than the printed 1 below it,
  // which the CNN reads as print with a trace of hand.
  { case: "one the CNN reads as print", file: "s9003-0274.jpg", cell: 5 * 9 + 7 },
];

test.each(PALE_ENTRY_PHOTOS)(
  "a pale pencilled entry, $case, is read as an entry, doubtful",
  async (photo) => {
    const dir = new URL("../fixtures/photos/pale-entry/", import.meta.url);
    const truth = async (name: string) =>
      (JSON.parse(await readFile(new URL(name, dir), "utf8")) as Record<string, string>)[photo.file]!;
    const [labels, entries] = await Promise.all([truth("labels.json"), truth("entries.json")]);
    const result = await readGrid(() => loadPhoto(new URL(photo.file, dir).pathname), classifier());
    assertRead(result);
    expect(result.cells.map((c) => (isHandwritten(c) ? 0 : c.digit)).join("")).toBe(labels);
    expect(result.cells.map((c) => (isHandwritten(c) ? c.digit : 0)).join("")).toBe(entries);
    expect(isHandwritten(result.cells[photo.cell]!)).toBe(true);
    expect(result.cells[photo.cell]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
  },
);
