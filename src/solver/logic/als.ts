import { bit, cellAt, countBits, digitsOf, sees } from "./board.ts";
import { combinations } from "./combinations.ts";
import { cellList, digitList, removal } from "./names.ts";
import type { CandidateBoard, CellDigit, LogicStep } from "./types.ts";

/** Almost locked set: n cells of one unit holding n + 1 digits between them. */
interface AlmostLocked {
  cells: number[];
  digits: number;
}

/** Sets of 1-4 cells; larger ones make sentences nobody follows. */
const MAX_CELLS = 4;

function almostLockedSets(board: CandidateBoard): AlmostLocked[] {
  const found = new Map<string, AlmostLocked>();
  for (let unit = 0; unit < 27; unit++) {
    const open: number[] = [];
    for (let i = 0; i < 9; i++) if (board.candidates[cellAt(unit, i)]) open.push(cellAt(unit, i));
    for (let size = 1; size <= Math.min(MAX_CELLS, open.length - 1); size++) {
      for (const cells of combinations(open, size)) {
        const digits = cells.reduce((mask, cell) => mask | board.candidates[cell]!, 0);
        if (countBits(digits) === size + 1) found.set(cells.join(), { cells, digits });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.cells.length - b.cells.length);
}

const holding = (set: AlmostLocked, board: CandidateBoard, digit: number): number[] =>
  set.cells.filter((cell) => board.candidates[cell]! & bit(digit));

interface Found {
  a: AlmostLocked;
  b: AlmostLocked;
  x: number;
  z: number;
  eliminations: CellDigit[];
}

/** The first restricted common x and other common z of two disjoint sets that remove a candidate. */
function linkSets(board: CandidateBoard, a: AlmostLocked, b: AlmostLocked): Found | null {
  const common = a.digits & b.digits;
  if (countBits(common) < 2 || a.cells.some((cell) => b.cells.includes(cell))) return null;
  for (const x of digitsOf(common)) {
    const xa = holding(a, board, x);
    const xb = holding(b, board, x);
    if (!xa.every((p) => xb.every((q) => sees(p, q)))) continue;
    for (const z of digitsOf(common & ~bit(x))) {
      const zCells = [...holding(a, board, z), ...holding(b, board, z)];
      const eliminations: CellDigit[] = [];
      for (let cell = 0; cell < 81; cell++) {
        if (!(board.candidates[cell]! & bit(z)) || a.cells.includes(cell) || b.cells.includes(cell)) continue;
        if (zCells.every((zc) => sees(zc, cell))) eliminations.push({ cell, digit: z });
      }
      if (eliminations.length > 0) return { a, b, x, z, eliminations };
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
  const sets = almostLockedSets(board);
  let best: Found | null = null;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      if (best !== null && a.cells.length + b.cells.length >= best.a.cells.length + best.b.cells.length)
        continue;
      best = linkSets(board, a, b) ?? best;
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
