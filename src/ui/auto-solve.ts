import type { Grid, SolveOptions, SolveResult } from "../solver/types.ts";

/** The part of the solver client the page uses; the worker-backed SolverClient satisfies it. */
export interface Solver {
  solve(grid: Grid, options?: SolveOptions & { signal?: AbortSignal }): Promise<SolveResult>;
}

/** Fast enough to feel instant, slow enough that typing a digit per keystroke doesn't start a solve each time. */
const DEBOUNCE_MS = 120;

/**
 * Re-solves after every edit: a new request cancels the pending or running one, so only the answer for the
 * grid on screen ever arrives.
 */
export class AutoSolver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: AbortController | null = null;

  constructor(
    private readonly solver: Solver,
    private readonly onResult: (grid: Grid, result: SolveResult, showAny: boolean) => void,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** Solve `grid` soon (debounced) or, when `now`, at once; `showAny` reveals a non-unique solution. */
  request(grid: Grid, { now = false, showAny = false } = {}): void {
    this.cancel();
    if (now) void this.run(grid, showAny);
    else this.timer = setTimeout(() => void this.run(grid, showAny), DEBOUNCE_MS);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.running?.abort();
    this.running = null;
  }

  private async run(grid: Grid, showAny: boolean): Promise<void> {
    const controller = new AbortController();
    this.running = controller;
    try {
      const result = await this.solver.solve(grid, { checkUnique: true, signal: controller.signal });
      if (!controller.signal.aborted && result.kind !== "cancelled") this.onResult(grid, result, showAny);
    } catch (error) {
      if (!controller.signal.aborted) this.onFailure(error);
    } finally {
      if (this.running === controller) this.running = null;
    }
  }
}
