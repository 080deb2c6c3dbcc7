import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = fileURLToPath(new URL("../fixtures/solver-cli.txt", import.meta.url));
const NORVIG_SOLUTION = "483921657967345821251876493548132976729564138136798245372689514814253769695417382";

function runCli(args: string[], input?: string): string {
  const run = spawnSync("npx", ["tsx", "bench/explain-cli.ts", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

interface Named {
  cell: string;
  digit: number;
}
interface JsonLine {
  puzzle: string;
  solvedByLogic?: boolean;
  difficulty?: string;
  steps?: { technique: string; placements: Named[]; eliminations: Named[]; text: string }[];
  error?: string;
}

const cellIndex = (name: string): number => (Number(name[1]) - 1) * 9 + Number(name[3]) - 1;

describe("explain CLI", () => {
  it("prints exactly one JSON object per input line with --json", () => {
    const lines = runCli([fixture, "--json"]).split("\n").slice(0, -1);
    expect(lines).toHaveLength(7);
    const [easy, hardest, empty, conflict, unsolvable, short, badChar] = lines.map(
      (l) => JSON.parse(l) as JsonLine,
    );
    expect(Object.keys(easy!)).toEqual(["puzzle", "solvedByLogic", "difficulty", "steps"]);
    expect(easy!.puzzle).toBe(
      "..3.2.6..9..3.5..1..18.64....81.29..7.......8..67.82....26.95..8..2.3..9..5.1.3..",
    );
    expect(easy!.solvedByLogic).toBe(true);
    expect(easy!.difficulty).toBe("Easy");
    const placed = easy!.steps!.flatMap((s) => s.placements);
    expect(placed).toHaveLength(49);
    for (const { cell, digit } of placed) {
      expect(cell).toMatch(/^r[1-9]c[1-9]$/u);
      expect(digit).toBe(Number(NORVIG_SOLUTION[cellIndex(cell)]));
    }
    expect(easy!.steps![0]!.text).toContain(placed[0]!.cell);
    expect(hardest!.solvedByLogic).toBe(false);
    expect(hardest!.difficulty).toBe("needs guessing");
    expect(empty).toMatchObject({ solvedByLogic: false, difficulty: "needs guessing" });
    expect(conflict!.error).toBe("conflict");
    expect(unsolvable!.error).toBe("unsolvable");
    expect(short!.error).toBe("invalid: expected 81 cells, found 18");
    expect(badChar!.error).toBe(
      `invalid: character "x" at position 3 (row 1, column 3) is not 1-9, '.' or '0'`,
    );
  });

  it("prints a readable walkthrough, reading stdin when the file is -", () => {
    const input = readFileSync(fixture, "utf8").split("\n").slice(0, 1).join("\n");
    const text = runCli(["-"], input);
    expect(text).toMatch(/^Puzzle 1: \.\.3\.2\.6\.\./u);
    expect(text).toMatch(/^ 1\. naked single: r\dc\d can only be \d/mu);
    expect(text.trim().split("\n").at(-1)).toBe("Solved by logic in 49 steps. Difficulty: Easy.");
  });
});
