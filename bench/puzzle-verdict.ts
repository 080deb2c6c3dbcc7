import { describeParseError } from "../src/solver/format.ts";
import { parseGrid } from "../src/solver/parse.ts";
import { solve } from "../src/solver/solve.ts";
import type { Grid } from "../src/solver/types.ts";

/** A puzzle line judged as the CLIs report it: a solved grid, or the verdict that replaces the answer. */
export type PuzzleVerdict =
  | { ok: true; grid: Grid; solution: Grid; unique: boolean }
  | { ok: false; /** `invalid: <reason>`, `conflict`, `unsolvable`, … */ verdict: string };

export function judgePuzzleLine(line: string): PuzzleVerdict {
  const parsed = parseGrid(line);
  if (!parsed.ok) return { ok: false, verdict: `invalid: ${describeParseError(parsed.error)}` };
  const result = solve(parsed.grid);
  if (result.kind !== "solved") return { ok: false, verdict: result.kind };
  return { ok: true, grid: parsed.grid, solution: result.solution, unique: result.unique };
}
