import { BOX_OF, countBits, digitsOf } from "./board.ts";
import { cellList, digitList, removal } from "./names.ts";
import type { CandidateBoard, CellDigit, LogicStep } from "./types.ts";

/**
 * Unique rectangle type 1: four empty cells on two rows, two columns and two boxes, three of them only a or b.
 * Were the fourth a or b too, a and b could swap in all four and the puzzle would have two solutions, so
 * the fourth loses a and b. Sound only when the givens have one solution: the caller must say so.
 */
export function findUniqueRectangle(board: CandidateBoard): LogicStep | null {
  for (let r1 = 0; r1 < 9; r1++) {
    for (let r2 = r1 + 1; r2 < 9; r2++) {
      for (let c1 = 0; c1 < 9; c1++) {
        for (let c2 = c1 + 1; c2 < 9; c2++) {
          const corners = [r1 * 9 + c1, r1 * 9 + c2, r2 * 9 + c1, r2 * 9 + c2];
          if (new Set(corners.map((c) => BOX_OF[c])).size !== 2) continue;
          const step = typeOne(board, corners);
          if (step !== null) return step;
        }
      }
    }
  }
  return null;
}

function typeOne(board: CandidateBoard, corners: number[]): LogicStep | null {
  const masks = corners.map((cell) => board.candidates[cell]!);
  const pairs = masks.filter((m) => countBits(m) === 2);
  if (pairs.length !== 3 || pairs.some((m) => m !== pairs[0])) return null;
  const pair = pairs[0]!;
  const fourth = corners[masks.findIndex((m) => countBits(m) !== 2)]!;
  const rest = board.candidates[fourth]!;
  if ((rest & pair) !== pair || countBits(rest) < 3) return null;
  const eliminations: CellDigit[] = digitsOf(pair).map((digit) => ({ cell: fourth, digit }));
  const others = corners.filter((c) => c !== fourth);
  const digits = digitList(digitsOf(pair));
  return {
    technique: "unique rectangle type 1",
    placements: [],
    eliminations,
    cells: corners,
    units: [],
    text: `${cellList(others)} can only be ${digitsOf(pair).join(" or ")}; if ${cellList([fourth])} were too, ${digits} could swap in all four and the puzzle would have two solutions, so ${removal(eliminations)}.`,
  };
}
