/** A sudoku grid: 81 digits row-major, 0 = blank. */
export type Grid = Uint8Array;

/** Why a solve ended; a discriminated union so callers must handle every outcome. */
export type SolveResult =
  /** `unique` is true only when a second solution was searched for (`checkUnique`) and none exists. */
  | { kind: "solved"; solution: Grid; unique: boolean }
  | { kind: "conflict"; cells: number[] }
  | { kind: "unsolvable" }
  | { kind: "timed-out" }
  | { kind: "cancelled" };

export interface SolveOptions {
  /** Stop searching for a second solution (faster) when false. */
  checkUnique?: boolean;
  /** Give up after this many milliseconds (worker default 2000). */
  timeoutMs?: number;
}
