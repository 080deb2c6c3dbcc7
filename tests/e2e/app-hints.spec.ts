import { expect, test, type Page } from "@playwright/test";
import { gridText, pasteText, status } from "./helpers.ts";

// Wikipedia's example puzzle and its only solution.
const PUZZLE = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
const SOLUTION = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";
const SAMPLE_SOLUTION = "637928541248513769519764328391457286462831957875296413756149832923685174184372695";

test.use({ serviceWorkers: "block" });

const hintStatus = (page: Page) => page.locator("#hint-status");

const cellNameOf = (index: number, shown: string) =>
  `Row ${Math.floor(index / 9) + 1}, column ${(index % 9) + 1}, ${shown}`;

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await expect(page.getByRole("grid", { name: "Sudoku" }).getByRole("gridcell")).toHaveCount(81);
});

test("hidden solution, two-press hint, Check my grid, and a reload that keeps it all", async ({ page }) => {
  const hide = page.getByRole("switch", { name: "Hide the solution" });
  await hide.check();
  await pasteText(page, PUZZLE);
  await expect(status(page)).toHaveText("One solution (hidden). Press Hint for a next step.");
  await expect(page.locator("#difficulty")).toHaveText(/^Difficulty: (Easy|Medium|Hard|Expert|Extreme)/);
  expect(await gridText(page)).toBe(PUZZLE);

  // First press: a technique and a cell named like r3c4, the cell highlighted; nothing placed yet.
  await page.getByRole("button", { name: "Hint" }).click();
  await expect(hintStatus(page)).toHaveText(/^(Full house|Naked single|Hidden single): .*r\dc\d/);
  const message = (await hintStatus(page).textContent())!;
  const [, digit, row, col] = /Press Hint again to place (\d) in r(\d)c(\d)\.$/.exec(message)!;
  const index = (Number(row) - 1) * 9 + Number(col) - 1;
  const target = page.getByRole("gridcell", { name: cellNameOf(index, "empty") });
  await expect(target).toHaveAccessibleDescription(/highlighted/);
  expect(await gridText(page)).toBe(PUZZLE);

  // Second press: the right digit, as the user's entry; the rest stays hidden.
  await page.getByRole("button", { name: "Hint" }).click();
  await expect(hintStatus(page)).toHaveText(`Placed ${digit} in r${row}c${col}.`);
  expect(digit).toBe(SOLUTION[index]);
  const placed = page.getByRole("gridcell", { name: cellNameOf(index, digit!) });
  await expect(placed).toHaveAccessibleDescription("your entry");
  const afterHint = await gridText(page);
  expect(afterHint[index]).toBe(digit);
  expect(afterHint.split("").filter((d) => d === "0")).toHaveLength(PUZZLE.split("0").length - 2);

  // A wrong entry (r1c3 is 4 in the solution) is flagged by Check my grid, and nothing else is shown.
  await page.getByRole("gridcell", { name: cellNameOf(2, "empty") }).click();
  await page.keyboard.press("9");
  await page.getByRole("button", { name: "Check my grid" }).click();
  await expect(hintStatus(page)).toHaveText("One entry contradicts the solution: r1c3 (marked ✗).");
  await expect(page.getByRole("gridcell", { name: cellNameOf(2, "9") })).toHaveAccessibleDescription(
    /wrong entry/,
  );
  const checked = await gridText(page);
  expect(checked.split("").filter((d) => d === "0")).toHaveLength(PUZZLE.split("0").length - 3);

  // A reload (or a closed tab) keeps the puzzle, the entries and the switch.
  await page.reload();
  await expect(page.getByRole("switch", { name: "Hide the solution" })).toBeChecked();
  await expect.poll(() => gridText(page)).toBe(checked);
  await expect(page.getByRole("gridcell", { name: cellNameOf(index, digit!) })).toHaveClass(/entry/);
  await expect(page.getByRole("gridcell", { name: cellNameOf(0, "5") })).toHaveClass(/given/);
  // The wrong entry is pointed out before any logic.
  await page.getByRole("button", { name: "Hint" }).click();
  await expect(hintStatus(page)).toHaveText(/^r1c3 does not match the solution/);

  // Clear empties what is stored too.
  await page.getByRole("button", { name: "Clear" }).click();
  await page.reload();
  await expect.poll(() => gridText(page)).toBe("0".repeat(81));
});

test("damaged or foreign stored data is ignored with a note, never a crash", async ({ page }) => {
  await page.evaluate(() => {
    localStorage.setItem("sudoku-lens:puzzle", '{"app":"sudoku-lens","version":1,"clues":"12"}');
    localStorage.setItem("sudoku-lens:settings", "not json at all");
  });
  await page.reload();
  await expect(status(page)).toHaveText(
    "The saved puzzle could not be restored (damaged data) and was ignored.",
  );
  await expect(hintStatus(page)).toContainText("The saved settings could not be restored");
  expect(await gridText(page)).toBe("0".repeat(81));
  await pasteText(page, PUZZLE);
  await expect.poll(() => gridText(page)).toBe(SOLUTION);
});

test("hints on a puzzle read from a photo; the reading survives a reload", async ({ page }) => {
  test.setTimeout(150_000);
  await page.getByRole("switch", { name: "Hide the solution" }).check();
  await page.getByRole("button", { name: "Try a sample photo" }).click();
  await expect(status(page)).toHaveText("One solution (hidden). Press Hint for a next step.", {
    timeout: 120_000,
  });
  const clues = await gridText(page);
  expect(clues.split("").every((d, i) => d === "0" || d === SAMPLE_SOLUTION[i])).toBe(true);
  await page.getByRole("button", { name: "Hint" }).click();
  await expect(hintStatus(page)).toHaveText(/r\dc\d.*Press Hint again/);
  await page.reload();
  await expect.poll(() => gridText(page)).toBe(clues);
  await expect(page.getByRole("gridcell", { name: /, [1-9]$/ }).first()).toHaveClass(/given/);
});
