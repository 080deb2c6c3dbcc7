import { expect, test, type Page } from "@playwright/test";
import { gridText, pasteText, status } from "./helpers.ts";

// The well-known example puzzle from Wikipedia's "Sudoku" article, and its only solution.
const PUZZLE = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
const SOLUTION = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";

/** Types a puzzle the way a keyboard user would: digits, arrows to move, nothing else. */
async function typePuzzle(page: Page, puzzle: string): Promise<void> {
  await page.getByRole("gridcell", { name: "Row 1, column 1, empty" }).click();
  for (let r = 0; r < 9; r++) {
    for (let c = 0; c < 9; c++) {
      const ch = puzzle[r * 9 + c]!;
      if (ch !== "0") await page.keyboard.press(ch);
      if (c < 8) await page.keyboard.press("ArrowRight");
    }
    await page.keyboard.press("Home");
    if (r < 8) await page.keyboard.press("ArrowDown");
  }
}

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await expect(page.getByRole("grid", { name: "Sudoku" }).getByRole("gridcell")).toHaveCount(81);
});

test("type a puzzle with the keyboard, press Solve, read the solved grid", async ({ page }) => {
  await typePuzzle(page, PUZZLE);
  await page.getByRole("button", { name: "Solve" }).click();
  await expect(status(page)).toHaveText("Solved.");
  expect(await gridText(page)).toBe(SOLUTION);
  // Solved digits differ from clues beyond colour: a class for the style, and a description.
  const solvedCell = page.getByRole("gridcell", { name: "Row 1, column 3, 4" });
  await expect(solvedCell).toHaveClass(/solved/);
  await expect(solvedCell).toHaveAccessibleDescription("solved");
  await expect(page.getByRole("gridcell", { name: "Row 1, column 1, 5" })).not.toHaveClass(/solved/);
});

test("editing a cell re-solves at once; conflicts are marked and announced", async ({ page }) => {
  await pasteText(page, PUZZLE);
  await expect.poll(() => gridText(page)).toBe(SOLUTION);
  // A second 5 in row 1 is a conflict with the 5 in column 1.
  await page.getByRole("gridcell", { name: "Row 1, column 3, 4" }).click();
  await page.keyboard.press("5");
  await expect(status(page)).toContainText("r1c1, r1c3");
  const conflict = page.getByRole("gridcell", { name: "Row 1, column 3, 5" });
  await expect(conflict).toHaveClass(/conflict/);
  await expect(conflict).toHaveAccessibleDescription(/conflict/);
  await expect.poll(() => gridText(page)).toBe(PUZZLE.slice(0, 2) + "5" + PUZZLE.slice(3));
  // Erasing it brings the solution back without pressing Solve.
  await page.keyboard.press("Backspace");
  await expect.poll(() => gridText(page)).toBe(SOLUTION);
});

test("too few clues: more than one solution, shown on request", async ({ page }) => {
  await pasteText(page, PUZZLE.slice(0, 40) + "0".repeat(41));
  await expect(status(page)).toContainText("More than one solution");
  expect(await gridText(page)).toBe(PUZZLE.slice(0, 40) + "0".repeat(41));
  await page.getByRole("button", { name: "Solve" }).click();
  await expect(status(page)).toContainText("showing one of them");
  expect(await gridText(page)).not.toContain("0");
});

test("no solution is announced; a bad paste says why; Clear empties the grid", async ({ page }) => {
  // No two clues clash, yet r1c3 can hold nothing: its row has 1–7, its column 8 and 9.
  await pasteText(page, "12.34567." + "..8......" + ".".repeat(18) + "..9......" + ".".repeat(36));
  await expect(status(page)).toHaveText("No solution — some clue is wrong.");
  await pasteText(page, "12x");
  await expect(status(page)).toContainText("not a sudoku");
  await pasteText(page, PUZZLE);
  await expect.poll(() => gridText(page)).toBe(SOLUTION);
  await page.getByRole("button", { name: "Clear" }).click();
  await expect.poll(() => gridText(page)).toBe("0".repeat(81));
});

test("mobile digit pad edits the selected cell", async ({ page }) => {
  await page.getByRole("gridcell", { name: "Row 2, column 2, empty" }).click();
  await page.getByRole("group", { name: "Digit pad" }).getByRole("button", { name: "6" }).click();
  await expect(page.getByRole("gridcell", { name: "Row 2, column 2, 6" })).toBeVisible();
  await page.getByRole("button", { name: "Erase cell" }).click();
  await expect(page.getByRole("gridcell", { name: "Row 2, column 2, empty" })).toBeVisible();
});
