import { bit, cellAt, countBits, positionsOf, unitOf } from "./board.ts";
import { combinations } from "./combinations.ts";
import { listWords, removal } from "./names.ts";
import type { CandidateBoard, CellDigit, LogicStep, Technique } from "./types.ts";

const FISH: Record<number, Technique> = { 2: "x-wing", 3: "swordfish", 4: "jellyfish" };

/**
 * A digit that in n rows can only go in the same n columns fills those columns from those rows, so the
 * columns' other cells lose it; the same with rows and columns swapped.
 */
export function findFish(board: CandidateBoard, places: Uint16Array, size: number): LogicStep | null {
  for (let digit = 1; digit <= 9; digit++) {
    for (const base of [0, 9]) {
      const cover = 9 - base;
      const lines: number[] = [];
      for (let line = base; line < base + 9; line++) {
        const n = countBits(places[line * 9 + digit - 1]!);
        if (n >= 2 && n <= size) lines.push(line);
      }
      for (const set of combinations(lines, size)) {
        const where = set.reduce((mask, line) => mask | places[line * 9 + digit - 1]!, 0);
        if (countBits(where) !== size) continue;
        const covers = positionsOf(where).map((i) => cover + i);
        const eliminations: CellDigit[] = [];
        for (const unit of covers) {
          for (let i = 0; i < 9; i++) {
            const cell = cellAt(unit, i);
            if (board.candidates[cell]! & bit(digit) && !set.includes(base + i))
              eliminations.push({ cell, digit });
          }
        }
        if (eliminations.length === 0) continue;
        const cells = set.flatMap((line) =>
          positionsOf(places[line * 9 + digit - 1]!).map((i) => cellAt(line, i)),
        );
        const baseNames = lineNames(set);
        const coverNames = lineNames(covers);
        return {
          technique: FISH[size]!,
          placements: [],
          eliminations: eliminations.sort((a, b) => a.cell - b.cell),
          cells: cells.sort((a, b) => a - b),
          units: [...set, ...covers].map(unitOf),
          text: `In ${baseNames}, ${digit} can only go in ${coverNames}, so ${coverNames} take their ${digit}s from ${baseNames}, and ${removal(eliminations)}.`,
        };
      }
    }
  }
  return null;
}

/** "rows 1 and 4", "columns 2, 5 and 8". */
function lineNames(units: number[]): string {
  const kind = units[0]! < 9 ? "rows" : "columns";
  return `${kind} ${listWords(units.map((u) => String((u % 9) + 1)))}`;
}
