import type { Grid, SolveResult } from "../solver/types.ts";
import type { CellRead } from "../shared/reading.ts";
import { AutoSolver, type Solver } from "./auto-solve.ts";
import {
  boardFromGrid,
  boardFromReads,
  digits,
  emptyBoard,
  entries,
  givens,
  hasReadEntries,
  restoredBoard,
  withEdit,
  withKindToggled,
  withResult,
  type Board,
  type CellState,
} from "./board.ts";
import { NO_MARKS, type GridMarks } from "./grid-marks.ts";
import { GridView } from "./grid-view.ts";
import {
  EMPTY_GRID_MESSAGE,
  HIDDEN_SOLUTION_MESSAGE,
  solveMessage,
  wrongEntriesMessage,
} from "./messages.ts";

export interface SudokuPanelElements {
  gridHost: HTMLElement;
  pad: HTMLElement;
  solve: HTMLButtonElement;
  clear: HTMLButtonElement;
  status: HTMLElement;
  /** "Printed clue": a toggle button, pressed when the selected cell's digit is a clue (G on the grid). */
  kind?: HTMLButtonElement;
}

/** What the rest of the page hears after every change: the board and the last solver verdict for it. */
export type BoardListener = (board: Board, result: SolveResult | null) => void;

/** The puzzle as it is saved and restored: clues, entries and the photo's readings still standing. */
export interface PuzzleSnapshot {
  clues: Grid;
  entries: Grid;
  reads: (CellRead | null)[];
}

/** The grid, its buttons and status line; owns the board state and keeps it solved as it changes. */
export class SudokuPanel {
  private board: CellState[] = emptyBoard();
  private lastResult: SolveResult | null = null;
  private marks: GridMarks = NO_MARKS;
  /**
   * True once the clues have one solution: from then on, digits typed into blank cells are the user's
   * entries; before, they are clues (the user is still typing the puzzle in).
   */
  private puzzleComplete = false;
  private readonly view: GridView;
  private readonly solver: AutoSolver;
  /** Solves the clues alone when the photo's entries leave the grid without a solution. */
  private readonly clueSolver: AutoSolver;
  /** The verdict for clues and entries together, while the clues alone are being solved. */
  private combined: { result: SolveResult; showAny: boolean } | null = null;
  /** Entries that contradict the clues' solution, found when the photo's entries made the grid fail. */
  private wrongEntries: ReadonlySet<number> = new Set();
  private readonly listeners: BoardListener[] = [];
  /** Bumped whenever the whole board is replaced (new photo, paste, Clear), not on single-cell edits. */
  private replaced = 0;

  constructor(
    private readonly el: SudokuPanelElements,
    solver: Solver,
  ) {
    this.view = new GridView(el.gridHost, (i, d) => this.edit(i, d), {
      onToggleKind: (i) => this.toggleKind(i),
      onSelect: () => this.renderKind(),
    });
    const failed = (error: unknown) => this.setStatus(`The solver failed: ${String(error)}`);
    this.solver = new AutoSolver(
      solver,
      (grid, result, showAny) => this.applyResult(grid, result, showAny),
      failed,
    );
    this.clueSolver = new AutoSolver(solver, (clues, result) => this.applyClueResult(clues, result), failed);
    el.kind?.addEventListener("click", () => this.toggleKind(this.view.selected, false));
    el.pad.addEventListener("click", (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-digit]");
      if (button) this.edit(this.view.selected, Number(button.dataset["digit"]), false);
    });
    el.solve.addEventListener("click", () => this.solveNow());
    el.clear.addEventListener("click", () => this.setBoard(emptyBoard()));
    this.render();
  }

  /** The board as shown: with "Hide the solution" on, the solver's digits are left out. */
  get current(): Board {
    return this.marks.hideSolution ? this.board.map((c) => ({ ...c, solved: 0 })) : this.board;
  }

  get generation(): number {
    return this.replaced;
  }

  onChange(listener: BoardListener): void {
    this.listeners.push(listener);
  }

  setGrid(grid: Grid): void {
    this.setBoard(boardFromGrid(grid));
  }

  setReads(cells: readonly CellRead[]): void {
    this.setBoard(boardFromReads(cells));
  }

  snapshot(): PuzzleSnapshot {
    return { clues: givens(this.board), entries: entries(this.board), reads: this.board.map((c) => c.read) };
  }

  /** Brings back a saved puzzle as a new board (readings keep their doubt marks). */
  restore(saved: PuzzleSnapshot): void {
    this.setBoard(restoredBoard(saved.clues, saved.entries, saved.reads));
  }

  /** Typing: replaces one cell's digit; `focus` is false when a pad button was used, so focus stays there. */
  edit(index: number, digit: number, focus = true): void {
    this.view.select(index, focus);
    this.change([{ cell: index, digit }], !this.puzzleComplete);
  }

  /** Corrects a clue (an applied repair of a misread); focus moves to the cell. */
  correct(index: number, digit: number): void {
    this.view.select(index);
    this.change([{ cell: index, digit }], true);
  }

  /** Sets or erases the user's entries (a hint applied), leaving focus where it is. */
  setEntries(changes: readonly { cell: number; digit: number }[]): void {
    this.change(changes, false);
  }

  /**
   * Turns the digit in cell `index` from clue to entry or back (a handwritten digit read as printed, or
   * the reverse); the board is solved again, as the puzzle's clues changed.
   */
  toggleKind(index: number, focus = true): void {
    const board = withKindToggled(this.board, index);
    if (!board) return;
    this.view.select(index, focus);
    this.puzzleComplete = false;
    this.setBoard(board, false);
  }

  /** What the hint tools lay over the grid; only a change of "Hide the solution" is news to listeners. */
  setMarks(marks: GridMarks): void {
    const hideChanged = marks.hideSolution !== this.marks.hideSolution;
    this.marks = marks;
    if (hideChanged) {
      if (this.lastResult) this.setStatus(this.verdict(this.lastResult, false));
      this.render();
    } else this.view.render(this.board, this.shownMarks());
  }

  solveNow(): void {
    const grid = digits(this.board);
    // An empty grid has billions of solutions; showing one would only look like a bug.
    if (grid.every((d) => d === 0)) this.setStatus(EMPTY_GRID_MESSAGE);
    else if (this.marks.hideSolution) this.setStatus(HIDDEN_SOLUTION_MESSAGE);
    else this.solver.request(grid, { now: true, showAny: true });
  }

  setStatus(text: string): void {
    this.el.status.textContent = text;
  }

  private change(changes: readonly { cell: number; digit: number }[], asClue: boolean): void {
    let board: CellState[] = this.board;
    for (const { cell, digit } of changes) {
      const old = board[cell]!;
      if ((old.given || old.entry) === digit && old.read === null) continue;
      if (old.given !== 0 || asClue) this.puzzleComplete = false;
      board = withEdit(board, cell, digit, asClue);
    }
    if (board !== this.board) this.setBoard(board, false);
  }

  /** Only after a failed verdict for clues and entries together: is the puzzle itself fine? */
  private checkClues(result: SolveResult, showAny: boolean): boolean {
    const clues = givens(this.board);
    const failed = result.kind === "conflict" || result.kind === "unsolvable";
    if (!failed || !hasReadEntries(this.board) || clues.every((d) => d === 0)) return false;
    this.combined = { result, showAny };
    this.clueSolver.request(clues, { now: true });
    return true;
  }

  private applyClueResult(clues: Grid, result: SolveResult): void {
    const combined = this.combined;
    this.combined = null;
    if (!combined || !givens(this.board).every((d, i) => d === clues[i])) return;
    if (result.kind !== "solved" || !result.unique) {
      this.showResult(combined.result, combined.showAny);
      return;
    }
    const { solution } = result;
    this.wrongEntries = new Set(
      this.board.flatMap((c, i) => (c.entry !== 0 && c.entry !== solution[i] ? [i] : [])),
    );
    this.showResult(result, false);
  }

  private setBoard(board: CellState[], replace = true): void {
    if (replace) {
      this.replaced += 1;
      this.puzzleComplete = false;
    }
    // Old solutions and conflict marks belong to the old clues; drop them until the new answer arrives.
    this.board = board.map((c) => ({ ...c, solved: 0, conflict: false }));
    this.lastResult = null;
    this.clueSolver.cancel();
    this.combined = null;
    this.wrongEntries = new Set();
    const grid = digits(this.board);
    if (grid.every((d) => d === 0)) {
      this.solver.cancel();
      this.setStatus(EMPTY_GRID_MESSAGE);
    } else {
      // A single edit keeps the last verdict on screen until the next: no "Solving…" flicker per keystroke.
      if (replace) this.setStatus("Solving…");
      // Only typing is debounced; a new photo or paste is solved at once.
      this.solver.request(grid, { now: replace });
    }
    this.render();
  }

  private applyResult(grid: Grid, result: SolveResult, showAny: boolean): void {
    // A result for digits that are no longer on screen (a racing edit) is dropped.
    if (!digits(this.board).every((d, i) => d === grid[i])) return;
    if (!this.checkClues(result, showAny)) this.showResult(result, showAny);
  }

  private showResult(result: SolveResult, showAny: boolean): void {
    this.board = withResult(this.board, result, showAny);
    this.lastResult = result;
    if (result.kind === "solved" && result.unique) this.puzzleComplete = true;
    const message = this.verdict(result, showAny);
    // The same verdict again (a right entry typed) is not re-announced, so a hint's message stays.
    if (message !== this.el.status.textContent) this.setStatus(message);
    this.render();
  }

  private verdict(result: SolveResult, showAny: boolean): string {
    if (this.wrongEntries.size > 0)
      return wrongEntriesMessage([...this.wrongEntries], this.marks.hideSolution);
    const hasEntries = this.board.some((c) => c.entry !== 0);
    return solveMessage(result, showAny, { hidden: this.marks.hideSolution, hasEntries });
  }

  private render(): void {
    this.view.render(this.board, this.shownMarks());
    this.renderKind();
    const shown = this.current;
    for (const listener of this.listeners) listener(shown, this.lastResult);
  }

  /** The hint tools' markings, with the photo's contradicting entries marked as "Check my grid" marks them. */
  private shownMarks(): GridMarks {
    if (this.wrongEntries.size === 0) return this.marks;
    return { ...this.marks, wrong: new Set([...this.marks.wrong, ...this.wrongEntries]) };
  }

  /** The "Printed clue" toggle follows the selected cell: pressed on a clue, off on an entry, idle on a blank. */
  private renderKind(): void {
    const button = this.el.kind;
    const cell = this.board[this.view.selected];
    if (!button || !cell) return;
    button.disabled = cell.given === 0 && cell.entry === 0;
    button.setAttribute("aria-pressed", String(cell.given !== 0));
  }
}
