import { hasOneSolution } from "../solve.ts";
import type { Grid } from "../types.ts";
import { applyStep, boardFromGrid, isSolved } from "./board.ts";
import { rateDifficulty } from "./difficulty.ts";
import { findNextStep, type StepOptions } from "./next-step.ts";
import type { Explanation, LogicStep } from "./types.ts";

/**
 * Steps from the grid until it is solved or no technique applies. Without `uniqueSolution` the grid is
 * solved once to find out, so uniqueness techniques are used only on a puzzle with one solution.
 */
export function explain(grid: Grid, options: StepOptions = {}): Explanation {
  const uniqueSolution = options.uniqueSolution ?? hasOneSolution(grid);
  let board = boardFromGrid(grid);
  const steps: LogicStep[] = [];
  // Every step places a digit or removes a candidate, so 729 steps always end it; the bound guards a hang.
  while (steps.length < 729) {
    if (isSolved(board)) break;
    const step = findNextStep(board, { uniqueSolution });
    if (step === null) break;
    steps.push(step);
    board = applyStep(board, step);
  }
  const solvedByLogic = isSolved(board);
  return { steps, solvedByLogic, difficulty: rateDifficulty(steps, solvedByLogic) };
}
