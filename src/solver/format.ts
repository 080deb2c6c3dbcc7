import type { GridParseError } from "./parse.ts";
import type { Grid } from "./types.ts";

/** The 81-character line form of a grid, `blank` for empty cells. */
export function gridToString(grid: Grid, blank = "."): string {
  let text = "";
  for (const digit of grid) text += digit === 0 ? blank : String(digit);
  return text;
}

/** One sentence a person can act on. */
export function describeParseError(error: GridParseError): string {
  switch (error.kind) {
    case "bad-character":
      return `character ${JSON.stringify(error.char)} at position ${error.position} (row ${error.row}, column ${error.col}) is not 1-9, '.' or '0'`;
    case "wrong-length":
      return `expected 81 cells, found ${error.count}`;
  }
}
