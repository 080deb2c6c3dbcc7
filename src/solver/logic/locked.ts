import { BOX_OF, COL_OF, ROW_OF, bit, cellAt, positionsOf, unitOf } from "./board.ts";
import { cellList, removal, unitName } from "./names.ts";
import type { CandidateBoard, CellDigit, LogicStep } from "./types.ts";

/** Cells of unit `unit` holding `digit` as a candidate. */
function cellsWith(places: Uint16Array, unit: number, digit: number): number[] {
  return positionsOf(places[unit * 9 + digit - 1]!).map((i) => cellAt(unit, i));
}

/** `digit` struck from the cells of `unit` not in `keep`. */
function strike(board: CandidateBoard, unit: number, digit: number, keep: number[]): CellDigit[] {
  const out: CellDigit[] = [];
  for (let i = 0; i < 9; i++) {
    const cell = cellAt(unit, i);
    if (board.candidates[cell]! & bit(digit) && !keep.includes(cell)) out.push({ cell, digit });
  }
  return out;
}

/** The one line (unit number) holding all the cells, else -1. */
function commonLine(cells: number[]): number {
  if (cells.every((c) => ROW_OF[c] === ROW_OF[cells[0]!])) return ROW_OF[cells[0]!]!;
  if (cells.every((c) => COL_OF[c] === COL_OF[cells[0]!])) return 9 + COL_OF[cells[0]!]!;
  return -1;
}

/** In a box, a digit confined to one row or column: the rest of that line loses it. */
export function findPointing(board: CandidateBoard, places: Uint16Array): LogicStep | null {
  for (let box = 18; box < 27; box++) {
    for (let digit = 1; digit <= 9; digit++) {
      const cells = cellsWith(places, box, digit);
      if (cells.length < 2) continue;
      const line = commonLine(cells);
      if (line < 0) continue;
      const eliminations = strike(board, line, digit, cells);
      if (eliminations.length === 0) continue;
      const b = unitOf(box);
      const l = unitOf(line);
      return {
        technique: "pointing",
        placements: [],
        eliminations,
        cells,
        units: [b, l],
        text: `In ${unitName(b)}, ${digit} can only go in ${unitName(l)} (${cellList(cells)}), so ${removal(eliminations)}, the rest of ${unitName(l)}.`,
      };
    }
  }
  return null;
}

/** In a row or column, a digit confined to one box: the rest of that box loses it. */
export function findClaiming(board: CandidateBoard, places: Uint16Array): LogicStep | null {
  for (let line = 0; line < 18; line++) {
    for (let digit = 1; digit <= 9; digit++) {
      const cells = cellsWith(places, line, digit);
      if (cells.length < 2 || !cells.every((c) => BOX_OF[c] === BOX_OF[cells[0]!])) continue;
      const box = 18 + BOX_OF[cells[0]!]!;
      const eliminations = strike(board, box, digit, cells);
      if (eliminations.length === 0) continue;
      const b = unitOf(box);
      const l = unitOf(line);
      return {
        technique: "claiming",
        placements: [],
        eliminations,
        cells,
        units: [l, b],
        text: `In ${unitName(l)}, ${digit} can only go in ${unitName(b)} (${cellList(cells)}), so ${removal(eliminations)}, the rest of ${unitName(b)}.`,
      };
    }
  }
  return null;
}
