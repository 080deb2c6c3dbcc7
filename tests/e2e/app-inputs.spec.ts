import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";

const SAMPLE = fileURLToPath(new URL("../../public/samples/sample.jpg", import.meta.url));
const SAMPLE_SOLUTION = "637928541248513769519764328391457286462831957875296413756149832923685174184372695";

test.setTimeout(120_000);
test.use({ serviceWorkers: "block" });

const status = (page: Page) => page.locator("#status");
const gridText = (page: Page) =>
  page.getByRole("gridcell").evaluateAll((cells) => cells.map((c) => c.textContent || "0").join(""));

/** Dispatches a paste or a drop carrying the sample photo as a File, as the browser would. */
async function sendPhoto(page: Page, how: "paste" | "drop"): Promise<void> {
  const base64 = readFileSync(SAMPLE).toString("base64");
  await page.evaluate(
    ({ base64, how }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], "sample.jpg", { type: "image/jpeg" }));
      const target = document.querySelector("main")!;
      if (how === "paste")
        target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
      else {
        target.dispatchEvent(new DragEvent("dragenter", { dataTransfer: data, bubbles: true }));
        target.dispatchEvent(
          new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { base64, how },
  );
}

test("a photo dropped anywhere on the page, or pasted, is read", async ({ page }) => {
  await page.goto("./");
  await sendPhoto(page, "drop");
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
  await page.getByRole("button", { name: "Clear" }).click();
  await sendPhoto(page, "paste");
  await expect(status(page)).toHaveText("Solved.", { timeout: 60_000 });
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
});

test("the sample photo button", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: "Try a sample photo" }).click();
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
});

test("camera refused: a clear alert, the page stays usable", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("alert")).toContainText(/Camera permission was denied|No camera was found/);
  await expect(page.locator("#camera")).toBeHidden();
});

test("with Save-Data, pointing at the photo controls starts loading the reader; typing alone never does", async ({
  page,
}) => {
  await page.addInitScript(() =>
    Object.defineProperty(navigator, "connection", { value: { saveData: true, effectiveType: "4g" } }),
  );
  const bigLoads: string[] = [];
  page.on("request", (request) => {
    if (/opencv|weights\.bin/.test(request.url())) bigLoads.push(request.url());
  });
  await page.goto("./");
  await page.getByRole("gridcell", { name: "Row 1, column 1, empty" }).click();
  await page.keyboard.press("4");
  await page.waitForTimeout(1_000);
  expect(bigLoads).toEqual([]);
  await page.getByRole("button", { name: "Try a sample photo" }).hover();
  await expect(page.locator("#progress-text")).toHaveText("Ready for a photo.", { timeout: 90_000 });
  expect(bigLoads.length).toBeGreaterThan(0);
});

test("otherwise the reader loads by itself once the page is idle, with no interaction", async ({ page }) => {
  const bigLoads: string[] = [];
  page.on("request", (request) => {
    if (/opencv|digits\/weights\.bin/.test(request.url())) bigLoads.push(request.url());
  });
  await page.goto("./");
  await expect(page.locator("#progress-text")).toHaveText("Ready for a photo.", { timeout: 90_000 });
  expect(bigLoads.length).toBeGreaterThanOrEqual(3);
});
