import { describe, expect, it } from "vitest";
import { DOUBT_THRESHOLD, type CellRead } from "../../src/shared/reading.ts";
import { doubtsGivenSolution } from "../../src/solver/solution-doubt.ts";
import { solve } from "../../src/solver/solve.ts";
import { confidentReads, NORVIG, SEVENTEEN } from "../fixtures/confident-reads.ts";

const solved = solve(Uint8Array.from(NORVIG, Number));
if (solved.kind !== "solved") throw new Error("fixture must be solvable");
const SOLUTION = solved.solution;
/** Four of Norvig's open cells (row 1, columns 1, 2, 6 and 8). */
const [SHOW_THROUGH, MISSED, INKED, PENCILLED] = [0, 1, 5, 7];
/** Another open cell (row 1, column 4), for an entry. */
const OPEN = 3;
const other = (cell: number) => (SOLUTION[cell]! % 9) + 1;

/** A handwritten entry of `digit` read at 0.95, with `alternatives`. */
function entry(digit: number, alternatives: { digit: number; p: number }[]): CellRead {
  return { digit, confidence: 0.95, candidates: [{ digit, p: 0.95 }, ...alternatives], handwritten: 0.9 };
}

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

describe("doubtsGivenSolution", () => {
  it("weighs an empty cell only against the solution's digit when the givens have one solution", () => {
    const reads = doubtfulReads();
    const settled = doubtsGivenSolution(reads);
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
    expect(doubtsGivenSolution(reads)[SHOW_THROUGH]).toEqual({
      digit: 0,
      confidence: 1,
      candidates: [{ digit: 0, p: 1 }],
    });
  });

  it("leaves the doubts of givens with several solutions alone", () => {
    const reads = confidentReads(SEVENTEEN);
    reads[17] = doubtfulEmpty([{ digit: 4, p: 0.45 }]);
    expect(doubtsGivenSolution(reads)).toEqual(reads);
  });

  it("keeps the empty cells' doubts in a grid with entries: an empty cell may hide the player's digit", () => {
    const reads = doubtfulReads();
    reads[OPEN] = entry(SOLUTION[OPEN]!, []);
    expect(doubtsGivenSolution(reads)).toEqual(reads);
  });

  it("flags an entry read as another digit than the solution's when the CNN also saw the solution's", () => {
    const reads = confidentReads(NORVIG);
    const written = other(OPEN);
    reads[OPEN] = entry(written, [{ digit: SOLUTION[OPEN]!, p: 0.03 }]);
    const weighed = doubtsGivenSolution(reads);
    // 0.95 against 0.03 × 32 for the solution's digit and the 0.02 no candidate holds.
    const total = 0.95 + 0.03 * 32 + 0.02;
    expect(weighed[OPEN]).toEqual({
      ...reads[OPEN],
      confidence: expect.closeTo(0.95 / total),
      candidates: [
        { digit: written, p: expect.closeTo(0.95 / total) },
        { digit: SOLUTION[OPEN], p: expect.closeTo((0.03 * 32) / total) },
      ],
    });
    // Flagged, with the solution's digit offered, but still read as written.
    expect(weighed[OPEN]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
    for (let cell = 0; cell < 81; cell++) if (cell !== OPEN) expect(weighed[cell]).toEqual(reads[cell]);
  });

  it("keeps an entry of the solution's digit, and a wrong one the CNN saw no trace of it in", () => {
    const reads = confidentReads(NORVIG);
    reads[OPEN] = entry(SOLUTION[OPEN]!, [{ digit: other(OPEN), p: 0.04 }]);
    reads[MISSED] = entry(other(MISSED), [{ digit: 0, p: 0.04 }]);
    expect(doubtsGivenSolution(reads)).toEqual(reads);
  });

  it("leaves entries alone when the givens have several solutions", () => {
    const reads = confidentReads(SEVENTEEN);
    reads[0] = entry(5, [{ digit: 6, p: 0.04 }]);
    expect(doubtsGivenSolution(reads)).toEqual(reads);
  });
});
