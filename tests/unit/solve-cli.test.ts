import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = fileURLToPath(new URL("../fixtures/solver-cli.txt", import.meta.url));

function runCli(arg: string, input?: string): string[] {
  const run = spawnSync("npx", ["tsx", "bench/solve-cli.ts", arg], { cwd: root, input, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split("\n").slice(0, -1);
}

describe("solve CLI", () => {
  it("prints one verdict per line of a file", () => {
    const lines = runCli(fixture);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(
      "483921657967345821251876493548132976729564138136798245372689514814253769695417382",
    );
    expect(lines[1]).toBe(
      "812753649943682175675491283154237896369845721287169534521974368438526917796318452",
    );
    expect(lines[2]).toMatch(/^[1-9]{81} multiple$/);
    expect(lines.slice(3, 5)).toEqual(["conflict", "unsolvable"]);
    expect(lines[5]).toBe("invalid: expected 81 cells, found 18");
    expect(lines[6]).toBe(`invalid: character "x" at position 3 (row 1, column 3) is not 1-9, '.' or '0'`);
  });

  it("reads stdin when the file is -", () => {
    const input = readFileSync(fixture, "utf8").split("\n").slice(0, 2).join("\n");
    expect(runCli("-", input)).toEqual([
      "483921657967345821251876493548132976729564138136798245372689514814253769695417382",
      "812753649943682175675491283154237896369845721287169534521974368438526917796318452",
    ]);
  });
});
