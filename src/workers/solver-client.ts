import type { Grid, SolveOptions, SolveResult } from "../solver/types.ts";
import type { SolverApi } from "./solver.worker.ts";
import { WorkerLane } from "./worker-lane.ts";

const DEFAULT_TIMEOUT_MS = 2000;
/** Extra time the client allows past the solver's own deadline (worker start-up, message passing). */
const SAFETY_MARGIN_MS = 1000;

const createWorker = (): Worker =>
  new Worker(new URL("./solver.worker.ts", import.meta.url), { type: "module", name: "solver" });

/**
 * The solver off the main thread. A new `solve` cancels the running one, as does its AbortSignal; both
 * resolve `{ kind: "cancelled" }`. The solver gives up at `timeoutMs` (default 2000) by itself; if the
 * worker still has not answered a little later, it is terminated and the call resolves `timed-out`.
 */
export class SolverClient {
  private readonly solver = new WorkerLane<SolverApi>(createWorker);

  solve(grid: Grid, options: SolveOptions & { signal?: AbortSignal } = {}): Promise<SolveResult> {
    const { signal, ...solveOptions } = options;
    const timeoutMs = solveOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return this.solver.run<SolveResult>(
      (api) => api.solve(grid, { ...solveOptions, timeoutMs }),
      { signal, capMs: timeoutMs + SAFETY_MARGIN_MS },
      (why) => ({ kind: why }),
    );
  }

  dispose(): void {
    this.solver.dispose();
  }
}
