import { digitPlaces } from "./board.ts";
import { findAlternatingChain } from "./aic.ts";
import { findAlsXz } from "./als.ts";
import { findXChain, findXyChain } from "./chains.ts";
import { findSimpleColouring } from "./colouring.ts";
import { findFish } from "./fish.ts";
import { findClaiming, findPointing } from "./locked.ts";
import { findFullHouse, findHiddenSingle, findNakedSingle } from "./singles.ts";
import { findSkyscraper, findTwoStringKite } from "./single-digit.ts";
import { findHiddenSubset, findNakedSubset } from "./subsets.ts";
import type { CandidateBoard, LogicStep } from "./types.ts";
import { findUniqueRectangle } from "./uniqueness.ts";
import { findWWing, findXyWing, findXyzWing } from "./wings.ts";

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
  (board) => findNakedSubset(board, 2),
  (board, places) => findHiddenSubset(board, places, 2),
  (board) => findNakedSubset(board, 3),
  (board, places) => findHiddenSubset(board, places, 3),
  (board) => findNakedSubset(board, 4),
  (board, places) => findHiddenSubset(board, places, 4),
  (board, places) => findFish(board, places, 2),
  findSkyscraper,
  findTwoStringKite,
  (board, places) => findFish(board, places, 3),
  findXyWing,
  findXyzWing,
  findWWing,
  findSimpleColouring,
  (board, _places, options) => (options.uniqueSolution === true ? findUniqueRectangle(board) : null),
  (board, places) => findFish(board, places, 4),
  findXChain,
  findXyChain,
  findAlternatingChain,
  findAlsXz,
];

/**
 * The simplest step available on the board, or null when no technique applies. Steps are sound when the
 * placed digits agree with a solution; point out wrong entries before asking.
 */
export function findNextStep(board: CandidateBoard, options: StepOptions = {}): LogicStep | null {
  const places = digitPlaces(board);
  for (const finder of FINDERS) {
    const step = finder(board, places, options);
    if (step !== null) return step;
  }
  return null;
}
