import { describe, expect, it } from "vitest";
import {
  checkEntries,
  nextHint,
  ratePuzzle,
  referenceSolution,
  type PlayState,
} from "../../src/solver/hint.ts";
import { explain } from "../../src/solver/logic/index.ts";
import { parseGrid } from "../../src/solver/parse.ts";
import type { Grid } from "../../src/solver/types.ts";

function grid(text: string): Grid {
  const parsed = parseGrid(text);
  if (!parsed.ok) throw new Error("bad fixture");
  return parsed.grid;
}

// Wikipedia's example puzzle and its solution.
const PUZZLE = grid("530070000600195000098000060800060003400803001700020006060000280000419005000080079");
const SOLUTION = grid("534678912672195348198342567859761423426853791713924856961537284287419635345286179");
/** "Easter Monster": one solution, but no technique short of trial and error makes a first step. */
const EASTER_MONSTER = grid(
  "1.......2.9.4...5...6...7...5.9.3.......7.......85..4.7.....6...3...9.8...2.....1",
);

const none = (): Grid => new Uint8Array(81);
const play = (clues: Grid, entries: Grid = none(), eliminated = new Uint16Array(81)): PlayState => ({
  clues,
  entries,
  eliminated,
});

function agreesWithSolution(state: PlayState, solution: Grid): void {
  const answer = nextHint(state);
  expect(answer.kind).toBe("step");
  if (answer.kind !== "step") return;
  expect(answer.step.placements.length + answer.step.eliminations.length).toBeGreaterThan(0);
  for (const p of answer.step.placements) expect(p.digit).toBe(solution[p.cell]);
  for (const e of answer.step.eliminations) expect(e.digit).not.toBe(solution[e.cell]);
  expect(answer.step.text).toMatch(/r\dc\d/);
}

describe("nextHint", () => {
  it("gives a logical step that agrees with the solution", () => {
    agreesWithSolution(play(PUZZLE), SOLUTION);
  });

  it("points out a wrong entry before any logic, and only the wrong ones", () => {
    const entries = none();
    entries[2] = SOLUTION[2]!; // right
    entries[40] = SOLUTION[40] === 1 ? 2 : 1; // wrong
    entries[80] = SOLUTION[80] === 3 ? 4 : 3; // wrong
    expect(nextHint(play(PUZZLE, entries))).toEqual({ kind: "wrong-entries", cells: [40, 80] });
  });

  it("goes on from the user's right entries; a full right grid is solved", () => {
    const half = PUZZLE.map((d, i) => (d === 0 && i < 40 ? SOLUTION[i]! : 0));
    agreesWithSolution(play(PUZZLE, half), SOLUTION);
    const rest = PUZZLE.map((d, i) => (d === 0 ? SOLUTION[i]! : 0));
    expect(nextHint(play(PUZZLE, rest))).toEqual({ kind: "solved" });
  });

  it("uses the removals of earlier hints, but never one that strikes the solution's digit", () => {
    // Everything "removed" everywhere: only the stale part (each cell's solution digit) must be ignored,
    // which leaves every empty cell a naked single.
    const eliminated = new Uint16Array(81).fill(0x1ff);
    const answer = nextHint(play(PUZZLE, none(), eliminated));
    expect(answer.kind).toBe("step");
    if (answer.kind === "step")
      expect(answer.step.placements[0]!.digit).toBe(SOLUTION[answer.step.placements[0]!.cell]);
  });

  it("when no technique applies, offers the solution's digit for the cell with the fewest candidates", () => {
    const answer = nextHint(play(EASTER_MONSTER));
    expect(answer.kind).toBe("stuck");
    if (answer.kind !== "stuck") return;
    const reference = referenceSolution(EASTER_MONSTER, none());
    if (reference.kind !== "solution") throw new Error("the fixture has one solution");
    expect(EASTER_MONSTER[answer.reveal.cell]).toBe(0);
    expect(answer.reveal.digit).toBe(reference.solution[answer.reveal.cell]);
  });

  it("a typed puzzle (entries only, no clues) is its own puzzle", () => {
    agreesWithSolution(play(none(), PUZZLE), SOLUTION);
  });

  it("says why there is no hint for a bad grid", () => {
    expect(nextHint(play(none()))).toEqual({ kind: "empty" });
    const clash = PUZZLE.slice();
    clash[2] = 5; // a second 5 in row 1
    expect(nextHint(play(clash))).toEqual({ kind: "conflict", cells: [0, 2] });
    expect(nextHint(play(PUZZLE.map((d, i) => (i < 30 ? d : 0))))).toEqual({ kind: "several" });
    // No clash, yet r1c3 can hold nothing: its row has 1-7, its column 8 and 9.
    const stuck = grid("12.34567." + "..8......" + ".".repeat(18) + "..9......" + ".".repeat(36));
    expect(nextHint(play(stuck))).toEqual({ kind: "unsolvable" });
  });
});

describe("checkEntries", () => {
  it("lists the entries that contradict the solution and counts them all", () => {
    const entries = none();
    entries[2] = SOLUTION[2]!;
    entries[3] = SOLUTION[3] === 9 ? 8 : 9;
    expect(checkEntries(PUZZLE, entries)).toEqual({ kind: "checked", wrong: [3], entries: 2 });
    expect(checkEntries(PUZZLE, none())).toEqual({ kind: "checked", wrong: [], entries: 0 });
  });
});

describe("ratePuzzle", () => {
  it("rates the clues by their logical solution, naming the hardest technique", () => {
    const rating = ratePuzzle(PUZZLE, none());
    expect(rating).toMatchObject({ kind: "rated", difficulty: explain(PUZZLE).difficulty });
    if (rating.kind === "rated")
      expect(explain(PUZZLE).steps.map((s) => s.technique)).toContain(rating.hardest);
    expect(ratePuzzle(EASTER_MONSTER, none())).toEqual({
      kind: "rated",
      difficulty: "needs guessing",
      hardest: null,
    });
  });
});
