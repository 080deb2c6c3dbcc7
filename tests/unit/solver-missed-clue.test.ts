import { describe, expect, it } from "vitest";
import { doubtWhereCluesMissing } from "../../src/solver/missed-clue.ts";
import { solve, undeterminedCells } from "../../src/solver/solve.ts";
import type { Grid } from "../../src/solver/types.ts";
import { confidentReads, NORVIG, SEVENTEEN } from "../fixtures/confident-reads.ts";

/** The 17-clue puzzle's clue in row 2, column 9 (a 1). */
const LOST = 17;
/** An open cell whose digit the 17-clue puzzle fixes even without that clue. */
const DETERMINED = 56;

function grid(puzzle: string): Grid {
  return Uint8Array.from(puzzle, (ch) => (ch === "." ? 0 : Number(ch)));
}

/** Every open cell that holds another digit than in the first solution in some solution, by brute force. */
function undeterminedByTrial(puzzle: Grid): number[] {
  const first = solve(puzzle);
  if (first.kind !== "solved") throw new Error("fixture must be solvable");
  const cells: number[] = [];
  for (let cell = 0; cell < 81; cell++) {
    if (puzzle[cell] !== 0) continue;
    const other = [1, 2, 3, 4, 5, 6, 7, 8, 9].some((digit) => {
      if (digit === first.solution[cell]) return false;
      const trial = puzzle.slice();
      trial[cell] = digit;
      return solve(trial, { checkUnique: false }).kind === "solved";
    });
    if (other) cells.push(cell);
  }
  return cells;
}

describe("undeterminedCells", () => {
  it("is empty for a puzzle with one solution", () => {
    expect(undeterminedCells(grid(SEVENTEEN))).toEqual([]);
    expect(undeterminedCells(grid(NORVIG))).toEqual([]);
  });

  it("finds exactly the cells whose digit differs between solutions", () => {
    const missing = grid(SEVENTEEN);
    missing[LOST] = 0;
    const cells = undeterminedCells(missing);
    expect(cells).toContain(LOST);
    expect(cells).toEqual(undeterminedByTrial(missing));
  });

  it("is empty for conflicting clues and when time runs out", () => {
    const conflict = grid(NORVIG);
    conflict[0] = 6;
    expect(undeterminedCells(conflict)).toEqual([]);
    const missing = grid(SEVENTEEN);
    missing[LOST] = 0;
    let clock = 0;
    expect(undeterminedCells(missing, { deadline: 1, now: () => clock++ })).toEqual([]);
  });
});

describe("doubtWhereCluesMissing", () => {
  const inkedAt = (...cells: number[]) => Array.from({ length: 81 }, (_, i) => cells.includes(i));

  it("flags an inked cell read as empty where the read puzzle's solutions differ", () => {
    const read = confidentReads(SEVENTEEN);
    read[LOST] = {
      digit: 0,
      confidence: 0.99,
      candidates: [
        { digit: 0, p: 0.99 },
        { digit: 7, p: 0.01 },
      ],
    };
    const checked = doubtWhereCluesMissing(read, inkedAt(LOST, DETERMINED));
    expect(checked[LOST]).toEqual({
      digit: 0,
      confidence: 0.5,
      candidates: [
        { digit: 0, p: 0.5 },
        { digit: 7, p: 0.01 },
      ],
    });
    // This cell holds ink too, but its digit is the same in every solution.
    expect(checked[DETERMINED]).toEqual(read[DETERMINED]);
  });

  it("leaves cells without ink, and every cell of a puzzle with one solution, as read", () => {
    const missing = confidentReads(SEVENTEEN);
    missing[LOST] = { digit: 0, confidence: 0.99, candidates: [{ digit: 0, p: 0.99 }] };
    expect(doubtWhereCluesMissing(missing, inkedAt())).toEqual(missing);
    const whole = confidentReads(SEVENTEEN);
    expect(doubtWhereCluesMissing(whole, inkedAt(...Array.from({ length: 81 }, (_, i) => i)))).toEqual(whole);
  });

  it("does not count handwritten entries as clues", () => {
    const read = confidentReads(SEVENTEEN);
    read[LOST] = { ...read[LOST]!, handwritten: 0.9 };
    const emptyInked = read.flatMap((cell, i) => (cell.digit === 0 ? [i] : []));
    const checked = doubtWhereCluesMissing(read, inkedAt(...emptyInked));
    expect(checked.filter((cell) => cell.confidence === 0.5).length).toBeGreaterThan(0);
    expect(checked[LOST]).toEqual(read[LOST]);
  });
});
