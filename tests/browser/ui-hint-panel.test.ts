import { afterEach, expect, test, vi } from "vitest";
import { userEvent } from "vitest/browser";
import {
  checkEntries,
  nextHint,
  ratePuzzle,
  type HintAnswer,
  type PlayState,
} from "../../src/solver/hint.ts";
import { parseGrid } from "../../src/solver/parse.ts";
import { solve } from "../../src/solver/solve.ts";
import type { Grid, SolveOptions } from "../../src/solver/types.ts";
import { DifficultyView } from "../../src/ui/difficulty-view.ts";
import { HintPanel } from "../../src/ui/hint-panel.ts";
import { DEFAULT_SETTINGS, type Settings } from "../../src/ui/saved-game.ts";
import { SudokuPanel } from "../../src/ui/sudoku-panel.ts";
import "../../src/ui/styles.css";
import { gridQueries } from "./grid-queries.ts";

const PUZZLE = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
const SOLUTION = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";

function grid(s: string): Grid {
  const parsed = parseGrid(s);
  if (!parsed.ok) throw new Error("bad fixture");
  return parsed.grid;
}

/** The worker's functions run in this thread, a tick later, as the solver client would answer. */
class InThreadSolver {
  hintOverride: HintAnswer | null = null;
  private later = <T>(f: () => T): Promise<T> => new Promise((r) => setTimeout(() => r(f()), 1));
  solve(g: Grid, options: SolveOptions & { signal?: AbortSignal } = {}) {
    return this.later(() => (options.signal?.aborted ? { kind: "cancelled" as const } : solve(g, options)));
  }
  hint(state: PlayState) {
    return this.later(() => this.hintOverride ?? nextHint(state));
  }
  check(clues: Grid, entries: Grid) {
    return this.later(() => checkEntries(clues, entries));
  }
  rate(clues: Grid, entries: Grid) {
    return this.later(() => ratePuzzle(clues, entries));
  }
}

let host: HTMLElement;
afterEach(() => host.remove());

function mount(settings: Settings = DEFAULT_SETTINGS) {
  host = document.createElement("div");
  const make = (tag: string, id: string, label = ""): HTMLElement => {
    const node = document.createElement(tag);
    node.id = id;
    node.textContent = label;
    return node;
  };
  const toggle = (id: string, label: string): HTMLElement => {
    const wrapper = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.id = id;
    input.setAttribute("role", "switch");
    wrapper.append(input, ` ${label}`);
    return wrapper;
  };
  host.append(
    ...[
      make("div", "g"),
      make("div", "pad"),
      make("button", "solve", "Solve"),
      make("button", "clear", "Clear"),
    ],
    ...[make("p", "status"), make("p", "difficulty")],
    ...[toggle("hide", "Hide the solution"), toggle("cands", "Show candidates")],
    ...[make("button", "hint", "Hint"), make("button", "check", "Check my grid"), make("p", "hint-status")],
  );
  document.body.append(host);
  const $ = <T extends HTMLElement>(id: string) => host.querySelector<T>(`#${id}`)!;
  const solver = new InThreadSolver();
  const sudoku = new SudokuPanel(
    { gridHost: $("g"), pad: $("pad"), solve: $("solve"), clear: $("clear"), status: $("status") },
    solver,
  );
  const hints = new HintPanel(
    {
      hideSolution: $("hide"),
      showCandidates: $("cands"),
      hint: $("hint"),
      check: $("check"),
      status: $("hint-status"),
    },
    sudoku,
    solver,
    settings,
  );
  new DifficultyView($("difficulty"), sudoku, solver);
  const { cells, text, description } = gridQueries(host);
  return { sudoku, hints, solver, cells, text, description, $ };
}

test("hidden solution: only the clues show, in text and accessible names; the switch reveals it", async () => {
  const { sudoku, text, cells, $ } = mount({ hideSolution: true, showCandidates: false });
  expect($<HTMLInputElement>("hide").checked).toBe(true);
  sudoku.setGrid(grid(PUZZLE));
  await vi.waitFor(() =>
    expect($("status").textContent).toBe("One solution (hidden). Press Hint for a next step."),
  );
  expect(text()).toBe(PUZZLE);
  expect(cells()[2]!.getAttribute("aria-label")).toBe("Row 1, column 3, empty");
  // The photo overlay draws from `current`: nothing of the solution there either.
  expect(sudoku.current.every((c) => c.solved === 0)).toBe(true);
  await vi.waitFor(() => expect($("difficulty").textContent).toMatch(/^Difficulty: \w+/));
  await userEvent.click($("solve"));
  expect($("status").textContent).toContain("turn off “Hide the solution”");
  await userEvent.click($("hide"));
  expect(text()).toBe(SOLUTION);
});

test("Hint: the first press highlights and explains, the second places the right digit", async () => {
  const { sudoku, text, cells, description, $ } = mount({ hideSolution: true, showCandidates: false });
  sudoku.setGrid(grid(PUZZLE));
  await vi.waitFor(() => expect($("status").textContent).toMatch(/One solution/));
  await userEvent.click($("hint"));
  await vi.waitFor(() =>
    expect($("hint-status").textContent).toMatch(/Press Hint again to place (\d) in r(\d)c(\d)/),
  );
  const [, digit, row, col] = /place (\d) in r(\d)c(\d)/.exec($("hint-status").textContent!)!;
  expect($("hint-status").textContent).toMatch(/^(Full house|Naked single|Hidden single): .*r\dc\d/);
  const index = (Number(row) - 1) * 9 + Number(col) - 1;
  const target = cells()[index]!;
  expect(target.classList.contains("hint-target")).toBe(true);
  expect(description(target)).toContain("highlighted");
  expect(cells().filter((c) => c.classList.contains("hint-area")).length).toBeGreaterThanOrEqual(9);
  expect(text()[index]).toBe("0");

  await userEvent.click($("hint"));
  await vi.waitFor(() => expect(text()[index]).toBe(digit));
  expect(digit).toBe(SOLUTION[index]);
  expect(target.classList.contains("entry")).toBe(true);
  expect(target.classList.contains("hint-target")).toBe(false);
  expect($("hint-status").textContent).toBe(`Placed ${digit} in r${row}c${col}.`);
  expect(text()).toContain("0");
});

test("a wrong entry is pointed out before any step; Check my grid marks only the wrong entry", async () => {
  const { sudoku, text, cells, description, $ } = mount({ hideSolution: true, showCandidates: false });
  sudoku.setGrid(grid(PUZZLE));
  await vi.waitFor(() => expect($("status").textContent).toMatch(/One solution/));
  // r1c3 is 4 in the solution: type a right 4 in r1c3 and a wrong 1 in r1c4 (it is 6).
  await userEvent.click(cells()[2]!);
  await userEvent.keyboard("4{ArrowRight}1");
  await userEvent.click($("check"));
  await vi.waitFor(() =>
    expect($("hint-status").textContent).toBe("One entry contradicts the solution: r1c4 (marked ✗)."),
  );
  expect(cells()[3]!.classList.contains("wrong")).toBe(true);
  expect(description(cells()[3]!)).toContain("wrong entry");
  expect(cells()[2]!.classList.contains("wrong")).toBe(false);
  expect(description(cells()[2]!)).toBe("your entry");

  await userEvent.click($("hint"));
  await vi.waitFor(() => expect($("hint-status").textContent).toMatch(/^r1c4 does not match the solution/));
  await userEvent.click($("hint"));
  await vi.waitFor(() => expect(text()[3]).toBe("0"));
  expect(text()[2]).toBe("4");
  expect($("hint-status").textContent).toBe("Erased r1c4.");
});

test("Show candidates: pencil marks from the grid, with a hint's removals struck and then applied", async () => {
  const { sudoku, solver, cells, description, $ } = mount();
  sudoku.setGrid(grid(PUZZLE));
  await vi.waitFor(() => expect($("status").textContent).toBe("Solved."));
  // r1c3 sees 5, 3, 7 in its row, 8 in its column and 6, 9 in its box: 1, 2 and 4 are left.
  expect(cells()[2]!.textContent).toBe("4");
  await userEvent.click($("cands"));
  expect(cells()[2]!.textContent).toBe("");
  expect(description(cells()[2]!)).toBe("candidates 1, 2, 4");
  const marks = () =>
    Array.from(cells()[2]!.querySelectorAll<HTMLElement>(".marks span[data-d]"), (s) => s.dataset["d"]);
  expect(marks()).toEqual(["1", "2", "4"]);

  solver.hintOverride = {
    kind: "step",
    step: {
      technique: "pointing",
      placements: [],
      eliminations: [{ cell: 2, digit: 1 }],
      cells: [],
      units: [{ kind: "box", index: 0 }],
      text: "A made-up removal of 1 from r1c3.",
    },
  };
  await userEvent.click($("hint"));
  await vi.waitFor(() =>
    expect($("hint-status").textContent).toMatch(/Press Hint again to remove this candidate/),
  );
  expect(cells()[2]!.querySelector(".removed")?.getAttribute("data-d")).toBe("1");
  expect(description(cells()[2]!)).toContain("highlighted: the hint removes 1 here");
  await userEvent.click($("hint"));
  expect(marks()).toEqual(["2", "4"]);
  expect($("hint-status").textContent).toBe("Removed 1 from r1c3.");
  // Removals belong to their puzzle: a new one starts from the full candidates.
  sudoku.setGrid(grid(PUZZLE));
  expect(marks()).toEqual(["1", "2", "4"]);
});

test("digits typed while the puzzle is incomplete are clues; once it has one solution, entries", async () => {
  const { sudoku, cells, $ } = mount();
  await userEvent.click(cells()[0]!);
  await userEvent.keyboard("5");
  expect(cells()[0]!.classList.contains("given")).toBe(true);
  sudoku.setGrid(grid(PUZZLE));
  await vi.waitFor(() => expect($("status").textContent).toBe("Solved."));
  await userEvent.click(cells()[2]!);
  await userEvent.keyboard("4");
  expect(cells()[2]!.classList.contains("entry")).toBe(true);
  expect(cells()[2]!.classList.contains("given")).toBe(false);
  // Typing over a clue corrects the puzzle: it stays a clue.
  await userEvent.click(cells()[1]!);
  await userEvent.keyboard("2");
  expect(cells()[1]!.classList.contains("given")).toBe(true);
});

test("a snapshot restores clues, entries and the photo's doubtful readings", async () => {
  const first = mount();
  const reads = Array.from(grid(PUZZLE), (digit) => ({
    digit,
    confidence: 0.99,
    candidates: [{ digit, p: 0.99 }],
  }));
  reads[0] = {
    digit: 5,
    confidence: 0.6,
    candidates: [
      { digit: 5, p: 0.6 },
      { digit: 6, p: 0.35 },
    ],
  };
  first.sudoku.setReads(reads);
  await vi.waitFor(() => expect(first.$("status").textContent).toBe("Solved."));
  first.sudoku.setEntries([{ cell: 2, digit: 4 }]);
  const snapshot = first.sudoku.snapshot();
  host.remove();

  const second = mount();
  second.sudoku.restore(snapshot);
  await vi.waitFor(() => expect(second.text()).toBe(SOLUTION));
  expect(second.sudoku.snapshot()).toEqual(snapshot);
  expect(second.cells()[0]!.classList.contains("doubt")).toBe(true);
  expect(second.description(second.cells()[0]!)).toBe("doubtful: read as 5 (60 %), maybe 6");
  expect(second.cells()[2]!.classList.contains("entry")).toBe(true);
});
