import { COL_OF, ROW_OF } from "./board.ts";
import type { Unit } from "./types.ts";

/** A cell as people write it: `r3c4` is row 3, column 4 (1-based). */
export function cellName(cell: number): string {
  return `r${ROW_OF[cell]! + 1}c${COL_OF[cell]! + 1}`;
}

/** "row 3", "column 4", "box 5" (1-based; boxes numbered row by row). */
export function unitName(unit: Unit): string {
  return `${unit.kind} ${unit.index + 1}`;
}

/** The same, capitalised, to open a sentence. */
export function unitTitle(unit: Unit): string {
  const name = unitName(unit);
  return name[0]!.toUpperCase() + name.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export const cellList = (cells: readonly number[]): string => listWords(cells.map(cellName));

export const digitList = (digits: readonly number[]): string => listWords(digits.map(String));

/** "7 can be removed from r3c5 and r3c7", or per cell when several digits go: "r7c8 loses 6, and r7c9 loses 6 and 9". */
export function removal(eliminations: readonly { cell: number; digit: number }[]): string {
  const digits = new Set(eliminations.map((e) => e.digit));
  if (digits.size === 1) {
    const cells = [...new Set(eliminations.map((e) => e.cell))].sort((a, b) => a - b);
    return `${[...digits][0]} can be removed from ${cellList(cells)}`;
  }
  const byCell = new Map<number, number[]>();
  for (const { cell, digit } of eliminations) byCell.set(cell, [...(byCell.get(cell) ?? []), digit]);
  const parts = [...byCell]
    .sort((a, b) => a[0] - b[0])
    .map(([cell, ds]) => `${cellName(cell)} loses ${digitList(ds.toSorted((a, b) => a - b))}`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")}, and ${parts.at(-1)}`;
}
