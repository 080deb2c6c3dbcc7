import type { SolveResult } from "../solver/types.ts";
import type { RepairProposal } from "../solver/repair.ts";
import type { SolverClient } from "../workers/solver-client.ts";
import { cellLabel, hasReads, readsForRepair, type Board } from "./board.ts";
import type { SudokuPanel } from "./sudoku-panel.ts";

export interface RepairElements {
  box: HTMLElement;
  text: HTMLElement;
  apply: HTMLButtonElement;
  dismiss: HTMLButtonElement;
}

/** Verdicts that say the grid as read cannot be right, so a misread is the likely cause. */
function needsRepair(result: SolveResult): boolean {
  return (
    result.kind === "conflict" || result.kind === "unsolvable" || (result.kind === "solved" && !result.unique)
  );
}

export function repairMessage(proposal: RepairProposal): string {
  const changes = proposal.changes.map((c) => {
    const from = c.from === 0 ? "empty" : String(c.from);
    const to = c.to === 0 ? "empty" : String(c.to);
    return `cell ${cellLabel(c.cell)} read as ${from}, probably ${to}`;
  });
  const text = changes.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} — apply?`;
}

/**
 * Proposes the most probable fix of a misread when the read grid has no single solution. The proposal is
 * only ever shown; the user applies it (never silently changed: the reading may be right and the print wrong).
 */
export class RepairView {
  private running: AbortController | null = null;
  private proposal: RepairProposal | null = null;

  constructor(
    private readonly el: RepairElements,
    private readonly sudoku: SudokuPanel,
    private readonly solver: Pick<SolverClient, "proposeRepair">,
  ) {
    sudoku.onChange((board, result) => this.update(board, result));
    el.apply.addEventListener("click", () => this.apply());
    el.dismiss.addEventListener("click", () => this.hide());
  }

  private update(board: Board, result: SolveResult | null): void {
    this.running?.abort();
    this.running = null;
    // Any change makes a shown proposal stale; a fresh one follows if the new verdict still calls for it.
    this.hide();
    if (!result || !needsRepair(result) || !hasReads(board)) return;
    const controller = new AbortController();
    this.running = controller;
    void this.solver.proposeRepair(readsForRepair(board), { signal: controller.signal }).then(
      (proposal) => {
        if (this.running !== controller) return;
        this.running = null;
        if (proposal) this.show(proposal);
        else this.hide();
      },
      () => {
        if (this.running === controller) this.hide();
      },
    );
  }

  private show(proposal: RepairProposal): void {
    this.proposal = proposal;
    this.el.text.textContent = repairMessage(proposal);
    this.el.box.hidden = false;
  }

  private hide(): void {
    this.proposal = null;
    this.el.box.hidden = true;
  }

  private apply(): void {
    const proposal = this.proposal;
    this.hide();
    // Focus moves to the changed cell, so keyboard users land where the edit happened.
    for (const change of proposal?.changes ?? []) this.sudoku.correct(change.cell, change.to);
  }
}
