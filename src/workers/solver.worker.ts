/// <reference lib="webworker" />
import { expose } from "comlink";
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
};

export type SolverApi = typeof api;

expose(api);
