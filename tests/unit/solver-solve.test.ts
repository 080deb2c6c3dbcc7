import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../src/solver/check.ts";
import { findConflicts } from "../../src/solver/conflicts.ts";
import { gridToString } from "../../src/solver/format.ts";
import { parseGrid } from "../../src/solver/parse.ts";
import { solve } from "../../src/solver/solve.ts";
import type { Grid } from "../../src/solver/types.ts";

function grid(text: string): Grid {
  const parsed = parseGrid(text);
  if (!parsed.ok) throw new Error(`bad fixture: ${JSON.stringify(parsed.error)}`);
  return parsed.grid;
}

/** Published puzzles with their published solutions. */
const KNOWN = [
  {
    name: "Norvig's first example",
    puzzle: "003020600900305001001806400008102900700000008006708200002609500800203009005010300",
    solution: "483921657967345821251876493548132976729564138136798245372689514814253769695417382",
  },
  {
    name: "Inkala's 'world's hardest'",
    puzzle: "8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4..",
    solution: "812753649943682175675491283154237896369845721287169534521974368438526917796318452",
  },
];
/** Norvig's "impossible" puzzle: no clue repeats, no singles apply, and proving it unsolvable takes seconds. */
const PATHOLOGICAL = ".....5.8....6.1.43..........1.5........1.6...3.......553.....61........4.........";

describe("solve", () => {
  it.each(KNOWN)("solves $name uniquely", ({ puzzle, solution }) => {
    const result = solve(grid(puzzle));
    expect(result.kind).toBe("solved");
    if (result.kind !== "solved") return;
    expect(gridToString(result.solution)).toBe(solution);
    expect(result.unique).toBe(true);
  });

  it("in first-solution mode returns a solution without claiming uniqueness", () => {
    const result = solve(grid(KNOWN[1]!.puzzle), { checkUnique: false });
    expect(result).toMatchObject({ kind: "solved", unique: false });
    if (result.kind === "solved") expect(gridToString(result.solution)).toBe(KNOWN[1]!.solution);
  });

  it("returns the clashing clue cells as a conflict", () => {
    const text = `55${".".repeat(79)}`;
    expect(findConflicts(grid(text))).toEqual([0, 1]);
    const column = `7${".".repeat(71)}7${".".repeat(8)}`; // r1c1 and r9c1
    expect(solve(grid(column))).toEqual({ kind: "conflict", cells: [0, 72] });
    const box = `3.........3${".".repeat(70)}`; // r1c1 and r2c2
    expect(solve(grid(box))).toEqual({ kind: "conflict", cells: [0, 10] });
    expect(findConflicts(grid(KNOWN[0]!.puzzle))).toEqual([]);
  });

  it("says unsolvable when a cell has no candidate", () => {
    // Row 1 holds 1-8, column 9 holds a 9 lower down: r1c9 has nothing left.
    expect(solve(grid(`12345678.${".".repeat(35)}9${".".repeat(36)}`))).toEqual({ kind: "unsolvable" });
  });

  it("finds two solutions of the empty grid and says so", () => {
    const empty = new Uint8Array(81);
    const result = solve(empty);
    expect(result.kind).toBe("solved");
    if (result.kind !== "solved") return;
    expect(result.unique).toBe(false);
    expect(checkSolution(empty, result.solution)).toBe(true);
  });

  it("times out at the deadline instead of running on", () => {
    let clock = 0;
    const result = solve(grid(PATHOLOGICAL), { deadline: 100, now: () => (clock += 1) });
    expect(result).toEqual({ kind: "timed-out" });
    expect(clock).toBeGreaterThan(100);
    const quick = solve(grid(KNOWN[0]!.puzzle), { timeoutMs: 10_000 });
    expect(quick.kind).toBe("solved");
  });

  it("rejects a malformed grid as a programming error", () => {
    expect(() => solve(new Uint8Array(80))).toThrow(RangeError);
    expect(() => solve(new Uint8Array(81).fill(10))).toThrow(RangeError);
  });

  describe("gives every case of invalid.json its verdict", () => {
    const cases = JSON.parse(readFileSync(new URL("../fixtures/invalid.json", import.meta.url), "utf8")) as {
      puzzle: string;
      expect: "conflict" | "unsolvable" | "multiple";
      why: string;
    }[];
    it("has the cases", () => expect(cases.length).toBe(39));
    it.each(cases)("$expect: $why", ({ puzzle, expect: verdict }) => {
      const result = solve(grid(puzzle));
      const got = result.kind === "solved" ? (result.unique ? "unique" : "multiple") : result.kind;
      expect(got).toBe(verdict);
      if (result.kind === "conflict") expect(result.cells.length).toBeGreaterThanOrEqual(2);
      if (result.kind === "solved") expect(checkSolution(grid(puzzle), result.solution)).toBe(true);
    });
  });
});

describe("checkSolution", () => {
  const puzzle = grid(KNOWN[0]!.puzzle);
  const solution = grid(KNOWN[0]!.solution);
  it("accepts the solution", () => expect(checkSolution(puzzle, solution)).toBe(true));
  it("rejects a solution that changes a clue", () => {
    const other = grid(KNOWN[1]!.solution);
    expect(checkSolution(puzzle, other)).toBe(false);
    expect(checkSolution(grid(KNOWN[1]!.puzzle), other)).toBe(true);
  });
  it("rejects a repeated digit and an unfilled cell", () => {
    const swapped = solution.slice();
    swapped[0] = solution[1]!; // r1c1 now repeats r1c2's digit
    expect(checkSolution(new Uint8Array(81), swapped)).toBe(false);
    const open = solution.slice();
    open[40] = 0;
    expect(checkSolution(new Uint8Array(81), open)).toBe(false);
  });
});
