import { bit, cellAt, countBits, digitsOf, positionsOf, unitOf } from "./board.ts";
import { combinations } from "./combinations.ts";
import { cellList, digitList, removal, unitName } from "./names.ts";
import type { CandidateBoard, CellDigit, LogicStep, Technique } from "./types.ts";

const NAKED: Record<number, Technique> = { 2: "naked pair", 3: "naked triple", 4: "naked quad" };
const HIDDEN: Record<number, Technique> = { 2: "hidden pair", 3: "hidden triple", 4: "hidden quad" };

/** n cells of a unit whose candidates together are n digits: those digits leave the unit's other cells. */
export function findNakedSubset(board: CandidateBoard, size: number): LogicStep | null {
  for (let unit = 0; unit < 27; unit++) {
    const open: number[] = [];
    for (let i = 0; i < 9; i++) {
      const cell = cellAt(unit, i);
      const n = countBits(board.candidates[cell]!);
      if (n >= 2 && n <= size) open.push(cell);
    }
    for (const cells of combinations(open, size)) {
      const digits = cells.reduce((mask, cell) => mask | board.candidates[cell]!, 0);
      if (countBits(digits) !== size) continue;
      const eliminations: CellDigit[] = [];
      for (let i = 0; i < 9; i++) {
        const cell = cellAt(unit, i);
        if (cells.includes(cell)) continue;
        for (const digit of digitsOf(board.candidates[cell]! & digits)) eliminations.push({ cell, digit });
      }
      if (eliminations.length === 0) continue;
      const u = unitOf(unit);
      const ds = digitsOf(digits);
      return {
        technique: NAKED[size]!,
        placements: [],
        eliminations,
        cells,
        units: [u],
        text: `In ${unitName(u)}, ${cellList(cells)} can only hold ${digitList(ds)}, one each, so no other cell of ${unitName(u)} can: ${removal(eliminations)}.`,
      };
    }
  }
  return null;
}

/** n digits that fit only in the same n cells of a unit: those cells lose every other candidate. */
export function findHiddenSubset(board: CandidateBoard, places: Uint16Array, size: number): LogicStep | null {
  for (let unit = 0; unit < 27; unit++) {
    const digits: number[] = [];
    for (let d = 1; d <= 9; d++) {
      const n = countBits(places[unit * 9 + d - 1]!);
      if (n >= 2 && n <= size) digits.push(d);
    }
    for (const set of combinations(digits, size)) {
      const where = set.reduce((mask, d) => mask | places[unit * 9 + d - 1]!, 0);
      if (countBits(where) !== size) continue;
      const cells = positionsOf(where).map((i) => cellAt(unit, i));
      const keep = set.reduce((mask, d) => mask | bit(d), 0);
      const eliminations: CellDigit[] = [];
      for (const cell of cells) {
        for (const digit of digitsOf(board.candidates[cell]! & ~keep)) eliminations.push({ cell, digit });
      }
      if (eliminations.length === 0) continue;
      const u = unitOf(unit);
      return {
        technique: HIDDEN[size]!,
        placements: [],
        eliminations,
        cells,
        units: [u],
        text: `In ${unitName(u)}, ${digitList(set)} can only go in ${cellList(cells)}, so those cells hold nothing else: ${removal(eliminations)}.`,
      };
    }
  }
  return null;
}
