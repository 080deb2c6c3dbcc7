import { PEERS } from "./tables.ts";
import type { Grid } from "./types.ts";

/** Cells whose clue repeats in their row, column or box, ascending; empty when the clues agree. */
export function findConflicts(grid: Grid): number[] {
  const cells: number[] = [];
  for (let cell = 0; cell < 81; cell++) {
    const digit = grid[cell]!;
    if (digit === 0) continue;
    for (let k = 0; k < 20; k++) {
      if (grid[PEERS[cell * 20 + k]!] === digit) {
        cells.push(cell);
        break;
      }
    }
  }
  return cells;
}
