import type { Page, PlaywrightTestOptions, PlaywrightWorkerOptions } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath, fakeCameraArgs } from "../../scripts/chromium.ts";

/** `test.use` options for Chromium's fake camera, permission granted, filming `video` (.y4m) if given. */
export function fakeCamera(
  video?: string,
): Pick<PlaywrightTestOptions, "serviceWorkers" | "permissions"> &
  Pick<PlaywrightWorkerOptions, "launchOptions"> {
  return {
    serviceWorkers: "block",
    permissions: ["camera"],
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...fakeCameraArgs(video)] },
  };
}

/** The board's 81 cells as a string, "0" for an empty cell. */
export function gridText(page: Page): Promise<string> {
  return page
    .getByRole("grid", { name: "Sudoku" })
    .getByRole("gridcell")
    .evaluateAll((cells) => cells.map((c) => c.textContent || "0").join(""));
}

/** The grid's aria-live status line (the photo progress region is a second status). */
export function status(page: Page) {
  return page.locator("#status");
}

/** Pastes `text` into the page as a clipboard paste would. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  }, text);
}
