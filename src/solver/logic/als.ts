import { PEERS } from "../tables.ts";
import { bit, cellAt, countBits, digitsOf } from "./board.ts";
import { cellList, digitList, removal } from "./names.ts";
import type { CandidateBoard, CellDigit, LogicStep } from "./types.ts";

/**
 * Sets of cells as three 27-bit band masks (cell c is bit c % 27 of band c / 27): the pair search of a stuck
 * board compares hundreds of thousands of set pairs, so the comparisons must be a few integer operations.
 */
type CellSet = [number, number, number];

const EMPTY: CellSet = [0, 0, 0];
const ALL: CellSet = [0x7ffffff, 0x7ffffff, 0x7ffffff];
const and = (a: CellSet, b: CellSet): CellSet => [a[0] & b[0], a[1] & b[1], a[2] & b[2]];
const isEmpty = (a: CellSet): boolean => (a[0] | a[1] | a[2]) === 0;
const withCell = (a: CellSet, cell: number): CellSet => {
  const out: CellSet = [a[0], a[1], a[2]];
  const band = (cell / 27) | 0;
  out[band] = out[band]! | (1 << (cell % 27));
  return out;
};
function cellsOf(a: CellSet): number[] {
  const cells: number[] = [];
  for (let band = 0; band < 3; band++) {
    for (let m = a[band]!; m !== 0; m &= m - 1) cells.push(band * 27 + 31 - Math.clz32(m & -m));
  }
  return cells;
}

/** The 20 peers of each cell as a set. */
const PEER_SETS: CellSet[] = Array.from({ length: 81 }, (_, cell) => {
  let set = EMPTY;
  for (let k = 0; k < 20; k++) set = withCell(set, PEERS[cell * 20 + k]!);
  return set;
});

/** Almost locked set: n cells of one unit holding n + 1 digits between them. */
interface AlmostLocked {
  cells: number[];
  digits: number;
  members: CellSet;
  /** Per digit (index d - 1): the cells outside the set that see every cell of the set holding d. */
  seeAll: CellSet[];
}

/** Sets of 1-4 cells; larger ones make sentences nobody follows. */
const MAX_CELLS = 4;

function almostLocked(board: CandidateBoard, cells: number[], digits: number): AlmostLocked {
  const members = cells.reduce(withCell, EMPTY);
  const seeAll = Array.from({ length: 9 }, (_, d) =>
    cells.filter((c) => board.candidates[c]! & (1 << d)).reduce((acc, c) => and(acc, PEER_SETS[c]!), ALL),
  );
  return { cells, digits, members, seeAll };
}

function almostLockedSets(board: CandidateBoard): AlmostLocked[] {
  const found = new Map<string, AlmostLocked>();
  const chosen: number[] = [];
  // Depth-first over growing cell sets; a union of more than MAX_CELLS + 1 digits only grows, so stop there.
  const grow = (open: number[], from: number, digits: number): void => {
    for (let i = from; i < open.length; i++) {
      const union = digits | board.candidates[open[i]!]!;
      const n = countBits(union);
      if (n > MAX_CELLS + 1) continue;
      chosen.push(open[i]!);
      const key = chosen.join();
      if (n === chosen.length + 1 && chosen.length < open.length && !found.has(key)) {
        found.set(key, almostLocked(board, [...chosen], union));
      }
      if (chosen.length < MAX_CELLS) grow(open, i + 1, union);
      chosen.pop();
    }
  };
  for (let unit = 0; unit < 27; unit++) {
    const open: number[] = [];
    for (let i = 0; i < 9; i++) if (board.candidates[cellAt(unit, i)]) open.push(cellAt(unit, i));
    grow(open, 0, 0);
  }
  return [...found.values()].sort((a, b) => a.cells.length - b.cells.length);
}

interface Found {
  a: AlmostLocked;
  b: AlmostLocked;
  x: number;
  z: number;
  eliminations: CellDigit[];
}

/** The first restricted common x and other common z of two disjoint sets that remove a candidate. */
function linkSets(a: AlmostLocked, b: AlmostLocked, holders: CellSet[]): Found | null {
  const common = a.digits & b.digits;
  if (countBits(common) < 2 || !isEmpty(and(a.members, b.members))) return null;
  for (const x of digitsOf(common)) {
    // Restricted: every cell of b holding x sees every cell of a holding x.
    const bx = and(holders[x - 1]!, b.members);
    if (!isEmpty(and(bx, [~a.seeAll[x - 1]![0], ~a.seeAll[x - 1]![1], ~a.seeAll[x - 1]![2]]))) continue;
    for (const z of digitsOf(common & ~bit(x))) {
      const hit = and(and(a.seeAll[z - 1]!, b.seeAll[z - 1]!), holders[z - 1]!);
      if (!isEmpty(hit))
        return { a, b, x, z, eliminations: cellsOf(hit).map((cell) => ({ cell, digit: z })) };
    }
  }
  return null;
}

/**
 * ALS-XZ: two almost locked sets share a digit x whose cells all see each other (a restricted common), so at
 * most one set holds x and the other is locked to its remaining digits. Then for any other shared digit z, one
 * of the sets holds z, and every cell seeing all their z cells loses it.
 */
export function findAlsXz(board: CandidateBoard): LogicStep | null {
  const holders = Array.from({ length: 9 }, (_, d) => {
    let set = EMPTY;
    for (let cell = 0; cell < 81; cell++) if (board.candidates[cell]! & (1 << d)) set = withCell(set, cell);
    return set;
  });
  const sets = almostLockedSets(board);
  let best: Found | null = null;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      if (best !== null && a.cells.length + b.cells.length >= best.a.cells.length + best.b.cells.length)
        break;
      best = linkSets(a, b, holders) ?? best;
    }
  }
  if (best === null) return null;
  const { a, b, x, z, eliminations } = best;
  const describe = (set: AlmostLocked) =>
    `${cellList(set.cells)} ${set.cells.length === 1 ? "holds" : "hold"} only ${digitList(digitsOf(set.digits))}${set.cells.length === 1 ? "" : " between them"}`;
  return {
    technique: "als-xz",
    placements: [],
    eliminations,
    cells: [...a.cells, ...b.cells],
    units: [],
    text: `${describe(a)}, and ${describe(b)}; their ${x}s see each other, so one set lacks ${x} and is locked to its other digits, and either way one of them holds ${z}: ${removal(eliminations)}.`,
  };
}
