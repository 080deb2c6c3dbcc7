import { afterEach, expect, test, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { parseGrid } from "../../src/solver/parse.ts";
import { solve } from "../../src/solver/solve.ts";
import type { Grid, SolveOptions, SolveResult } from "../../src/solver/types.ts";
import type { Solver } from "../../src/ui/auto-solve.ts";
import { SudokuPanel } from "../../src/ui/sudoku-panel.ts";
import "../../src/ui/styles.css";
import { gridQueries } from "./grid-queries.ts";

const PUZZLE = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
const SOLUTION = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";

/** The real solver run in this thread, recording each request and whether it was cancelled. */
class InThreadSolver implements Solver {
  readonly calls: { grid: string; cancelled: boolean }[] = [];
  async solve(grid: Grid, options: SolveOptions & { signal?: AbortSignal } = {}): Promise<SolveResult> {
    const call = { grid: grid.join(""), cancelled: false };
    this.calls.push(call);
    await new Promise((r) => setTimeout(r, 5));
    if (options.signal?.aborted) {
      call.cancelled = true;
      return { kind: "cancelled" };
    }
    return solve(grid, options);
  }
}

let host: HTMLElement;
afterEach(() => host.remove());

function mount() {
  host = document.createElement("div");
  const gridHost = document.createElement("div");
  const pad = document.createElement("div");
  const digit = document.createElement("button");
  digit.dataset["digit"] = "9";
  pad.append(digit);
  const solveButton = document.createElement("button");
  const clear = document.createElement("button");
  const status = document.createElement("p");
  host.append(gridHost, pad, solveButton, clear, status);
  document.body.append(host);
  const solver = new InThreadSolver();
  const panel = new SudokuPanel({ gridHost, pad, solve: solveButton, clear, status }, solver);
  const { text } = gridQueries(host);
  return { panel, solver, status, text, digit, clear, solveButton };
}

const grid = (s: string) => {
  const parsed = parseGrid(s);
  if (!parsed.ok) throw new Error("bad fixture");
  return parsed.grid;
};

test("a full puzzle is solved right after it is set; typing re-solves, cancelling the stale solve", async () => {
  const { panel, solver, status, text } = mount();
  panel.setGrid(grid(PUZZLE));
  await vi.waitFor(() => expect(status.textContent).toBe("Solved."));
  expect(text()).toBe(SOLUTION);

  const cell = host.querySelectorAll<HTMLElement>('[role="gridcell"]')[2]!;
  await userEvent.click(cell);
  // Two quick keystrokes: only the last grid gets an answer.
  await userEvent.keyboard("45");
  await vi.waitFor(() => expect(status.textContent).toMatch(/^Conflict/));
  expect(solver.calls.at(-1)!.grid[2]).toBe("5");
  expect(solver.calls.filter((c) => !c.cancelled).every((c) => c.grid[2] !== "4")).toBe(true);
  expect(cell.classList.contains("conflict")).toBe(true);
  await userEvent.keyboard("{Backspace}");
  await vi.waitFor(() => expect(text()).toBe(SOLUTION));
});

test("Solve shows one of several solutions; Clear empties; the pad types", async () => {
  const { panel, status, text, digit, clear, solveButton } = mount();
  panel.setGrid(grid(PUZZLE.slice(0, 30) + "0".repeat(51)));
  await vi.waitFor(() => expect(status.textContent).toMatch(/^More than one solution/));
  expect(text()).toBe(PUZZLE.slice(0, 30) + "0".repeat(51));
  await userEvent.click(solveButton);
  await vi.waitFor(() => expect(text()).not.toContain("0"));
  expect(status.textContent).toMatch(/showing one of them/);
  await userEvent.click(clear);
  expect(text()).toBe("0".repeat(81));
  expect(status.textContent).toBe("Type a puzzle, paste 81 digits, or give a photo.");
  await userEvent.click(solveButton);
  await new Promise((r) => setTimeout(r, 50));
  expect(text()).toBe("0".repeat(81));
  await userEvent.click(host.querySelectorAll<HTMLElement>('[role="gridcell"]')[40]!);
  await userEvent.click(digit);
  expect(text()[40]).toBe("9");
});
