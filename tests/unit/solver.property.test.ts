import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../src/solver/check.ts";
import { parseGrid } from "../../src/solver/parse.ts";
import { solve } from "../../src/solver/solve.ts";
import type { Grid } from "../../src/solver/types.ts";

/**
 * Independent slow reference: plain recursion over a number[] with candidates recomputed from scratch,
 * no bit tricks and no inference rules. Counts solutions up to `limit`.
 */
function referenceCount(cells: number[], limit: number): number {
  let best = -1;
  let bestOptions: number[] = [];
  for (let cell = 0; cell < 81; cell++) {
    if (cells[cell] !== 0) continue;
    const options = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((digit) => allowed(cells, cell, digit));
    if (best < 0 || options.length < bestOptions.length) {
      best = cell;
      bestOptions = options;
    }
  }
  if (best < 0) return 1;
  let count = 0;
  for (const digit of bestOptions) {
    cells[best] = digit;
    count += referenceCount(cells, limit - count);
    cells[best] = 0;
    if (count >= limit) break;
  }
  return count;
}

function allowed(cells: number[], cell: number, digit: number): boolean {
  const row = Math.floor(cell / 9);
  const col = cell % 9;
  for (let i = 0; i < 9; i++) {
    if (cells[row * 9 + i] === digit || cells[i * 9 + col] === digit) return false;
    const r = Math.floor(row / 3) * 3 + Math.floor(i / 3);
    const c = Math.floor(col / 3) * 3 + (i % 3);
    if (cells[r * 9 + c] === digit) return false;
  }
  return true;
}

/** A solved grid: a fixed pattern relabelled and reshuffled by the moves that keep a sudoku valid. */
const solvedGrid = fc
  .record({
    digits: fc.shuffledSubarray([1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 9, maxLength: 9 }),
    bands: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
    stacks: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
    rowsInBand: fc.array(fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), {
      minLength: 3,
      maxLength: 3,
    }),
    colsInStack: fc.array(fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), {
      minLength: 3,
      maxLength: 3,
    }),
    transpose: fc.boolean(),
  })
  .map(({ digits, bands, stacks, rowsInBand, colsInStack, transpose }) => {
    const base = (r: number, c: number): number => ((r * 3 + Math.floor(r / 3) + c) % 9) + 1;
    const cells: number[] = [];
    for (let r = 0; r < 9; r++) {
      for (let c = 0; c < 9; c++) {
        const row = bands[Math.floor(r / 3)]! * 3 + rowsInBand[Math.floor(r / 3)]![r % 3]!;
        const col = stacks[Math.floor(c / 3)]! * 3 + colsInStack[Math.floor(c / 3)]![c % 3]!;
        cells.push(digits[(transpose ? base(col, row) : base(row, col)) - 1]!);
      }
    }
    return cells;
  });

/** A solved grid with 45-60 cells blanked: it has one solution or several, and is quick to count. */
const puzzle = fc
  .tuple(solvedGrid, fc.shuffledSubarray([...Array(81).keys()], { minLength: 45, maxLength: 60 }))
  .map(([cells, blanks]) => {
    const out = cells.slice();
    for (const cell of blanks) out[cell] = 0;
    return out;
  });

/** Any clues anywhere: mostly conflicts, sometimes unsolvable or wide open. */
const randomGrid = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 9 })), { maxLength: 40 })
  .map((clues) => {
    const grid: Grid = new Uint8Array(81);
    for (const [cell, digit] of clues) grid[cell] = digit;
    return grid;
  });

describe("parser properties", () => {
  const text = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.string({ unit: fc.constantFrom(..."123456789.0 \n\tx🙂"), minLength: 70, maxLength: 95 }),
  );
  it("returns a grid or a typed error for any text, never throws", () => {
    fc.assert(
      fc.property(text, (input) => {
        const parsed = parseGrid(input);
        const kept = Array.from(input).filter((ch) => !/\s/u.test(ch));
        if (parsed.ok) {
          expect(parsed.grid).toHaveLength(81);
          expect(kept).toHaveLength(81);
          expect(parsed.grid.every((digit) => digit <= 9)).toBe(true);
        } else if (parsed.error.kind === "bad-character") {
          const { position, row, col, char } = parsed.error;
          expect(Array.from(input)[position - 1]).toBe(char);
          expect(kept[(row - 1) * 9 + col - 1]).toBe(char);
          expect("123456789.0").not.toContain(char);
        } else {
          expect(parsed.error.count).toBe(kept.length);
          expect(parsed.error.count).not.toBe(81);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("solver properties", () => {
  it("never crashes on random grids; every solution is valid and keeps the clues", () => {
    fc.assert(
      fc.property(randomGrid, fc.boolean(), (grid, checkUnique) => {
        const result = solve(grid, { checkUnique, timeoutMs: 2000 });
        if (result.kind === "solved") expect(checkSolution(grid, result.solution)).toBe(true);
        if (result.kind === "conflict") {
          expect(result.cells.length).toBeGreaterThanOrEqual(2);
          for (const cell of result.cells) expect(grid[cell]).not.toBe(0);
        }
        expect(["solved", "conflict", "unsolvable", "timed-out"]).toContain(result.kind);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the slow reference on the number of solutions (capped at 2)", () => {
    fc.assert(
      fc.property(puzzle, (cells) => {
        const result = solve(Uint8Array.from(cells));
        const expected = referenceCount(cells.slice(), 2);
        expect(result.kind).toBe("solved");
        if (result.kind !== "solved") return;
        expect(result.unique ? 1 : 2).toBe(expected);
        expect(checkSolution(Uint8Array.from(cells), result.solution)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
