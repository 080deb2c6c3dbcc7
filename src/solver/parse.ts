import type { Grid } from "./types.ts";

/** Why a text is not a grid; positions are 1-based so they can be shown to a person as they are. */
export type GridParseError =
  | {
      kind: "bad-character";
      /** 1-based index of the character in the text as given (whitespace included). */
      position: number;
      /** 1-based row and column of the cell the character would fill. */
      row: number;
      col: number;
      char: string;
    }
  | { kind: "wrong-length"; /** Cells found (non-whitespace characters). */ count: number };

export type GridParseResult = { ok: true; grid: Grid } | { ok: false; error: GridParseError };

const WHITESPACE = /\s/u;

/**
 * Reads 81 cells row by row: `1`-`9` a clue, `.` or `0` a blank; whitespace and line breaks are ignored.
 * Never throws: a bad text comes back as a typed error a caller can show.
 */
export function parseGrid(text: string): GridParseResult {
  const grid = new Uint8Array(81);
  let count = 0;
  let position = 0;
  // Iterate by code point so an emoji counts as one character in the error, not two halves.
  for (const char of text) {
    position += 1;
    if (WHITESPACE.test(char)) continue;
    if (count < 81) {
      const code = char.charCodeAt(0);
      const isDigit = char.length === 1 && code >= 48 && code <= 57;
      if (!isDigit && char !== ".") {
        const error = {
          kind: "bad-character",
          position,
          row: Math.floor(count / 9) + 1,
          col: (count % 9) + 1,
          char,
        } as const;
        return { ok: false, error };
      }
      grid[count] = isDigit ? code - 48 : 0;
    }
    count += 1;
  }
  if (count !== 81) return { ok: false, error: { kind: "wrong-length", count } };
  return { ok: true, grid };
}
