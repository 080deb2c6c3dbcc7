import { describe, expect, it } from "vitest";
import { explain } from "../../src/solver/logic/index.ts";
import { parseGrid } from "../../src/solver/parse.ts";
import { solve } from "../../src/solver/solve.ts";
import { auditExplanation } from "../../tooling/logic-audit.ts";
import { SAMPLE_SETS, samplePuzzles } from "./logic-positions.ts";

function grid(text: string): Uint8Array {
  const parsed = parseGrid(text);
  if (!parsed.ok) throw new Error(`bad fixture ${text}`);
  return parsed.grid;
}

describe("explain", () => {
  it("solves an easy newspaper puzzle with singles and rates it Easy", () => {
    const explanation = explain(
      grid("003020600900305001001806400008102900700000008006708200002609500800203009005010300"),
    );
    expect(explanation.solvedByLogic).toBe(true);
    expect(explanation.difficulty).toBe("Easy");
    expect(explanation.steps).toHaveLength(81 - 32);
  });

  it("says 'needs guessing' when the techniques run out", () => {
    const explanation = explain(grid(".".repeat(81)));
    expect(explanation.solvedByLogic).toBe(false);
    expect(explanation.difficulty).toBe("needs guessing");
  });

  // Every placement must equal the unique solution and no elimination may remove it.
  describe.each(SAMPLE_SETS)("every step agrees with the solution on a sample of %s", (set) => {
    it.each(samplePuzzles(set))("%s", (puzzle) => {
      const result = solve(grid(puzzle));
      if (result.kind !== "solved" || !result.unique) throw new Error("fixture puzzles have one solution");
      expect(auditExplanation(grid(puzzle), result.solution, explain(grid(puzzle)))).toBeNull();
    });
  });

  it("the audit catches a wrong placement and a removed solution digit", () => {
    const puzzle = grid(samplePuzzles("17-clue")[0]!);
    const result = solve(puzzle);
    if (result.kind !== "solved") throw new Error("fixture puzzles are solvable");
    const explanation = explain(puzzle);
    const [first] = explanation.steps;
    const cell = puzzle.indexOf(0);
    const wrongDigit = (result.solution[cell]! % 9) + 1;
    const placing = { ...first!, placements: [{ cell, digit: wrongDigit }], eliminations: [] };
    expect(auditExplanation(puzzle, result.solution, { ...explanation, steps: [placing] })).toMatch(
      /places/u,
    );
    const removing = { ...first!, placements: [], eliminations: [{ cell, digit: result.solution[cell]! }] };
    expect(auditExplanation(puzzle, result.solution, { ...explanation, steps: [removing] })).toMatch(
      /removes/u,
    );
  });

  it("solves every kaggle sample puzzle by logic alone", () => {
    for (const puzzle of samplePuzzles("kaggle-10k")) expect(explain(grid(puzzle)).solvedByLogic).toBe(true);
  });
});
