import { inkedInSomeTurn, typicalOfLargest, type InkShape } from "../digits/empty-cell.ts";

/**
 * Whether the cells cut from a candidate grid look like a printed sudoku's by their count of inked cells:
 * 17 clues is the proven minimum and printed puzzles give up to about 40 (dev and wild sets: 22–40), with
 * some slack for a missed faint digit or a speck read as ink ("sudoku"). A misfit quad (a 3×3 box, a
 * neighbouring grid's corner, a table) cuts through lines and print and lands outside; so does a puzzle
 * a player has filled in past `MAX_CLUES` cells ("crowded", like a printed solution grid: only a read
 * tells them apart). The grid's turn is not known yet, so a sideways digit counts too (a sideways
 * photo's puzzle counted 0 inked cells and gave way to a misfit quad that cut through text). Ink much
 * fainter than the grid's digits does not count: grain in the shaded boxes of a noisy photo passed as
 * ink in a dozen blank cells and lifted the puzzle over the bar, so a small neighbouring grid was read
 * instead.
 */
export function sudokuInk(cells: readonly { shape?: InkShape }[]): "sudoku" | "sparse" | "crowded" {
  const shapes = cells.map((cell) => cell.shape);
  const inked = inkedInSomeTurn(shapes).flatMap((yes, i) => (yes ? [shapes[i]!] : []));
  // Pencil-mark candidates pass the ink test in every cell a player has annotated (an app screenshot
  // counted 58), yet their parts are half as long as the givens': only digit-sized ink counts.
  const typical = typicalOfLargest(inked.map((shape) => shape.longestPart));
  const digits = inked.filter((shape) => shape.longestPart >= MIN_RELATIVE_PART * typical).length;
  return digits < MIN_INKED ? "sparse" : digits > MAX_CLUES ? "crowded" : "sudoku";
}

/** A part shorter than this share of the grid's typical digit's longest part is a pencil mark or a speck. */
const MIN_RELATIVE_PART = 0.65;

const MIN_INKED = 14;
/** More printed digits than this make a solution grid (81) or a table, not a puzzle. */
export const MAX_CLUES = 50;
