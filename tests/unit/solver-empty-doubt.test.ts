import { describe, expect, it } from "vitest";
import { DOUBT_THRESHOLD, type CellRead } from "../../src/shared/reading.ts";
import { emptyDoubtsGivenSolution } from "../../src/solver/empty-doubt.ts";
import { solve } from "../../src/solver/solve.ts";
import { confidentReads, NORVIG, SEVENTEEN } from "../fixtures/confident-reads.ts";

const solved = solve(Uint8Array.from(NORVIG, Number));
if (solved.kind !== "solved") throw new Error("fixture must be solvable");
const SOLUTION = solved.solution;
/** Four of Norvig's open cells (row 1, columns 1, 2, 6 and 8). */
const [SHOW_THROUGH, MISSED, INKED, PENCILLED] = [0, 1, 5, 7];
const other = (cell: number) => (SOLUTION[cell]! % 9) + 1;

/** An empty read at coin-toss confidence that the CNN also gave `alternatives`. */
function doubtfulEmpty(alternatives: { digit: number; p: number }[]): CellRead {
  return { digit: 0, confidence: 0.5, candidates: [{ digit: 0, p: 0.5 }, ...alternatives] };
}

/**
 * Norvig's puzzle read confidently but for a mirrored digit showing through, a faint missed clue, a
 * clue the CNN missed where the ink test saw one (its read capped) and pencilled candidates too small
 * for a clue, in which the CNN saw the solution's digit.
 */
function doubtfulReads(): CellRead[] {
  const reads = confidentReads(NORVIG);
  reads[SHOW_THROUGH] = doubtfulEmpty([
    { digit: other(SHOW_THROUGH), p: 0.45 },
    { digit: SOLUTION[SHOW_THROUGH]!, p: 0.02 },
  ]);
  reads[MISSED] = doubtfulEmpty([{ digit: SOLUTION[MISSED]!, p: 0.4 }]);
  reads[INKED] = { ...doubtfulEmpty([{ digit: other(INKED), p: 0.01 }]), capped: true };
  reads[PENCILLED] = { ...doubtfulEmpty([{ digit: SOLUTION[PENCILLED]!, p: 0.45 }]), tooSmall: true };
  return reads;
}

describe("emptyDoubtsGivenSolution", () => {
  it("weighs an empty cell only against the solution's digit when the givens have one solution", () => {
    const reads = doubtfulReads();
    const settled = emptyDoubtsGivenSolution(reads);
    // Another digit there would leave the puzzle unsolvable: only the 0.02 of a missed clue is left.
    expect(settled[SHOW_THROUGH]!.confidence).toBeCloseTo(0.5 / 0.52);
    expect(settled[SHOW_THROUGH]!.confidence).toBeGreaterThanOrEqual(DOUBT_THRESHOLD);
    expect(settled[SHOW_THROUGH]!.candidates).toEqual([
      { digit: 0, p: settled[SHOW_THROUGH]!.confidence },
      { digit: SOLUTION[SHOW_THROUGH], p: expect.closeTo(0.02 / 0.52) },
    ]);
    // The solution's own digit may still be a missed clue: that cell stays doubtful.
    expect(settled[MISSED]!.confidence).toBeCloseTo(0.5 / 0.9);
    expect(settled[MISSED]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
    // The ink test's doubt is not the CNN's: a digit there could only be the solution's.
    expect(settled[INKED]).toEqual(reads[INKED]);
    // Ink too small for a clue is none, whichever digit the CNN saw in it.
    expect(settled[PENCILLED]).toEqual({
      ...reads[PENCILLED],
      confidence: 1,
      candidates: [{ digit: 0, p: 1 }],
    });
    // Read digits and sure empty cells are as they were.
    for (let cell = 2; cell < 81; cell++) if (cell !== PENCILLED) expect(settled[cell]).toEqual(reads[cell]);
  });

  it("keeps an empty cell no candidate of which is the solution's digit at its own confidence or more", () => {
    const reads = confidentReads(NORVIG);
    reads[SHOW_THROUGH] = doubtfulEmpty([{ digit: other(SHOW_THROUGH), p: 0.5 }]);
    expect(emptyDoubtsGivenSolution(reads)[SHOW_THROUGH]).toEqual({
      digit: 0,
      confidence: 1,
      candidates: [{ digit: 0, p: 1 }],
    });
  });

  it("leaves the doubts of givens with several solutions alone", () => {
    const reads = confidentReads(SEVENTEEN);
    reads[17] = doubtfulEmpty([{ digit: 4, p: 0.45 }]);
    expect(emptyDoubtsGivenSolution(reads)).toEqual(reads);
  });

  it("leaves a grid with handwritten entries alone: a wrong entry may hold any digit", () => {
    const reads = doubtfulReads();
    // Written in an open cell (row 1, column 4), right: the givens keep their one solution.
    const digit = SOLUTION[3]!;
    reads[3] = { digit, confidence: 0.98, candidates: [{ digit, p: 0.98 }], handwritten: 0.9 };
    expect(emptyDoubtsGivenSolution(reads)).toEqual(reads);
  });
});
