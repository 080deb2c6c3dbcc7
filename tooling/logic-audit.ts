import { applyStep, boardFromGrid, cellName } from "../src/solver/logic/index.ts";
import type { Explanation } from "../src/solver/logic/index.ts";
import type { Grid } from "../src/solver/types.ts";

/**
 * Replays an explanation against the puzzle's unique solution: the first step that places a wrong digit,
 * removes the solution's digit, changes nothing, or claims a solve that is not the solution; null when sound.
 */
export function auditExplanation(puzzle: Grid, solution: Grid, explanation: Explanation): string | null {
  let board = boardFromGrid(puzzle);
  for (const [index, step] of explanation.steps.entries()) {
    const where = `step ${index + 1} (${step.technique})`;
    for (const { cell, digit } of step.placements) {
      if (solution[cell] !== digit)
        return `${where} places ${digit} in ${cellName(cell)}, the solution has ${solution[cell]}`;
      if (board.values[cell] !== 0) return `${where} places a digit in the filled cell ${cellName(cell)}`;
    }
    for (const { cell, digit } of step.eliminations) {
      if (solution[cell] === digit)
        return `${where} removes ${digit} from ${cellName(cell)}, the solution's digit`;
      if (!(board.candidates[cell]! & (1 << (digit - 1))))
        return `${where} removes ${digit} from ${cellName(cell)}, not a candidate`;
    }
    if (step.placements.length + step.eliminations.length === 0) return `${where} changes nothing`;
    board = applyStep(board, step);
  }
  const matches = board.values.every((digit, cell) => digit === solution[cell]);
  if (explanation.solvedByLogic && !matches) return "claims a solve that differs from the solution";
  return null;
}
