import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { solve } from "../../src/solver/solve.ts";
import { gridText, status } from "./helpers.ts";

// A generated newspaper photo of a puzzle half solved by hand (attribution in tests/fixtures/README.md).
const DIR = new URL("../fixtures/photos/half-solved/", import.meta.url);
const FILE = "s4343-0011.jpg";
const PHOTO = fileURLToPath(new URL(FILE, DIR));
const read = (name: string) => JSON.parse(readFileSync(new URL(name, DIR), "utf8")) as Record<string, string>;
const GIVENS = read("labels.json")[FILE]!;
const ENTRIES = read("entries.json")[FILE]!;

const solved = solve(Uint8Array.from(GIVENS, Number), { checkUnique: true });
if (solved.kind !== "solved" || !solved.unique)
  throw new Error("the fixture's givens must have one solution");
const SOLUTION = solved.solution;
const entryCells = [...ENTRIES].flatMap((d, i) => (d === "0" ? [] : [i]));
const wrongCells = entryCells.filter((i) => Number(ENTRIES[i]) !== SOLUTION[i]);
const label = (i: number) => `r${Math.floor(i / 9) + 1}c${(i % 9) + 1}`;

// The first read in a fresh page loads OpenCV.js and the model.
test.setTimeout(120_000);
test.use({ serviceWorkers: "block" });

const cell = (page: Page, i: number) =>
  page.getByRole("grid", { name: "Sudoku" }).getByRole("gridcell").nth(i);

test("a half-solved photo: givens and handwritten entries told apart, the wrong entry marked, one tap makes a clue", async ({
  page,
}) => {
  expect(wrongCells).toHaveLength(1);
  const [wrong] = wrongCells;
  await page.goto("./");
  await page.getByLabel("Choose a photo").setInputFiles(PHOTO);

  const clueCount = [...GIVENS].filter((d) => d !== "0").length;
  await expect(page.locator("#progress-text")).toHaveText(
    new RegExp(`^Read ${clueCount} printed clues and ${entryCells.length} of your entries\\.`),
    { timeout: 90_000 },
  );
  // The puzzle itself is fine: it is solved from the printed clues, and the wrong entry is named.
  await expect(status(page)).toHaveText(
    `Solved from the printed clues. One of your entries contradicts it: ${label(wrong!)} (marked ✗).`,
  );

  const shown = await gridText(page);
  for (let i = 0; i < 81; i++) {
    if (GIVENS[i] !== "0") {
      await expect(cell(page, i)).toHaveClass(/\bgiven\b/);
      expect(shown[i], `given ${label(i)}`).toBe(GIVENS[i]);
    } else if (ENTRIES[i] !== "0") {
      await expect(cell(page, i)).toHaveClass(/\bentry\b/);
      await expect(cell(page, i)).not.toHaveClass(/\bgiven\b/);
      await expect(cell(page, i)).toHaveAccessibleDescription(/your entry/);
      expect(shown[i], `entry ${label(i)}`).toBe(ENTRIES[i]);
    } else {
      // Blanks show the clues' solution.
      expect(shown[i], `blank ${label(i)}`).toBe(String(SOLUTION[i]));
    }
  }
  await expect(cell(page, wrong!)).toHaveClass(/\bwrong\b/);
  await expect(cell(page, wrong!)).toHaveAccessibleDescription(/wrong entry/);
  for (const i of entryCells.filter((i) => i !== wrong))
    await expect(cell(page, i)).not.toHaveClass(/\bwrong\b/);

  // One tap on the cell, one on "Printed clue": the entry becomes a given, and back.
  const right = entryCells.find((i) => i !== wrong)!;
  const kind = page.getByRole("button", { name: "Printed clue" });
  await cell(page, right).click();
  await expect(kind).toHaveAttribute("aria-pressed", "false");
  await kind.click();
  await expect(cell(page, right)).toHaveClass(/\bgiven\b/);
  await expect(cell(page, right)).not.toHaveClass(/\bentry\b/);
  await expect(kind).toHaveAttribute("aria-pressed", "true");
  expect((await gridText(page))[right]).toBe(ENTRIES[right]);

  // It stays a given after a reload.
  await page.reload();
  await expect(cell(page, right)).toHaveClass(/\bgiven\b/);
  await expect(cell(page, wrong!)).toHaveClass(/\bentry\b/);
  await expect(cell(page, wrong!)).toHaveClass(/\bwrong\b/);
});
