import type { Grid, SolveResult } from "../solver/types.ts";
import type { CellRead } from "../shared/reading.ts";
import { AutoSolver, type Solver } from "./auto-solve.ts";
import {
  boardFromGrid,
  boardFromReads,
  emptyBoard,
  givens,
  withEdit,
  withResult,
  type Board,
  type CellState,
} from "./board.ts";
import { GridView } from "./grid-view.ts";
import { EMPTY_GRID_MESSAGE, solveMessage } from "./messages.ts";

export interface SudokuPanelElements {
  gridHost: HTMLElement;
  pad: HTMLElement;
  solve: HTMLButtonElement;
  clear: HTMLButtonElement;
  status: HTMLElement;
}

/** What the rest of the page hears after every change: the board and the last solver verdict for it. */
export type BoardListener = (board: Board, result: SolveResult | null) => void;

/** The grid, its buttons and status line; owns the board state and keeps it solved as it changes. */
export class SudokuPanel {
  private board: CellState[] = emptyBoard();
  private lastResult: SolveResult | null = null;
  private readonly view: GridView;
  private readonly solver: AutoSolver;
  private readonly listeners: BoardListener[] = [];
  /** Bumped whenever the whole board is replaced (new photo, paste, Clear), not on single-cell edits. */
  private replaced = 0;

  constructor(
    private readonly el: SudokuPanelElements,
    solver: Solver,
  ) {
    this.view = new GridView(el.gridHost, (i, d) => this.edit(i, d));
    this.solver = new AutoSolver(
      solver,
      (grid, result, showAny) => this.applyResult(grid, result, showAny),
      (error) => this.setStatus(`The solver failed: ${String(error)}`),
    );
    el.pad.addEventListener("click", (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-digit]");
      if (button) this.edit(this.view.selected, Number(button.dataset["digit"]), false);
    });
    el.solve.addEventListener("click", () => this.solveNow());
    el.clear.addEventListener("click", () => this.setBoard(emptyBoard()));
    this.render();
  }

  get current(): Board {
    return this.board;
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

  /** Replace one cell's clue; `focus` is false when a pad button was used, so focus stays on the pad. */
  edit(index: number, digit: number, focus = true): void {
    this.view.select(index, focus);
    if (this.board[index]!.given === digit && this.board[index]!.read === null) return;
    this.setBoard(withEdit(this.board, index, digit), false);
  }

  solveNow(): void {
    const grid = givens(this.board);
    // An empty grid has billions of solutions; showing one would only look like a bug.
    if (grid.every((d) => d === 0)) this.setStatus(EMPTY_GRID_MESSAGE);
    else this.solver.request(grid, { now: true, showAny: true });
  }

  setStatus(text: string): void {
    this.el.status.textContent = text;
  }

  private setBoard(board: CellState[], replace = true): void {
    if (replace) this.replaced += 1;
    // Old solutions and conflict marks belong to the old clues; drop them until the new answer arrives.
    this.board = board.map((c) => ({ ...c, solved: 0, conflict: false }));
    this.lastResult = null;
    const grid = givens(this.board);
    if (grid.every((d) => d === 0)) {
      this.solver.cancel();
      this.setStatus(EMPTY_GRID_MESSAGE);
    } else {
      this.setStatus("Solving…");
      // Only typing is debounced; a new photo or paste is solved at once.
      this.solver.request(grid, { now: replace });
    }
    this.render();
  }

  private applyResult(grid: Grid, result: SolveResult, showAny: boolean): void {
    // A result for clues that are no longer on screen (a racing edit) is dropped.
    if (!givens(this.board).every((d, i) => d === grid[i])) return;
    this.board = withResult(this.board, result, showAny);
    this.lastResult = result;
    this.setStatus(solveMessage(result, showAny));
    this.render();
  }

  private render(): void {
    this.view.render(this.board);
    for (const listener of this.listeners) listener(this.board, this.lastResult);
  }
}
