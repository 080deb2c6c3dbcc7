import { PEERS } from "./tables.ts";
import type { Grid } from "./types.ts";

/** Cells whose clue repeats in their row, column or box, ascending; empty when the clues agree. */
export function findConflicts(grid: Grid): number[] {
  if (!hasConflict(grid)) return [];
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

/** One pass with a digit mask per unit: the common, clean case costs 81 steps instead of 81 x 20. */
function hasConflict(grid: Grid): boolean {
  const rows = new Uint16Array(9);
  const cols = new Uint16Array(9);
  const boxes = new Uint16Array(9);
  for (let cell = 0; cell < 81; cell++) {
    const digit = grid[cell]!;
    if (digit === 0) continue;
    const bit = 1 << digit;
    const row = (cell / 9) | 0;
    const col = cell % 9;
    const box = ((row / 3) | 0) * 3 + ((col / 3) | 0);
    if ((rows[row]! | cols[col]! | boxes[box]!) & bit) return true;
    rows[row]! |= bit;
    cols[col]! |= bit;
    boxes[box]! |= bit;
  }
  return false;
}
