import { bit, boardFromGrid, countBits } from "./logic/board.ts";
import { explain, findNextStep, techniqueLevel } from "./logic/index.ts";
import type { CellDigit, Difficulty, LogicStep, Technique } from "./logic/types.ts";
import { solve, type SolveDeadline } from "./solve.ts";
import type { Grid, SolveResult } from "./types.ts";

/** A puzzle being solved by a person: its clues, their entries and the candidates hints removed. */
export interface PlayState {
  clues: Grid;
  entries: Grid;
  /** Per cell, candidates removed by applied hints (bit d-1 = digit d). */
  eliminated: Uint16Array;
}

/** Why the grid has no single answer to give hints from. */
export type PuzzleProblem =
  | { kind: "empty" }
  | { kind: "conflict"; cells: number[] }
  | { kind: "unsolvable" }
  | { kind: "several" }
  | { kind: "timed-out" };

/** How a worker call ended without an answer (the client's side of the boundary). */
export type Stopped = { kind: "cancelled" } | { kind: "timed-out" };

export type HintAnswer =
  /** The simplest logical step on the board. */
  | { kind: "step"; step: LogicStep }
  /** Entries that contradict the solution: pointed out before any logic. */
  | { kind: "wrong-entries"; cells: number[] }
  /** No known technique applies: the solution's digit for the cell with the fewest candidates. */
  | { kind: "stuck"; reveal: CellDigit }
  | { kind: "solved" }
  | PuzzleProblem;

export type CheckAnswer = { kind: "checked"; wrong: number[]; entries: number } | PuzzleProblem;

export type Rating =
  | {
      kind: "rated";
      difficulty: Difficulty;
      /** The hardest technique the logical solution needs (the first of its level); null for none. */
      hardest: Technique | null;
    }
  | PuzzleProblem;

type Clock = Pick<SolveDeadline, "deadline" | "now">;

const LEVELS: readonly Difficulty[] = ["Easy", "Medium", "Hard", "Expert", "Extreme"];

function problemOf(result: SolveResult): PuzzleProblem {
  switch (result.kind) {
    case "conflict":
      return { kind: "conflict", cells: result.cells };
    case "unsolvable":
      return { kind: "unsolvable" };
    case "timed-out":
    case "cancelled":
      return { kind: "timed-out" };
    case "solved":
      return { kind: "several" };
  }
}

function merged(clues: Grid, entries: Grid): Grid {
  return clues.map((d, i) => d || entries[i]!);
}

/**
 * The one solution hints are given from, and the puzzle it solves. Normally the clues; when they alone
 * have no single solution (a typed puzzle, a clue typed in as an entry), the clues with the entries.
 */
export function referenceSolution(
  clues: Grid,
  entries: Grid,
  clock: Clock = {},
): { kind: "solution"; solution: Grid; puzzle: Grid } | PuzzleProblem {
  const all = merged(clues, entries);
  if (all.every((d) => d === 0)) return { kind: "empty" };
  const fromClues = solve(clues, { ...clock, checkUnique: true });
  if (fromClues.kind === "solved" && fromClues.unique)
    return { kind: "solution", solution: fromClues.solution, puzzle: clues };
  if (fromClues.kind !== "solved" && clues.some((d) => d !== 0)) return problemOf(fromClues);
  const fromAll = solve(all, { ...clock, checkUnique: true });
  if (fromAll.kind === "solved" && fromAll.unique)
    return { kind: "solution", solution: fromAll.solution, puzzle: all };
  return problemOf(fromAll);
}

function wrongEntries(entries: Grid, solution: Grid): number[] {
  const wrong: number[] = [];
  entries.forEach((d, i) => {
    if (d !== 0 && d !== solution[i]) wrong.push(i);
  });
  return wrong;
}

/** "Check my grid": the entries that contradict the solution, and nothing else about it. */
export function checkEntries(clues: Grid, entries: Grid, clock: Clock = {}): CheckAnswer {
  const reference = referenceSolution(clues, entries, clock);
  if (reference.kind !== "solution") return reference;
  return {
    kind: "checked",
    wrong: wrongEntries(entries, reference.solution),
    entries: entries.filter((d) => d !== 0).length,
  };
}

/** A step is trusted only if it agrees with the solution: a wrong hint would teach a wrong lesson. */
function agrees(step: LogicStep, solution: Grid): boolean {
  return (
    step.placements.every((p) => solution[p.cell] === p.digit) &&
    step.eliminations.every((e) => solution[e.cell] !== e.digit)
  );
}

/** The next hint for a person's grid: a wrong entry first, then the simplest logical step. */
export function nextHint(state: PlayState, clock: Clock = {}): HintAnswer {
  const reference = referenceSolution(state.clues, state.entries, clock);
  if (reference.kind !== "solution") return reference;
  const { solution } = reference;
  const wrong = wrongEntries(state.entries, solution);
  if (wrong.length > 0) return { kind: "wrong-entries", cells: wrong };
  const board = boardFromGrid(merged(state.clues, state.entries));
  if (board.values.every((d) => d !== 0)) return { kind: "solved" };
  board.candidates.forEach((mask, i) => {
    // A removal that would strike the solution's digit is stale (stored data, a changed clue): ignore it.
    board.candidates[i] = mask & ~(state.eliminated[i]! & ~bit(solution[i]!));
  });
  const step = findNextStep(board, { uniqueSolution: true });
  if (step && agrees(step, solution)) return { kind: "step", step };
  let cell = -1;
  for (let i = 0; i < 81; i++) {
    if (board.values[i] !== 0) continue;
    if (cell < 0 || countBits(board.candidates[i]!) < countBits(board.candidates[cell]!)) cell = i;
  }
  return { kind: "stuck", reveal: { cell, digit: solution[cell]! } };
}

/** The difficulty of the puzzle (its clues, not the user's progress) and the hardest technique it needs. */
export function ratePuzzle(clues: Grid, entries: Grid, clock: Clock = {}): Rating {
  const reference = referenceSolution(clues, entries, clock);
  if (reference.kind !== "solution") return reference;
  const explanation = explain(reference.puzzle, { uniqueSolution: true });
  let hardest: Technique | null = null;
  for (const { technique } of explanation.steps) {
    if (hardest === null || level(technique) > level(hardest)) hardest = technique;
  }
  return { kind: "rated", difficulty: explanation.difficulty, hardest };
}

const level = (technique: Technique): number => LEVELS.indexOf(techniqueLevel(technique));
