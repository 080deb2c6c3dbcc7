import { describe, expect, it } from "vitest";
import { DOUBT_THRESHOLD, type CellRead } from "../../src/shared/reading.ts";
import { givensHaveOneSolution, mergeSharperRead } from "../../src/solver/sharper-read.ts";
import { cellRead as read, confidentReads, NORVIG, SEVENTEEN } from "../fixtures/confident-reads.ts";

/** The 17-clue puzzle's clue in row 2, column 9 (a 1): without it the puzzle has several solutions. */
const LOST = 17;
/** A blank cell of the 17-clue puzzle whose solution digit is not 1. */
const BLANK = 0;

/** The 17-clue puzzle read with its clue at `LOST` missed, doubtfully (or as given). */
function missed(at: CellRead = read(0, 0.6)): CellRead[] {
  const reads = confidentReads(SEVENTEEN);
  reads[LOST] = at;
  return reads;
}

/** `first` with `cell` read as `again`: a second read that differs in that one cell. */
function sharperWith(first: readonly CellRead[], cell: number, again: CellRead): CellRead[] {
  return first.map((r, i) => (i === cell ? again : r));
}

describe("givensHaveOneSolution", () => {
  it("holds for printed puzzles and fails when a clue is missed, contradicts or is a user's entry", () => {
    expect(givensHaveOneSolution(confidentReads(NORVIG))).toBe(true);
    expect(givensHaveOneSolution(confidentReads(SEVENTEEN))).toBe(true);
    expect(givensHaveOneSolution(missed())).toBe(false);
    expect(givensHaveOneSolution(missed(read(3, 0.99)))).toBe(false);
    expect(givensHaveOneSolution(missed(read(1, 0.99, 0.9)))).toBe(false);
  });
});

describe("mergeSharperRead", () => {
  it("takes a doubtful cell's printed digit from the sharper read when the givens then have one solution", () => {
    const first = missed();
    const merged = mergeSharperRead(first, sharperWith(first, LOST, read(1, 0.95, 0.02)));
    expect(merged?.[LOST]).toEqual({ ...read(1, 0.5, 0.02), capped: true });
    expect(merged?.filter((_, i) => i !== LOST)).toEqual(first.filter((_, i) => i !== LOST));
  });

  it("never empties a cell: sharpening brings back strokes, it does not take them away", () => {
    const clue = 23;
    const first = missed();
    first[clue] = read(2, 0.7);
    const sharper = sharperWith(sharperWith(first, LOST, read(1, 0.95)), clue, read(0, 0.9));
    const merged = mergeSharperRead(first, sharper);
    expect(merged?.[LOST]?.digit).toBe(1);
    expect(merged?.[clue]).toEqual(first[clue]);
  });

  it("keeps the first read's sure cells, whatever the sharper read says", () => {
    const first = missed(read(0, 0.95));
    expect(mergeSharperRead(first, sharperWith(first, LOST, read(1, 0.99)))).toBeUndefined();
  });

  it("never turns a handwritten entry into a given, nor an empty cell into an entry", () => {
    const entry = missed(read(1, 0.7, 0.8));
    expect(mergeSharperRead(entry, sharperWith(entry, LOST, read(1, 0.99, 0.1)))).toBeUndefined();
    const first = missed();
    expect(mergeSharperRead(first, sharperWith(first, LOST, read(1, 0.99, 0.8)))).toBeUndefined();
  });

  it("turns a doubtful given that the sharper read calls handwritten into that entry when the givens then have one solution", () => {
    const first = confidentReads(SEVENTEEN);
    first[BLANK] = read(1, 0.45, 0.01);
    // A doubtful blank cell, which the sharper read also calls handwritten: it stays blank.
    const other = 1;
    first[other] = read(0, 0.6);
    expect(givensHaveOneSolution(first)).toBe(false);
    const sharper = sharperWith(sharperWith(first, BLANK, read(8, 0.7, 0.99)), other, read(4, 0.9, 0.99));
    const merged = mergeSharperRead(first, sharper);
    expect(merged?.[BLANK]).toMatchObject({ digit: 8, handwritten: 0.99 });
    expect(merged?.[BLANK]?.confidence).toBeLessThan(DOUBT_THRESHOLD);
    expect(merged?.filter((_, i) => i !== BLANK)).toEqual(first.filter((_, i) => i !== BLANK));
  });

  it("refuses a merge whose givens still have several solutions, or none", () => {
    const first = missed();
    first[BLANK] = read(0, 0.6);
    // A phantom digit in another doubtful blank cell, the missed clue still missed.
    expect(mergeSharperRead(first, sharperWith(first, BLANK, read(2, 0.95)))).toBeUndefined();
    // The missed clue read as a digit its box already holds (a 3 in row 3, column 8).
    expect(mergeSharperRead(first, sharperWith(first, LOST, read(3, 0.95)))).toBeUndefined();
  });

  it("is undefined when the sharper read changes nothing", () => {
    const first = missed();
    expect(mergeSharperRead(first, first)).toBeUndefined();
  });
});
