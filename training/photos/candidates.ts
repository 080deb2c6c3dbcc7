import type { Rng } from "../digits/rng.ts";
import type { Puzzle } from "./puzzles.ts";

/** Candidates a player would pencil in: some of the digits the givens still allow, always the answer. */
export function candidateMarks(rng: Rng, puzzle: Puzzle, cell: number): number[] {
  const r = Math.floor(cell / 9);
  const c = cell % 9;
  const seen = new Set<number>();
  for (let i = 0; i < 9; i++) {
    seen.add(puzzle.givens[r * 9 + i]!);
    seen.add(puzzle.givens[i * 9 + c]!);
    const br = 3 * Math.floor(r / 3) + Math.floor(i / 3);
    const bc = 3 * Math.floor(c / 3) + (i % 3);
    seen.add(puzzle.givens[br * 9 + bc]!);
  }
  const answer = puzzle.solution[cell]!;
  const allowed = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => !seen.has(d) && d !== answer);
  const kept = allowed.filter(() => rng.chance(0.6));
  return [answer, ...kept].sort((a, b) => a - b);
}
