import type { Rating, Stopped } from "../solver/hint.ts";
import type { Grid, SolveResult } from "../solver/types.ts";
import { givens, entries, type Board } from "./board.ts";
import { difficultyMessage } from "./hint-text.ts";
import type { SudokuPanel } from "./sudoku-panel.ts";

/** The part of the solver client this view uses; the rating runs in the solver worker. */
export interface Rater {
  rate(clues: Grid, entries: Grid, options?: { signal?: AbortSignal }): Promise<Rating | Stopped>;
}

/**
 * "Difficulty: Hard (needs an X-wing)" under the grid, for the puzzle's clues: rated once per puzzle, after
 * the solver has answered for it (a read, a paste, a restore, a corrected clue), not on every entry.
 */
export class DifficultyView {
  private ratedClues = "";
  private running: AbortController | null = null;

  constructor(
    private readonly el: HTMLElement,
    sudoku: SudokuPanel,
    private readonly rater: Rater,
  ) {
    sudoku.onChange((board, result) => this.update(board, result));
  }

  private update(board: Board, result: SolveResult | null): void {
    const clues = givens(board);
    const key = clues.join("");
    if (key === this.ratedClues) return;
    this.running?.abort();
    this.running = null;
    this.el.textContent = "";
    // Wait for the verdict: a grid without one solution has no difficulty to show.
    if (result === null || result.kind !== "solved" || !result.unique) return;
    this.ratedClues = key;
    const controller = new AbortController();
    this.running = controller;
    void this.rater.rate(clues, entries(board), { signal: controller.signal }).then(
      (rating) => {
        if (this.running !== controller) return;
        this.running = null;
        this.el.textContent = difficultyMessage(rating);
      },
      () => {
        if (this.running === controller) this.running = null;
      },
    );
  }
}
