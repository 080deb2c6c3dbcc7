import { describe, expect, it } from "vitest";
import { findNextStep } from "../../src/solver/logic/index.ts";
import { col, named, onlyAt, openBoard, restrict, row } from "./logic-positions.ts";

/** Eliminations of `digits` from the cells of row 1 outside `columns`. */
function restOfRow1(columns: number[], digits: number[]): string[] {
  const out: string[] = [];
  for (let c = 1; c <= 9; c++) if (!columns.includes(c)) for (const d of digits) out.push(`r1c${c}:${d}`);
  return out.sort();
}

/** Eliminations of everything but `keep` from the named cells of row 1. */
function othersIn(columns: number[], keep: number[]): string[] {
  const out: string[] = [];
  for (const c of columns) for (let d = 1; d <= 9; d++) if (!keep.includes(d)) out.push(`r1c${c}:${d}`);
  return out.sort();
}

function hideInRow1(digits: number[], columns: number[]) {
  let board = openBoard();
  for (const d of digits) board = onlyAt(board, d, (cell) => row(cell) !== 1 || columns.includes(col(cell)));
  return board;
}

describe("naked and hidden subsets", () => {
  it("naked pair: two cells that are both 2 or 7 clear 2 and 7 from their row", () => {
    const step = findNextStep(restrict(openBoard(), { r1c1: [2, 7], r1c5: [2, 7] }));
    expect(step?.technique).toBe("naked pair");
    expect(named(step!.eliminations)).toEqual(restOfRow1([1, 5], [2, 7]));
    expect(step?.text).toMatch(/^In row 1, r1c1 and r1c5 can only hold 2 and 7, one each/u);
  });

  it("hidden pair: 2 and 7 fit only in two cells, which then hold nothing else", () => {
    const step = findNextStep(hideInRow1([2, 7], [1, 5]));
    expect(step?.technique).toBe("hidden pair");
    expect(named(step!.eliminations)).toEqual(othersIn([1, 5], [2, 7]));
  });

  it("naked triple: three cells holding only 1, 2 and 3 between them", () => {
    const step = findNextStep(restrict(openBoard(), { r1c1: [1, 2], r1c5: [2, 3], r1c9: [1, 3] }));
    expect(step?.technique).toBe("naked triple");
    expect(named(step!.eliminations)).toEqual(restOfRow1([1, 5, 9], [1, 2, 3]));
  });

  it("hidden triple: 1, 2 and 3 fit only in three cells", () => {
    const step = findNextStep(hideInRow1([1, 2, 3], [1, 5, 9]));
    expect(step?.technique).toBe("hidden triple");
    expect(named(step!.eliminations)).toEqual(othersIn([1, 5, 9], [1, 2, 3]));
  });

  it("naked quad: four cells holding only 1-4 between them, no three of them a triple", () => {
    const board = restrict(openBoard(), { r1c1: [1, 2], r1c3: [2, 3], r1c5: [3, 4], r1c9: [1, 4] });
    const step = findNextStep(board);
    expect(step?.technique).toBe("naked quad");
    expect(named(step!.eliminations)).toEqual(restOfRow1([1, 3, 5, 9], [1, 2, 3, 4]));
  });

  it("hidden quad: 1-4 fit only in four cells", () => {
    const step = findNextStep(hideInRow1([1, 2, 3, 4], [1, 3, 5, 9]));
    expect(step?.technique).toBe("hidden quad");
    expect(named(step!.eliminations)).toEqual(othersIn([1, 3, 5, 9], [1, 2, 3, 4]));
  });
});
