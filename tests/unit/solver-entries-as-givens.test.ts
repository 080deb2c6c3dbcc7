import { describe, expect, it } from "vitest";
import { isHandwritten, type CellRead } from "../../src/shared/reading.ts";
import { entriesAsMissingGivens } from "../../src/solver/entries-as-givens.ts";
import { solve } from "../../src/solver/solve.ts";
import { cellRead, confidentReads, SEVENTEEN } from "../fixtures/confident-reads.ts";

const solved = solve(Uint8Array.from(SEVENTEEN.replaceAll(".", "0"), Number));
if (solved.kind !== "solved" || !solved.unique) throw new Error("fixture must have one solution");
const SOLUTION = solved.solution;
/** Two of the 17 givens (losing either leaves several solutions) and an open cell. */
const CLUES = [...SEVENTEEN].flatMap((ch, cell) => (ch === "." ? [] : [cell]));
const [FIRST, SECOND] = [CLUES[0]!, CLUES[5]!];
const OPEN = SEVENTEEN.lastIndexOf(".");

/** The 17-clue puzzle read with `entries` (cell → handwritten share) read as entries of their solution digit. */
function readWithEntries(entries: Record<number, number>): CellRead[] {
  const reads = confidentReads(SEVENTEEN);
  for (const [cell, share] of Object.entries(entries)) reads[+cell] = cellRead(SOLUTION[+cell]!, 0.98, share);
  return reads;
}

const entriesOf = (reads: readonly CellRead[]) =>
  reads.flatMap((read, cell) => (isHandwritten(read) ? [cell] : []));

describe("entriesAsMissingGivens", () => {
  it("turns a doubted entry back into the given without which the givens have several solutions", () => {
    const reads = readWithEntries({ [FIRST]: 0.5 });
    const mended = entriesAsMissingGivens(reads);
    expect(mended[FIRST]).toEqual({ ...reads[FIRST], handwritten: 0 });
    expect(entriesOf(mended)).toEqual([]);
    for (let cell = 0; cell < 81; cell++) if (cell !== FIRST) expect(mended[cell]).toEqual(reads[cell]);
  });

  it("takes the least handwritten suspects first and stops at one solution", () => {
    const reads = readWithEntries({ [FIRST]: 0.5, [SECOND]: 0.55, [OPEN]: 0.7 });
    const mended = entriesAsMissingGivens(reads);
    expect(entriesOf(mended)).toEqual([OPEN]);
  });

  it("turns entries of the same share alike", () => {
    // FIRST alone gives one solution; the player's entry, read as likely print, goes with it.
    expect(entriesOf(entriesAsMissingGivens(readWithEntries({ [FIRST]: 0.5, [OPEN]: 0.5 })))).toEqual([]);
    expect(entriesOf(entriesAsMissingGivens(readWithEntries({ [FIRST]: 0.5, [OPEN]: 0.6 })))).toEqual([OPEN]);
  });

  it("leaves a grid alone where an entry was surely written by hand", () => {
    const reads = readWithEntries({ [FIRST]: 0.5, [OPEN]: 0.95 });
    expect(entriesAsMissingGivens(reads)).toEqual(reads);
    expect(entriesOf(entriesAsMissingGivens(readWithEntries({ [FIRST]: 0.5, [OPEN]: 0.85 })))).toEqual([
      OPEN,
    ]);
  });

  it("leaves the entries alone when they do not give the givens one solution", () => {
    const reads = readWithEntries({ [FIRST]: 0.5 });
    reads[SECOND] = cellRead(0, 0.6);
    expect(entriesAsMissingGivens(reads)).toEqual(reads);
  });

  it("leaves givens that have one solution alone", () => {
    const reads = readWithEntries({ [OPEN]: 0.6 });
    expect(entriesAsMissingGivens(reads)).toEqual(reads);
  });
});
