import { PEERS, UNITS } from "../tables.ts";
import type { Grid } from "../types.ts";
import type { CandidateBoard, CellDigit, LogicStep, Unit } from "./types.ts";

/** All nine digits as a candidate mask. */
export const ALL_DIGITS = 0x1ff;

/** Row, column and box (0-8 each) of every cell, read off the shared unit table. */
export const ROW_OF = new Uint8Array(81);
export const COL_OF = new Uint8Array(81);
export const BOX_OF = new Uint8Array(81);
for (let i = 0; i < 9; i++) {
  for (let j = 0; j < 9; j++) {
    ROW_OF[UNITS[i * 9 + j]!] = i;
    COL_OF[UNITS[(9 + i) * 9 + j]!] = i;
    BOX_OF[UNITS[(18 + i) * 9 + j]!] = i;
  }
}

/** Unit numbers as in `tables.ts`: rows 0-8, columns 9-17, boxes 18-26. */
export function unitOf(unit: number): Unit {
  if (unit < 9) return { kind: "row", index: unit };
  if (unit < 18) return { kind: "column", index: unit - 9 };
  return { kind: "box", index: unit - 18 };
}

/** The i-th cell (0-8) of unit u (0-26). */
export const cellAt = (unit: number, i: number): number => UNITS[unit * 9 + i]!;

/** True when two different cells share a row, column or box. */
export function sees(a: number, b: number): boolean {
  return a !== b && (ROW_OF[a] === ROW_OF[b] || COL_OF[a] === COL_OF[b] || BOX_OF[a] === BOX_OF[b]);
}

/** Bit of a digit (1-9) in a candidate mask. */
export const bit = (digit: number): number => 1 << (digit - 1);

/** Digits (1-9) of a candidate mask, ascending. */
export function digitsOf(mask: number): number[] {
  const digits: number[] = [];
  for (let d = 1; d <= 9; d++) if (mask & bit(d)) digits.push(d);
  return digits;
}

/** Set positions (0-8) of a 9-bit mask, ascending. */
export const positionsOf = (mask: number): number[] => digitsOf(mask).map((d) => d - 1);

export function countBits(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Candidates of every empty cell by elimination from the placed digits; placed cells have none. */
export function boardFromGrid(grid: Grid): CandidateBoard {
  const values = Uint8Array.from(grid);
  const candidates = new Uint16Array(81);
  for (let cell = 0; cell < 81; cell++) {
    if (values[cell] !== 0) continue;
    let seen = 0;
    for (let k = 0; k < 20; k++) {
      const digit = values[PEERS[cell * 20 + k]!]!;
      if (digit !== 0) seen |= bit(digit);
    }
    candidates[cell] = ALL_DIGITS & ~seen;
  }
  return { values, candidates };
}

/** A new board with the step's digits placed (and struck from their peers) and its eliminations made. */
export function applyStep(
  board: CandidateBoard,
  step: Pick<LogicStep, "placements" | "eliminations">,
): CandidateBoard {
  const values = board.values.slice();
  const candidates = board.candidates.slice();
  for (const { cell, digit } of step.placements) {
    values[cell] = digit;
    candidates[cell] = 0;
    for (let k = 0; k < 20; k++) candidates[PEERS[cell * 20 + k]!]! &= ~bit(digit);
  }
  for (const { cell, digit } of step.eliminations) candidates[cell]! &= ~bit(digit);
  return { values, candidates };
}

/** True when every cell holds a digit. */
export function isSolved(board: CandidateBoard): boolean {
  return board.values.every((digit) => digit !== 0);
}

/**
 * `places[u * 9 + d - 1]`: the positions (bit i = i-th cell of unit u) where digit d is still a candidate.
 * Every technique reads this; it is built once per search for a step.
 */
export function digitPlaces(board: CandidateBoard): Uint16Array {
  const places = new Uint16Array(27 * 9);
  for (let unit = 0; unit < 27; unit++) {
    for (let i = 0; i < 9; i++) {
      const mask = board.candidates[UNITS[unit * 9 + i]!]!;
      for (let m = mask; m !== 0; m &= m - 1) {
        const d = 31 - Math.clz32(m & -m);
        places[unit * 9 + d]! |= 1 << i;
      }
    }
  }
  return places;
}

/** Empty cells other than `except` that see every cell of `anchors` and still allow `digit`. */
export function seeingAll(
  board: CandidateBoard,
  anchors: number[],
  digit: number,
  except: number[] = anchors,
): CellDigit[] {
  const out: CellDigit[] = [];
  const first = anchors[0]!;
  for (let k = 0; k < 20; k++) {
    const cell = PEERS[first * 20 + k]!;
    if (!(board.candidates[cell]! & bit(digit)) || except.includes(cell)) continue;
    if (anchors.every((anchor) => sees(anchor, cell))) out.push({ cell, digit });
  }
  return out.sort((a, b) => a.cell - b.cell);
}
