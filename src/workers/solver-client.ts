import type { CheckAnswer, HintAnswer, PlayState, Rating, Stopped } from "../solver/hint.ts";
import type { RepairProposal } from "../solver/repair.ts";
import type { Grid, SolveOptions, SolveResult } from "../solver/types.ts";
import type { CellRead } from "../shared/reading.ts";
import type { SolverApi } from "./solver.worker.ts";
import { WorkerLane } from "./worker-lane.ts";

const DEFAULT_TIMEOUT_MS = 2000;
const DEFAULT_REPAIR_TIMEOUT_MS = 1500;
/** Hints, checks and ratings solve the puzzle first; the logic after it has no deadline of its own. */
const LOGIC_TIMEOUT_MS = 3000;
/** Extra time the client allows past the solver's own deadline (worker start-up, message passing). */
const SAFETY_MARGIN_MS = 1000;

const createWorker = (): Worker =>
  new Worker(new URL("./solver.worker.ts", import.meta.url), { type: "module", name: "solver" });

/**
 * The solver off the main thread. A new `solve` cancels the running one, as does its AbortSignal; both
 * resolve `{ kind: "cancelled" }`. The solver gives up at `timeoutMs` (default 2000) by itself; if the
 * worker still has not answered a little later, it is terminated and the call resolves `timed-out`.
 * Repairs run in a second worker, so re-solving while the user edits never cancels a repair search;
 * hints and checks in a third, and difficulty ratings in a fourth, for the same reason (all created lazily).
 */
export class SolverClient {
  private readonly solver = new WorkerLane<SolverApi>(createWorker);
  private readonly repairer = new WorkerLane<SolverApi>(createWorker);
  private readonly hinter = new WorkerLane<SolverApi>(createWorker);
  private readonly rater = new WorkerLane<SolverApi>(createWorker);

  solve(grid: Grid, options: SolveOptions & { signal?: AbortSignal } = {}): Promise<SolveResult> {
    const { signal, ...solveOptions } = options;
    const timeoutMs = solveOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return this.solver.run<SolveResult>(
      (api) => api.solve(grid, { ...solveOptions, timeoutMs }),
      { signal, capMs: timeoutMs + SAFETY_MARGIN_MS },
      (why) => ({ kind: why }),
    );
  }

  /**
   * The most probable fix of a misread grid (see `proposeRepair` in `src/solver/repair.ts`), or null: none
   * needed, none found within `timeoutMs` (default 1500), or cancelled by a newer call or the signal.
   */
  proposeRepair(
    reads: CellRead[],
    options: { signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<RepairProposal | null> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_REPAIR_TIMEOUT_MS;
    return this.repairer.run<RepairProposal | null>(
      (api) => api.proposeRepair(reads, { timeoutMs }),
      { signal: options.signal, capMs: timeoutMs + SAFETY_MARGIN_MS },
      () => null,
    );
  }

  /** The next hint for a person's grid (see `nextHint` in `src/solver/hint.ts`). */
  hint(state: PlayState, options: { signal?: AbortSignal } = {}): Promise<HintAnswer | Stopped> {
    return this.hinter.run<HintAnswer | Stopped>(
      (api) => api.hint(state, { timeoutMs: LOGIC_TIMEOUT_MS }),
      { signal: options.signal, capMs: LOGIC_TIMEOUT_MS + SAFETY_MARGIN_MS },
      (why) => ({ kind: why }),
    );
  }

  /** The entries that contradict the solution ("Check my grid"); shares the hints' worker. */
  check(clues: Grid, entries: Grid, options: { signal?: AbortSignal } = {}): Promise<CheckAnswer | Stopped> {
    return this.hinter.run<CheckAnswer | Stopped>(
      (api) => api.check(clues, entries, { timeoutMs: LOGIC_TIMEOUT_MS }),
      { signal: options.signal, capMs: LOGIC_TIMEOUT_MS + SAFETY_MARGIN_MS },
      (why) => ({ kind: why }),
    );
  }

  /** The puzzle's difficulty from its logical solution (see `ratePuzzle`). */
  rate(clues: Grid, entries: Grid, options: { signal?: AbortSignal } = {}): Promise<Rating | Stopped> {
    return this.rater.run<Rating | Stopped>(
      (api) => api.rate(clues, entries, { timeoutMs: LOGIC_TIMEOUT_MS }),
      { signal: options.signal, capMs: 2 * LOGIC_TIMEOUT_MS + SAFETY_MARGIN_MS },
      (why) => ({ kind: why }),
    );
  }

  /**
   * Starts the solving worker ahead of the first solve: on a first visit its script comes from the
   * network, and after a photo's read it would queue behind the downloads that follow (1 s at 1.6 Mbit/s).
   */
  warmUp(): void {
    this.solver.start();
  }

  dispose(): void {
    this.solver.dispose();
    this.repairer.dispose();
    this.hinter.dispose();
    this.rater.dispose();
  }
}
