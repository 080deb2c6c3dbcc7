import { describe, expect, it } from "vitest";
import { applyStep, boardFromGrid, rateDifficulty } from "../../src/solver/logic/index.ts";
import type { LogicStep, Technique } from "../../src/solver/logic/index.ts";

const step = (technique: Technique): LogicStep => ({
  technique,
  placements: [],
  eliminations: [],
  cells: [],
  units: [],
  text: "",
});
const steps = (...techniques: Technique[]): LogicStep[] => techniques.map(step);

describe("difficulty", () => {
  it("is the level of the hardest technique used", () => {
    expect(rateDifficulty(steps("naked single", "hidden single", "full house"), true)).toBe("Easy");
    expect(rateDifficulty(steps("hidden single", "pointing", "naked single"), true)).toBe("Medium");
    expect(rateDifficulty(steps("pointing", "x-wing"), true)).toBe("Hard");
    expect(rateDifficulty(steps("x-wing", "simple colouring"), true)).toBe("Expert");
    expect(rateDifficulty(steps("xy-chain"), true)).toBe("Extreme");
  });

  it("goes one level up when a hard level is needed three times, but not for many easy steps", () => {
    expect(rateDifficulty(steps("pointing", "claiming", "naked pair", "hidden pair", "pointing"), true)).toBe(
      "Medium",
    );
    expect(rateDifficulty(steps("x-wing", "skyscraper", "pointing"), true)).toBe("Hard");
    expect(rateDifficulty(steps("x-wing", "skyscraper", "xy-wing"), true)).toBe("Expert");
    expect(rateDifficulty(steps("x-chain", "w-wing", "x-chain"), true)).toBe("Extreme");
    expect(rateDifficulty(steps("xy-chain", "xy-chain", "xy-chain"), true)).toBe("Extreme");
  });

  it("is 'needs guessing' when logic alone did not finish", () => {
    expect(rateDifficulty(steps("naked single"), false)).toBe("needs guessing");
  });
});

describe("applyStep", () => {
  it("returns a new board: the digit placed and struck from its peers, the eliminations made", () => {
    const board = boardFromGrid(new Uint8Array(81));
    const next = applyStep(board, {
      placements: [{ cell: 0, digit: 5 }],
      eliminations: [{ cell: 80, digit: 1 }],
    });
    expect(next.values[0]).toBe(5);
    expect(next.candidates[0]).toBe(0);
    expect(next.candidates[8]! & (1 << 4)).toBe(0); // same row
    expect(next.candidates[72]! & (1 << 4)).toBe(0); // same column
    expect(next.candidates[20]! & (1 << 4)).toBe(0); // same box
    expect(next.candidates[40]! & (1 << 4)).not.toBe(0); // no peer
    expect(next.candidates[80]).toBe(0x1ff & ~1);
    expect(board.values[0]).toBe(0);
    expect(board.candidates[8]).toBe(0x1ff);
  });
});
