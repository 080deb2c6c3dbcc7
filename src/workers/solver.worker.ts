/// <reference lib="webworker" />
import { expose } from "comlink";
import {
  checkEntries,
  nextHint,
  ratePuzzle,
  type CheckAnswer,
  type HintAnswer,
  type PlayState,
  type Rating,
} from "../solver/hint.ts";
import { proposeRepair, type RepairProposal } from "../solver/repair.ts";
import { solve } from "../solver/solve.ts";
import type { Grid, SolveOptions, SolveResult } from "../solver/types.ts";
import type { CellRead } from "../shared/reading.ts";

/**
 * The solver as the main thread sees it (`Remote<SolverApi>`). It runs to completion or to `timeoutMs`
 * (the client always sets one), timed on the worker's own clock from when the request arrives.
 */
const api = {
  solve(grid: Grid, options: SolveOptions = {}): SolveResult {
    return solve(grid, { ...options, now: () => performance.now() });
  },
  proposeRepair(reads: CellRead[], options: { timeoutMs?: number } = {}): RepairProposal | null {
    return proposeRepair(reads, { ...options, now: () => performance.now() });
  },
  /** The next hint: a wrong entry first, then the simplest logical step (`timeoutMs` bounds the solving). */
  hint(state: PlayState, options: { timeoutMs: number }): HintAnswer {
    return nextHint(state, deadline(options.timeoutMs));
  },
  check(clues: Grid, entries: Grid, options: { timeoutMs: number }): CheckAnswer {
    return checkEntries(clues, entries, deadline(options.timeoutMs));
  },
  rate(clues: Grid, entries: Grid, options: { timeoutMs: number }): Rating {
    return ratePuzzle(clues, entries, deadline(options.timeoutMs));
  },
};

function deadline(timeoutMs: number): { deadline: number; now: () => number } {
  return { deadline: performance.now() + timeoutMs, now: () => performance.now() };
}

export type SolverApi = typeof api;

expose(api);
