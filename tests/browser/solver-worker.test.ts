import { afterEach, describe, expect, it } from "vitest";
import { gridToString } from "../../src/solver/format.ts";
import { parseGrid } from "../../src/solver/parse.ts";
import type { Grid } from "../../src/solver/types.ts";
import type { CellRead } from "../../src/shared/reading.ts";
import { SolverClient } from "../../src/workers/solver-client.ts";

function grid(text: string): Grid {
  const parsed = parseGrid(text);
  if (!parsed.ok) throw new Error("bad fixture");
  return parsed.grid;
}

const NORVIG = grid("003020600900305001001806400008102900700000008006708200002609500800203009005010300");
const NORVIG_SOLUTION = "483921657967345821251876493548132976729564138136798245372689514814253769695417382";
/** Norvig's "impossible" puzzle: proving it has no solution takes millions of guesses (seconds), every time. */
const PATHOLOGICAL = grid(
  ".....5.8....6.1.43..........1.5........1.6...3.......553.....61........4.........",
);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("SolverClient in a worker", () => {
  let client: SolverClient;
  afterEach(() => client.dispose());

  it("solves in the worker", async () => {
    client = new SolverClient();
    const result = await client.solve(NORVIG);
    expect(result.kind).toBe("solved");
    if (result.kind === "solved") {
      expect(gridToString(result.solution)).toBe(NORVIG_SOLUTION);
      expect(result.unique).toBe(true);
    }
  });

  it("keeps the main thread free and cancels on abort mid-flight", async () => {
    client = new SolverClient();
    const controller = new AbortController();
    const pending = client.solve(PATHOLOGICAL, { signal: controller.signal, timeoutMs: 60_000 });
    // While the worker searches, timers on this thread still fire on time.
    const before = performance.now();
    await sleep(200);
    expect(performance.now() - before).toBeLessThan(1000);
    controller.abort();
    expect(await pending).toEqual({ kind: "cancelled" });
    // The worker was replaced; the next request is answered.
    expect((await client.solve(NORVIG)).kind).toBe("solved");
  });

  it("cancels the running request when a new one comes", async () => {
    client = new SolverClient();
    const first = client.solve(PATHOLOGICAL, { timeoutMs: 60_000 });
    await sleep(100);
    const second = client.solve(NORVIG);
    expect(await first).toEqual({ kind: "cancelled" });
    const result = await second;
    expect(result.kind === "solved" && gridToString(result.solution)).toBe(NORVIG_SOLUTION);
  });

  it("answers an already aborted request without running it", async () => {
    client = new SolverClient();
    expect(await client.solve(NORVIG, { signal: AbortSignal.abort() })).toEqual({ kind: "cancelled" });
  });

  it("times out on a pathological request", async () => {
    client = new SolverClient();
    const start = performance.now();
    expect(await client.solve(PATHOLOGICAL, { timeoutMs: 300 })).toEqual({ kind: "timed-out" });
    // The solver's own deadline answered, well before the client's safety net (300 + 1000 ms) would.
    expect(performance.now() - start).toBeLessThan(1300);
    expect((await client.solve(NORVIG)).kind).toBe("solved");
  });

  it("proposes a repair in its own worker, untouched by solves", async () => {
    client = new SolverClient();
    const reads: CellRead[] = Array.from(NORVIG, (digit) => ({
      digit,
      confidence: 0.98,
      candidates: [{ digit, p: 0.98 }],
    }));
    // r1c3 is a 3 read as 8, with 3 the runner-up.
    reads[2] = {
      digit: 8,
      confidence: 0.6,
      candidates: [
        { digit: 8, p: 0.6 },
        { digit: 3, p: 0.38 },
      ],
    };
    const repair = client.proposeRepair(reads);
    const solved = await client.solve(Uint8Array.from(reads, (r) => r.digit));
    expect(solved.kind).toBe("conflict");
    const proposal = await repair;
    expect(proposal?.changes).toEqual([{ cell: 2, from: 8, to: 3, p: 0.38 }]);
    expect(proposal && gridToString(proposal.solution)).toBe(NORVIG_SOLUTION);
    expect(await client.proposeRepair(reads, { signal: AbortSignal.abort() })).toBeNull();
  });
});
