/**
 * `npm run -s bench:solver -- FILE [--limit N] [--mode first|unique]`: solves every puzzle of FILE in this
 * thread, checks each solution, and prints one JSON line last. Exits 1 when any puzzle fails.
 */
import { parseArgs } from "node:util";
import { checkSolution } from "../src/solver/check.ts";
import { parseGrid } from "../src/solver/parse.ts";
import { solve } from "../src/solver/solve.ts";
import type { Grid, SolveResult } from "../src/solver/types.ts";
import { readPuzzleLines } from "./puzzle-file.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: "string" }, mode: { type: "string", default: "first" } },
});
const file = positionals[0] ?? "../shared/puzzles/17-clue.txt";
const mode = values.mode;
if (mode !== "first" && mode !== "unique") throw new Error(`--mode is first or unique, not ${mode}`);
const limit = values.limit === undefined ? Infinity : Number(values.limit);

const lines = readPuzzleLines(file).slice(0, limit);
const puzzles: Grid[] = [];
let failures = 0;
for (const line of lines) {
  const parsed = parseGrid(line);
  if (parsed.ok) puzzles.push(parsed.grid);
  else failures++;
}

// Time only the solving; checking every answer comes after.
const results: SolveResult[] = new Array<SolveResult>(puzzles.length);
const start = performance.now();
const cpuStart = process.cpuUsage();
for (let i = 0; i < puzzles.length; i++) results[i] = solve(puzzles[i]!, { checkUnique: mode === "unique" });
const seconds = (performance.now() - start) / 1000;
// CPU time too: on a shared machine wall time also counts waiting for a core.
const cpuSeconds = process.cpuUsage(cpuStart).user / 1e6;

for (let i = 0; i < puzzles.length; i++) {
  const result = results[i]!;
  if (result.kind !== "solved" || !checkSolution(puzzles[i]!, result.solution)) failures++;
}

const puzzlesPerSecond = Math.round(puzzles.length / seconds);
console.log(
  `${file}: ${puzzles.length} puzzles in ${seconds.toFixed(3)} s (cpu ${cpuSeconds.toFixed(3)} s, ` +
    `${Math.round(puzzles.length / cpuSeconds)}/cpu-s), ${mode} mode, ${failures} failures`,
);
console.log(
  JSON.stringify({
    file,
    mode,
    puzzles: lines.length,
    seconds: Number(seconds.toFixed(4)),
    puzzlesPerSecond,
    failures,
  }),
);
process.exitCode = failures > 0 ? 1 : 0;
