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
  const { deadline, now } = limitsOf(options);
  const checkUnique = options.checkUnique ?? true;
  const search = (shared ??= new SudokuSearch());
  const outcome = search.run(grid, { maxSolutions: checkUnique ? 2 : 1, deadline, now });
  // A timeout after the first solution still leaves uniqueness unknown: report the timeout.
  if (outcome.kind === "timed-out") return { kind: "timed-out" };
  if (outcome.count === 0) return { kind: "unsolvable" };
  return { kind: "solved", solution: search.solution.slice(), unique: checkUnique && outcome.count === 1 };
}

/** Whether `grid` has exactly one solution, as every published puzzle has; a search out of time says no. */
export function hasOneSolution(grid: Grid, options: SolveOptions & SolveDeadline = {}): boolean {
  const result = solve(grid, { ...options, checkUnique: true });
  return result.kind === "solved" && result.unique;
}

/**
 * The open cells whose digit differs between solutions of `grid`: where a clue must be missing if the
 * puzzle was meant to have one solution. Each open cell is tried with another digit than in the first
 * solution; a solution found so marks every cell where it differs. Empty when `grid` has at most one
 * solution, or the search ran out of time.
 */
export function undeterminedCells(
  grid: Grid,
  options: SolveDeadline & Pick<SolveOptions, "timeoutMs"> = {},
): number[] {
  assertGrid(grid);
  if (findConflicts(grid).length > 0) return [];
  const limits = limitsOf(options);
  const search = (shared ??= new SudokuSearch());
  const first = search.run(grid, { maxSolutions: 2, ...limits });
  if (first.count < 2) return [];
  const solution = search.solution.slice();
  const undetermined = new Uint8Array(81);
  const mark = (other: Grid): void => {
    for (let cell = 0; cell < 81; cell++) if (other[cell] !== solution[cell]) undetermined[cell] = 1;
  };
  mark(search.secondSolution);
  const trial = grid.slice();
  for (let cell = 0; cell < 81; cell++) {
    if (grid[cell] !== 0 || undetermined[cell]) continue;
    for (let digit = 1; digit <= 9 && !undetermined[cell]; digit++) {
      if (digit === solution[cell]) continue;
      // Many quick trials add up too: the clock is read before each.
      if (limits.now() > limits.deadline) return [];
      trial[cell] = digit;
      const outcome = search.run(trial, { maxSolutions: 1, ...limits });
      if (outcome.kind === "timed-out") return [];
      if (outcome.count > 0) mark(search.solution);
    }
    trial[cell] = 0;
  }
  return [...undetermined.keys()].filter((cell) => undetermined[cell]);
}

function limitsOf(options: SolveOptions & SolveDeadline): { deadline: number; now: () => number } {
  const now = options.now ?? Date.now;
  const deadline =
    options.deadline ?? (options.timeoutMs === undefined ? Infinity : now() + options.timeoutMs);
  return { deadline, now };
}
