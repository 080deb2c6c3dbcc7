import { describe, expect, it } from "vitest";
import {
  hiddenClueSuspects,
  missedClueSuspects,
  settleHiddenClues,
  settleMissedClues,
} from "../../src/solver/missed-clue.ts";
import type { CellRead } from "../../src/shared/reading.ts";
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

describe("missedClueSuspects", () => {
  const inkedAt = (...cells: number[]) => Array.from({ length: 81 }, (_, i) => cells.includes(i));
  const lost = (): CellRead[] => {
    const read = confidentReads(SEVENTEEN);
    read[LOST] = { digit: 0, confidence: 0.99, candidates: [{ digit: 0, p: 0.99 }] };
    return read;
  };

  it("names the inked cells read as empty where the read puzzle's solutions differ", () => {
    // DETERMINED holds ink too, but its digit is the same in every solution.
    expect(missedClueSuspects(lost(), inkedAt(LOST, DETERMINED))).toEqual([LOST]);
  });

  it("names no cell without ink, and none of a puzzle with one solution", () => {
    expect(missedClueSuspects(lost(), inkedAt())).toEqual([]);
    const every = inkedAt(...Array.from({ length: 81 }, (_, i) => i));
    expect(missedClueSuspects(confidentReads(SEVENTEEN), every)).toEqual([]);
  });

  it("does not count handwritten entries as clues", () => {
    const read = confidentReads(SEVENTEEN);
    read[LOST] = { ...read[LOST]!, handwritten: 0.9 };
    const emptyInked = read.flatMap((cell, i) => (cell.digit === 0 ? [i] : []));
    expect(missedClueSuspects(read, inkedAt(...emptyInked)).length).toBeGreaterThan(0);
  });
});

describe("settleMissedClues", () => {
  const empty: CellRead = {
    digit: 0,
    confidence: 0.99,
    candidates: [
      { digit: 0, p: 0.99 },
      { digit: 7, p: 0.01 },
    ],
  };
  const printed = (digit: number, p: number, handwritten = 0.01): CellRead => ({
    digit,
    confidence: p,
    candidates: [{ digit, p }],
    handwritten,
  });
  const lost = (): CellRead[] => {
    const read = confidentReads(SEVENTEEN);
    read[LOST] = empty;
    return read;
  };

  it("fills a suspect with its second look's sure printed digit, shown as doubtful", () => {
    const settled = settleMissedClues(lost(), [LOST], [printed(1, 0.97)]);
    expect(settled[LOST]).toEqual({ ...printed(1, 0.5), candidates: [{ digit: 1, p: 0.5 }], capped: true });
    const others = (cells: CellRead[]) => cells.filter((_, i) => i !== LOST);
    expect(others(settled)).toEqual(others(lost()));
  });

  it("leaves a suspect empty but doubtful when its second look is unsure, handwritten, empty or absent", () => {
    const doubtedEmpty = {
      digit: 0,
      confidence: 0.5,
      candidates: [
        { digit: 0, p: 0.5 },
        { digit: 7, p: 0.01 },
      ],
      capped: true,
    };
    for (const look of [printed(1, 0.8), printed(1, 0.97, 0.9), printed(0, 0.99), undefined]) {
      expect(settleMissedClues(lost(), [LOST], [look])[LOST]).toEqual(doubtedEmpty);
    }
    expect(settleMissedClues(lost(), [LOST], [])[LOST]).toEqual(doubtedEmpty);
  });

  it("takes no digit that leaves the givens without a solution", () => {
    // The lost clue's box already holds a 3 (r3c8).
    expect(settleMissedClues(lost(), [LOST], [printed(3, 0.99)])[LOST]!.digit).toBe(0);
    // Two looks that each fit, but not together (a 1 beside the lost 1): the surer one is taken.
    const read = lost();
    const other = 16;
    read[other] = empty;
    const settled = settleMissedClues(read, [other, LOST], [printed(1, 0.92), printed(1, 0.99)]);
    expect(settled.map((cell) => cell.digit).filter((_, i) => i === other || i === LOST)).toEqual([0, 1]);
  });
});

describe("hidden clues: givens that lost a clue and still have one solution", () => {
  /** Norvig's clue in row 1, column 3 (a 3): the puzzle keeps one solution without it. */
  const HIDDEN = 2;
  /** An open cell of Norvig's puzzle, whose solution digit is 9 (row 1, column 4). */
  const OPEN = 3;
  const inkedAt = (...cells: number[]) => Array.from({ length: 81 }, (_, i) => cells.includes(i));
  /** The read with the clue read as empty, doubtfully: the ink test saw a digit, the CNN did not. */
  const lost = (): CellRead[] => {
    const read = confidentReads(NORVIG);
    read[HIDDEN] = { digit: 0, confidence: 0.5, candidates: [{ digit: 0, p: 0.5 }] };
    return read;
  };
  const noPrint = () => false;
  const printed = (digit: number, p: number, handwritten = 0.01): CellRead => ({
    digit,
    confidence: p,
    candidates: [{ digit, p }],
    handwritten,
  });

  it("names the doubtful empty reads of inked cells, with the digit the one solution puts there", () => {
    const read = lost();
    read[OPEN] = { digit: 0, confidence: 0.4, candidates: [{ digit: 0, p: 0.4 }] };
    expect(hiddenClueSuspects(read, inkedAt(HIDDEN, OPEN))).toEqual([
      { cell: HIDDEN, digit: 3 },
      { cell: OPEN, digit: 9 },
    ]);
  });

  it("names none without ink, for a sure empty read, or when the givens have several solutions", () => {
    expect(hiddenClueSuspects(lost(), inkedAt())).toEqual([]);
    const sure = lost();
    sure[HIDDEN] = { digit: 0, confidence: 0.99, candidates: [{ digit: 0, p: 0.99 }] };
    expect(hiddenClueSuspects(sure, inkedAt(HIDDEN))).toEqual([]);
    const several = confidentReads(SEVENTEEN);
    several[LOST] = { digit: 0, confidence: 0.5, candidates: [{ digit: 0, p: 0.5 }] };
    expect(hiddenClueSuspects(several, inkedAt(LOST))).toEqual([]);
  });

  it("fills a suspect only with a sure printed look at the very digit the solution needs, shown as doubtful", () => {
    const suspects = [{ cell: HIDDEN, digit: 3 }];
    const settled = settleHiddenClues(lost(), suspects, [[printed(3, 0.98)]], noPrint);
    expect(settled[HIDDEN]).toEqual({ ...printed(3, 0.5), candidates: [{ digit: 3, p: 0.5 }], capped: true });
    const others = (cells: CellRead[]) => cells.filter((_, i) => i !== HIDDEN);
    expect(others(settled)).toEqual(others(lost()));
    for (const looks of [[printed(8, 0.99)], [printed(3, 0.8)], [printed(3, 0.99, 0.9)], []]) {
      expect(settleHiddenClues(lost(), suspects, [looks], noPrint)).toEqual(lost());
    }
  });

  it("fills a suspect whose glyph is the grid's print of the digit the solution needs, whatever its looks read", () => {
    const suspects = [{ cell: HIDDEN, digit: 3 }];
    const printOf = (cell: number, digit: number) => cell === HIDDEN && digit === 3;
    const settled = settleHiddenClues(lost(), suspects, [[printed(1, 0.9, 0.9)]], printOf);
    expect(settled[HIDDEN]).toMatchObject({ digit: 3, confidence: 0.5, handwritten: 0 });
    const printOf8 = (cell: number, digit: number) => cell === HIDDEN && digit === 8;
    expect(settleHiddenClues(lost(), suspects, [[]], printOf8)).toEqual(lost());
  });

  it("takes the look that qualifies among a suspect's several", () => {
    const suspects = [{ cell: HIDDEN, digit: 3 }];
    const settled = settleHiddenClues(lost(), suspects, [[printed(8, 0.99), printed(3, 0.97)]], noPrint);
    expect(settled[HIDDEN]!.digit).toBe(3);
  });
});
