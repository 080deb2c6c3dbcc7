import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CandidateBoard } from "../../src/solver/logic/index.ts";

/** Cell index of a 1-based "r3c4" name. */
export function at(name: string): number {
  const match = /^r([1-9])c([1-9])$/u.exec(name);
  if (match === null) throw new Error(`not a cell name: ${name}`);
  return (Number(match[1]) - 1) * 9 + Number(match[2]) - 1;
}

/** An empty board where every digit is still possible everywhere: no technique applies to it. */
export function openBoard(): CandidateBoard {
  return { values: new Uint8Array(81), candidates: new Uint16Array(81).fill(0x1ff) };
}

/** Keeps `digits` as the only candidates of each named cell. */
export function restrict(board: CandidateBoard, cells: Record<string, number[]>): CandidateBoard {
  for (const [name, digits] of Object.entries(cells)) {
    board.candidates[at(name)] = digits.reduce((mask, d) => mask | (1 << (d - 1)), 0);
  }
  return board;
}

/** Removes `digit` from every cell of the board but the named ones. */
export function onlyAt(
  board: CandidateBoard,
  digit: number,
  keep: (cell: number) => boolean,
): CandidateBoard {
  for (let cell = 0; cell < 81; cell++) if (!keep(cell)) board.candidates[cell]! &= ~(1 << (digit - 1));
  return board;
}

export const row = (cell: number): number => Math.floor(cell / 9) + 1;
export const col = (cell: number): number => (cell % 9) + 1;
export const box = (cell: number): number =>
  Math.floor((row(cell) - 1) / 3) * 3 + Math.floor((col(cell) - 1) / 3) + 1;

/** "r1c2:5" strings of a step's eliminations, sorted, for compact expectations. */
export function named(list: readonly { cell: number; digit: number }[]): string[] {
  return list.map(({ cell, digit }) => `r${row(cell)}c${col(cell)}:${digit}`).sort();
}

/** The 30-puzzle samples of `tests/fixtures/logic/` (see the fixtures README). */
export const SAMPLE_SETS = ["kaggle-10k", "17-clue", "top1465", "hardest-1106", "hardest"] as const;

export function samplePuzzles(set: (typeof SAMPLE_SETS)[number]): string[] {
  const path = fileURLToPath(new URL(`../fixtures/logic/${set}.txt`, import.meta.url));
  return readFileSync(path, "utf8").trim().split("\n");
}
