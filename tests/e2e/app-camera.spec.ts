import { expect, test } from "@playwright/test";
import { fakeCamera } from "./helpers.ts";

test.setTimeout(120_000);
// Chromium's fake camera, permission granted: a stand-in for a phone's rear camera.
test.use(fakeCamera());

test("camera mode previews and captures a still, which is read like any photo", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByLabel("Camera preview")).toBeVisible();
  await expect(page.getByRole("button", { name: "Take the photo" })).toBeFocused();
  await expect
    .poll(() => page.getByLabel("Camera preview").evaluate((v: HTMLVideoElement) => v.videoWidth))
    .toBeGreaterThan(0);
  await page.getByRole("button", { name: "Take the photo" }).click();
  await expect(page.locator("#camera")).toBeHidden();
  // Chromium's fake camera films a test pattern, not a sudoku: the read ends in a clear alert.
  await expect(page.getByRole("alert")).toContainText(/No sudoku grid found|no digits were read/, {
    timeout: 90_000,
  });
});
