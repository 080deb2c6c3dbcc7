import { describe, expect, it } from "vitest";
import { HANDWRITTEN_THRESHOLD, isHandwritten, type CellRead } from "../../src/shared/reading.ts";
import { solve } from "../../src/solver/solve.ts";
import { givenAsWrongEntry } from "../../src/solver/wrong-entry.ts";
import { confidentReads, NORVIG } from "../fixtures/confident-reads.ts";

const solved = solve(Uint8Array.from(NORVIG, Number));
if (solved.kind !== "solved") throw new Error("fixture must be solvable");
const SOLUTION = solved.solution;
/** An open cell of Norvig's puzzle (row 1, column 1) and a digit other than its solution's. */
const OPEN = 0;
const WRONG = (SOLUTION[OPEN]! % 9) + 1;
/** One of Norvig's givens (row 1, column 3). */
const GIVEN = 2;

/** Norvig's givens with a wrong digit written in `OPEN`, read as print with `handwritten` share. */
function withWrongEntryReadAsPrint(handwritten: number): CellRead[] {
  const reads = confidentReads(NORVIG);
  reads[OPEN] = { digit: WRONG, confidence: 0.98, candidates: [{ digit: WRONG, p: 0.98 }], handwritten };
  return reads;
}

describe("givenAsWrongEntry", () => {
  it("turns back into an entry the given the CNN thought might be handwritten, without which the puzzle solves", () => {
    const reads = withWrongEntryReadAsPrint(0.2);
    expect(solve(Uint8Array.from(reads, (r) => r.digit)).kind).not.toBe("solved");
    const mended = givenAsWrongEntry(reads);
    expect(mended[OPEN]).toEqual({ ...reads[OPEN], handwritten: HANDWRITTEN_THRESHOLD });
    expect(isHandwritten(mended[OPEN]!)).toBe(true);
    for (let cell = 1; cell < 81; cell++) expect(mended[cell]).toEqual(reads[cell]);
  });

  it("passes over a likelier suspect whose removal leaves the puzzle broken", () => {
    const reads = withWrongEntryReadAsPrint(0.2);
    reads[GIVEN] = { ...reads[GIVEN]!, handwritten: 0.4 };
    const mended = givenAsWrongEntry(reads);
    expect(isHandwritten(mended[OPEN]!)).toBe(true);
    expect(mended[GIVEN]).toEqual(reads[GIVEN]);
  });

  it("keeps a given the CNN is sure is printed: the page then says a clue is wrong", () => {
    const reads = withWrongEntryReadAsPrint(0.01);
    expect(givenAsWrongEntry(reads)).toEqual(reads);
  });

  it("leaves givens that have a solution alone", () => {
    const reads = confidentReads(NORVIG);
    reads[GIVEN] = { ...reads[GIVEN]!, handwritten: 0.4 };
    expect(givenAsWrongEntry(reads)).toEqual(reads);
  });
});
