import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { parseGrid } from "../../src/solver/parse.ts";
import { solve } from "../../src/solver/solve.ts";
import { writeHandHeldClip } from "../../tooling/hand-held-clip.ts";
import { fixtureLabels, fixturePhotoUrl } from "../fixtures/fixture-photos.ts";
import { fakeCamera } from "./helpers.ts";

const PHOTO = "image10.jpg";
const LABEL = fixtureLabels[PHOTO]!;
// Made in beforeAll, per worker process; Chromium opens it only when the page asks for the camera.
const CLIP = join(tmpdir(), `sudoku-lens-live-${process.pid}.y4m`);

/** The label's puzzle, solved: what the grid must show after a right read. */
function expectedSolution(): string {
  const parsed = parseGrid(LABEL);
  if (!parsed.ok) throw new Error("bad label");
  const result = solve(parsed.grid);
  if (result.kind !== "solved") throw new Error(`label not solvable: ${result.kind}`);
  return result.solution.join("");
}

test.setTimeout(120_000);
// Chromium's fake camera films the clip: a fixture photo held by an unsteady hand, looped.
test.use(fakeCamera(CLIP));

test.beforeAll(async () => {
  await writeHandHeldClip(fileURLToPath(fixturePhotoUrl(PHOTO)), CLIP);
});
test.afterAll(() => rmSync(CLIP, { force: true }));

const status = (page: Page) => page.locator("#status");
const gridText = (page: Page) =>
  page.getByRole("gridcell").evaluateAll((cells) => cells.map((c) => c.textContent || "0").join(""));
const video = (page: Page) => page.getByLabel("Camera preview");
/** The fake camera needs a few seconds to start on a loaded machine. */
const cameraStarted = (page: Page) =>
  expect
    .poll(() => video(page).evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 30_000 })
    .toBeGreaterThan(0);
const overlayData = (page: Page) =>
  page.locator("#camera-overlay").evaluate((c: HTMLCanvasElement) => ({
    frames: Number(c.dataset["overlayFrames"] ?? 0),
    digits: Number(c.dataset["answerDigits"] ?? 0),
  }));

test("pointing the camera at a sudoku reads and solves it with no press; the answer rides on the live video", async ({
  page,
}) => {
  await page.goto("./");
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.locator("#camera-hint")).toHaveText(/Grid found|Hold still|Point the camera/);
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  expect(await gridText(page)).toBe(expectedSolution());
  await expect(page.locator("#camera-hint")).toHaveText(/^Solved/);
  // Still live: the video plays on and the overlay keeps drawing the missing digits on it.
  const before = await video(page).evaluate((v: HTMLVideoElement) => v.currentTime);
  const drawn = await overlayData(page);
  await expect
    .poll(() => video(page).evaluate((v: HTMLVideoElement) => v.currentTime))
    .toBeGreaterThan(before + 0.5);
  expect(await video(page).evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
  await expect.poll(async () => (await overlayData(page)).frames).toBeGreaterThan(drawn.frames + 5);
  // Every blank cell of the paper gets its digit drawn.
  const blanks = [...LABEL].filter((d) => d === "0").length;
  await expect.poll(async () => (await overlayData(page)).digits).toBe(blanks);
  await expect(page.locator("#camera")).toBeVisible();
});

test("the shutter still freezes the current frame and reads it like a photo", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: "Use the camera" }).click();
  await cameraStarted(page);
  await page.getByRole("button", { name: "Take the photo" }).click();
  await expect(page.locator("#camera")).toBeHidden();
  await expect(page.locator("#photo-figure")).toBeVisible({ timeout: 90_000 });
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  expect(await gridText(page)).toBe(expectedSolution());
});

test("hiding the page stops the camera: the track ends and the preview closes", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: "Use the camera" }).click();
  await cameraStarted(page);
  const handle = await video(page).evaluateHandle(
    (v: HTMLVideoElement) => (v.srcObject as MediaStream).getVideoTracks()[0]!,
  );
  expect(await handle.evaluate((t) => t.readyState)).toBe("live");
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  expect(await handle.evaluate((t) => t.readyState)).toBe("ended");
  await expect(page.locator("#camera")).toBeHidden();
});

for (const [name, message] of [
  ["NotAllowedError", /Camera permission was denied/],
  ["NotFoundError", /No camera was found/],
  ["NotReadableError", /in use by another app/],
] as const) {
  test(`camera failure ${name} is still answered with its alert`, async ({ page }) => {
    await page.addInitScript((errorName) => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("fake", errorName));
    }, name);
    await page.goto("./");
    await page.getByRole("button", { name: "Use the camera" }).click();
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.locator("#camera")).toBeHidden();
  });
}
