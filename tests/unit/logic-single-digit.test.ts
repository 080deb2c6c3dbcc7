import { describe, expect, it } from "vitest";
import { findNextStep } from "../../src/solver/logic/index.ts";
import { at, box, col, named, onlyAt, openBoard, row } from "./logic-positions.ts";

describe("single-digit patterns", () => {
  it("skyscraper: rows 1 and 5 hold 4 only twice each, one of each in column 1", () => {
    const keep: Record<number, number[]> = { 1: [1, 5], 5: [1, 6] };
    const board = onlyAt(
      openBoard(),
      4,
      (cell) => !(row(cell) in keep) || keep[row(cell)]!.includes(col(cell)),
    );
    const step = findNextStep(board);
    expect(step?.technique).toBe("skyscraper");
    // r1c5 or r5c6 is 4: the cells that see both are in box 2 on column 6 and in box 5 on column 5.
    expect(named(step!.eliminations)).toEqual(["r2c6:4", "r3c6:4", "r4c5:4", "r6c5:4"]);
    expect(step?.text).toBe(
      "Row 1 has 4 only in r1c1 and r1c5, row 5 only in r5c1 and r5c6; r1c1 and r5c1 cannot both be 4, so r1c5 or r5c6 is, and 4 can be removed from r2c6, r3c6, r4c5 and r6c5.",
    );
  });

  it("two-string kite: a row and a column hold 6 twice each, one of each in box 1", () => {
    const board = onlyAt(openBoard(), 6, (cell) => {
      if (row(cell) === 1) return [2, 7].includes(col(cell));
      if (col(cell) === 1) return [2, 8].includes(row(cell));
      return true;
    });
    const step = findNextStep(board);
    expect(step?.technique).toBe("two-string kite");
    expect(named(step!.eliminations)).toEqual(["r8c7:6"]);
    expect(step?.cells).toEqual(["r1c2", "r1c7", "r2c1", "r8c1"].map(at));
  });

  it("simple colouring: a cell that sees both colours of a chain of strong links", () => {
    // 5 only twice in row 1 (r1c1, r1c6), column 6 (r1c6, r5c6) and box 5 (r5c6, r6c4):
    // colours {r1c1, r5c6} and {r1c6, r6c4}; r6c1 sees r1c1 and r6c4.
    const board = onlyAt(openBoard(), 5, (cell) => {
      if (row(cell) === 1) return [1, 6].includes(col(cell));
      if (col(cell) === 6) return [1, 5].includes(row(cell));
      return box(cell) !== 5 || cell === at("r6c4");
    });
    const step = findNextStep(board);
    expect(step?.technique).toBe("simple colouring");
    expect(named(step!.eliminations)).toEqual(["r6c1:5"]);
    expect(step?.cells).toEqual(["r1c1", "r1c6", "r5c6", "r6c4"].map(at));
  });

  it("x-chain: strong links joined by a weak one, where no shorter pattern applies", () => {
    // 5 only twice in row 1 (r1c1, r1c6) and box 5 (r5c6, r6c4); r1c6 and r5c6 share column 6, which has more.
    const board = onlyAt(openBoard(), 5, (cell) => {
      if (row(cell) === 1) return [1, 6].includes(col(cell));
      return box(cell) !== 5 || cell === at("r5c6") || cell === at("r6c4");
    });
    const step = findNextStep(board);
    expect(step?.technique).toBe("x-chain");
    expect(named(step!.eliminations)).toEqual(["r6c1:5"]);
    expect(step?.text).toBe(
      "If r1c1 is not 5, then r1c6 is, so r5c6 is not, so r6c4 is: either r1c1 or r6c4 is 5, so 5 can be removed from r6c1.",
    );
  });
});
