import { bit, sees } from "./board.ts";
import { cellList, removal } from "./names.ts";
import { strongLinks } from "./links.ts";
import type { CandidateBoard, CellDigit, LogicStep } from "./types.ts";

/**
 * Simple colouring: the cells of a digit joined by strong links take two colours, and exactly one colour
 * holds the digit. A colour with two cells that see each other is false (wrap); a cell that sees both
 * colours cannot hold the digit (trap).
 */
export function findSimpleColouring(board: CandidateBoard, places: Uint16Array): LogicStep | null {
  for (let digit = 1; digit <= 9; digit++) {
    const neighbours = new Map<number, number[]>();
    for (const { a, b } of strongLinks(places, digit)) {
      neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
      neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
    }
    const colour = new Map<number, 0 | 1>();
    for (const start of neighbours.keys()) {
      if (colour.has(start)) continue;
      const groups: [number[], number[]] = [[], []];
      colour.set(start, 0);
      const queue = [start];
      while (queue.length > 0) {
        const cell = queue.shift()!;
        const c = colour.get(cell)!;
        groups[c].push(cell);
        for (const next of neighbours.get(cell)!) {
          if (colour.has(next)) continue;
          colour.set(next, c === 0 ? 1 : 0);
          queue.push(next);
        }
      }
      if (groups[0].length + groups[1].length < 4) continue;
      const step = wrap(digit, groups) ?? trap(board, digit, groups);
      if (step !== null) return step;
    }
  }
  return null;
}

/** "r2c9 is 5", "r3c8 and r9c3 are both 5", "r1c1, r2c5 and r7c7 are all 5". */
function allHold(group: number[], digit: number): string {
  const cells = cellList(group.toSorted((a, b) => a - b));
  if (group.length === 1) return `${cells} is ${digit}`;
  return `${cells} are ${group.length === 2 ? "both" : "all"} ${digit}`;
}

function describe(digit: number, first: number[], second: number[]): string {
  return `Following the cells that are a unit's only two places for ${digit}, either ${allHold(first, digit)} or ${allHold(second, digit)}`;
}

function wrap(digit: number, groups: [number[], number[]]): LogicStep | null {
  for (const side of [0, 1] as const) {
    const group = groups[side];
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (!sees(group[i]!, group[j]!)) continue;
        const eliminations = group.map((cell) => ({ cell, digit })).sort((a, b) => a.cell - b.cell);
        return colouringStep(
          groups,
          eliminations,
          `${describe(digit, group, groups[side === 0 ? 1 : 0])}; not the first, as ${cellList([group[i]!, group[j]!].sort((a, b) => a - b))} see each other, so ${removal(eliminations)}.`,
        );
      }
    }
  }
  return null;
}

function trap(board: CandidateBoard, digit: number, groups: [number[], number[]]): LogicStep | null {
  const eliminations: CellDigit[] = [];
  for (let cell = 0; cell < 81; cell++) {
    if (!(board.candidates[cell]! & bit(digit)) || groups[0].includes(cell) || groups[1].includes(cell))
      continue;
    if (groups[0].some((g) => sees(g, cell)) && groups[1].some((g) => sees(g, cell)))
      eliminations.push({ cell, digit });
  }
  if (eliminations.length === 0) return null;
  return colouringStep(
    groups,
    eliminations,
    `${describe(digit, groups[0], groups[1])}; ${cellList(eliminations.map((e) => e.cell))} ${eliminations.length === 1 ? "sees" : "see"} a cell of each, so ${removal(eliminations)}.`,
  );
}

function colouringStep(groups: [number[], number[]], eliminations: CellDigit[], text: string): LogicStep {
  return {
    technique: "simple colouring",
    placements: [],
    eliminations,
    cells: [...groups[0], ...groups[1]].sort((a, b) => a - b),
    units: [],
    text,
  };
}
