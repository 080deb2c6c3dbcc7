/**
 * `npm run -s bench:explain [-- --dir DIR --every N]`: explains the puzzles of every set in DIR (default
 * ../shared/puzzles) step by step and audits every step against the unique solution (no wrong placement, no
 * elimination of the solution's digit). Prints coverage by logic alone, difficulties, technique use and the
 * median time of a whole explanation; the last line is JSON. Exits 1 on any failure.
 *
 * Every puzzle of every set by default (about 2.5 CPU-minutes); `--every N` keeps every Nth puzzle of the two
 * large sets, 17-clue and hardest, for a quicker run.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { explain } from "../src/solver/logic/index.ts";
import type { Difficulty, Technique } from "../src/solver/logic/index.ts";
import { auditExplanation } from "../tooling/logic-audit.ts";
import { readPuzzleLines } from "./puzzle-file.ts";
import { judgePuzzleLine } from "./puzzle-verdict.ts";

const { values } = parseArgs({ options: { dir: { type: "string" }, every: { type: "string" } } });
const dir = values.dir ?? "../shared/puzzles";
const every = Number(values.every ?? 1);
if (!Number.isInteger(every) || every < 1)
  throw new Error(`--every takes a whole number ≥ 1, not ${values.every}`);

const SETS = [
  { name: "kaggle-10k", step: 1 },
  { name: "17-clue", step: every },
  { name: "top1465", step: 1 },
  { name: "hardest-1106", step: 1 },
  { name: "hardest", step: every },
] as const;

interface SetReport {
  puzzles: number;
  solvedByLogic: number;
  share: number;
  failures: number;
  medianMs: number;
  difficulty: Partial<Record<Difficulty, number>>;
}

const median = (xs: number[]): number => {
  const sorted = xs.toSorted((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
};

const reports: Record<string, SetReport & { sample: string }> = {};
const techniques = new Map<Technique, number>();
let failures = 0;
const cpuStart = process.cpuUsage();
for (const { name, step } of SETS) {
  const lines = readPuzzleLines(join(dir, `${name}.txt`)).filter((_, i) => i % step === 0);
  const report: SetReport = {
    puzzles: 0,
    solvedByLogic: 0,
    share: 0,
    failures: 0,
    medianMs: 0,
    difficulty: {},
  };
  const times: number[] = [];
  for (const line of lines) {
    const verdict = judgePuzzleLine(line);
    report.puzzles++;
    if (!verdict.ok || !verdict.unique) {
      report.failures++;
      console.error(
        `${name}: ${line}: not a puzzle with one solution (${verdict.ok ? "multiple" : verdict.verdict})`,
      );
      continue;
    }
    const start = performance.now();
    // As the app calls it: explain() checks uniqueness itself, so that solve is timed too.
    const explanation = explain(verdict.grid);
    times.push(performance.now() - start);
    const problem = auditExplanation(verdict.grid, verdict.solution, explanation);
    if (problem !== null) {
      report.failures++;
      console.error(`${name}: ${line}: ${problem}`);
    }
    if (explanation.solvedByLogic) report.solvedByLogic++;
    report.difficulty[explanation.difficulty] = (report.difficulty[explanation.difficulty] ?? 0) + 1;
    for (const s of explanation.steps) techniques.set(s.technique, (techniques.get(s.technique) ?? 0) + 1);
  }
  report.share = Number((report.solvedByLogic / report.puzzles).toFixed(4));
  report.medianMs = Number(median(times).toFixed(2));
  failures += report.failures;
  const sample = step === 1 ? "all" : `every ${step}th`;
  reports[name] = { sample, ...report };
  console.log(
    `${name} (${sample}, ${report.puzzles}): solved by logic ${(report.share * 100).toFixed(2)} %, ` +
      `median ${report.medianMs} ms, ${report.failures} failures, ${JSON.stringify(report.difficulty)}`,
  );
}
const cpuSeconds = Number((process.cpuUsage(cpuStart).user / 1e6).toFixed(1));
console.log(
  `steps by technique: ${JSON.stringify(Object.fromEntries([...techniques].sort((a, b) => b[1] - a[1])))}`,
);
console.log(
  JSON.stringify({
    sets: reports,
    medianMs17Clue: reports["17-clue"]!.medianMs,
    cpuSeconds,
    failures,
  }),
);
process.exitCode = failures > 0 ? 1 : 0;
