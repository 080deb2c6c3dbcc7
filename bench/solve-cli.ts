/**
 * `npm run -s solve -- FILE` (or `-` for stdin): one puzzle a line in, one verdict a line out: the 81-digit
 * solution, the solution + ` multiple` when not unique, `conflict`, `unsolvable` or `invalid: <reason>`.
 */
import { describeParseError, gridToString } from "../src/solver/format.ts";
import { parseGrid } from "../src/solver/parse.ts";
import { solve } from "../src/solver/solve.ts";
import type { SolveResult } from "../src/solver/types.ts";
import { readPuzzleLines } from "./puzzle-file.ts";

function verdict(result: SolveResult): string {
  switch (result.kind) {
    case "solved":
      return gridToString(result.solution) + (result.unique ? "" : " multiple");
    case "conflict":
    case "unsolvable":
    case "timed-out":
    case "cancelled":
      return result.kind;
  }
}

const file = process.argv[2];
if (file === undefined) {
  console.error("usage: npm run -s solve -- FILE   (or - for stdin)");
  process.exit(2);
}
const out: string[] = [];
for (const line of readPuzzleLines(file)) {
  const parsed = parseGrid(line);
  out.push(parsed.ok ? verdict(solve(parsed.grid)) : `invalid: ${describeParseError(parsed.error)}`);
}
process.stdout.write(out.map((line) => `${line}\n`).join(""));
