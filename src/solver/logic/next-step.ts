import { digitPlaces } from "./board.ts";
import { findClaiming, findPointing } from "./locked.ts";
import { findFullHouse, findHiddenSingle, findNakedSingle } from "./singles.ts";
import type { CandidateBoard, LogicStep } from "./types.ts";

export interface StepOptions {
  /**
   * The puzzle's givens have exactly one solution (the caller checked, e.g. with `solve`). Only then are
   * uniqueness techniques (unique rectangle) sound; off by default.
   */
  uniqueSolution?: boolean;
}

type Finder = (board: CandidateBoard, places: Uint16Array, options: StepOptions) => LogicStep | null;

/** Every technique, simplest first (the order is documented in README, "Hints"). */
const FINDERS: readonly Finder[] = [
  findFullHouse,
  findNakedSingle,
  findHiddenSingle,
  findPointing,
  findClaiming,
];

/** The simplest step available on the board, or null when no technique applies. */
export function findNextStep(board: CandidateBoard, options: StepOptions = {}): LogicStep | null {
  const places = digitPlaces(board);
  for (const finder of FINDERS) {
    const step = finder(board, places, options);
    if (step !== null) return step;
  }
  return null;
}
