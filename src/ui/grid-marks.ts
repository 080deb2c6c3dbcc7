import type { HintAnswer } from "../solver/hint.ts";
import type { LogicStep, Unit } from "../solver/logic/types.ts";

/** What a hint lays over the grid, cell by cell; it never changes a digit. */
export interface HintMarks {
  /** Cells of the rows, columns or boxes the hint is about. */
  area: ReadonlySet<number>;
  /** Cells whose candidates prove the step. */
  proof: ReadonlySet<number>;
  /** Cells the step changes: a digit placed, candidates removed or a wrong entry erased. */
  target: ReadonlySet<number>;
  /** Candidates the step removes, per cell (bit d-1 = digit d), struck through in the pencil marks. */
  removes: ReadonlyMap<number, number>;
}

/** Everything the grid shows beyond the board's digits: the hint tools' view settings and markings. */
export interface GridMarks {
  hideSolution: boolean;
  /** Pencil marks per cell (bit d-1 = digit d), or null when "Show candidates" is off. */
  candidates: Uint16Array | null;
  hint: HintMarks | null;
  /** Entries that contradict the solution, marked by "Check my grid". */
  wrong: ReadonlySet<number>;
}

export const NO_MARKS: GridMarks = { hideSolution: false, candidates: null, hint: null, wrong: new Set() };

/** The nine cells of a row, column or box (boxes numbered row-major). */
export function unitCells(unit: Unit): number[] {
  return Array.from({ length: 9 }, (_, k) => {
    if (unit.kind === "row") return unit.index * 9 + k;
    if (unit.kind === "column") return k * 9 + unit.index;
    const top = Math.floor(unit.index / 3) * 3;
    const left = (unit.index % 3) * 3;
    return (top + Math.floor(k / 3)) * 9 + left + (k % 3);
  });
}

/** Digits of a 9-bit mask, ascending. */
export function maskDigits(mask: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= 9; d++) if (mask & (1 << (d - 1))) out.push(d);
  return out;
}

/** How a screen reader hears a cell's markings; the grid shows the same by outline and pattern, not colour alone. */
export function markDescriptions(index: number, marks: GridMarks): string[] {
  const parts: string[] = [];
  if (marks.wrong.has(index)) parts.push("wrong entry");
  const hint = marks.hint;
  if (hint?.target.has(index)) {
    const removed = maskDigits(hint.removes.get(index) ?? 0);
    parts.push(
      removed.length > 0
        ? `highlighted: the hint removes ${removed.join(", ")} here`
        : "highlighted: the hint's cell",
    );
  } else if (hint?.proof.has(index)) parts.push("highlighted: part of the hint's reasoning");
  else if (hint?.area.has(index)) parts.push("highlighted: in the hint's area");
  const candidates = marks.candidates?.[index] ?? 0;
  if (candidates) parts.push(`candidates ${maskDigits(candidates).join(", ")}`);
  return parts;
}

function placementUnits(step: LogicStep): Unit[] {
  return step.placements.flatMap(({ cell }) => {
    const row = Math.floor(cell / 9);
    const col = cell % 9;
    return [
      { kind: "row", index: row },
      { kind: "column", index: col },
      { kind: "box", index: Math.floor(row / 3) * 3 + Math.floor(col / 3) },
    ] satisfies Unit[];
  });
}

/** Where a hint's first press points: its units and proving cells, and the cells it would change. */
export function hintMarksFor(answer: HintAnswer): HintMarks | null {
  switch (answer.kind) {
    case "step": {
      const { step } = answer;
      const removes = new Map<number, number>();
      for (const { cell, digit } of step.eliminations)
        removes.set(cell, (removes.get(cell) ?? 0) | (1 << (digit - 1)));
      return {
        // A naked single names no unit: its reason is the placed cell's row, column and box.
        area: new Set((step.units.length > 0 ? step.units : placementUnits(step)).flatMap(unitCells)),
        proof: new Set(step.cells),
        target: new Set([...step.placements.map((p) => p.cell), ...removes.keys()]),
        removes,
      };
    }
    case "wrong-entries":
      return { area: new Set(), proof: new Set(), target: new Set(answer.cells), removes: new Map() };
    case "stuck":
      return { area: new Set(), proof: new Set(), target: new Set([answer.reveal.cell]), removes: new Map() };
    default:
      return null;
  }
}
