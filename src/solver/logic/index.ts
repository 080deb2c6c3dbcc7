/** The human-style solver: one step at a time, simplest first, each with its reason. */
export { applyStep, boardFromGrid, isSolved } from "./board.ts";
export { rateDifficulty, techniqueLevel } from "./difficulty.ts";
export { explain } from "./explain.ts";
export { cellName, unitName } from "./names.ts";
export { findNextStep, type StepOptions } from "./next-step.ts";
export type * from "./types.ts";
