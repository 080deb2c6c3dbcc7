import { describe, expect, it } from "vitest";
import type { CellRead } from "../../src/shared/reading.ts";
import { digitsHaveOneSolution, provesPuzzle } from "../../src/solver/puzzle-proof.ts";
import { cellRead as read, confidentReads, NORVIG, SEVENTEEN } from "../fixtures/confident-reads.ts";

/** The 17-clue puzzle's clue in row 2, column 9 (a 1): without it the puzzle has several solutions. */
const LOST = 17;
/** Norvig's puzzle's 3 in row 1, column 3: the others alone still have one solution. */
const SPARE = 2;

/** `puzzle` read surely, but `cell` read as `as`. */
function readWith(puzzle: string, cell: number, as: CellRead): CellRead[] {
  const reads = confidentReads(puzzle);
  reads[cell] = as;
  return reads;
}

describe("digitsHaveOneSolution", () => {
  it("holds when the givens have one solution, or when a given read as a hand completes them", () => {
    expect(digitsHaveOneSolution(confidentReads(SEVENTEEN))).toBe(true);
    // The clue read as a handwritten 1: the givens alone have several solutions, all the digits one.
    expect(digitsHaveOneSolution(readWith(SEVENTEEN, LOST, read(1, 0.99, 0.9)))).toBe(true);
  });

  it("fails when neither the givens nor all the digits have exactly one solution", () => {
    expect(digitsHaveOneSolution(readWith(SEVENTEEN, LOST, read(0, 0.6)))).toBe(false);
    // A handwritten 3 there clashes with the printed 3 of its box.
    expect(digitsHaveOneSolution(readWith(SEVENTEEN, LOST, read(3, 0.99, 0.9)))).toBe(false);
  });
});

describe("provesPuzzle", () => {
  it("holds for a read whose digits have one solution", () => {
    expect(provesPuzzle(confidentReads(NORVIG))).toBe(true);
    expect(provesPuzzle(readWith(SEVENTEEN, LOST, read(1, 0.99, 0.9)))).toBe(true);
  });

  it("holds when leaving out one doubtful digit, misread so that nothing solves, leaves one solution", () => {
    // The 3 read as a 4 (no solution, though nothing clashes) or as a 1 (which clashes in its row).
    expect(provesPuzzle(readWith(NORVIG, SPARE, read(4, 0.7)))).toBe(true);
    expect(provesPuzzle(readWith(NORVIG, SPARE, read(1, 0.7)))).toBe(true);
  });

  it("fails when the misread digit is sure, or leaving it out leaves several solutions", () => {
    expect(provesPuzzle(readWith(NORVIG, SPARE, read(4, 0.95)))).toBe(false);
    expect(provesPuzzle(readWith(SEVENTEEN, LOST, read(3, 0.7)))).toBe(false);
  });

  it("fails when two doubtful digits are misread", () => {
    const reads = readWith(NORVIG, SPARE, read(4, 0.7));
    // Row 1, column 5 holds a 2: read as a 7, doubtfully, too.
    reads[4] = read(7, 0.7);
    expect(provesPuzzle(reads)).toBe(false);
  });
});
