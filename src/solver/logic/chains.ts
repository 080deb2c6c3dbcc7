import { PEERS } from "../tables.ts";
import { bit, countBits, digitsOf, seeingAll } from "./board.ts";
import { cellName, removal } from "./names.ts";
import { strongLinks } from "./links.ts";
import type { CandidateBoard, CellDigit, LogicStep } from "./types.ts";

/** A chain found by breadth-first search, its first cell assumed not to hold the chain's digit; shortest wins. */
interface Chain {
  cells: number[];
  eliminations: CellDigit[];
}

/**
 * X-chain: on one digit, alternate strong links (one of two cells holds it) and weak links (two cells that see
 * each other cannot both hold it), starting and ending with a strong link: if the first cell lacks the digit
 * the last holds it, so one of the two does, and every cell seeing both loses it.
 */
export function findXChain(board: CandidateBoard, places: Uint16Array): LogicStep | null {
  let best: { chain: Chain; digit: number } | null = null;
  for (let digit = 1; digit <= 9; digit++) {
    const partners = new Map<number, number[]>();
    for (const { a, b } of strongLinks(places, digit)) {
      partners.set(a, [...(partners.get(a) ?? []), b]);
      partners.set(b, [...(partners.get(b) ?? []), a]);
    }
    for (const start of partners.keys()) {
      // State s = cell * 2 + on: `on` when the chain forces the cell to hold the digit.
      const parent = new Int16Array(162).fill(-1);
      parent[start * 2] = start * 2;
      const queue = [start * 2];
      while (queue.length > 0) {
        const state = queue.shift()!;
        const cell = state >> 1;
        const next: number[] = [];
        if (state & 1) {
          for (let k = 0; k < 20; k++) {
            const peer = PEERS[cell * 20 + k]!;
            if (board.candidates[peer]! & bit(digit)) next.push(peer * 2);
          }
        } else for (const p of partners.get(cell) ?? []) next.push(p * 2 + 1);
        for (const to of next) {
          if (parent[to] !== -1) continue;
          parent[to] = state;
          queue.push(to);
          const end = to >> 1;
          if (!(to & 1) || end === start) continue;
          const cells = path(parent, to);
          if (best !== null && cells.length >= best.chain.cells.length) continue;
          const eliminations = seeingAll(board, [start, end], digit);
          if (eliminations.length > 0) best = { chain: { cells, eliminations }, digit };
        }
      }
    }
  }
  if (best === null) return null;
  const { chain, digit } = best;
  const links = chain.cells.slice(1).map((cell, i) => `${cellName(cell)} ${i % 2 === 0 ? "is" : "is not"}`);
  const first = chain.cells[0]!;
  const last = chain.cells.at(-1)!;
  return {
    technique: "x-chain",
    placements: [],
    eliminations: chain.eliminations,
    cells: chain.cells,
    units: [],
    text: `If ${cellName(first)} is not ${digit}, then ${links.join(", so ")}: either ${cellName(first)} or ${cellName(last)} is ${digit}, so ${removal(chain.eliminations)}.`,
  };
}

/** The cells of a chain ending in `state`, first cell first. */
function path(parent: Int16Array, state: number): number[] {
  const cells: number[] = [];
  for (let s = state; ; s = parent[s]!) {
    cells.push(s >> 1);
    if (parent[s] === s) break;
  }
  return cells.reverse();
}

/**
 * XY-chain: cells with two candidates each, each seeing the next: if the first is not x it is its other
 * digit, which the next then is not, and so on; when the last is then forced to x, one of the ends is x
 * and every cell seeing both loses x.
 */
export function findXyChain(board: CandidateBoard): LogicStep | null {
  let best: { chain: Chain; digit: number; values: number[] } | null = null;
  for (let start = 0; start < 81; start++) {
    const mask = board.candidates[start]!;
    if (countBits(mask) !== 2) continue;
    for (const x of digitsOf(mask)) {
      // State = cell * 9 + (value - 1): the chain forces the cell to `value`.
      const parent = new Int16Array(81 * 9).fill(-1);
      const first = start * 9 + (31 - Math.clz32(mask & ~bit(x)));
      parent[first] = first;
      const queue = [first];
      while (queue.length > 0) {
        const state = queue.shift()!;
        const cell = (state / 9) | 0;
        const value = (state % 9) + 1;
        for (let k = 0; k < 20; k++) {
          const peer = PEERS[cell * 20 + k]!;
          const peerMask = board.candidates[peer]!;
          if (countBits(peerMask) !== 2 || !(peerMask & bit(value))) continue;
          const other = 31 - Math.clz32(peerMask & ~bit(value));
          const to = peer * 9 + other;
          if (parent[to] !== -1) continue;
          parent[to] = state;
          queue.push(to);
          if (other + 1 !== x || peer === start) continue;
          const states = xyPath(parent, to);
          if (best !== null && states.length >= best.chain.cells.length) continue;
          const eliminations = seeingAll(board, [start, peer], x);
          if (eliminations.length === 0) continue;
          const cells = states.map((s) => (s / 9) | 0);
          best = { chain: { cells, eliminations }, digit: x, values: states.map((s) => (s % 9) + 1) };
        }
      }
    }
  }
  if (best === null) return null;
  const { chain, digit, values } = best;
  const forced = chain.cells.map((cell, i) => `${cellName(cell)} is ${values[i]}`);
  const first = chain.cells[0]!;
  const last = chain.cells.at(-1)!;
  return {
    technique: "xy-chain",
    placements: [],
    eliminations: chain.eliminations,
    cells: chain.cells,
    units: [],
    text: `If ${cellName(first)} is not ${digit}, then ${forced.join(", so ")}: either ${cellName(first)} or ${cellName(last)} is ${digit}, so ${removal(chain.eliminations)}.`,
  };
}

function xyPath(parent: Int16Array, state: number): number[] {
  const states: number[] = [];
  for (let s = state; ; s = parent[s]!) {
    states.push(s);
    if (parent[s] === s) break;
  }
  return states.reverse();
}
