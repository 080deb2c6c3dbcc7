import { describe, expect, it } from "vitest";
import type { HintAnswer } from "../../src/solver/hint.ts";
import { unitCells, hintMarksFor, markDescriptions, NO_MARKS } from "../../src/ui/grid-marks.ts";
import { appliedMessage, checkMessage, difficultyMessage, hintMessage } from "../../src/ui/hint-text.ts";

describe("hint sentences", () => {
  it("difficulty names the hardest technique with its article", () => {
    expect(difficultyMessage({ kind: "rated", difficulty: "Hard", hardest: "x-wing" })).toBe(
      "Difficulty: Hard (needs an X-wing)",
    );
    expect(difficultyMessage({ kind: "rated", difficulty: "Expert", hardest: "w-wing" })).toBe(
      "Difficulty: Expert (needs a W-wing)",
    );
    expect(difficultyMessage({ kind: "rated", difficulty: "Extreme", hardest: "als-xz" })).toBe(
      "Difficulty: Extreme (needs an ALS-XZ)",
    );
    expect(difficultyMessage({ kind: "rated", difficulty: "Easy", hardest: "hidden single" })).toBe(
      "Difficulty: Easy (singles only)",
    );
    expect(difficultyMessage({ kind: "rated", difficulty: "needs guessing", hardest: "xy-chain" })).toMatch(
      /needs guessing/,
    );
    expect(difficultyMessage({ kind: "several" })).toBe("");
  });

  it("a step's two presses: what and why, then what was done", () => {
    const answer: HintAnswer = {
      kind: "step",
      step: {
        technique: "hidden single",
        placements: [{ cell: 21, digit: 7 }],
        eliminations: [],
        cells: [],
        units: [{ kind: "row", index: 2 }],
        text: "Row 3 needs a 7, and r3c4 is the only cell of row 3 where 7 can go.",
      },
    };
    expect(hintMessage(answer)).toBe(
      "Hidden single: Row 3 needs a 7, and r3c4 is the only cell of row 3 where 7 can go. Press Hint again to place 7 in r3c4.",
    );
    expect(appliedMessage(answer)).toBe("Placed 7 in r3c4.");
    const marks = hintMarksFor(answer)!;
    expect([...marks.area]).toEqual(unitCells({ kind: "row", index: 2 }));
    expect([...marks.target]).toEqual([21]);
    expect(markDescriptions(21, { ...NO_MARKS, hint: marks })).toEqual(["highlighted: the hint's cell"]);
    expect(markDescriptions(18, { ...NO_MARKS, hint: marks })).toEqual(["highlighted: in the hint's area"]);
  });

  it("a naked single, which names no unit, highlights its cell's row, column and box", () => {
    const marks = hintMarksFor({
      kind: "step",
      step: {
        technique: "naked single",
        placements: [{ cell: 40, digit: 5 }],
        eliminations: [],
        cells: [],
        units: [],
        text: "",
      },
    })!;
    expect(marks.area.size).toBe(21);
    expect(marks.area.has(36) && marks.area.has(4) && marks.area.has(30)).toBe(true);
  });

  it("boxes are numbered row by row", () => {
    expect(unitCells({ kind: "box", index: 5 })).toEqual([33, 34, 35, 42, 43, 44, 51, 52, 53]);
    expect(unitCells({ kind: "column", index: 8 })).toEqual([8, 17, 26, 35, 44, 53, 62, 71, 80]);
  });

  it("checks and wrong entries", () => {
    expect(checkMessage({ kind: "checked", wrong: [], entries: 0 })).toBe(
      "You have no entries to check yet.",
    );
    expect(checkMessage({ kind: "checked", wrong: [], entries: 12 })).toBe(
      "No mistakes: all 12 of your entries fit the solution.",
    );
    expect(checkMessage({ kind: "checked", wrong: [0, 80], entries: 5 })).toBe(
      "2 entries contradict the solution: r1c1, r9c9 (marked ✗).",
    );
    expect(checkMessage({ kind: "conflict", cells: [0, 4] })).toBe(
      "The grid has a conflict (r1c1, r1c5): fix it first.",
    );
    expect(hintMessage({ kind: "wrong-entries", cells: [3, 4] })).toMatch(
      /^r1c4, r1c5 do not match .* erase them\.$/,
    );
    expect(appliedMessage({ kind: "stuck", reveal: { cell: 10, digit: 3 } })).toBe(
      "Placed 3 in r2c2 (from the solution).",
    );
  });
});
