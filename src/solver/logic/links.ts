import { cellAt, countBits, positionsOf } from "./board.ts";

/** Two cells that are a unit's only places for a digit: if one is not the digit, the other is. */
export interface StrongLink {
  a: number;
  b: number;
  /** Unit number as in `tables.ts`. */
  unit: number;
}

/** Every strong link of a digit, rows first, then columns and boxes. */
export function strongLinks(places: Uint16Array, digit: number): StrongLink[] {
  const links: StrongLink[] = [];
  for (let unit = 0; unit < 27; unit++) {
    const where = places[unit * 9 + digit - 1]!;
    if (countBits(where) !== 2) continue;
    const [i, j] = positionsOf(where);
    links.push({ a: cellAt(unit, i!), b: cellAt(unit, j!), unit });
  }
  return links;
}
