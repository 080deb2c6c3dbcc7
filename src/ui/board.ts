import type { Grid, SolveResult } from "../solver/types.ts";
import { DOUBT_THRESHOLD, isHandwritten, type CellRead } from "../shared/reading.ts";

/** Why a digit read from the photo is in doubt: what was read and the next most likely reading. */
export interface Doubt {
  read: number;
  confidence: number;
  runnerUp: { digit: number; p: number } | null;
}

/** What one cell shows: a clue of the puzzle, or the user's entry, a digit found by the solver, and flags. */
export interface CellState {
  /** A clue of the puzzle: pasted, read from the photo, or a corrected reading; 0 = none. */
  given: number;
  /** The user's own digit (typed or placed by a hint) where the puzzle has no clue; 0 = none. */
  entry: number;
  /** Digit found by the solver, only where the cell holds neither a clue nor an entry; 0 = none. */
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
    entry: 0,
    solved: 0,
    conflict: false,
    doubt: null,
    read: null,
  }));
}

export function boardFromGrid(grid: Grid): CellState[] {
  return Array.from(grid, (d) => ({
    given: d,
    entry: 0,
    solved: 0,
    conflict: false,
    doubt: null,
    read: null,
  }));
}

/** A cell is doubtful when the classifier was unsure, whether it read a digit or an empty cell. */
export function doubtOf(cell: CellRead): Doubt | null {
  if (cell.confidence >= DOUBT_THRESHOLD) return null;
  const runnerUp = cell.candidates.find((c) => c.digit !== cell.digit) ?? null;
  return { read: cell.digit, confidence: cell.confidence, runnerUp };
}

/** A photo's reading: printed digits become clues, handwritten ones the user's entries (each with its doubt). */
export function boardFromReads(cells: readonly CellRead[]): CellState[] {
  return cells.map((cell) => {
    const entry = isHandwritten(cell);
    return {
      given: entry ? 0 : cell.digit,
      entry: entry ? cell.digit : 0,
      solved: 0,
      conflict: false,
      doubt: doubtOf(cell),
      read: cell,
    };
  });
}

/** The digit a cell holds: its clue or the user's entry; 0 = neither. */
export function digitOf(cell: CellState): number {
  return cell.given || cell.entry;
}

/** A saved board: clues, entries and the photo's readings still standing (which bring back their doubt). */
export function restoredBoard(clues: Grid, entries: Grid, reads: readonly (CellRead | null)[]): CellState[] {
  return Array.from(clues, (given, i) => {
    const read = reads[i] ?? null;
    return {
      given,
      entry: entries[i] ?? 0,
      solved: 0,
      conflict: false,
      doubt: read ? doubtOf(read) : null,
      read,
    };
  });
}

/** The puzzle's clues only. */
export function givens(board: Board): Grid {
  return Uint8Array.from(board, (c) => c.given);
}

/** The user's entries only. */
export function entries(board: Board): Grid {
  return Uint8Array.from(board, (c) => c.entry);
}

/** Every digit on the board, clues and entries: what the auto-solver solves. */
export function digits(board: Board): Grid {
  return Uint8Array.from(board, digitOf);
}

/**
 * A user's edit confirms the cell, so its doubt goes away. Typing over a clue corrects the puzzle (a
 * misread, a typo) and stays a clue, typing over an entry stays an entry; a blank becomes a clue with
 * `asClue` (the puzzle being typed in, an applied repair), else an entry.
 */
export function withEdit(board: Board, index: number, digit: number, asClue = false): CellState[] {
  return board.map((c, i) => {
    if (i !== index) return c;
    const clue = c.given !== 0 || (asClue && c.entry === 0);
    return { ...c, given: clue ? digit : 0, entry: clue ? 0 : digit, doubt: null, read: null };
  });
}

/**
 * Turns a digit from clue to entry or back, keeping its reading and doubt: the one tap that mends a
 * handwritten digit read as printed, or the other way round. Null for a blank cell: nothing to turn.
 */
export function withKindToggled(board: Board, index: number): CellState[] | null {
  const cell = board[index];
  if (!cell || digitOf(cell) === 0) return null;
  return board.map((c, i) => (i === index ? { ...c, given: c.entry, entry: c.given } : c));
}

/** True when some clue still carries the photo's reading, i.e. a repair search has something to work on. */
export function hasReads(board: Board): boolean {
  return board.some((c) => c.read !== null && c.entry === 0);
}

/** True when some entry came from the photo (handwritten) and was not edited since. */
export function hasReadEntries(board: Board): boolean {
  return board.some((c) => c.read !== null && c.entry !== 0);
}

/** The cells as the repair search sees them: the photo's reading where untouched, certainty where edited. */
export function readsForRepair(board: Board): CellRead[] {
  return board.map((c) =>
    // Entries are the user's solving, not the puzzle: the repair search leaves them out.
    c.read && c.entry === 0
      ? c.read
      : { digit: c.given, confidence: 1, candidates: [{ digit: c.given, p: 1 }] },
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
    solved: solution && digitOf(c) === 0 ? (solution[i] ?? 0) : 0,
    conflict: conflicts.has(i),
  }));
}

/** The digit a cell shows: its clue or entry, else the solver's digit unless the solution is hidden. */
export function shownDigit(cell: CellState, hideSolution = false): number {
  return digitOf(cell) || (hideSolution ? 0 : cell.solved);
}

export function cellName(index: number, cell: CellState, hideSolution = false): string {
  const where = `Row ${Math.floor(index / 9) + 1}, column ${(index % 9) + 1}`;
  const shown = shownDigit(cell, hideSolution);
  return `${where}, ${shown ? String(shown) : "empty"}`;
}

/** The accessible description: everything the styling says beyond the digit itself. */
export function cellDescription(cell: CellState, hideSolution = false): string {
  const parts: string[] = [];
  if (cell.entry !== 0) parts.push("your entry");
  if (digitOf(cell) === 0 && cell.solved !== 0 && !hideSolution) parts.push("solved");
  if (cell.conflict) parts.push("conflict");
  if (cell.doubt) {
    const read = cell.doubt.read ? `read as ${cell.doubt.read}` : "read as empty";
    const pct = Math.round(cell.doubt.confidence * 100);
    const alt = shownRunnerUp(cell, hideSolution);
    const maybe = alt ? `, maybe ${alt.digit === 0 ? "empty" : alt.digit}` : "";
    parts.push(`doubtful: ${read} (${pct} %)${maybe}`);
  }
  return parts.join("; ");
}

/**
 * The doubt's runner-up as offered to the user. An entry's is often the solution's digit (an entry read as
 * another digit is weighed against the solution, `doubtsGivenSolution`), so it is not offered while the
 * solution is hidden: the doubt alone still asks the player to look. Nor is a runner-up the cell already
 * shows as solved: "or 2" beside a solved 2 asks nothing of the user.
 */
export function shownRunnerUp(cell: CellState, hideSolution: boolean): Doubt["runnerUp"] {
  const runnerUp = cell.doubt?.runnerUp ?? null;
  if (hideSolution && cell.entry !== 0) return null;
  return runnerUp && runnerUp.digit === shownDigit(cell, hideSolution) ? null : runnerUp;
}

/** "r4c7": the compact cell label used in messages. */
export function cellLabel(index: number): string {
  return `r${Math.floor(index / 9) + 1}c${(index % 9) + 1}`;
}
