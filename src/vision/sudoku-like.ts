/**
 * Whether the cells cut from a candidate grid look like a printed sudoku's: 17 clues is the proven
 * minimum and printed puzzles give up to about 40 (dev and wild sets: 22–40), with some slack for
 * a missed faint digit or a speck read as ink. A misfit quad (a 3×3 box, a neighbouring grid's
 * corner, a table) cuts through lines and print and lands outside.
 */
export function looksLikeSudoku(cells: readonly { empty: boolean }[]): boolean {
  const inked = cells.filter((cell) => !cell.empty).length;
  return inked >= MIN_INKED && inked <= MAX_INKED;
}

const MIN_INKED = 14;
const MAX_INKED = 50;
