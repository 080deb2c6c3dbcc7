import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boardFromGrid, findNextStep } from "../../src/solver/logic/index.ts";
import { parseGrid } from "../../src/solver/parse.ts";
import { solve } from "../../src/solver/solve.ts";
import { SAMPLE_SETS, samplePuzzles } from "./logic-positions.ts";

interface Known {
  puzzle: Uint8Array;
  solution: Uint8Array;
}

const known: Known[] = SAMPLE_SETS.flatMap((set) =>
  samplePuzzles(set).map((line) => {
    const parsed = parseGrid(line);
    if (!parsed.ok) throw new Error(`bad fixture ${line}`);
    const result = solve(parsed.grid);
    if (result.kind !== "solved" || !result.unique) throw new Error(`fixture without one solution ${line}`);
    return { puzzle: parsed.grid, solution: result.solution };
  }),
);

// The page asks for a step on any board a person reaches: the clues, some right entries, and candidates removed
// by earlier hints. Whatever the board, a step must agree with the solution.
describe("every step agrees with the solution on boards a person may reach", () => {
  it("with random right entries and random right eliminations", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: known.length - 1 }),
        fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 30 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 9 })), {
          maxLength: 60,
        }),
        (index, filled, removed) => {
          const { puzzle, solution } = known[index]!;
          const grid = puzzle.slice();
          for (const cell of filled) grid[cell] = solution[cell]!;
          const board = boardFromGrid(grid);
          for (const [cell, digit] of removed)
            if (solution[cell] !== digit) board.candidates[cell]! &= ~(1 << (digit - 1));
          const step = findNextStep(board, { uniqueSolution: true });
          if (step === null) return;
          for (const { cell, digit } of step.placements) expect(solution[cell], step.text).toBe(digit);
          for (const { cell, digit } of step.eliminations) expect(solution[cell], step.text).not.toBe(digit);
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });
});
