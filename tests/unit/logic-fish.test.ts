import { describe, expect, it } from "vitest";
import { findNextStep } from "../../src/solver/logic/index.ts";
import { at, col, named, onlyAt, openBoard, row } from "./logic-positions.ts";

/** The digit kept in each listed row only at the listed columns. */
function rowsAt(digit: number, pattern: Record<number, number[]>) {
  return onlyAt(
    openBoard(),
    digit,
    (cell) => !(row(cell) in pattern) || pattern[row(cell)]!.includes(col(cell)),
  );
}

/** Eliminations of `digit` from `columns` in every row not in `rows`. */
function columnsOutside(digit: number, columns: number[], rows: number[]): string[] {
  const out: string[] = [];
  for (let r = 1; r <= 9; r++)
    if (!rows.includes(r)) for (const c of columns) out.push(`r${r}c${c}:${digit}`);
  return out.sort();
}

describe("fish", () => {
  it("x-wing: 5 only in columns 3 and 7 of rows 2 and 6", () => {
    const step = findNextStep(rowsAt(5, { 2: [3, 7], 6: [3, 7] }));
    expect(step?.technique).toBe("x-wing");
    expect(named(step!.eliminations)).toEqual(columnsOutside(5, [3, 7], [2, 6]));
    expect(step?.cells).toEqual(["r2c3", "r2c7", "r6c3", "r6c7"].map(at));
    expect(step?.text).toBe(
      "In rows 2 and 6, 5 can only go in columns 3 and 7, so columns 3 and 7 take their 5s from rows 2 and 6, and 5 can be removed from " +
        "r1c3, r1c7, r3c3, r3c7, r4c3, r4c7, r5c3, r5c7, r7c3, r7c7, r8c3, r8c7, r9c3 and r9c7.",
    );
  });

  it("x-wing on columns: rows and columns swapped", () => {
    const board = onlyAt(openBoard(), 5, (cell) => ![2, 6].includes(col(cell)) || [3, 7].includes(row(cell)));
    const step = findNextStep(board);
    expect(step?.technique).toBe("x-wing");
    expect(step?.units.map((u) => u.kind)).toEqual(["column", "column", "row", "row"]);
    expect(step?.eliminations).toHaveLength(14);
  });

  it("swordfish: 3 in rows 1, 5 and 9 only in columns 1, 5 and 9, no two rows an x-wing", () => {
    const step = findNextStep(rowsAt(3, { 1: [1, 5], 5: [5, 9], 9: [1, 9] }));
    expect(step?.technique).toBe("swordfish");
    expect(named(step!.eliminations)).toEqual(columnsOutside(3, [1, 5, 9], [1, 5, 9]));
  });

  it("jellyfish: 8 in rows 1, 2, 4 and 7 only in columns 2, 4, 7 and 9, no three of them a swordfish", () => {
    const step = findNextStep(rowsAt(8, { 1: [2, 4, 7], 2: [4, 7, 9], 4: [2, 7, 9], 7: [2, 4, 9] }));
    expect(step?.technique).toBe("jellyfish");
    expect(named(step!.eliminations)).toEqual(columnsOutside(8, [2, 4, 7, 9], [1, 2, 4, 7]));
  });
});
