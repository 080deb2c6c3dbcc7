/**
 * `npm run -s solve -- FILE` (or `-` for stdin): one puzzle a line in, one verdict a line out: the 81-digit
 * solution, the solution + ` multiple` when not unique, `conflict`, `unsolvable` or `invalid: <reason>`.
 */
import { gridToString } from "../src/solver/format.ts";
import { readPuzzleLines } from "./puzzle-file.ts";
import { judgePuzzleLine } from "./puzzle-verdict.ts";

const file = process.argv[2];
if (file === undefined) {
  console.error("usage: npm run -s solve -- FILE   (or - for stdin)");
  process.exit(2);
}
const out: string[] = [];
for (const line of readPuzzleLines(file)) {
  const verdict = judgePuzzleLine(line);
  out.push(
    verdict.ok ? gridToString(verdict.solution) + (verdict.unique ? "" : " multiple") : verdict.verdict,
  );
}
process.stdout.write(out.map((line) => `${line}\n`).join(""));
