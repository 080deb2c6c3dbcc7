import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Point } from "../../src/shared/image.ts";
import { DOTTED_CLUES, renderDottedGrid } from "../fixtures/dotted-grid.ts";

// Each test reads a photo; the first read in a fresh page loads OpenCV.js and the model.
test.setTimeout(120_000);
// Tall enough that the whole photo is on screen: mouse events outside the viewport go nowhere.
test.use({ serviceWorkers: "block", viewport: { width: 1280, height: 1100 } });

const photo = renderDottedGrid();
const CORNERS = ["Top-left corner", "Top-right corner", "Bottom-right corner", "Bottom-left corner"];

function givenText(page: Page): Promise<string> {
  return page
    .getByRole("grid", { name: "Sudoku" })
    .getByRole("gridcell")
    .evaluateAll((cells) => cells.map((c) => (c.classList.contains("given") ? c.textContent : "0")).join(""));
}

/** Where photo pixel `p` is on the screen. */
async function onScreen(page: Page, p: Point): Promise<Point> {
  const box = (await page.locator("#photo-img").boundingBox())!;
  return { x: box.x + (p.x * box.width) / photo.width, y: box.y + (p.y * box.height) / photo.height };
}

async function centre(handle: Locator): Promise<Point> {
  const box = (await handle.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Upload the dotted grid: the finder misses it, and the photo comes back with four handles. */
async function uploadUnfindable(page: Page): Promise<void> {
  await page.goto("./");
  await page.getByLabel("Choose a photo").setInputFiles({
    name: "dotted.png",
    mimeType: "image/png",
    buffer: photo.png,
  });
  await expect(page.getByRole("alert")).toContainText("No sudoku grid found", { timeout: 90_000 });
  for (const name of CORNERS) await expect(page.getByRole("button", { name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Read these corners" })).toBeVisible();
}

test("no grid found: drag the four corners with the mouse, read them, adjust them again", async ({
  page,
}) => {
  await uploadUnfindable(page);
  for (const [i, name] of CORNERS.entries()) {
    const handle = page.getByRole("button", { name });
    const from = await centre(handle);
    const to = await onScreen(page, photo.corners[i]!);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
  }
  await page.getByRole("button", { name: "Read these corners" }).click();
  await expect(page.locator("#status")).toHaveText("Solved.", { timeout: 60_000 });
  expect(await givenText(page)).toBe(DOTTED_CLUES);
  await expect(page.getByRole("button", { name: "Top-left corner" })).toBeHidden();

  // After a read, the corners it used can be opened again.
  await page.getByRole("button", { name: "Adjust corners" }).click();
  const handle = page.getByRole("button", { name: "Bottom-right corner" });
  const at = await centre(handle);
  const expected = await onScreen(page, photo.corners[2]);
  expect(Math.hypot(at.x - expected.x, at.y - expected.y)).toBeLessThan(2);
});

test("no grid found: move each corner with the arrow keys (Shift for big steps), then read", async ({
  page,
}) => {
  await uploadUnfindable(page);
  for (const [i, name] of CORNERS.entries()) {
    const handle = page.getByRole("button", { name });
    await handle.focus();
    const target = await onScreen(page, photo.corners[i]!);
    for (let presses = 0; presses < 200; presses++) {
      const at = await centre(handle);
      const [dx, dy] = [target.x - at.x, target.y - at.y];
      if (Math.abs(dx) < 1 && Math.abs(dy) < 1) break;
      const horizontal = Math.abs(dx) >= Math.abs(dy);
      const far = Math.max(Math.abs(dx), Math.abs(dy)) > 10;
      const key = horizontal ? (dx > 0 ? "ArrowRight" : "ArrowLeft") : dy > 0 ? "ArrowDown" : "ArrowUp";
      await page.keyboard.press(far ? `Shift+${key}` : key);
      const moved = await centre(handle);
      expect(Math.hypot(moved.x - at.x, moved.y - at.y), "a key press moves the handle").toBeGreaterThan(0);
    }
  }
  await page.getByRole("button", { name: "Read these corners" }).click();
  await expect(page.locator("#status")).toHaveText("Solved.", { timeout: 60_000 });
  expect(await givenText(page)).toBe(DOTTED_CLUES);
});
