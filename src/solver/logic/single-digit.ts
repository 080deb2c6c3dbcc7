import { BOX_OF, COL_OF, ROW_OF, seeingAll, unitOf } from "./board.ts";
import { cellName, removal, unitTitle } from "./names.ts";
import { strongLinks, type StrongLink } from "./links.ts";
import type { CandidateBoard, LogicStep, Technique } from "./types.ts";

/** The two ends of a link, the one at `near` first. */
const ends = (link: StrongLink, near: boolean): [number, number] =>
  near ? [link.a, link.b] : [link.b, link.a];

/**
 * Two strong links whose near ends see each other (so at most one of them is the digit): one of the far
 * ends holds it, and any cell seeing both far ends loses it.
 */
function twoLinks(
  board: CandidateBoard,
  technique: Technique,
  digit: number,
  first: StrongLink,
  second: StrongLink,
  nearTogether: (p: number, q: number) => boolean,
): LogicStep | null {
  for (const flipFirst of [true, false]) {
    for (const flipSecond of [true, false]) {
      const [p, a] = ends(first, flipFirst);
      const [q, b] = ends(second, flipSecond);
      if (new Set([p, a, q, b]).size < 4 || !nearTogether(p, q)) continue;
      const eliminations = seeingAll(board, [a, b], digit, [p, a, q, b]);
      if (eliminations.length === 0) continue;
      return {
        technique,
        placements: [],
        eliminations,
        cells: [p, a, q, b],
        units: [unitOf(first.unit), unitOf(second.unit)],
        text:
          `${unitTitle(unitOf(first.unit))} has ${digit} only in ${cellName(p)} and ${cellName(a)}, ` +
          `${unitTitle(unitOf(second.unit)).toLowerCase()} only in ${cellName(q)} and ${cellName(b)}; ` +
          `${cellName(p)} and ${cellName(q)} cannot both be ${digit}, so ${cellName(a)} or ${cellName(b)} is, ` +
          `and ${removal(eliminations)}.`,
      };
    }
  }
  return null;
}

/** Two rows (or two columns) with two places each for a digit, one place of each in a shared column (row). */
export function findSkyscraper(board: CandidateBoard, places: Uint16Array): LogicStep | null {
  for (let digit = 1; digit <= 9; digit++) {
    const links = strongLinks(places, digit);
    for (const [lines, across] of [
      [links.filter((l) => l.unit < 9), COL_OF],
      [links.filter((l) => l.unit >= 9 && l.unit < 18), ROW_OF],
    ] as const) {
      for (let i = 0; i < lines.length; i++) {
        for (let j = i + 1; j < lines.length; j++) {
          const step = twoLinks(
            board,
            "skyscraper",
            digit,
            lines[i]!,
            lines[j]!,
            (p, q) => across[p] === across[q],
          );
          if (step !== null) return step;
        }
      }
    }
  }
  return null;
}

/** A row and a column with two places each for a digit, one place of each in a shared box. */
export function findTwoStringKite(board: CandidateBoard, places: Uint16Array): LogicStep | null {
  for (let digit = 1; digit <= 9; digit++) {
    const links = strongLinks(places, digit);
    const rows = links.filter((l) => l.unit < 9);
    const columns = links.filter((l) => l.unit >= 9 && l.unit < 18);
    for (const row of rows) {
      for (const column of columns) {
        const step = twoLinks(
          board,
          "two-string kite",
          digit,
          row,
          column,
          (p, q) => BOX_OF[p] === BOX_OF[q],
        );
        if (step !== null) return step;
      }
    }
  }
  return null;
}
