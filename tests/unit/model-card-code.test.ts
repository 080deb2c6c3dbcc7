import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { codeVersion, type CodeVersion } from "../../training/digits/code-version.ts";
import { modelCard, type TrainingReport } from "../../training/digits/model-card.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "code-version-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const git = (...args: string[]): string => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();

test("the code version is the checked-out commit, dirty once a tracked file changes, and unknown outside git", async () => {
  expect(codeVersion(dir)).toBeUndefined();
  git("init", "-q");
  await writeFile(join(dir, "train.ts"), "one\n");
  git("add", "train.ts");
  git(
    "-c",
    "user.name=t",
    "-c",
    "user.email=t@example.com",
    "-c",
    "commit.gpgsign=false",
    "commit",
    "-qm",
    "first",
  );
  const head = git("rev-parse", "HEAD");
  const clean = codeVersion(dir);
  expect(clean).toEqual({ commit: head.slice(0, 12), dirty: false });
  // Untracked files (tmp/ work folders) do not change the code.
  await writeFile(join(dir, "notes.txt"), "x\n");
  expect(codeVersion(dir)?.dirty).toBe(false);
  await writeFile(join(dir, "train.ts"), "two\n");
  expect(codeVersion(dir)).toEqual({ commit: head.slice(0, 12), dirty: true });
});

function report(code: CodeVersion | undefined): TrainingReport {
  return {
    command: "npm run train:digits -- --generated tmp/gen-s1",
    code,
    syntheticSteps: 10,
    fineTuneSteps: 5,
    batchSize: 8,
    minutes: 1,
    weightBytes: 1024,
    generatedCells: 0,
    mnist: false,
    synthetic: {
      count: 2,
      accuracy: 0.5,
      confusion: [
        [1, 0],
        [1, 0],
      ],
    },
  };
}

test("the model card tells which commit to check out before its commands, and warns when the code differed", () => {
  const clean = modelCard(report({ commit: "0123456789ab", dirty: false }));
  const reproduce = clean.slice(clean.indexOf("## Reproduce"));
  expect(reproduce).toContain("Trained from commit `0123456789ab`;");
  expect(reproduce.indexOf("git checkout 0123456789ab")).toBeLessThan(
    reproduce.indexOf("npm run gen:photos"),
  );
  expect(reproduce).not.toContain("not yet committed");
  expect(modelCard(report({ commit: "0123456789ab", dirty: true }))).toContain("not yet committed");
  const outsideGit = modelCard(report(undefined));
  expect(outsideGit).not.toContain("git checkout");
  expect(outsideGit).toContain("npm run train:digits -- --generated tmp/gen-s1");
});
