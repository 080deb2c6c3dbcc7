import { readFileSync } from "node:fs";
import { hasOneSolution, solve } from "../../src/solver/solve.ts";
import { orbit, quarterTurn, SYMMETRIES } from "../../src/solver/symmetry.ts";
import type { Rng } from "../digits/rng.ts";

/** A puzzle to print: its givens (0 = blank) and its solution, both 81 digits row-major. */
export interface Puzzle {
  givens: readonly number[];
  solution: readonly number[];
}

/**
 * Used when no puzzle file is given (tests, a clone without ../shared): Project Euler's first grid
 * (problem 96), varied by the symmetry transforms below into billions of different-looking puzzles.
 */
export const FALLBACK_PUZZLES = [
  "003020600900305001001806400008102900700000008006708200002609500800203009005010300",
] as const;

/** Puzzles from a file of one 81-character line each (`1`-`9`, `.` or `0` for a blank). */
export function loadPuzzlePool(path: string): string[] {
  const lines = readFileSync(path, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const bad = lines.find((l) => !/^[1-9.0]{81}$/.test(l));
  if (bad !== undefined) throw new Error(`${path}: not a puzzle line: ${bad.slice(0, 90)}`);
  return lines;
}

/**
 * A random puzzle of the pool, relabelled and shuffled by transforms that keep it a valid sudoku with
 * the same number of solutions (digit permutation, rows within a band, bands, columns within a stack,
 * stacks, transposition), so digits sit where real puzzles put them.
 */
export function choosePuzzle(rng: Rng, pool: readonly string[]): Puzzle {
  const source = [...rng.pick(pool)].map((ch) => (ch === "." ? 0 : Number(ch)));
  const digits = permutation(rng, 9).map((d) => d + 1);
  const rows = lineOrder(rng);
  const cols = lineOrder(rng);
  const transpose = rng.chance(0.5);
  const givens = new Uint8Array(81);
  for (let r = 0; r < 9; r++) {
    for (let c = 0; c < 9; c++) {
      const [sr, sc] = transpose ? [cols[c]!, rows[r]!] : [rows[r]!, cols[c]!];
      const d = source[sr * 9 + sc]!;
      givens[r * 9 + c] = d === 0 ? 0 : digits[d - 1]!;
    }
  }
  const result = solve(givens, { checkUnique: false, timeoutMs: 2000 });
  if (result.kind !== "solved") throw new Error(`a pool puzzle has no solution (${result.kind})`);
  return { givens: [...givens], solution: [...result.solution] };
}

/**
 * Clue layouts of symmetric puzzles, by share (`orbit`'s maps): most setters use the half turn; a
 * quarter-turn layout is also half-turn symmetric.
 */
const SYMMETRIC_LAYOUTS: readonly { share: number; maps: readonly ((cell: number) => number)[] }[] = [
  { share: 0.7, maps: [SYMMETRIES.halfTurn] },
  { share: 0.1, maps: [quarterTurn] },
  { share: 0.1, maps: [SYMMETRIES.mirror] },
  { share: 0.1, maps: [SYMMETRIES.diagonal] },
];

/**
 * A puzzle with a symmetric clue layout, as newspapers print them (the pool's puzzles are not): the
 * solution of a random pool puzzle, with clues removed a symmetric group at a time, in random order, as
 * long as the rest has exactly one solution, down to 24-34 clues (a group of four may end it up to three
 * below).
 */
export function symmetricPuzzle(rng: Rng, pool: readonly string[]): Puzzle {
  const { solution } = choosePuzzle(rng, pool);
  let pick = rng.next();
  const layout = SYMMETRIC_LAYOUTS.find((l) => (pick -= l.share) < 0) ?? SYMMETRIC_LAYOUTS[0]!;
  const target = rng.int(24, 34);
  let givens = Uint8Array.from(solution);
  let clues = 81;
  for (const cell of permutation(rng, 81)) {
    if (clues <= target) break;
    if (givens[cell] === 0) continue;
    const group = orbit(cell, layout.maps);
    const without = Uint8Array.from(givens);
    for (const c of group) without[c] = 0;
    if (hasOneSolution(without, { timeoutMs: 2000 })) {
      givens = without;
      clues -= group.length;
    }
  }
  return { givens: [...givens], solution };
}

/** Row (or column) order: bands permuted, and rows permuted inside each band. */
function lineOrder(rng: Rng): number[] {
  const bands = permutation(rng, 3);
  return bands.flatMap((b) => permutation(rng, 3).map((r) => b * 3 + r));
}

function permutation(rng: Rng, n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
