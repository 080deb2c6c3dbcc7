import { afterEach, expect, test, vi } from "vitest";
import { userEvent } from "vitest/browser";
import type { CellRead } from "../../src/shared/reading.ts";
import { checkEntries, nextHint, ratePuzzle, type PlayState } from "../../src/solver/hint.ts";
import { solve } from "../../src/solver/solve.ts";
import type { Grid, SolveOptions } from "../../src/solver/types.ts";
import { HintPanel } from "../../src/ui/hint-panel.ts";
import { readMessage } from "../../src/ui/messages.ts";
import { decodePuzzle, DEFAULT_SETTINGS, encodePuzzle } from "../../src/ui/saved-game.ts";
import { SudokuPanel } from "../../src/ui/sudoku-panel.ts";
import "../../src/ui/styles.css";
import { gridQueries } from "./grid-queries.ts";

const PUZZLE = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
const SOLUTION = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";

/** The worker's functions run in this thread, a tick later, as the solver client would answer. */
class InThreadSolver {
  readonly solved: string[] = [];
  private later = <T>(f: () => T): Promise<T> => new Promise((r) => setTimeout(() => r(f()), 1));
  solve(g: Grid, options: SolveOptions & { signal?: AbortSignal } = {}) {
    this.solved.push(g.join(""));
    return this.later(() => (options.signal?.aborted ? { kind: "cancelled" as const } : solve(g, options)));
  }
  hint(state: PlayState) {
    return this.later(() => nextHint(state));
  }
  check(clues: Grid, entries: Grid) {
    return this.later(() => checkEntries(clues, entries));
  }
  rate(clues: Grid, entries: Grid) {
    return this.later(() => ratePuzzle(clues, entries));
  }
}

const printed = (digit: number): CellRead => ({
  digit,
  confidence: 0.99,
  candidates: [{ digit, p: 0.99 }],
  handwritten: 0.02,
});
const written = (digit: number, confidence = 0.97): CellRead => ({
  digit,
  confidence,
  candidates: [
    { digit, p: confidence },
    { digit: digit === 1 ? 7 : 1, p: 1 - confidence },
  ],
  handwritten: 0.96,
});

/**
 * A photo of the puzzle half solved: its printed clues, a right handwritten 4 in r1c3 (read at 62 %), a
 * right 3 in r9c1 and, with `wrong`, a handwritten 1 in r1c4 where the solution has 6.
 */
function photoReads({ wrong }: { wrong: boolean }): CellRead[] {
  const reads = Array.from(PUZZLE, (d) =>
    d === "0" ? { digit: 0, confidence: 0.98, candidates: [{ digit: 0, p: 0.98 }] } : printed(Number(d)),
  );
  reads[2] = written(4, 0.62);
  reads[72] = written(3);
  if (wrong) reads[3] = written(1);
  return reads;
}

let host: HTMLElement;
afterEach(() => host.remove());

function mount() {
  host = document.createElement("div");
  const make = <T extends HTMLElement>(tag: string, label = ""): T => {
    const node = document.createElement(tag) as T;
    node.textContent = label;
    host.append(node);
    return node;
  };
  document.body.append(host);
  const gridHost = make<HTMLElement>("div");
  const el = {
    gridHost,
    pad: make<HTMLElement>("div"),
    kind: make<HTMLButtonElement>("button", "Printed clue"),
    solve: make<HTMLButtonElement>("button", "Solve"),
    clear: make<HTMLButtonElement>("button", "Clear"),
    status: make<HTMLElement>("p"),
  };
  const solver = new InThreadSolver();
  const sudoku = new SudokuPanel(el, solver);
  const hint = make<HTMLButtonElement>("button", "Hint");
  const check = make<HTMLButtonElement>("button", "Check my grid");
  const hintStatus = make<HTMLElement>("p");
  const hideSolution = make<HTMLInputElement>("input");
  hideSolution.type = "checkbox";
  const showCandidates = make<HTMLInputElement>("input");
  showCandidates.type = "checkbox";
  new HintPanel(
    { hideSolution, showCandidates, hint, check, status: hintStatus },
    sudoku,
    solver,
    DEFAULT_SETTINGS,
  );
  const { cells, text, description } = gridQueries(gridHost);
  return { sudoku, solver, el, cells, text, description, hint, hintStatus, hideSolution };
}

const has = (cell: HTMLElement, name: string) => cell.classList.contains(name);

test("handwritten digits become the user's entries, printed ones clues; an unsure entry gets its doubt", async () => {
  const { sudoku, el, cells, text, description } = mount();
  sudoku.setReads(photoReads({ wrong: false }));
  await vi.waitFor(() => expect(el.status.textContent).toBe("Solved."));
  expect(text()).toBe(SOLUTION);
  expect(Array.from(sudoku.snapshot().clues).join("")).toBe(PUZZLE);
  const entries = Array.from(sudoku.snapshot().entries).join("");
  expect(entries).toBe("004" + "0".repeat(69) + "3" + "0".repeat(8));
  expect(has(cells()[0]!, "given")).toBe(true);
  for (const i of [2, 72]) {
    expect(has(cells()[i]!, "entry")).toBe(true);
    expect(has(cells()[i]!, "given")).toBe(false);
  }
  expect(has(cells()[2]!, "doubt")).toBe(true);
  expect(description(cells()[2]!)).toBe("your entry; doubtful: read as 4 (62 %), maybe 1");
  expect(has(cells()[72]!, "doubt")).toBe(false);
  expect(cells().some((c) => has(c, "wrong"))).toBe(false);
});

test("a wrong handwritten entry is marked and named; the puzzle is solved from its clues", async () => {
  const { sudoku, el, cells, text, description, hideSolution } = mount();
  sudoku.setReads(photoReads({ wrong: true }));
  await vi.waitFor(() =>
    expect(el.status.textContent).toBe(
      "Solved from the printed clues. One of your entries contradicts it: r1c4 (marked ✗).",
    ),
  );
  expect(has(cells()[3]!, "wrong")).toBe(true);
  expect(description(cells()[3]!)).toContain("wrong entry");
  expect(has(cells()[2]!, "wrong")).toBe(false);
  // The blanks show the clues' solution; the entries stay as written.
  expect(text()).toBe(SOLUTION.slice(0, 3) + "1" + SOLUTION.slice(4));
  expect(el.status.textContent).not.toMatch(/no solution/i);

  await userEvent.click(hideSolution);
  await vi.waitFor(() =>
    expect(el.status.textContent).toMatch(/^One solution \(hidden\) from the printed clues/),
  );
  expect(text()[5]).toBe("0");

  // Correcting the entry leaves nothing to point out.
  await userEvent.click(cells()[3]!);
  await userEvent.keyboard("6");
  await vi.waitFor(() =>
    expect(el.status.textContent).toBe("One solution (hidden). Press Hint for a next step."),
  );
  expect(has(cells()[3]!, "wrong")).toBe(false);
  expect(has(cells()[3]!, "entry")).toBe(true);
});

test("the hint tools point at the wrong handwritten entry first", async () => {
  const { sudoku, el, hint, hintStatus } = mount();
  sudoku.setReads(photoReads({ wrong: true }));
  await vi.waitFor(() => expect(el.status.textContent).toMatch(/^Solved from the printed clues/));
  await userEvent.click(hint);
  await vi.waitFor(() => expect(hintStatus.textContent).toMatch(/^r1c4 does not match the solution/));
});

test("G or the Printed clue button turns an entry into a clue and back, and the change survives a reload", async () => {
  const { sudoku, el, cells } = mount();
  sudoku.setReads(photoReads({ wrong: false }));
  await vi.waitFor(() => expect(el.status.textContent).toBe("Solved."));
  await userEvent.click(cells()[40]!);
  expect(el.kind.disabled).toBe(true);

  await userEvent.click(cells()[72]!);
  expect(el.kind.disabled).toBe(false);
  expect(el.kind.getAttribute("aria-pressed")).toBe("false");
  await userEvent.keyboard("g");
  expect(has(cells()[72]!, "given")).toBe(true);
  expect(has(cells()[72]!, "entry")).toBe(false);
  expect(el.kind.getAttribute("aria-pressed")).toBe("true");
  expect(sudoku.snapshot().clues[72]).toBe(3);
  expect(sudoku.snapshot().entries[72]).toBe(0);
  await vi.waitFor(() => expect(el.status.textContent).toBe("Solved."));

  // A reload: the saved game brings the clue back as a clue, with its reading.
  const saved = decodePuzzle(encodePuzzle({ ...sudoku.snapshot(), eliminated: new Uint16Array(81) }));
  if (!saved.ok) throw new Error(`the save did not load: ${saved.reason}`);
  host.remove();
  const again = mount();
  again.sudoku.restore(saved.value);
  await vi.waitFor(() => expect(again.el.status.textContent).toBe("Solved."));
  expect(has(again.cells()[72]!, "given")).toBe(true);
  expect(has(again.cells()[2]!, "entry")).toBe(true);
  expect(has(again.cells()[2]!, "doubt")).toBe(true);

  // One tap on the button turns it back; the digit never changes.
  await userEvent.click(again.cells()[72]!);
  await userEvent.click(again.el.kind);
  expect(has(again.cells()[72]!, "entry")).toBe(true);
  expect(again.el.kind.getAttribute("aria-pressed")).toBe("false");
  await vi.waitFor(() => expect(again.text()).toBe(SOLUTION));
});

test("a printed clue read as handwritten is one tap from being a clue again", async () => {
  const { sudoku, el, cells } = mount();
  const reads = photoReads({ wrong: false });
  // r1c1's printed 5 taken for handwriting: the clues alone no longer pin the puzzle down as firmly,
  // but the grid still solves with it as an entry.
  reads[0] = written(5);
  sudoku.setReads(reads);
  await vi.waitFor(() => expect(el.status.textContent).not.toBe("Solving…"));
  expect(has(cells()[0]!, "entry")).toBe(true);
  await userEvent.click(cells()[0]!);
  await userEvent.click(el.kind);
  expect(has(cells()[0]!, "given")).toBe(true);
  expect(sudoku.snapshot().clues[0]).toBe(5);
  await vi.waitFor(() => expect(el.status.textContent).toBe("Solved."));
});

test("the read note counts printed clues and entries apart", () => {
  expect(readMessage(28, 9)).toBe("Read 28 printed clues and 9 of your entries.");
  expect(readMessage(30, 1)).toBe("Read 30 printed clues and one of your entries.");
  expect(readMessage(1, 2)).toBe("Read 1 printed clue and 2 of your entries.");
  expect(readMessage(30, 0)).toBe("Read 30 digits.");
});
