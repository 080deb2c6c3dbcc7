/**
 * `npm run -s explain -- FILE [--json]` (or `-` for stdin): one puzzle a line in; out, a walkthrough of the
 * logical steps that solve it, or with `--json` exactly one JSON object a line. Bad lines get the same
 * verdicts as `solve` (`invalid: …`, `conflict`, `unsolvable`), in JSON as `{"puzzle", "error"}`.
 */
import { parseArgs } from "node:util";
import { gridToString } from "../src/solver/format.ts";
import { cellName, explain } from "../src/solver/logic/index.ts";
import type { CellDigit, Explanation } from "../src/solver/logic/index.ts";
import { readPuzzleLines } from "./puzzle-file.ts";
import { judgePuzzleLine } from "./puzzle-verdict.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: "boolean" } } });
const file = positionals[0];
if (file === undefined) {
  console.error("usage: npm run -s explain -- FILE [--json]   (or - for stdin)");
  process.exit(2);
}

const named = (list: CellDigit[]) => list.map(({ cell, digit }) => ({ cell: cellName(cell), digit }));

function asJson(puzzle: string, explanation: Explanation): string {
  const { solvedByLogic, difficulty } = explanation;
  const steps = explanation.steps.map(({ technique, placements, eliminations, text }) => ({
    technique,
    placements: named(placements),
    eliminations: named(eliminations),
    text,
  }));
  return JSON.stringify({ puzzle, solvedByLogic, difficulty, steps });
}

function asText(index: number, puzzle: string, explanation: Explanation, unique: boolean): string {
  const { steps, solvedByLogic, difficulty } = explanation;
  const width = String(steps.length).length;
  const lines = [
    `Puzzle ${index}: ${puzzle}`,
    ...steps.map((step, i) => `${String(i + 1).padStart(width)}. ${step.technique}: ${step.text}`),
    solvedByLogic
      ? `Solved by logic in ${steps.length} steps. Difficulty: ${difficulty}.`
      : `Stuck after ${steps.length} steps: ${difficulty}${unique ? "" : " (the puzzle has more than one solution)"}.`,
  ];
  return lines.join("\n");
}

const out: string[] = [];
for (const [i, line] of readPuzzleLines(file).entries()) {
  const verdict = judgePuzzleLine(line);
  if (!verdict.ok) {
    out.push(
      values.json
        ? JSON.stringify({ puzzle: line, error: verdict.verdict })
        : `Puzzle ${i + 1}: ${verdict.verdict}`,
    );
    continue;
  }
  const puzzle = gridToString(verdict.grid);
  const explanation = explain(verdict.grid, { uniqueSolution: verdict.unique });
  out.push(values.json ? asJson(puzzle, explanation) : asText(i + 1, puzzle, explanation, verdict.unique));
}
process.stdout.write(out.map((line) => `${line}\n`).join(values.json ? "" : "\n"));
