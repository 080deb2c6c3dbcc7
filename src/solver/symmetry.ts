import { colOf, rowOf } from "./tables.ts";

/**
 * The symmetries setters give a puzzle's clue layout (most newspapers print every puzzle symmetric
 * under a half turn; some use a mirror or a diagonal): each maps a cell (row-major index) to its image.
 * All are their own inverse, and a quarter-turn-symmetric layout is half-turn symmetric too.
 */
export const SYMMETRIES = {
  halfTurn: (cell: number) => 80 - cell,
  mirror: (cell: number) => cellAt(rowOf(cell), 8 - colOf(cell)),
  flip: (cell: number) => cellAt(8 - rowOf(cell), colOf(cell)),
  diagonal: (cell: number) => cellAt(colOf(cell), rowOf(cell)),
  antiDiagonal: (cell: number) => cellAt(8 - colOf(cell), 8 - rowOf(cell)),
} as const;

export type SymmetryName = keyof typeof SYMMETRIES;

/** A quarter turn clockwise: not its own inverse, so it only builds orbits (`orbit`). */
export const quarterTurn = (cell: number): number => cellAt(colOf(cell), 8 - rowOf(cell));

/** The cells that `maps` reach from `cell`, applied any number of times; `cell` first. */
export function orbit(cell: number, maps: readonly ((cell: number) => number)[]): number[] {
  const seen = [cell];
  for (let k = 0; k < seen.length; k++) {
    for (const map of maps) {
      const next = map(seen[k]!);
      if (!seen.includes(next)) seen.push(next);
    }
  }
  return seen;
}

/**
 * The symmetry under which the fewest of `cells` have an image outside them, and those cells (the ones
 * that break it), in ascending order.
 */
export function nearestSymmetry(cells: readonly number[]): { name: SymmetryName; breakers: number[] } {
  const held = new Set(cells);
  let best: { name: SymmetryName; breakers: number[] } | undefined;
  for (const [name, map] of Object.entries(SYMMETRIES) as [SymmetryName, (cell: number) => number][]) {
    const breakers = [...held].filter((cell) => !held.has(map(cell))).sort((a, b) => a - b);
    if (!best || breakers.length < best.breakers.length) best = { name, breakers };
  }
  return best!;
}

const cellAt = (row: number, col: number): number => row * 9 + col;
