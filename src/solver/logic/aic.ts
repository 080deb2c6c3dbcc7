import { PEERS } from "../tables.ts";
import { bit, cellAt, countBits, digitsOf, positionsOf, seeingAll, sees } from "./board.ts";
import { cellName, removal } from "./names.ts";
import type { CandidateBoard, CellDigit, LogicStep } from "./types.ts";

/** Node = cell * 9 + digit - 1: "this cell holds this digit". */
const cellOf = (node: number): number => (node / 9) | 0;
const digitOf = (node: number): number => (node % 9) + 1;

/** Nodes that must be true when `node` is false: the other digit of a two-candidate cell, the other place of a unit. */
function strongFrom(board: CandidateBoard, places: Uint16Array, node: number): number[] {
  const cell = cellOf(node);
  const digit = digitOf(node);
  const out: number[] = [];
  const mask = board.candidates[cell]!;
  if (countBits(mask) === 2) out.push(cell * 9 + digitsOf(mask & ~bit(digit))[0]! - 1);
  for (const unit of [(cell / 9) | 0, 9 + (cell % 9), 18 + ((cell / 27) | 0) * 3 + (((cell % 9) / 3) | 0)]) {
    const where = places[unit * 9 + digit - 1]!;
    if (countBits(where) !== 2) continue;
    for (const i of positionsOf(where)) {
      const other = cellAt(unit, i);
      if (other !== cell && !out.includes(other * 9 + digit - 1)) out.push(other * 9 + digit - 1);
    }
  }
  return out;
}

/** Nodes that must be false when `node` is true: the cell's other digits, the digit in the cell's peers. */
function weakFrom(board: CandidateBoard, node: number): number[] {
  const cell = cellOf(node);
  const digit = digitOf(node);
  const out: number[] = [];
  for (const d of digitsOf(board.candidates[cell]! & ~bit(digit))) out.push(cell * 9 + d - 1);
  for (let k = 0; k < 20; k++) {
    const peer = PEERS[cell * 20 + k]!;
    if (board.candidates[peer]! & bit(digit)) out.push(peer * 9 + digit - 1);
  }
  return out;
}

/**
 * What "start or end is true" proves: the digit leaves cells seeing both ends (same digit); the cell keeps only
 * the two digits (same cell); each end's cell loses the other's digit (different digits, cells that see each
 * other); and the start is true when the chain leads back to it.
 */
function consequences(
  board: CandidateBoard,
  start: number,
  end: number,
): { placements: CellDigit[]; eliminations: CellDigit[] } {
  const [c1, d1, c2, d2] = [cellOf(start), digitOf(start), cellOf(end), digitOf(end)];
  if (start === end) return { placements: [{ cell: c1, digit: d1 }], eliminations: [] };
  if (d1 === d2) return { placements: [], eliminations: seeingAll(board, [c1, c2], d1) };
  if (c1 === c2) {
    const rest = digitsOf(board.candidates[c1]! & ~bit(d1) & ~bit(d2));
    return { placements: [], eliminations: rest.map((digit) => ({ cell: c1, digit })) };
  }
  const eliminations: CellDigit[] = [];
  if (sees(c1, c2)) {
    if (board.candidates[c1]! & bit(d2)) eliminations.push({ cell: c1, digit: d2 });
    if (board.candidates[c2]! & bit(d1)) eliminations.push({ cell: c2, digit: d1 });
  }
  return { placements: [], eliminations };
}

/**
 * Alternating inference chain: strong links (one of two candidates is true) and weak links (two candidates
 * cannot both be true), alternating, mixing digits; the shortest chain with a consequence wins. If the first
 * candidate is false, each strong link makes the next true and each weak link the next false.
 */
export function findAlternatingChain(board: CandidateBoard, places: Uint16Array): LogicStep | null {
  let best: { path: number[]; placements: CellDigit[]; eliminations: CellDigit[] } | null = null;
  for (let start = 0; start < 729; start++) {
    if (!(board.candidates[cellOf(start)]! & bit(digitOf(start)))) continue;
    // State = node * 2 + on; the start is assumed off.
    const parent = new Int16Array(1458).fill(-1);
    parent[start * 2] = start * 2;
    const queue = [start * 2];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const length = pathLength(parent, state);
      if (best !== null && length + 1 >= best.path.length) break;
      const on = (state & 1) === 1;
      for (const node of on ? weakFrom(board, state >> 1) : strongFrom(board, places, state >> 1)) {
        const next = node * 2 + (on ? 0 : 1);
        if (parent[next] !== -1) continue;
        parent[next] = state;
        queue.push(next);
        if (on) continue;
        const found = consequences(board, start, node);
        if (found.placements.length + found.eliminations.length === 0) continue;
        best = { path: statePath(parent, next), ...found };
        break;
      }
    }
  }
  if (best === null) return null;
  const { path, placements, eliminations } = best;
  const [first, last] = [path[0]! >> 1, path.at(-1)! >> 1];
  const claim = (node: number, on: boolean) =>
    `${cellName(cellOf(node))} ${on ? "is" : "is not"} ${digitOf(node)}`;
  const steps = path.slice(1).map((state) => claim(state >> 1, (state & 1) === 1));
  const outcome =
    placements.length > 0
      ? `the chain contradicts itself, so ${claim(first, true)}`
      : `either ${claim(first, true)} or ${claim(last, true)}, so ${removal(eliminations)}`;
  return {
    technique: "alternating inference chain",
    placements,
    eliminations,
    cells: [...new Set(path.map((state) => cellOf(state >> 1)))],
    units: [],
    text: `If ${claim(first, false)}, then ${steps.join(", so ")}: ${outcome}.`,
  };
}

function statePath(parent: Int16Array, state: number): number[] {
  const states: number[] = [];
  for (let s = state; ; s = parent[s]!) {
    states.push(s);
    if (parent[s] === s) break;
  }
  return states.reverse();
}

function pathLength(parent: Int16Array, state: number): number {
  let n = 1;
  for (let s = state; parent[s] !== s; s = parent[s]!) n++;
  return n;
}
