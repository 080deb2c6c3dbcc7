import type { Grid, SolveResult } from "../solver/types.ts";
import { DOUBT_THRESHOLD, type CellRead } from "../shared/reading.ts";

/** Why a digit read from the photo is in doubt: what was read and the next most likely reading. */
export interface Doubt {
  read: number;
  confidence: number;
  runnerUp: { digit: number; p: number } | null;
}

/** What one cell shows: a clue (typed or read), a digit found by the solver, and flags. */
export interface CellState {
  /** Digit entered by the user or read from the photo; 0 = blank. */
  given: number;
  /** Digit found by the solver, shown only where `given` is 0; 0 = none. */
  solved: number;
  conflict: boolean;
  doubt: Doubt | null;
  /** How the photo read this cell, until the user edits it; the repair search works from these. */
  read: CellRead | null;
}

export type Board = readonly CellState[];

export function emptyBoard(): CellState[] {
  return Array.from({ length: 81 }, () => ({
    given: 0,
    solved: 0,
    conflict: false,
    doubt: null,
    read: null,
  }));
}

export function boardFromGrid(grid: Grid): CellState[] {
  return Array.from(grid, (d) => ({ given: d, solved: 0, conflict: false, doubt: null, read: null }));
}

/** A cell is doubtful when the classifier was unsure, whether it read a digit or an empty cell. */
export function doubtOf(cell: CellRead): Doubt | null {
  if (cell.confidence >= DOUBT_THRESHOLD) return null;
  const runnerUp = cell.candidates.find((c) => c.digit !== cell.digit) ?? null;
  return { read: cell.digit, confidence: cell.confidence, runnerUp };
}

export function boardFromReads(cells: readonly CellRead[]): CellState[] {
  return cells.map((cell) => ({
    given: cell.digit,
    solved: 0,
    conflict: false,
    doubt: doubtOf(cell),
    read: cell,
  }));
}

export function givens(board: Board): Grid {
  return Uint8Array.from(board, (c) => c.given);
}

/** A user's edit confirms the cell, so its doubt and any stale solution go away. */
export function withEdit(board: Board, index: number, digit: number): CellState[] {
  return board.map((c, i) => (i === index ? { ...c, given: digit, doubt: null, read: null } : c));
}

/** True when some cell still carries the photo's reading, i.e. a repair search has something to work on. */
export function hasReads(board: Board): boolean {
  return board.some((c) => c.read !== null);
}

/** The cells as the repair search sees them: the photo's reading where untouched, certainty where edited. */
export function readsForRepair(board: Board): CellRead[] {
  return board.map(
    (c) => c.read ?? { digit: c.given, confidence: 1, candidates: [{ digit: c.given, p: 1 }] },
  );
}

/**
 * The board as a solver result shows it. A non-unique solution is only filled in when `showAny` (the user
 * pressed Solve): while typing, a half-entered puzzle would otherwise fill up with one arbitrary answer.
 */
export function withResult(board: Board, result: SolveResult, showAny: boolean): CellState[] {
  const conflicts = new Set(result.kind === "conflict" ? result.cells : []);
  const solution = result.kind === "solved" && (result.unique || showAny) ? result.solution : null;
  return board.map((c, i) => ({
    ...c,
    solved: solution && c.given === 0 ? (solution[i] ?? 0) : 0,
    conflict: conflicts.has(i),
  }));
}

export function cellName(index: number, cell: CellState): string {
  const where = `Row ${Math.floor(index / 9) + 1}, column ${(index % 9) + 1}`;
  const shown = cell.given || cell.solved;
  return `${where}, ${shown ? String(shown) : "empty"}`;
}

/** The accessible description: everything the styling says beyond the digit itself. */
export function cellDescription(cell: CellState): string {
  const parts: string[] = [];
  if (cell.given === 0 && cell.solved !== 0) parts.push("solved");
  if (cell.conflict) parts.push("conflict");
  if (cell.doubt) {
    const read = cell.doubt.read ? `read as ${cell.doubt.read}` : "read as empty";
    const pct = Math.round(cell.doubt.confidence * 100);
    const alt = cell.doubt.runnerUp;
    const maybe = alt ? `, maybe ${alt.digit === 0 ? "empty" : alt.digit}` : "";
    parts.push(`doubtful: ${read} (${pct} %)${maybe}`);
  }
  return parts.join("; ");
}

/** "r4c7": the compact cell label used in messages. */
export function cellLabel(index: number): string {
  return `r${Math.floor(index / 9) + 1}c${(index % 9) + 1}`;
}
