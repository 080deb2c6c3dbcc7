import { findConflicts } from "./conflicts.ts";
import { SudokuSearch } from "./search.ts";
import type { Grid, SolveOptions, SolveResult } from "./types.ts";

export interface SolveDeadline {
  /** Absolute time in `now()` units; overrides `timeoutMs` (a worker passes its own clock). */
  deadline?: number;
  now?: () => number;
}

let shared: SudokuSearch | undefined;

/** Throws on a malformed grid: that is a caller's bug, unlike a bad puzzle, which is a result. */
export function assertGrid(grid: Grid): void {
  if (grid.length !== 81) throw new RangeError(`A grid has 81 cells, got ${grid.length}.`);
  for (let cell = 0; cell < 81; cell++) {
    if (grid[cell]! > 9) throw new RangeError(`A cell holds 0-9, got ${grid[cell]}.`);
  }
}

/**
 * Solves a grid: conflicting clues first, then the search. With `checkUnique` (the default) a second
 * solution is looked for, and `unique` says whether one exists; without it `unique` is always false.
 */
export function solve(grid: Grid, options: SolveOptions & SolveDeadline = {}): SolveResult {
  assertGrid(grid);
  const cells = findConflicts(grid);
  if (cells.length > 0) return { kind: "conflict", cells };
  const now = options.now ?? Date.now;
  const deadline =
    options.deadline ?? (options.timeoutMs === undefined ? Infinity : now() + options.timeoutMs);
  const checkUnique = options.checkUnique ?? true;
  const search = (shared ??= new SudokuSearch());
  const outcome = search.run(grid, { maxSolutions: checkUnique ? 2 : 1, deadline, now });
  // A timeout after the first solution still leaves uniqueness unknown: report the timeout.
  if (outcome.kind === "timed-out") return { kind: "timed-out" };
  if (outcome.count === 0) return { kind: "unsolvable" };
  return { kind: "solved", solution: search.solution.slice(), unique: checkUnique && outcome.count === 1 };
}
