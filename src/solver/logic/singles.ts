import { PEERS } from "../tables.ts";
import { ALL_DIGITS, bit, cellAt, countBits, unitOf } from "./board.ts";
import { cellName, unitName, unitTitle } from "./names.ts";
import type { CandidateBoard, LogicStep } from "./types.ts";

/** A unit with one empty cell left: it takes the one digit the unit lacks. */
export function findFullHouse(board: CandidateBoard): LogicStep | null {
  for (const unit of SCAN_ORDER) {
    let empty = -1;
    let seen = 0;
    let count = 0;
    for (let i = 0; i < 9; i++) {
      const cell = cellAt(unit, i);
      const digit = board.values[cell]!;
      if (digit === 0) {
        empty = cell;
        count++;
      } else seen |= bit(digit);
    }
    const missing = ALL_DIGITS & ~seen;
    if (count !== 1 || countBits(missing) !== 1) continue;
    const digit = 32 - Math.clz32(missing);
    const u = unitOf(unit);
    return {
      technique: "full house",
      placements: [{ cell: empty, digit }],
      eliminations: [],
      cells: [empty],
      units: [u],
      text: `${unitTitle(u)} has one empty cell left, ${cellName(empty)}, and the only digit it lacks is ${digit}.`,
    };
  }
  return null;
}

/** A cell with one candidate left. */
export function findNakedSingle(board: CandidateBoard): LogicStep | null {
  for (let cell = 0; cell < 81; cell++) {
    const mask = board.candidates[cell]!;
    if (board.values[cell] !== 0 || countBits(mask) !== 1) continue;
    const digit = 32 - Math.clz32(mask);
    let placed = 0;
    for (let k = 0; k < 20; k++) {
      const peer = board.values[PEERS[cell * 20 + k]!]!;
      if (peer !== 0) placed |= bit(peer);
    }
    // Say "already placed" only when the placed peers alone leave the single; earlier steps may have helped.
    const reason =
      (placed | mask) === ALL_DIGITS
        ? "every other digit is already in its row, column or box"
        : "every other candidate has been ruled out";
    return {
      technique: "naked single",
      placements: [{ cell, digit }],
      eliminations: [],
      cells: [cell],
      units: [],
      text: `${cellName(cell)} can only be ${digit}: ${reason}.`,
    };
  }
  return null;
}

/** Boxes first, then rows and columns: the order people scan in. */
const SCAN_ORDER = [
  18, 19, 20, 21, 22, 23, 24, 25, 26, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
];

/** A digit with one place left in a row, column or box. */
export function findHiddenSingle(board: CandidateBoard, places: Uint16Array): LogicStep | null {
  for (const unit of SCAN_ORDER) {
    for (let d = 0; d < 9; d++) {
      const where = places[unit * 9 + d]!;
      if (where === 0 || (where & (where - 1)) !== 0) continue;
      const cell = cellAt(unit, 31 - Math.clz32(where));
      const digit = d + 1;
      const u = unitOf(unit);
      return {
        technique: "hidden single",
        placements: [{ cell, digit }],
        eliminations: [],
        cells: [cell],
        units: [u],
        text: `${unitTitle(u)} needs a ${digit}, and ${cellName(cell)} is the only cell of ${unitName(u)} where ${digit} can go.`,
      };
    }
  }
  return null;
}
