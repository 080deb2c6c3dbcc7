import type { CheckAnswer, HintAnswer, PlayState, Stopped } from "../solver/hint.ts";
import { boardFromGrid } from "../solver/logic/board.ts";
import type { Grid } from "../solver/types.ts";
import { hintMarksFor, type HintMarks } from "./grid-marks.ts";
import { appliedMessage, checkMessage, hintMessage } from "./hint-text.ts";
import type { Settings } from "./saved-game.ts";
import type { SudokuPanel } from "./sudoku-panel.ts";

/** The part of the solver client the hint tools use; the logic runs in its worker, never here. */
export interface HintSolver {
  hint(state: PlayState, options?: { signal?: AbortSignal }): Promise<HintAnswer | Stopped>;
  check(clues: Grid, entries: Grid, options?: { signal?: AbortSignal }): Promise<CheckAnswer | Stopped>;
}

export interface HintElements {
  hideSolution: HTMLInputElement;
  showCandidates: HTMLInputElement;
  hint: HTMLButtonElement;
  check: HTMLButtonElement;
  /** The hint's live region: technique, reason, what a second press does. */
  status: HTMLElement;
}

/** A hint shown by a first press, and the grid it was found for: a second press applies it if unchanged. */
interface ShownHint {
  key: string;
  answer: HintAnswer;
  marks: HintMarks | null;
}

/**
 * "Hide the solution", "Show candidates", "Hint" and "Check my grid". Holds the candidates hints removed
 * and the markings it lays over the SudokuPanel's grid; any change of the digits clears the markings.
 */
export class HintPanel {
  private settings: Settings;
  private eliminated = new Uint16Array(81);
  private shown: ShownHint | null = null;
  private wrong: ReadonlySet<number> = new Set();
  private running: AbortController | null = null;
  private boardKey = "";
  private cluesKey = "";
  private generation = -1;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly el: HintElements,
    private readonly sudoku: SudokuPanel,
    private readonly solver: HintSolver,
    settings: Settings,
  ) {
    this.settings = { ...settings };
    el.hideSolution.checked = settings.hideSolution;
    el.showCandidates.checked = settings.showCandidates;
    el.hideSolution.addEventListener("change", () =>
      this.setSettings({ hideSolution: el.hideSolution.checked }),
    );
    el.showCandidates.addEventListener("change", () =>
      this.setSettings({ showCandidates: el.showCandidates.checked }),
    );
    el.hint.addEventListener("click", () => void this.hint());
    el.check.addEventListener("click", () => void this.check());
    sudoku.onChange(() => this.boardChanged());
    this.boardChanged();
  }

  get currentSettings(): Settings {
    return { ...this.settings };
  }

  /** Candidates removed by applied hints, per cell (bit d-1 = digit d). */
  get eliminations(): Uint16Array {
    return this.eliminated.slice();
  }

  /** Settings or eliminations changed (for saving). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Eliminations saved with a restored puzzle (after `SudokuPanel.restore`). */
  restoreEliminations(masks: Uint16Array): void {
    this.eliminated = masks.slice();
    this.boardKey = this.key();
    this.render();
    this.notify();
  }

  private setSettings(change: Partial<Settings>): void {
    this.settings = { ...this.settings, ...change };
    this.el.hideSolution.checked = this.settings.hideSolution;
    this.el.showCandidates.checked = this.settings.showCandidates;
    this.render();
    this.notify();
  }

  private key(): string {
    const { clues, entries } = this.sudoku.snapshot();
    return `${clues.join("")}|${entries.join("")}|${this.eliminated.join(",")}`;
  }

  private boardChanged(): void {
    const { clues } = this.sudoku.snapshot();
    const cluesKey = clues.join("");
    // Removals were proved for these clues; a new puzzle or a corrected clue voids them.
    if (cluesKey !== this.cluesKey || this.sudoku.generation !== this.generation) {
      this.cluesKey = cluesKey;
      this.generation = this.sudoku.generation;
      if (this.eliminated.some((m) => m !== 0)) {
        this.eliminated = new Uint16Array(81);
        this.notify();
      }
    }
    const key = this.key();
    if (key !== this.boardKey) {
      this.boardKey = key;
      this.running?.abort();
      this.running = null;
      // A hint or a check speaks of the grid it was given; once the digits change it is stale.
      if (this.shown || this.wrong.size > 0 || this.el.status.textContent) this.say("");
      this.shown = null;
      this.wrong = new Set();
    }
    this.render();
  }

  private async hint(): Promise<void> {
    const shown = this.shown;
    if (shown && shown.key === this.key()) {
      this.apply(shown.answer);
      return;
    }
    const { clues, entries } = this.sudoku.snapshot();
    const key = this.key();
    const answer = await this.ask((signal) =>
      this.solver.hint({ clues, entries, eliminated: this.eliminated.slice() }, { signal }),
    );
    if (answer === null || key !== this.key()) return;
    const appliable = answer.kind === "step" || answer.kind === "wrong-entries" || answer.kind === "stuck";
    this.shown = appliable ? { key, answer, marks: hintMarksFor(answer) } : null;
    this.wrong = answer.kind === "wrong-entries" ? new Set(answer.cells) : new Set();
    this.say(hintMessage(answer));
    this.render();
  }

  private apply(answer: HintAnswer): void {
    this.shown = null;
    if (answer.kind === "step") {
      const { placements, eliminations } = answer.step;
      for (const { cell, digit } of eliminations) this.eliminated[cell]! |= 1 << (digit - 1);
      // Removed candidates are only visible as pencil marks.
      if (eliminations.length > 0 && !this.settings.showCandidates)
        this.setSettings({ showCandidates: true });
      else this.notify();
      if (placements.length > 0) this.sudoku.setEntries(placements);
    } else if (answer.kind === "wrong-entries") {
      this.sudoku.setEntries(answer.cells.map((cell) => ({ cell, digit: 0 })));
    } else if (answer.kind === "stuck") {
      this.sudoku.setEntries([answer.reveal]);
    }
    this.boardChanged();
    this.say(appliedMessage(answer));
  }

  private async check(): Promise<void> {
    const { clues, entries } = this.sudoku.snapshot();
    const key = this.key();
    const answer = await this.ask((signal) => this.solver.check(clues, entries, { signal }));
    if (answer === null || key !== this.key()) return;
    this.shown = null;
    this.wrong = new Set(answer.kind === "checked" ? answer.wrong : []);
    this.say(checkMessage(answer));
    this.render();
  }

  /** One worker request at a time: a new press cancels the previous one; null when this one was cancelled. */
  private async ask<T extends { kind: string }>(
    call: (signal: AbortSignal) => Promise<T>,
  ): Promise<T | null> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    this.say("Thinking…");
    try {
      const answer = await call(controller.signal);
      return controller.signal.aborted || answer.kind === "cancelled" ? null : answer;
    } catch (error) {
      if (!controller.signal.aborted) this.say(`The hint failed: ${String(error)}`);
      return null;
    } finally {
      if (this.running === controller) this.running = null;
    }
  }

  private say(text: string): void {
    this.el.status.textContent = text;
  }

  private candidates(): Uint16Array | null {
    if (!this.settings.showCandidates) return null;
    const { clues, entries } = this.sudoku.snapshot();
    const { candidates } = boardFromGrid(clues.map((d, i) => d || entries[i]!));
    return candidates.map((mask, i) => mask & ~this.eliminated[i]!);
  }

  private render(): void {
    this.sudoku.setMarks({
      hideSolution: this.settings.hideSolution,
      candidates: this.candidates(),
      hint: this.shown?.marks ?? null,
      wrong: this.wrong,
    });
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
