import { describe, expect, it } from "vitest";
import { findNextStep } from "../../src/solver/logic/index.ts";
import { box, col, named, onlyAt, openBoard, restrict, row } from "./logic-positions.ts";

describe("wings and chains of two-candidate cells", () => {
  it("xy-wing: pivot 1 or 2, pincers 1 or 9 and 2 or 9", () => {
    const step = findNextStep(restrict(openBoard(), { r5c5: [1, 2], r5c1: [1, 9], r2c5: [2, 9] }));
    expect(step?.technique).toBe("xy-wing");
    expect(named(step!.eliminations)).toEqual(["r2c1:9"]);
    expect(step?.text).toBe(
      "r5c5 (1 or 2) sees r2c5 (2 or 9) and r5c1 (1 or 9); whichever it is, r2c5 or r5c1 is 9, so 9 can be removed from r2c1.",
    );
  });

  it("xyz-wing: pivot 1, 2 or 9; only cells that see the pivot too lose 9", () => {
    const step = findNextStep(restrict(openBoard(), { r5c5: [1, 2, 9], r5c1: [1, 9], r4c5: [2, 9] }));
    expect(step?.technique).toBe("xyz-wing");
    expect(named(step!.eliminations)).toEqual(["r5c4:9", "r5c6:9"]);
  });

  it("w-wing: two cells of 3 or 8 joined by a strong link on 3", () => {
    const board = restrict(openBoard(), { r1c1: [3, 8], r5c9: [3, 8] });
    onlyAt(board, 3, (cell) => row(cell) !== 3 || [2, 9].includes(col(cell)));
    const step = findNextStep(board);
    expect(step?.technique).toBe("w-wing");
    expect(named(step!.eliminations)).toEqual(["r1c9:8", "r5c1:8"]);
    expect(step?.units).toEqual([{ kind: "row", index: 2 }]);
  });

  it("xy-chain: four two-candidate cells, no three of them an xy-wing", () => {
    const board = restrict(openBoard(), { r1c1: [1, 2], r1c5: [2, 3], r5c5: [3, 4], r5c9: [1, 4] });
    const step = findNextStep(board);
    expect(step?.technique).toBe("xy-chain");
    expect(named(step!.eliminations)).toEqual(["r1c9:1", "r5c1:1"]);
    expect(step?.text).toBe(
      "If r1c1 is not 1, then r1c1 is 2, so r1c5 is 3, so r5c5 is 4, so r5c9 is 1: either r1c1 or r5c9 is 1, so 1 can be removed from r1c9 and r5c1.",
    );
  });
});

describe("uniqueness", () => {
  // 2 or 6 in r1c1, r1c4 and r3c1, and 2, 5 or 6 in r3c4; rows, column and box already cleared of 2 and 6.
  function rectangle() {
    const board = restrict(openBoard(), { r1c1: [2, 6], r1c4: [2, 6], r3c1: [2, 6], r3c4: [2, 5, 6] });
    for (const digit of [2, 6]) {
      onlyAt(board, digit, (cell) => {
        if (row(cell) === 1) return [1, 4].includes(col(cell));
        if (col(cell) === 1) return [1, 3].includes(row(cell));
        return box(cell) !== 1;
      });
    }
    return board;
  }

  it("unique rectangle type 1: the fourth corner loses both digits when the puzzle has one solution", () => {
    const step = findNextStep(rectangle(), { uniqueSolution: true });
    expect(step?.technique).toBe("unique rectangle type 1");
    expect(named(step!.eliminations)).toEqual(["r3c4:2", "r3c4:6"]);
  });

  it("is never used unless the caller says the solution is unique", () => {
    expect(findNextStep(rectangle())?.technique).not.toBe("unique rectangle type 1");
  });
});

describe("alternating inference chain", () => {
  it("mixes a two-candidate cell with strong links on two digits", () => {
    // r1c1 is 1 or 2; column 5 has 2 only in r1c5 and r5c5; row 5 has 1 only in r5c5 and r5c9.
    const board = restrict(openBoard(), { r1c1: [1, 2] });
    onlyAt(board, 2, (cell) => col(cell) !== 5 || [1, 5].includes(row(cell)));
    onlyAt(board, 1, (cell) => row(cell) !== 5 || [5, 9].includes(col(cell)));
    const step = findNextStep(board);
    expect(step?.technique).toBe("alternating inference chain");
    expect(named(step!.eliminations)).toEqual(["r1c9:1"]);
    expect(step?.text).toBe(
      "If r1c1 is not 1, then r1c1 is 2, so r1c5 is not 2, so r5c5 is 2, so r5c5 is not 1, so r5c9 is 1: either r1c1 is 1 or r5c9 is 1, so 1 can be removed from r1c9.",
    );
  });
});

describe("almost locked sets", () => {
  it("als-xz: a two-candidate cell and three cells of a row with four digits, 1 restricted, 2 common", () => {
    const board = restrict(openBoard(), { r5c4: [1, 2], r1c4: [1, 3, 4], r1c5: [2, 3, 4], r1c6: [2, 3, 4] });
    const step = findNextStep(board);
    expect(step?.technique).toBe("als-xz");
    expect(named(step!.eliminations)).toEqual(["r2c4:2", "r3c4:2"]);
    expect(step?.text).toBe(
      "r5c4 holds only 1 and 2, and r1c4, r1c5 and r1c6 hold only 1, 2, 3 and 4 between them; their 1s see each other, so one set lacks 1 and is locked to its other digits, and either way one of them holds 2: 2 can be removed from r2c4 and r3c4.",
    );
  });
});
