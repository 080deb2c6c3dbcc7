import { describe, expect, it } from "vitest";
import { findNextStep } from "../../src/solver/logic/index.ts";
import { box, col, named, onlyAt, openBoard, row } from "./logic-positions.ts";

describe("locked candidates", () => {
  it("pointing: a digit confined to one row of a box leaves the rest of the row", () => {
    const board = onlyAt(openBoard(), 7, (cell) => box(cell) !== 1 || row(cell) === 1);
    const step = findNextStep(board);
    expect(step?.technique).toBe("pointing");
    expect(named(step!.eliminations)).toEqual(["r1c4:7", "r1c5:7", "r1c6:7", "r1c7:7", "r1c8:7", "r1c9:7"]);
    expect(step?.units).toEqual([
      { kind: "box", index: 0 },
      { kind: "row", index: 0 },
    ]);
    expect(step?.text).toBe(
      "In box 1, 7 can only go in row 1 (r1c1, r1c2 and r1c3), so 7 can be removed from r1c4, r1c5, r1c6, r1c7, r1c8 and r1c9, the rest of row 1.",
    );
  });

  it("pointing works down a column too", () => {
    const board = onlyAt(openBoard(), 4, (cell) => box(cell) !== 9 || col(cell) === 8);
    const step = findNextStep(board);
    expect(step?.technique).toBe("pointing");
    expect(named(step!.eliminations)).toEqual(["r1c8:4", "r2c8:4", "r3c8:4", "r4c8:4", "r5c8:4", "r6c8:4"]);
  });

  it("claiming: a digit confined to one box within a row leaves the rest of the box", () => {
    const board = onlyAt(openBoard(), 7, (cell) => row(cell) !== 1 || box(cell) === 1);
    const step = findNextStep(board);
    expect(step?.technique).toBe("claiming");
    expect(named(step!.eliminations)).toEqual(["r2c1:7", "r2c2:7", "r2c3:7", "r3c1:7", "r3c2:7", "r3c3:7"]);
    expect(step?.cells.length).toBe(3);
  });
});
