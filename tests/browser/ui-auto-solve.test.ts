import { expect, test } from "vitest";
import type { Grid, SolveResult } from "../../src/solver/types.ts";
import { AutoSolver, type Solver } from "../../src/ui/auto-solve.ts";

/** A solver that ignores its AbortSignal: every call stays pending until the test answers it. */
class DeafSolver implements Solver {
  readonly calls: { grid: string; answer: (r: SolveResult) => void; fail: (e: Error) => void }[] = [];
  solve(grid: Grid): Promise<SolveResult> {
    return new Promise((resolve, reject) => {
      this.calls.push({ grid: grid.join(""), answer: resolve, fail: reject });
    });
  }
}

const grid = (first: number): Grid => Uint8Array.from({ length: 81 }, (_, i) => (i === 0 ? first : 0));
const solved = (first: number): SolveResult => ({
  kind: "solved",
  solution: Uint8Array.from({ length: 81 }, (_, i) => (i === 0 ? first : 1)),
  unique: true,
});
const settle = () => new Promise((r) => setTimeout(r, 0));

function setUp() {
  const solver = new DeafSolver();
  const results: { grid: string; result: SolveResult }[] = [];
  const failures: unknown[] = [];
  const auto = new AutoSolver(
    solver,
    (g, result) => results.push({ grid: g.join(""), result }),
    (error) => failures.push(error),
  );
  return { solver, results, failures, auto };
}

test("an answer for a superseded grid that arrives after the newer one is dropped", async () => {
  const { solver, results, auto } = setUp();
  auto.request(grid(1), { now: true });
  auto.request(grid(2), { now: true });
  expect(solver.calls.map((c) => c.grid[0])).toEqual(["1", "2"]);
  solver.calls[1]!.answer(solved(2));
  await settle();
  // The first solve ignored its abort and answers last, with a different board.
  solver.calls[0]!.answer(solved(1));
  await settle();
  expect(results.map((r) => r.grid[0])).toEqual(["2"]);
  expect(results[0]!.result).toEqual(solved(2));
});

test("after cancel (the grid was cleared) a late answer or a late failure changes nothing", async () => {
  const { solver, results, failures, auto } = setUp();
  auto.request(grid(3), { now: true });
  auto.request(grid(4), { now: true });
  auto.cancel();
  solver.calls[0]!.answer(solved(3));
  solver.calls[1]!.fail(new Error("worker terminated"));
  await settle();
  expect(results).toEqual([]);
  expect(failures).toEqual([]);
});
