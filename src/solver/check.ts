import { UNITS } from "./tables.ts";
import type { Grid } from "./types.ts";

/** True when `solution` is a complete valid sudoku that keeps every clue of `puzzle`. */
export function checkSolution(puzzle: Grid, solution: Grid): boolean {
  if (puzzle.length !== 81 || solution.length !== 81) return false;
  for (let cell = 0; cell < 81; cell++) {
    const digit = solution[cell]!;
    if (digit < 1 || digit > 9) return false;
    if (puzzle[cell] !== 0 && puzzle[cell] !== digit) return false;
  }
  for (let unit = 0; unit < 27; unit++) {
    let seen = 0;
    for (let i = 0; i < 9; i++) seen |= 1 << (solution[UNITS[unit * 9 + i]!]! - 1);
    if (seen !== 0x1ff) return false;
  }
  return true;
}
